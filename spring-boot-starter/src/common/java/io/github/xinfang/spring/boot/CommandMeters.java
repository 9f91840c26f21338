package io.github.xinfang.spring.boot;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.service.CommandObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;

/**
 * The case service's commands as Micrometer meters: the timer {@code xinfang.commands} by {@code command} (the
 * command's record name), {@code outcome} ({@code applied}, {@code replayed}, {@code rejected}, {@code conflict}) and
 * {@code code} (the rejection code, or {@code none}), and the counter {@code xinfang.commands.retries} by
 * {@code command} (a version conflict that made the service start a command again). Ids and codes only: no tag holds
 * a case id or personal data. Thread-safe.
 */
final class CommandMeters implements CommandObserver {
    private final MeterRegistry registry;

    CommandMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handled(Outcome outcome) {
        Timer.builder("xinfang.commands")
                .description("Commands handled by the xinfang case service")
                .tag("command", outcome.commandType() == null ? "none" : outcome.commandType())
                .tag("outcome", outcome.kind().name().toLowerCase(Locale.ROOT))
                .tag("code", outcome.rejectionCode().map(Enum::name).orElse("none"))
                .register(registry)
                .record(outcome.elapsed());
    }

    @Override
    public void retrying(CaseId caseId, String commandType, int retry) {
        Counter.builder("xinfang.commands.retries")
                .description("Commands the xinfang case service started again after a version conflict")
                .tag("command", commandType == null ? "none" : commandType)
                .register(registry)
                .increment();
    }
}
