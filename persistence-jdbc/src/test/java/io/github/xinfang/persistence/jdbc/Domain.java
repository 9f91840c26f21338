package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain fixtures for the tests that drive {@code CaseService} over the adapter (a copy of what core's own
 * tests use, which other modules cannot see): a small directory in 港北区, a fixed clock, and the seven
 * commands of a claim's lifecycle. Stateless.
 */
final class Domain {
    private Domain() {}

    static final RegionCode REGION = new RegionCode("450802");
    static final UnitId OFFICE = new UnitId("office");
    static final UnitId HOUSING = new UnitId("housing");
    static final UnitId LABOUR = new UnitId("labour");

    static final OrganisationDirectory DIRECTORY = OrganisationDirectory.of(
            List.of(new OrganisationDirectory.Unit(OFFICE, "港北区信访局", "petition-office", "county", REGION, null),
                    new OrganisationDirectory.Unit(HOUSING, "港北区住建局", "department", "county", REGION, null),
                    new OrganisationDirectory.Unit(LABOUR, "港北区人社局", "department", "county", REGION, null)),
            List.of(new OrganisationDirectory.Official(new OfficialId("office-clerk"), OFFICE, "登记员", "乡科级副职", false),
                    new OrganisationDirectory.Official(new OfficialId("office-head"), OFFICE, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(new OfficialId("housing-staff"), HOUSING, "科员", "乡科级副职", false),
                    new OrganisationDirectory.Official(new OfficialId("housing-head"), HOUSING, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(new OfficialId("labour-staff"), LABOUR, "科员", "乡科级副职", false),
                    new OrganisationDirectory.Official(new OfficialId("labour-head"), LABOUR, "局长", "乡科级正职", true)));

    /** A clock standing after every fact the lifecycle dates (facts may not lie in the future). */
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-30T02:00:00Z"));

    static Actor clerk() {
        return Actor.official(new OfficialId("office-clerk"), OFFICE);
    }

    static Actor staffOf(UnitId unit) {
        return Actor.official(new OfficialId(unit.value() + "-staff"), unit);
    }

    static Actor headOf(UnitId unit) {
        return Actor.official(new OfficialId(unit.value() + "-head"), unit);
    }

    static PetitionForm claim() {
        return new PetitionForm(LocalDate.parse("2026-03-02"), Channel.VISIT, Category.CLAIM, "城乡建设", REGION.value(), true,
                null, List.of(new PetitionForm.Petitioner("覃建国", null, "13977512345", null)), null, null, "房屋征收补偿未到位。");
    }

    /** The number of commands in {@link #lifecycle}. */
    static final int LIFECYCLE_STEPS = 7;

    /**
     * Step {@code step} (0 to 6) of a claim's lifecycle: register, route, inform the petitioner, accept,
     * propose a conclusion, approve it, serve the reply, with facts dated in that order.
     */
    static CaseCommand step(CaseId id, int step, UnitId unit, String key) {
        IdempotencyKey k = new IdempotencyKey(key);
        switch (step) {
            case 0: return new ProcedureCommand.Register(id, k, clerk(), claim(), null);
            case 1: return new ProcedureCommand.Route(id, k, clerk(), unit, LocalDate.parse("2026-03-04"));
            case 2: return new ProcedureCommand.InformPetitioner(id, k, staffOf(unit), LocalDate.parse("2026-03-06"));
            case 3: return new ProcedureCommand.Accept(id, k, staffOf(unit), LocalDate.parse("2026-03-06"));
            case 4: return new ProcedureCommand.ProposeConclusion(id, k, staffOf(unit), Outcome.EXPLAINED, "依法解释说明。",
                    LocalDate.parse("2026-04-20"));
            case 5: return new ProcedureCommand.ApproveConclusion(id, k, headOf(unit), LocalDate.parse("2026-04-21"));
            case 6: return new ProcedureCommand.ServeReply(id, k, staffOf(unit), LocalDate.parse("2026-04-22"));
            default: throw new IllegalArgumentException("step " + step);
        }
    }

    /** The whole lifecycle of a case, keys {@code prefix/0} to {@code prefix/6}. */
    static List<CaseCommand> lifecycle(CaseId id, UnitId unit, String prefix) {
        List<CaseCommand> commands = new ArrayList<>(LIFECYCLE_STEPS);
        for (int s = 0; s < LIFECYCLE_STEPS; s++) commands.add(step(id, s, unit, prefix + "/" + s));
        return commands;
    }

    /** A stored case's history decoded with the codec. */
    static List<CaseEvent> decode(CaseCodec codec, StoredCase stored) {
        List<CaseEvent> events = new ArrayList<>(stored.events().size());
        for (StoredEvent e : stored.events()) events.add(codec.decode(e));
        return events;
    }

    /**
     * Replays a stored case's decoded history, and decodes its snapshot (written every few commits: rule S10 of
     * {@code CaseStore}) and brings it up to date with the events after it.
     *
     * @return {replayed state, stored snapshot's state brought up to date}: equal for a consistent case. When the
     *     snapshot is not the history up to it replayed, {history up to the snapshot replayed, snapshot's state}
     */
    static CaseState[] replayedAndStored(CaseCodec codec, StoredCase stored) {
        List<CaseEvent> history = decode(codec, stored);
        CaseState snapshot = codec.decodeSnapshot(stored.snapshot());
        int upTo = (int) Math.min(snapshot.lastSequence(), history.size());
        CaseState replayedUpTo = CaseState.replay(history.subList(0, upTo));
        if (!replayedUpTo.equals(snapshot)) return new CaseState[] {replayedUpTo, snapshot};
        CaseState current = snapshot;
        for (CaseEvent e : history.subList(upTo, history.size())) current = CaseState.evolve(current, e);
        return new CaseState[] {CaseState.replay(history), current};
    }
}
