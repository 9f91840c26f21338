package io.github.xinfang.examples;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.EscalationPolicy;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.examples.files.DirectoryCheckpointArchive;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.AuditRecord;
import io.github.xinfang.persistence.chain.ChainReport;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.CheckpointArchive;
import io.github.xinfang.persistence.chain.CheckpointSigner;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.AccessPolicy;
import io.github.xinfang.service.BatchReports;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.ClusterWatch;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Period;
import io.github.xinfang.report.Ranking;
import io.github.xinfang.report.Ratio;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.DeadlineSweep;
import io.github.xinfang.service.Handover;
import io.github.xinfang.time.TimeLimits;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static io.github.xinfang.testsupport.DocRegions.javaBlocks;
import static io.github.xinfang.testsupport.DocRegions.read;
import io.github.xinfang.petition.Withheld;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.InMemoryKeyProvider;
import io.github.xinfang.privacy.KeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.privacy.PersonalDataException;

import static io.github.xinfang.testsupport.DocRegions.regions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java snippets of the project's README, compiled: each {@code ```java} block of {@code README.md} is one
 * region of this file between {@code // tag::NAME[]} and {@code // end::NAME[]}, in the same order and verbatim up
 * to indentation, so the README cannot show code that does not compile (issue 11, item 7). To change a snippet,
 * change it here and copy the region into the README; the test says which block differs.
 */
class ReadmeSnippetsTests {
    private static final Path SELF = Path.of("src/test/java/io/github/xinfang/examples/ReadmeSnippetsTests.java");

    // ------------------------------------------------------------------ the snippets

    /** README, "Using it". */
    static CaseService usingIt(OrganisationDirectory directory, CaseId caseId, OfficialId clerk, UnitId office, UnitId housingBureau) {
        // tag::using[]
        InstantSource clock = InstantSource.system();   // the portal's clock, injected once; tests inject one they move
        CaseService cases = CaseService.builder(InMemoryCaseStore.create(), directory, clock)
                .listener((id, version, events) -> { /* notify, project */ })
                .build();

        CommandResult r = cases.handle(new ProcedureCommand.Route(caseId, new IdempotencyKey("req-7781"),
                Actor.official(clerk, office), housingBureau, LocalDate.of(2026, 3, 4)));
        if (r instanceof CommandResult.Rejected rejected) {
            rejected.rejection().code();            // e.g. ACCUSED_PARTY, WINDOW_EXPIRED, VALIDATION
            rejected.rejection().messageChinese();  // 被反映对象不得经办或知悉该事项：…
        }
        // end::using[]
        return cases;
    }

    /** README, "Using it": metrics. */
    static CaseService observed(InMemoryCaseStore store, OrganisationDirectory directory, InstantSource clock,
                                Map<String, LongAdder> outcomes, AtomicLong slowestNanos) {
        // tag::observer[]
        CaseService cases = CaseService.builder(store, directory, clock)
                .observer(o -> outcomes.computeIfAbsent(o.commandType() + ":" + o.kind()   // APPLIED, REPLAYED, REJECTED, CONFLICT
                        + o.rejectionCode().map(code -> ":" + code).orElse(""), k -> new LongAdder()).increment())
                .observer(o -> slowestNanos.accumulateAndGet(o.elapsed().toNanos(), Math::max))   // also o.retries(), o.caseId()
                .build();   // timings come from a monotonic ticker (System::nanoTime unless Builder.ticker injects one), not a clock
        // end::observer[]
        return cases;
    }

    /** README, "Time limits". */
    static List<IndexRow> timeLimits(CaseService cases, InMemoryCaseStore store, InstantSource clock, CaseId caseId) {
        // tag::time-limits[]
        Instant now = clock.instant();                                      // from the injected clock, never Instant.now()
        List<TimeLimits.ObligationStatus> clocks = cases.obligations(caseId, now).orElseThrow(); // due date (final or provisional), state, lateness
        List<IndexRow> due = store.needingAttention(AttentionQuery.firstPage(now, 100).inRegion("4508")); // a warning or breach to record
        DeadlineSweep.Report r = DeadlineSweep.create(cases, "node-1").sweep(now);   // records 预警/超期/lapses once, claiming work first
        // end::time-limits[]
        assertThat(clocks).isNotEmpty();
        assertThat(r.breaches()).isEqualTo(due.size());
        assertThat(store.needingAttention(AttentionQuery.firstPage(now, 100))).as("nothing left for the next sweep").isEmpty();
        return due;
    }

    /** README, "Backlog cases". */
    static Handover.Report backlog(InMemoryCaseStore store, OrganisationDirectory directory, InstantSource clock, OfficialId outgoing,
                                  OfficialId successor, LocalDate handedOverOn, Resolution.BatchId batchId, Instant asOf, OfficialId leader,
                                  Instant now) {
        // tag::backlog[]
        CaseService cases = CaseService.builder(store, directory, clock)
                .rankLadder(RankLadder.civilService()).escalationPolicy(EscalationPolicy.standard()).approvalRule(RankLadder.ApprovalRule.standard())
                .build();
        Handover.Report moved = Handover.create(cases).run("港北组干〔2026〕17号", outgoing, successor, handedOverOn); // 新官理旧账
        BatchReports.Progress p = BatchReports.create(cases).progress(batchId, asOf);   // p.claimRate(): "900/924 件 (97.4%)"
        LeaderWorkload w = store.workload(leader.value(), now);                   // active cases, overdue ones
        List<IndexRow> led = store.byActiveLeader(leader.value(), null, 100);     // also byLeadUnit, byBatch: keyset pages
        // end::backlog[]
        assertThat(p.claimRate()).isNotNull();
        assertThat(w.activeCases()).isEqualTo(led.size());
        return moved;
    }

    /** README, "Overdue cases and cursors". */
    static CaseListings.Page<CaseListings.OverdueCase> overdue(CaseService cases, Instant now, String cursor) {
        // tag::overdue[]
        CaseListings lists = CaseListings.create(cases);
        OverdueScope guigang = OverdueScope.regionPrefix("4508");      // also handlingUnit(unitId), activeLeader(officialId)
        long total = lists.countOverdue(guigang, now);                  // for the page total: "共 N 件"
        CaseListings.Page<CaseListings.OverdueCase> page = lists.overdue(guigang, now, 20, cursor); // cursor: null, or the previous page's next()
        for (CaseListings.OverdueCase c : page.items()) c.lateClocks();             // which clock, its last day, calendar days late
        String next = page.next().orElse(null);                        // opaque text: hand it to the browser as it is
        // end::overdue[]
        assertThat(total).isEqualTo(page.items().size());
        assertThat(next).isNull();
        return page;
    }

    /** README, "Reports (统计)". */
    static Figures.Report reports(CaseService cases, Instant asOf) {
        // tag::reports[]
        Figures may = Figures.of(cases.timeLimits(), Period.month(YearMonth.of(2026, 5)), asOf, Figures.Grouping.handlingUnit());
        CaseListings.create(cases).forEachTouching("4508", may.since(), may::accept);   // 贵港市's cases, a page at a time
        Figures.Report report = may.report();
        Figures.Change onTime = report.total(Figures.Metric.ON_TIME_CONCLUSION);        // current(), previous(), yearEarlier()
        Ratio now = onTime.current();                                                    // e.g. "41/45 件 (91.1%)"; no data: empty ratio()
        Ranking lists = Ranking.of(report, Figures.Metric.ON_TIME_CONCLUSION, 10);      // red(), black(), belowMinimum()
        // end::reports[]
        assertThat(now.denominator()).isGreaterThanOrEqualTo(now.numerator());
        assertThat(lists.red().size() + lists.belowMinimum().size())
                .isEqualTo(report.groups().size() - (report.groups().contains(Figures.UNATTRIBUTED) ? 1 : 0));
        return report;
    }

    /** README, "Cluster warnings (类案预警)". */
    static List<ClusterWatch.Warning> clusters(CaseService cases, PetitionForm form, UnitId cityOffice, InstantSource clock) {
        // tag::clusters[]
        PetitionForm tagged = form.withSubjectTags("estate:金港华府");                 // set by the portal; fixed by CorrectSubjectTags
        ClusterWatch watch = ClusterWatch.create(cases, ClusterWatch.Policy.standard() // 30 days, one county, 5/20, 10/50, 20/100
                .withOffice("4508", cityOffice));                                      // the addressee while no case is routed
        DeadlineSweep daily = DeadlineSweep.create(cases, "node-1").withClusterWatch(watch);
        int raised = daily.sweep(clock.instant()).clusterWarnings();                   // each cluster once per level
        List<ClusterWatch.Warning> all = watch.warnings("4508");                       // 450802:estate:金港华府#1, cases, addressee
        // end::clusters[]
        assertThat(tagged.subjectTags()).containsExactly("estate:金港华府");
        assertThat(all).hasSize(raised);
        return all;
    }

    /** README, "A tamper-evident history". */
    static ChainReport chain(InMemoryCaseStore store, OrganisationDirectory directory, InstantSource clock, CaseCommand command,
                             PrivateKey privateKey, PublicKey publicKey, Path archiveDir) {
        // tag::chain[]
        Provider bc = new BouncyCastleProvider();                                    // SM3 and SM2 (GB/T 32905, 32918)
        EventChain sm3 = EventChain.of("SM3", bc);                                   // the default is EventChain.sha256()
        CaseService cases = CaseService.builder(store, directory, clock).eventChain(sm3).build();
        cases.handle(command);                                                       // each event linked to the one before
        ChainVerifier verifier = ChainVerifier.of(store, sm3);
        CheckpointSigner signer = CheckpointSigner.keyPair("SM3withSM2", privateKey, publicKey, bc);
        CheckpointArchive archive = DirectoryCheckpointArchive.in(archiveDir);     // outside the database
        archive.append(verifier.checkpoint(clock.instant(), signer));               // daily: every case's head, signed
        ChainReport report = verifier.verifyStore(archive.latest().orElseThrow(), signer);
        report.firstBreak();                                                         // case, sequence, ALTERED, TRUNCATED, …
        // end::chain[]
        return report;
    }

    /** README, "Access rules and the access audit". */
    static List<AuditRecord> access(InMemoryCaseStore store, OrganisationDirectory directory, InstantSource clock, Actor actor,
                                    CaseId caseId) {
        // tag::access[]
        CaseService cases = CaseService.builder(store, directory, clock)
                .accessPolicy(AccessPolicy.standard(directory))   // offices by region, units by involvement, never the accused
                .accessAudit(store)                                // every read, export and refusal, chained per case
                .build();
        Optional<CaseHistory> shown = cases.history(actor, caseId);   // empty, as for no case, when the actor may not see it
        List<AuditRecord> trail = store.byActor(CaseService.actorName(actor), "", 0, 100);
        long purged = cases.purgeAudit(clock.instant(), java.time.Period.ofMonths(6));   // at least six months kept
        CaseListings mine = CaseListings.create(cases, actor);   // listings, counts and report feeds in the actor's scope
        long late = mine.countOverdue(OverdueScope.regionPrefix("4508"), clock.instant());   // never counts a hidden case
        // end::access[]
        assertThat(shown).isEmpty();
        assertThat(purged).isZero();
        assertThat(late).isZero();
        return trail;
    }

    /** README, "Personal data at rest". */
    static Optional<CaseHistory> personalData(InMemoryCaseStore store, OrganisationDirectory directory, InstantSource clock,
                                              CaseCommand register, CaseId caseId) {
        // tag::personal[]
        KeyProvider keys = InMemoryKeyProvider.create(PersonalDataCipher.aesGcm());   // the portal's key service in production
        CaseService cases = CaseService.builder(store, directory, clock)
                .personalData(keys)                       // or personalData(keys, PersonalDataCipher.sm4Gcm(bc))
                .build();
        cases.handle(register);                           // names, ID numbers, phones, addresses, free text stored sealed
        Optional<CaseHistory> own = cases.ownCopy(caseId, 0);            // 信访人查询: own data shown, other parties masked
        cases.restrictPersonalData(DataKey.petitioner(caseId, 0));      // a deletion request in the retention period
        cases.erasePersonalData(DataKey.petitioner(caseId, 0));         // retention over: the key destroyed, values [erased]
        // end::personal[]
        return own;
    }

    // ------------------------------------------------------------------ the snippets run

    private static final UnitId OFFICE = new UnitId("gb-xfj");
    private static final UnitId HOUSING = new UnitId("gb-zjj");
    private static final OfficialId CLERK = new OfficialId("xfj-001");
    private static final OfficialId DEPUTY = new OfficialId("gb-fqz");
    private static final OfficialId SUCCESSOR = new OfficialId("gb-fqz-2");
    private static final RegionCode GANGBEI = new RegionCode("450802");
    private static final OrganisationDirectory DIRECTORY = OrganisationDirectory.of(
            List.of(new OrganisationDirectory.Unit(OFFICE, "港北区信访局", "petition-office", "county", GANGBEI, null),
                    new OrganisationDirectory.Unit(HOUSING, "港北区住房和城乡建设局", "department", "county", GANGBEI, null)),
            List.of(new OrganisationDirectory.Official(CLERK, OFFICE, "登记员", "乡科级副职", false),
                    new OrganisationDirectory.Official(DEPUTY, HOUSING, "副局长", "乡科级副职", false),
                    new OrganisationDirectory.Official(SUCCESSOR, HOUSING, "副局长", "乡科级副职", false)));

    @Test
    void theSnippetsRunOnTheInMemoryStore() {
        CaseId caseId = new CaseId("GB-2026-000001");
        CaseService cases = usingIt(DIRECTORY, caseId, CLERK, OFFICE, HOUSING);   // no such case yet: refused, not thrown
        assertThat(cases.history(caseId)).isEmpty();

        InMemoryCaseStore store = InMemoryCaseStore.create();
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-20T02:00:00Z"));
        CaseService service = CaseService.builder(store, DIRECTORY, clock).build();
        assertThat(service.handle(new ProcedureCommand.Register(caseId, new IdempotencyKey("r"), Actor.official(CLERK, OFFICE),
                new PetitionForm(LocalDate.of(2026, 3, 2), Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("示例", null, null, null)), 1, null, "示例。"), null)).isApplied()).isTrue();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        CaseService observed = observed(InMemoryCaseStore.create(), DIRECTORY, clock, outcomes, new AtomicLong());
        CaseCommand register = new ProcedureCommand.Register(caseId, new IdempotencyKey("r"), Actor.official(CLERK, OFFICE),
                new PetitionForm(LocalDate.of(2026, 3, 2), Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("示例", null, null, null)), 1, null, "示例。"), null);
        observed.handle(register);
        observed.handle(register);
        observed.handle(new ProcedureCommand.Route(caseId, new IdempotencyKey("r"), Actor.official(CLERK, OFFICE), HOUSING,
                LocalDate.of(2026, 3, 4)));
        assertThat(outcomes).containsOnlyKeys("Register:APPLIED", "Register:REPLAYED", "Route:REJECTED:IDEMPOTENCY_MISMATCH");

        assertThat(timeLimits(service, store, clock, caseId)).extracting(IndexRow::caseId).containsExactly(caseId.value());

        Handover.Report moved = backlog(store, DIRECTORY, clock, DEPUTY, SUCCESSOR, LocalDate.of(2026, 3, 20), new Resolution.BatchId("batch-3"),
                clock.instant(), SUCCESSOR, clock.instant());
        assertThat(moved.moved()).isEmpty();

        CaseListings.Page<CaseListings.OverdueCase> late = overdue(service, clock.instant(), null);
        assertThat(late.items()).extracting(CaseListings.OverdueCase::caseId).containsExactly(caseId.value());
        assertThat(late.items().get(0).lateClocks()).extracting(CaseListings.LateClock::clock, CaseListings.LateClock::daysLate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ROUTING", 3L));

        Figures.Report report = reports(service, Instant.parse("2026-06-15T00:00:00Z"));
        assertThat(report.cases()).isEqualTo(1);

        PetitionForm estate = new PetitionForm(LocalDate.of(2026, 3, 16), Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true,
                null, List.of(new PetitionForm.Petitioner("业主代表", null, null, null)), 6, null, "逾期未交房。");
        for (int i = 1; i <= 4; i++) {
            assertThat(service.handle(new ProcedureCommand.Register(new CaseId("GB-2026-00001" + i), new IdempotencyKey("e" + i),
                    Actor.official(CLERK, OFFICE), estate.withSubjectTags("estate:金港华府"), null)).isApplied()).isTrue();
        }
        assertThat(clusters(service, estate, OFFICE, clock)).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("450802:estate:金港华府#1");
            assertThat(w.persons()).isEqualTo(24);
            assertThat(w.addressee()).isEqualTo(OFFICE);
        });
    }

    @Test
    void theChainSnippetRunsWithSm2AndSm3(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair keys = g.generateKeyPair();
        InMemoryCaseStore store = InMemoryCaseStore.create();
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-20T02:00:00Z"));
        CaseCommand register = new ProcedureCommand.Register(new CaseId("GB-2026-000009"), new IdempotencyKey("r"),
                Actor.official(CLERK, OFFICE), new PetitionForm(LocalDate.of(2026, 3, 2), Channel.LETTER, Category.CLAIM, "城乡建设",
                        "450802", true, null, List.of(new PetitionForm.Petitioner("示例", null, null, null)), 1, null, "示例。"), null);
        ChainReport report = chain(store, DIRECTORY, clock, register, keys.getPrivate(), keys.getPublic(), dir.resolve("checkpoints"));
        assertThat(report.intact()).isTrue();
        assertThat(report.cases()).isEqualTo(1);
        assertThat(report.events()).isEqualTo(store.load("GB-2026-000009").orElseThrow().events().size());
    }

    @Test
    void theAccessSnippetHidesACaseAndRecordsTheRead() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-20T02:00:00Z"));
        List<AuditRecord> trail = access(store, DIRECTORY, clock, Actor.official(DEPUTY, HOUSING), new CaseId("GB-2026-000404"));
        assertThat(trail).singleElement().satisfies(r -> assertThat(r.entry().outcome()).isEqualTo(AuditEntry.Outcome.NOT_FOUND));
    }

    @Test
    void thePersonalDataSnippetSealsShowsItsOwnerAndErases() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-20T02:00:00Z"));
        CaseId caseId = new CaseId("GB-2026-000077");
        CaseCommand register = new ProcedureCommand.Register(caseId, new IdempotencyKey("r"), Actor.official(CLERK, OFFICE),
                new PetitionForm(LocalDate.of(2026, 3, 2), Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("示例甲", null, "13877512345", null),
                                new PetitionForm.Petitioner("示例乙", null, null, null)), 2, null, "示例。"), null);
        Optional<CaseHistory> own = personalData(store, DIRECTORY, clock, register, caseId);
        assertThat(own.orElseThrow().state().petition().petitioners()).extracting(p -> p.name().value())
                .containsExactly("示例甲", Withheld.MASKED.marker());
        assertThat(store.load(caseId.value()).orElseThrow().events().get(0).payload()).doesNotContain("示例甲", "13877512345");
        CaseService reader = CaseService.builder(store, DIRECTORY, clock).personalData(InMemoryKeyProvider.create(PersonalDataCipher.aesGcm())).build();
        assertThatThrownBy(() -> reader.history(caseId)).as("another key service knows none of these keys: refused, not erased")
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("unknown");
    }

    // ------------------------------------------------------------------ the README shows exactly these

    @Test
    void everyJavaBlockOfTheReadmeIsARegionOfThisFileInOrder() throws IOException {
        List<String> blocks = javaBlocks(read(Path.of("..", "README.md")));
        List<String> regions = regions(read(SELF));
        assertThat(blocks).as("```java blocks in README.md").hasSize(10);
        assertThat(regions).as("the README's ```java blocks, in order, as the regions of " + SELF).containsExactlyElementsOf(blocks);
    }
}
