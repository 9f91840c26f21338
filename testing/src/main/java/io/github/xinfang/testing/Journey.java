package io.github.xinfang.testing;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A generated command sequence: each command with the instant the portal sends it (never before the legal date it
 * carries). Immutable.
 *
 * @param steps the steps, in order
 * @since 0.4
 */
public record Journey(List<Journey.Step> steps) {
    /** @throws NullPointerException if steps is null */
    public Journey {
        steps = List.copyOf(steps);
    }

    /**
     * One command and when it is sent.
     *
     * @param at the instant the portal sends it (the clock's instant)
     * @param command the command
     */
    public record Step(Instant at, CaseCommand command) {
        /** @throws NullPointerException naming a null component */
        public Step {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(command, "command");
        }
    }

    /** @return the cases the journey acts on, in order of first appearance */
    public Set<CaseId> cases() {
        Set<CaseId> ids = new LinkedHashSet<>();
        for (Step s : steps) ids.add(s.command().caseId());
        return ids;
    }

    /** @return the commands, in order */
    public List<CaseCommand> commands() {
        List<CaseCommand> out = new ArrayList<>(steps.size());
        for (Step s : steps) out.add(s.command());
        return out;
    }

    /**
     * Sends the journey's commands to a case service, moving the clock forward to each step's instant first (never
     * back), and answers their results in order. It stops at nothing: a rejected command is a result like any other.
     *
     * @param service the case service
     * @param clock the service's clock
     * @return each command's result, in order
     */
    public List<CommandResult> runOn(CaseService service, SettableClock clock) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(clock, "clock");
        List<CommandResult> results = new ArrayList<>(steps.size());
        for (Step s : steps) {
            clock.advanceTo(s.at());
            results.add(service.handle(s.command()));
        }
        return results;
    }

    /**
     * @return the journey as Java statements a test can paste: the clock set to each step's instant, then the command
     *     handled ({@code clock} a {@link SettableClock}, {@code service} a {@code CaseService})
     */
    public String toJava() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append("clock.set(Instant.parse(\"").append(s.at()).append("\"));\n");
            sb.append("service.handle(").append(JavaText.of(s.command())).append(");\n");
        }
        return sb.toString();
    }
}
