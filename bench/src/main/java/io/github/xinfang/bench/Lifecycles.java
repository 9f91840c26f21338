package io.github.xinfang.bench;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.persistence.CaseStore;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A full case lifecycle for the benchmarks: registration, routing, telling the petitioner, acceptance, an
 * extension, a proposal returned for rework, a second proposal, approval, the reply, review and re-review:
 * {@value #COMMITS} commands, each one commit of one event, covering 12 of the 20 event types. Fake data.
 * Immutable. Its directory and clock also serve the JDBC benchmarks ({@code bench.jdbc}).
 */
public final class Lifecycles {
    private Lifecycles() {}

    /** Commits (and events) of one lifecycle. */
    static final int COMMITS = 14;

    /** The district of the directory's units (港北区). */
    public static final RegionCode REGION = new RegionCode("450802");
    /** The petition office. */
    public static final UnitId OFFICE = new UnitId("office");
    /** The housing bureau the cases are routed to. */
    public static final UnitId HOUSING = new UnitId("housing");
    /** The urban management bureau, whose deputy head {@link #peerPath}'s petition accuses. */
    public static final UnitId URBAN = new UnitId("urban");
    /** Stands after every fact the commands date. */
    public static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-30T02:00:00Z"));
    /** The petition office, the housing bureau and the urban management bureau, and their five officials. */
    public static final OrganisationDirectory DIRECTORY = OrganisationDirectory.of(
            List.of(new OrganisationDirectory.Unit(OFFICE, "港北区信访局", "petition-office", "county", REGION, null),
                    new OrganisationDirectory.Unit(HOUSING, "港北区住建局", "department", "county", REGION, null),
                    new OrganisationDirectory.Unit(URBAN, "港北区城管局", "department", "county", REGION, null)),
            List.of(new OrganisationDirectory.Official(new OfficialId("office-clerk"), OFFICE, "登记员", "乡科级副职", false),
                    new OrganisationDirectory.Official(new OfficialId("office-head"), OFFICE, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(new OfficialId("housing-staff"), HOUSING, "科员", "乡科级副职", false),
                    new OrganisationDirectory.Official(new OfficialId("housing-head"), HOUSING, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(new OfficialId("urban-deputy"), URBAN, "副局长", "乡科级副职", false)));

    private static final Actor CLERK = Actor.official(new OfficialId("office-clerk"), OFFICE);
    private static final Actor OFFICE_HEAD = Actor.official(new OfficialId("office-head"), OFFICE);
    private static final Actor STAFF = Actor.official(new OfficialId("housing-staff"), HOUSING);
    private static final Actor HEAD = Actor.official(new OfficialId("housing-head"), HOUSING);

    public static CaseService service(CaseStore store) {
        return CaseService.builder(store, DIRECTORY, CLOCK).build();
    }

    /** @return the commands of one lifecycle of the given case, in order */
    static List<CaseCommand> commands(CaseId id) {
        PetitionForm form = new PetitionForm(d("2026-03-02"), Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true, null,
                List.of(new PetitionForm.Petitioner("测试甲", null, "13800000000", null)), null, null, "样例：虚构的信访事项。");
        List<CaseCommand> c = new ArrayList<>(COMMITS);
        int k = 0;
        c.add(new ProcedureCommand.Register(id, key(++k), CLERK, form, null));
        c.add(new ProcedureCommand.Route(id, key(++k), CLERK, HOUSING, d("2026-03-04")));
        c.add(new ProcedureCommand.InformPetitioner(id, key(++k), STAFF, d("2026-03-06")));
        c.add(new ProcedureCommand.Accept(id, key(++k), STAFF, d("2026-03-06")));
        c.add(new ProcedureCommand.Extend(id, key(++k), HEAD, 30, "样例：需补充调查。", d("2026-04-20"), d("2026-04-21")));
        c.add(new ProcedureCommand.ProposeConclusion(id, key(++k), STAFF, Outcome.SUPPORTED, "样例：予以支持。", d("2026-04-22")));
        c.add(new ProcedureCommand.ReturnForRework(id, key(++k), HEAD, "样例：证据不足。"));
        c.add(new ProcedureCommand.ProposeConclusion(id, key(++k), STAFF, Outcome.EXPLAINED, "样例：解释说明。", d("2026-04-28")));
        c.add(new ProcedureCommand.ApproveConclusion(id, key(++k), HEAD, d("2026-04-29")));
        c.add(new ProcedureCommand.ServeReply(id, key(++k), STAFF, d("2026-04-30")));
        c.add(new ProcedureCommand.RequestReview(id, key(++k), OFFICE_HEAD, d("2026-05-15")));
        c.add(new ProcedureCommand.ConcludeReview(id, key(++k), OFFICE_HEAD, "样例：维持。", d("2026-06-05")));
        c.add(new ProcedureCommand.ServeReviewOpinion(id, key(++k), OFFICE_HEAD, d("2026-06-08")));
        c.add(new ProcedureCommand.RequestReReview(id, key(++k), OFFICE_HEAD, d("2026-06-20")));
        if (c.size() != COMMITS) throw new AssertionError(c.size());
        return c;
    }

    /**
     * The path every contender of {@code PeersBenchmark} runs, in xinfang's commands: register (a petition naming the
     * urban management bureau's deputy head as accused), route, accept, propose, return for rework, propose, approve, serve the
     * reply, request a review, conclude the review. Built anew at each call, as a portal builds commands from requests.
     *
     * @param id the case
     * @return {@value #PEER_PATH} commands
     */
    public static List<CaseCommand> peerPath(CaseId id) {
        PetitionForm form = new PetitionForm(d("2026-03-02"), Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true, null,
                List.of(new PetitionForm.Petitioner("测试甲", null, "13800000000", null)), null,
                List.of(PetitionForm.AccusedParty.official(new OfficialId("urban-deputy"))), "样例：虚构的信访事项。");
        int k = 0;
        return List.of(
                new ProcedureCommand.Register(id, key(++k), CLERK, form, null),
                new ProcedureCommand.Route(id, key(++k), CLERK, HOUSING, d("2026-03-04")),
                new ProcedureCommand.Accept(id, key(++k), STAFF, d("2026-03-06")),
                new ProcedureCommand.ProposeConclusion(id, key(++k), STAFF, Outcome.SUPPORTED, "样例：予以支持。", d("2026-04-22")),
                new ProcedureCommand.ReturnForRework(id, key(++k), HEAD, "样例：证据不足。"),
                new ProcedureCommand.ProposeConclusion(id, key(++k), STAFF, Outcome.EXPLAINED, "样例：解释说明。", d("2026-04-28")),
                new ProcedureCommand.ApproveConclusion(id, key(++k), HEAD, d("2026-04-29")),
                new ProcedureCommand.ServeReply(id, key(++k), STAFF, d("2026-04-30")),
                new ProcedureCommand.RequestReview(id, key(++k), OFFICE_HEAD, d("2026-05-15")),
                new ProcedureCommand.ConcludeReview(id, key(++k), OFFICE_HEAD, "样例：维持。", d("2026-06-05")));
    }

    /** Commands of {@link #peerPath}. */
    public static final int PEER_PATH = 10;

    /**
     * Runs the commands through a service.
     *
     * @throws IllegalStateException if a command is not applied (the benchmark would measure rejections)
     */
    public static void run(CaseService service, List<CaseCommand> commands) {
        for (CaseCommand command : commands) {
            CommandResult r = service.handle(command);
            if (!(r instanceof CommandResult.Applied)) {
                throw new IllegalStateException(command.getClass().getSimpleName() + " not applied: " + r);
            }
        }
    }

    /**
     * Runs one lifecycle.
     *
     * @throws IllegalStateException if a command is not applied (the benchmark would measure rejections)
     */
    static void run(CaseService service, CaseId id) {
        run(service, commands(id));
    }

    private static IdempotencyKey key(int k) {
        return new IdempotencyKey("k" + k);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
