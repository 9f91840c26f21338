package io.github.xinfang.examples;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Procedure.DeclineReason;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.InMemoryKeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.DeadlineSweep;
import io.github.xinfang.time.TimeLimits;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers a few petitions in 贵港市港北区 (region 450802) on the embedded in-memory store and walks them
 * through the procedure track: a claim through conclusion, review and re-review; a misrouted matter objected
 * and routed again; a proposal returned for rework; a declined petition; and two refusals (a review asked
 * too late, an accused unit as handler). Prints each case's history, one case's clocks on the official
 * calendar, and what a deadline sweep records.
 */
public final class LifecycleDemo {
    private static final UnitId OFFICE = new UnitId("gb-xfj");          // 港北区信访局
    private static final UnitId HOUSING = new UnitId("gb-zjj");         // 港北区住建局
    private static final UnitId HRSS = new UnitId("gb-rsj");            // 港北区人社局
    private static final UnitId TOWN = new UnitId("gb-gxjd");           // 港城街道
    private static final OfficialId CLERK = new OfficialId("xfj-001");
    private static final OfficialId OFFICE_HEAD = new OfficialId("xfj-head");
    private static final OfficialId HOUSING_STAFF = new OfficialId("zjj-017");
    private static final OfficialId HOUSING_HEAD = new OfficialId("zjj-head");
    private static final OfficialId HRSS_STAFF = new OfficialId("rsj-005");
    private static final OfficialId HRSS_HEAD = new OfficialId("rsj-head");

    private LifecycleDemo() {}

    /**
     * Runs this demo, then the {@link BacklogCampaignDemo backlog campaign}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
        System.out.println();
        BacklogCampaignDemo.run(System.out);
    }

    /**
     * Runs the demo, printing to {@code out}.
     *
     * @param out where to print
     * @return the number of commands applied
     */
    public static int run(PrintStream out) {
        OrganisationDirectory directory = OrganisationDirectory.of(
                List.of(Gangbei.unit(OFFICE, "港北区信访局", "petition-office"),
                        Gangbei.unit(HOUSING, "港北区住房和城乡建设局", "department"),
                        Gangbei.unit(HRSS, "港北区人力资源和社会保障局", "department"),
                        new OrganisationDirectory.Unit(TOWN, "港城街道办事处", "township", "township", Gangbei.REGION, null)),
                List.of(Gangbei.registrar(CLERK, OFFICE),
                        Gangbei.bureauHead(OFFICE_HEAD, OFFICE),
                        Gangbei.staff(HOUSING_STAFF, HOUSING),
                        Gangbei.bureauHead(HOUSING_HEAD, HOUSING),
                        Gangbei.staff(HRSS_STAFF, HRSS),
                        Gangbei.bureauHead(HRSS_HEAD, HRSS)));
        // A clock a portal would inject; here a fixed day moved by hand so the output is repeatable.
        DemoClock clock = new DemoClock("2026-03-02T01:00:00Z");
        InMemoryCaseStore store = InMemoryCaseStore.create();
        // Personal data at rest: names, ID numbers, phones, addresses and free text are stored encrypted, each under its
        // person's key (a portal's key service implements KeyProvider; the in-memory one is for demos).
        InMemoryKeyProvider keys = InMemoryKeyProvider.create(PersonalDataCipher.aesGcm());
        CaseService service = CaseService.builder(store, directory, clock)
                .listener((id, version, events) -> { })
                .personalData(keys)
                .build();
        Script s = new Script(service, out);
        Actor clerk = Actor.official(CLERK, OFFICE);
        Actor officeHead = Actor.official(OFFICE_HEAD, OFFICE);
        Actor housing = Actor.official(HOUSING_STAFF, HOUSING);
        Actor housingHead = Actor.official(HOUSING_HEAD, HOUSING);
        Actor hrss = Actor.official(HRSS_STAFF, HRSS);
        Actor hrssHead = Actor.official(HRSS_HEAD, HRSS);

        // 1. A claim (申诉求决类) about a delayed housing certificate: the whole path to re-review.
        CaseId c1 = new CaseId("GB-2025-000101");
        s.run(new ProcedureCommand.Register(c1, s.key(), clerk, petition("2025-09-01", Category.CLAIM, "城乡建设", List.of()), null));
        s.run(new ProcedureCommand.Route(c1, s.key(), clerk, HOUSING, d("2025-09-03")));
        s.run(new ProcedureCommand.InformPetitioner(c1, s.key(), housing, d("2025-09-05")));
        s.run(new ProcedureCommand.Accept(c1, s.key(), housing, d("2025-09-05")));
        s.run(new ProcedureCommand.ProposeConclusion(c1, s.key(), housing, Outcome.SUPPORTED, "同意补办不动产权证书。", d("2025-10-20")));
        s.run(new ProcedureCommand.ApproveConclusion(c1, s.key(), housingHead, d("2025-10-22")));
        s.run(new ProcedureCommand.ServeReply(c1, s.key(), housing, d("2025-10-24")));
        s.run(new ProcedureCommand.RequestReview(c1, s.key(), officeHead, d("2025-11-10")));
        s.run(new ProcedureCommand.ConcludeReview(c1, s.key(), officeHead, "维持原处理意见。", d("2025-12-05")));
        s.run(new ProcedureCommand.ServeReviewOpinion(c1, s.key(), officeHead, d("2025-12-08")));
        s.run(new ProcedureCommand.RequestReReview(c1, s.key(), officeHead, d("2025-12-30")));
        s.run(new ProcedureCommand.ConcludeReReview(c1, s.key(), officeHead, "复核维持。", d("2026-01-20")));

        // 2. Misrouted to housing, objected, routed again to the labour bureau; a proposal returned for rework.
        CaseId c2 = new CaseId("GB-2026-000007");
        s.run(new ProcedureCommand.Register(c2, s.key(), clerk, petition("2026-01-12", Category.CLAIM, "劳动保障", List.of()), null));
        s.run(new ProcedureCommand.Route(c2, s.key(), clerk, HOUSING, d("2026-01-13")));
        s.run(new ProcedureCommand.RaiseObjection(c2, s.key(), housing, "欠薪事项不属本单位职责。", d("2026-01-15")));
        s.run(new ProcedureCommand.Route(c2, s.key(), clerk, HRSS, d("2026-01-16")));
        s.run(new ProcedureCommand.Accept(c2, s.key(), hrss, d("2026-01-19")));
        s.run(new ProcedureCommand.Extend(c2, s.key(), hrssHead, 30, "涉及多家分包单位，需核查工资台账。", d("2026-02-20"), d("2026-02-21")));
        s.run(new ProcedureCommand.ProposeConclusion(c2, s.key(), hrss, Outcome.SUPPORTED, "责令总包单位支付欠薪。", d("2026-02-25")));
        s.run(new ProcedureCommand.ReturnForRework(c2, s.key(), hrssHead, "未附工资支付凭证。"));
        s.run(new ProcedureCommand.ProposeConclusion(c2, s.key(), hrss, Outcome.SUPPORTED, "欠薪已支付，附凭证。", d("2026-02-27")));
        s.run(new ProcedureCommand.ApproveConclusion(c2, s.key(), hrssHead, d("2026-02-28")));
        s.run(new ProcedureCommand.ServeReply(c2, s.key(), hrss, d("2026-03-01")));

        // 3. An accusation against the housing bureau: routing it there is refused (Art. 30(3)).
        CaseId c3 = new CaseId("GB-2026-000031");
        s.run(new ProcedureCommand.Register(c3, s.key(), clerk,
                petition("2026-02-02", Category.ACCUSATION, "城乡建设", List.of(PetitionForm.AccusedParty.unit(HOUSING))), null));
        s.run(new ProcedureCommand.Route(c3, s.key(), clerk, HOUSING, d("2026-02-03")));
        s.run(new ProcedureCommand.Decline(c3, s.key(), officeHead, DeclineReason.PENDING_BELOW, d("2026-02-04")));

        // 4. Review asked for after the 30-day window: refused.
        clock.set("2026-05-06T01:00:00Z");
        s.run(new ProcedureCommand.RequestReview(c2, s.key(), officeHead, d("2026-05-06")));

        for (CaseId id : List.of(c1, c2, c3)) {
            CaseHistory h = service.history(id).orElseThrow();
            out.println();
            out.println("== " + id + " (version " + h.version() + ", stage " + h.state().stage() + " "
                    + h.state().stage().chinese() + ") ==");
            for (CaseEvent e : h.events()) {
                out.println("  #" + e.sequence() + " " + e.getClass().getSimpleName() + " by " + describe(e.actor()));
            }
        }
        out.println();
        out.println("Clocks of " + c2 + " on " + clock.instant() + ":");
        for (TimeLimits.ObligationStatus st : service.obligations(c2, clock.instant()).orElseThrow()) {
            out.printf("  %-18s round %d  started %s  due %s  %s%n", st.source(), st.round(), st.startedOn(), st.dueOn(), st.state());
        }
        DeadlineSweep.Report swept = DeadlineSweep.create(service, "demo-node").sweep(clock.instant());
        out.println("Deadline sweep: " + swept.warnings() + " warnings, " + swept.breaches() + " breaches, "
                + swept.lapses() + " lapses recorded; a second sweep records "
                + DeadlineSweep.create(service, "demo-node").sweep(clock.instant()).recorded() + ".");
        out.println();
        personalData(service, store, c1, out);
        out.println();
        out.println(s.applied + " commands applied, " + s.rejected + " rejected.");
        return s.applied;
    }

    /** Shows personal data at rest on one case: sealed in the store, the petitioner's own copy, erasure. */
    private static void personalData(CaseService service, InMemoryCaseStore store, CaseId id, PrintStream out) {
        String stored = store.load(id.value()).orElseThrow().events().get(0).payload();
        Petition.Petitioner own = service.ownCopy(id, 0).orElseThrow().state().petition().petitioners().get(0);
        out.println("Personal data of " + id + " (AES-GCM at rest): the stored registration holds the name in clear: "
                + stored.contains(own.name().value()) + "; the petitioner's own copy shows it (" + own.name() + ").");
        service.erasePersonalData(DataKey.petitioner(id, 0));
        CaseHistory after = service.history(id).orElseThrow();
        out.println("After the petitioner's key is destroyed the name reads " + after.state().petition().petitioners().get(0).name()
                + ", the summary still reads (" + after.state().petition().summary() + "), and the history verifies: "
                + ChainVerifier.of(store, EventChain.sha256()).verifyCase(id.value()).intact() + ".");
    }

    private static String describe(Actor a) {
        return a instanceof Actor.OfficialActor o ? o.official() + "@" + o.unit() : "system";
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static PetitionForm petition(String receivedOn, Category category, String subject, List<PetitionForm.AccusedParty> accused) {
        return new PetitionForm(d(receivedOn), Channel.LETTER, category, subject, "450802", true, null,
                List.of(new PetitionForm.Petitioner("韦明华", "450802198807150015", "13877512345", "港北区中山北路1号")), 1,
                accused, "反映的具体事项与诉求（示例文本）。");
    }

    /** Runs commands and prints one line each. */
    private static final class Script {
        private final CaseService service;
        private final PrintStream out;
        private final AtomicInteger keys = new AtomicInteger();
        int applied;
        int rejected;

        Script(CaseService service, PrintStream out) {
            this.service = service;
            this.out = out;
        }

        IdempotencyKey key() {
            return new IdempotencyKey("demo-" + keys.incrementAndGet());
        }

        void run(CaseCommand command) {
            CommandResult r = service.handle(command);
            String name = command.getClass().getSimpleName();
            if (r instanceof CommandResult.Applied a) {
                applied++;
                out.printf("%-16s %-18s -> v%d%n", command.caseId(), name, a.version());
            } else {
                rejected++;
                CommandResult.Rejected x = (CommandResult.Rejected) r;
                out.printf("%-16s %-18s REJECTED %s (%s)%n", command.caseId(), name, x.rejection().code(),
                        x.rejection().messageChinese());
            }
        }
    }
}
