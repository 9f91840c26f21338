package io.github.xinfang.examples;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.BatchReports;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.Handover;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.TimeLimits;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backlog campaign (积案化解) in 港北区 on the embedded in-memory store: twelve old cases handed down by
 * 贵港市 in one batch, package leaders assigned by rank (hard cases to the executive deputy district head), one
 * petitioner petitioning again three times so the case escalates to the district head (提级包案) with a
 * replacement clock, a deputy district head changing post and handing over his cases (新官理旧账), claims
 * returned and crossed off, and the batch report with its ratios. Prints no personal data.
 */
public final class BacklogCampaignDemo {
    private static final UnitId OFFICE = new UnitId("gb-xfj");            // 港北区信访局
    private static final UnitId LAND = new UnitId("gb-zrzyj");            // 港北区自然资源局
    private static final UnitId DISTRICT = new UnitId("gb-zf");           // 港北区人民政府
    private static final OfficialId CLERK = new OfficialId("xfj-001");
    private static final OfficialId OFFICE_HEAD = new OfficialId("xfj-head");
    private static final OfficialId LAND_HEAD = new OfficialId("zrzyj-head");
    private static final OfficialId LAND_STAFF = new OfficialId("zrzyj-021");
    private static final OfficialId DEPUTY_A = new OfficialId("zf-fqz-1");   // 副区长, changes post
    private static final OfficialId DEPUTY_B = new OfficialId("zf-fqz-2");   // 副区长, successor
    private static final OfficialId EXECUTIVE = new OfficialId("zf-cwfqz");  // 常务副区长
    private static final OfficialId HEAD = new OfficialId("zf-qz");          // 区长
    private static final Resolution.BatchId BATCH = new Resolution.BatchId("gg-2026-jb-2");

    private BacklogCampaignDemo() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the demo, printing to {@code out}.
     *
     * @param out where to print
     * @return the batch's progress at the end
     */
    public static BatchReports.Progress run(PrintStream out) {
        OrganisationDirectory directory = OrganisationDirectory.of(
                List.of(Gangbei.unit(OFFICE, "港北区信访局", "petition-office"),
                        Gangbei.unit(LAND, "港北区自然资源局", "department"),
                        Gangbei.unit(DISTRICT, "港北区人民政府", "government")),
                List.of(Gangbei.registrar(CLERK, OFFICE),
                        Gangbei.bureauHead(OFFICE_HEAD, OFFICE),
                        Gangbei.bureauHead(LAND_HEAD, LAND),
                        Gangbei.staff(LAND_STAFF, LAND),
                        new OrganisationDirectory.Official(DEPUTY_A, DISTRICT, "副区长", "县处级副职", false),
                        new OrganisationDirectory.Official(DEPUTY_B, DISTRICT, "副区长", "县处级副职", false),
                        new OrganisationDirectory.Official(EXECUTIVE, DISTRICT, "常务副区长", "县处级正职", false),
                        new OrganisationDirectory.Official(HEAD, DISTRICT, "区长", "县处级正职", true)));
        DemoClock clock = new DemoClock("2026-03-02T01:00:00Z");
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = CaseService.builder(store, directory, clock).build();
        AtomicInteger keys = new AtomicInteger();
        Actor clerk = Actor.official(CLERK, OFFICE);
        Actor officeHead = Actor.official(OFFICE_HEAD, OFFICE);
        Actor landHead = Actor.official(LAND_HEAD, LAND);

        out.println("Backlog campaign: batch " + BATCH + " (贵港市第二批交办积案), 12 cases");
        for (int i = 1; i <= 12; i++) {
            CaseId id = id(i);
            run(service, out, new ProcedureCommand.Register(id, key(keys), clerk, new PetitionForm(d("2019-05-06").plusDays(30L * i),
                    Channel.VISIT, Category.CLAIM, "自然资源", Gangbei.REGION.value(), true, null,
                    List.of(new PetitionForm.Petitioner("黄志强", null, null, null)), 1, null, "征地补偿争议（示例文本）。"), null), false);
            run(service, out, new ResolutionCommand.EnrolInBatch(id, key(keys), officeHead, BATCH, Resolution.IssuingLevel.CITY, "第二批交办积案",
                    d("2026-06-30"), d("2026-03-02")), false);
            if (i <= 2) run(service, out, new ResolutionCommand.FlagHardCase(id, key(keys), officeHead, "钉子案", d("2026-03-02")), true);
        }
        clock.set("2026-03-04T01:00:00Z");
        // A deputy (县处级副职) is refused for a hard case: RANK_TOO_LOW; the executive deputy takes both.
        run(service, out, assign(id(1), DEPUTY_A, officeHead, keys), true);
        for (int i = 1; i <= 12; i++) run(service, out, assign(id(i), i <= 2 ? EXECUTIVE : DEPUTY_A, officeHead, keys), i <= 3);
        run(service, out, new ResolutionCommand.RecordPlan(id(3), key(keys), landHead, List.of(new ResolutionCommand.PlanStepForm("约谈信访人", d("2026-03-10")),
                new ResolutionCommand.PlanStepForm("落实补偿款", d("2026-04-30"))), d("2026-03-04")), true);

        // Case 5's petitioner comes back three times, once to the city: 提级包案 to the district head.
        for (String day : List.of("2026-03-16", "2026-03-23", "2026-03-30")) {
            clock.set(day + "T01:00:00Z");
            run(service, out, new ActivityCommand.RecordRepeatPetition(id(5), key(keys), clerk, d(day), Channel.VISIT, 1,
                    day.endsWith("23") ? CaseActivity.SkippedLevel.SKIPPED_LEVEL : CaseActivity.SkippedLevel.NONE), true);
        }
        for (TimeLimits.ObligationStatus st : service.obligations(id(5), clock.instant()).orElseThrow()) {
            if (!(st.source() instanceof DutyId)) continue;   // the procedure's clocks; this campaign watches the duties
            out.printf("  duty %-22s started %s  due %s  %s%n", st.source(), st.startedOn(), st.dueOn(), st.state());
        }
        clock.set("2026-04-02T01:00:00Z");
        run(service, out, new ResolutionCommand.ReplacePackageLeader(id(5), key(keys), officeHead, HEAD, LAND, List.of(LAND_STAFF),
                List.of(), Resolution.ReplacementReason.ESCALATION, d("2026-04-02")), true);
        for (TimeLimits.ObligationStatus st : service.obligations(id(5), clock.instant()).orElseThrow()) {
            if (st.source() instanceof DutyId duty && duty.kind() == DutyId.Kind.REPLACEMENT) {
                out.printf("  duty %-22s met %s  %s%n", duty, st.metOn(), st.state());
            }
        }

        // 新官理旧账: deputy A moves to another post; his cases go to deputy B, each case recording it.
        clock.set("2026-04-20T01:00:00Z");
        Handover handover = Handover.create(service);
        Handover.Report moved = handover.run("港北组干〔2026〕17号", DEPUTY_A, DEPUTY_B, d("2026-04-20"));
        Handover.Report again = handover.run("港北组干〔2026〕17号", DEPUTY_A, DEPUTY_B, d("2026-04-20"));
        out.println("Handover " + moved.operationId() + ": " + moved.moved().size() + " cases moved, " + moved.notMoved().size()
                + " not moved; run again: " + again.moved().size() + " moved.");
        LeaderWorkload b = store.workload(DEPUTY_B.value(), clock.instant());
        out.println("Workload of " + DEPUTY_B + ": " + b.activeCases() + " active cases, " + b.overdueCases()
                + " overdue (a duty past due: here the routing clocks of petitions registered in 2019 and never routed).");

        // June: six claims; one returned (退回), five crossed off (审核销号), four of them substantively.
        clock.set("2026-06-10T01:00:00Z");
        for (int i = 3; i <= 8; i++) {
            run(service, out, new ResolutionCommand.ClaimResolution(id(i), key(keys), landHead, i == 8 ? Resolution.ResolutionKind.PROCEDURAL
                    : Resolution.ResolutionKind.SUBSTANTIVE, "化解材料齐全（示例）", d("2026-06-10")), i == 3);
        }
        clock.set("2026-06-15T01:00:00Z");
        run(service, out, new ResolutionCommand.RejectResolution(id(3), key(keys), officeHead, "化解材料不实", d("2026-06-15")), true);
        for (int i = 4; i <= 8; i++) {
            run(service, out, new ResolutionCommand.ApproveResolution(id(i), key(keys), officeHead, d("2026-06-15")), i == 4);
        }

        BatchReports.Progress p = BatchReports.create(service).progress(BATCH, clock.instant());
        out.println("Batch " + BATCH + " as of " + p.asOf() + ": " + p.cases() + " cases, " + p.claimed() + " claimed, "
                + p.resolved() + " crossed off, " + p.substantivelyResolved() + " substantively, " + p.returned() + " returned, "
                + p.overdue() + " overdue");
        out.println("  申请化解率 " + p.claimRate() + "; 化解率 " + p.resolutionRate() + "; 实体化解率 " + p.substantiveRate());
        BatchReports.Progress july = BatchReports.create(service).progress(BATCH, Instant.parse("2026-07-01T01:00:00Z"));
        out.println("  as of 2026-07-01: " + july.overdue() + " cases overdue against the target date 2026-06-30");
        return p;
    }

    private static CaseCommand assign(CaseId id, OfficialId leader, Actor by, AtomicInteger keys) {
        return new ResolutionCommand.AssignPackageLeader(id, key(keys), by, leader, LAND, List.of(LAND_STAFF), List.of(), d("2026-03-04"));
    }

    /** Runs a command; prints it when asked to, and always when it is refused. */
    private static void run(CaseService service, PrintStream out, CaseCommand c, boolean print) {
        CommandResult r = service.handle(c);
        String name = c.getClass().getSimpleName();
        if (r instanceof CommandResult.Rejected x) {
            out.printf("%-12s %-22s REJECTED %s (%s)%n", c.caseId(), name, x.rejection().code(), x.rejection().messageChinese());
        } else if (print) {
            CommandResult.Applied a = (CommandResult.Applied) r;
            StringBuilder sb = new StringBuilder();
            for (CaseEvent e : a.events()) {
                if (e instanceof ResolutionEvent.RequiredRankRaised rr) sb.append("  required rank ").append(rr.rank().rank())
                        .append(rr.rank().principal() ? " (principal)" : "").append(" by ").append(rr.rules());
                if (e instanceof ResolutionEvent.ReplacementClockStarted) sb.append("  replacement clock started");
            }
            out.printf("%-12s %-22s -> v%d%s%n", c.caseId(), name, a.version(), sb);
        }
    }

    private static CaseId id(int i) {
        return new CaseId(String.format("GB-JA-%03d", i));
    }

    private static IdempotencyKey key(AtomicInteger keys) {
        return new IdempotencyKey("campaign-" + keys.incrementAndGet());
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
