package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Model-based: generated sequences of registrations (some accusing a unit or an official), routings, acceptances,
 * supervision notices, batch enrolments and reads, each by an actor drawn from two county petition offices, a city
 * petition office, the city's joint conference office, three departments, a district government and the sweep, against
 * a small independent model of who may see and do what ({@link AccessPolicy#standard}). No generated sequence lets an
 * actor read a case the model hides (the read is empty, a command answers exactly as for a case that does not exist
 * and changes nothing), issue a command the model forbids ({@code NOT_AUTHORISED}, nothing changed), or be refused by
 * the policy where the model allows it. The actor's listings ({@link CaseListings#create(CaseService,
 * io.github.xinfang.cases.Actor)}, answered by the store inside its queries through the compiled {@link
 * AccessPolicy#scope}) show exactly the cases the model lets it see, and the scope agrees with {@link AccessPolicy#mayRead}
 * on every case's index row.
 */
class AccessPolicyProperties {
    static final RegionCode GANGBEI = new RegionCode("450802");
    static final RegionCode GANGNAN = new RegionCode("450803");
    static final RegionCode GUIGANG = new RegionCode("450800");
    static final UnitId OFFICE = new UnitId("gb-office");
    static final UnitId OTHER_OFFICE = new UnitId("gn-office");
    static final UnitId CITY_OFFICE = new UnitId("city-office");
    static final UnitId JOINT = new UnitId("city-joint");
    static final UnitId HOUSING = new UnitId("gb-housing");
    static final UnitId LABOUR = new UnitId("gb-labour");
    static final UnitId LAND = new UnitId("gn-land");
    static final UnitId DISTRICT = new UnitId("gb-district");
    static final Map<UnitId, String> KIND = Map.of(OFFICE, "petition-office", OTHER_OFFICE, "petition-office",
            CITY_OFFICE, "petition-office", JOINT, "joint-conference-office", HOUSING, "department", LABOUR, "department",
            LAND, "department", DISTRICT, "government");
    static final Map<UnitId, RegionCode> REGION = Map.of(OFFICE, GANGBEI, OTHER_OFFICE, GANGNAN, CITY_OFFICE, GUIGANG,
            JOINT, GUIGANG, HOUSING, GANGBEI, LABOUR, GANGBEI, LAND, GANGNAN, DISTRICT, GANGBEI);
    static final List<UnitId> UNITS = List.of(OFFICE, OTHER_OFFICE, CITY_OFFICE, JOINT, HOUSING, LABOUR, LAND, DISTRICT);
    /** Two officials per unit: {@code <unit>-1} and {@code <unit>-2}. */
    static final OrganisationDirectory DIRECTORY;

    static {
        List<OrganisationDirectory.Unit> units = new ArrayList<>();
        List<OrganisationDirectory.Official> officials = new ArrayList<>();
        for (UnitId u : UNITS) {
            units.add(new OrganisationDirectory.Unit(u, "单位" + u.value(), KIND.get(u), "county", REGION.get(u), null));
            officials.add(new OrganisationDirectory.Official(new OfficialId(u.value() + "-1"), u, "科员", "乡科级副职", false));
            officials.add(new OrganisationDirectory.Official(new OfficialId(u.value() + "-2"), u, "局长", "乡科级正职", true));
        }
        DIRECTORY = OrganisationDirectory.of(units, officials);
    }

    static final List<CaseId> CASES = List.of(new CaseId("XF-A-1"), new CaseId("XF-A-2"), new CaseId("XF-A-3"));
    static final LocalDate D = LocalDate.of(2026, 3, 2);

    /** One step: what (0 register … 5 read), on which case, by whom (index into the actors), with which argument. */
    record Step(int what, int onCase, int by, int arg) {}

    static Gen<List<Step>> steps() {
        Gen<Step> step = integers().between(0, 5).zip(integers().between(0, CASES.size() - 1),
                integers().between(0, 2 * UNITS.size()), integers().between(0, 5), Step::new);
        return lists().of(step).ofSizeBetween(1, 40);
    }

    /** The actors: each unit's two officials, then the sweep. */
    static Actor actor(int i) {
        if (i == 2 * UNITS.size()) return Actor.system("deadline-sweep");
        UnitId u = UNITS.get(i / 2);
        return Actor.official(new OfficialId(u.value() + "-" + (i % 2 + 1)), u);
    }

    /** The model: what of a case decides who may see it. */
    static final class Model {
        RegionCode region;
        Set<UnitId> accusedUnits = new HashSet<>();
        OfficialId accusedOfficial;
        UnitId handling;
        Set<UnitId> addressees = new HashSet<>();
    }

    static boolean office(UnitId u, RegionCode region) {
        String kind = KIND.get(u);
        return (kind.equals("petition-office") || kind.equals("joint-conference-office")) && region.isWithin(REGION.get(u));
    }

    static UnitId unitOfOfficial(OfficialId o) {
        String v = o.value();
        return new UnitId(v.substring(0, v.lastIndexOf('-')));
    }

    static boolean sees(Actor actor, Model m) {
        if (!(actor instanceof Actor.OfficialActor a)) return true;
        if (a.official().equals(m.accusedOfficial) || m.accusedUnits.contains(a.unit()) || m.accusedUnits.contains(unitOfOfficial(a.official()))) {
            return false;
        }
        return office(a.unit(), m.region) || a.unit().equals(m.handling) || m.addressees.contains(a.unit());
    }

    @Test
    void noSequenceLetsAnActorReadOrChangeWhatThePolicyForbids() {
        qt().withExamples(300).forAll(steps()).checkAssert(steps -> {
            TestClock clock = TestClock.at("2026-03-10T02:00:00Z");
            InMemoryCaseStore store = InMemoryCaseStore.create();
            AccessPolicy policy = AccessPolicy.standard(DIRECTORY);
            CaseService service = CaseService.builder(store, DIRECTORY, clock).accessPolicy(policy).build();
            Map<CaseId, Model> models = new HashMap<>();
            int n = 0;
            for (Step s : steps) {
                CaseId id = CASES.get(s.onCase());
                Actor actor = actor(s.by());
                Model m = models.get(id);
                long before = store.load(id.value()).map(c -> c.version()).orElse(0L);
                if (s.what() == 5) {
                    boolean shown = service.history(actor, id).isPresent();
                    assertThat(shown).as("read of %s by %s", id, actor).isEqualTo(m != null && sees(actor, m));
                    // the data-level scope: the actor's listings show exactly the cases the model lets it see
                    Set<CaseId> listed = new HashSet<>();
                    CaseListings.create(service, actor).forEachTouching("", java.time.Instant.EPOCH,
                            events -> listed.add(events.get(0).caseId()));
                    Set<CaseId> visible = new HashSet<>();
                    models.forEach((c, cm) -> {
                        if (sees(actor, cm)) visible.add(c);
                    });
                    assertThat(listed).as("the cases listed for %s", actor).isEqualTo(visible);
                    for (Map.Entry<CaseId, Model> e : models.entrySet()) {
                        assertThat(service.accessScope(actor).contains(store.indexRow(e.getKey().value()).orElseThrow()))
                                .as("the scope of %s over the index row of %s", actor, e.getKey())
                                .isEqualTo(policy.mayRead(actor, service.rebuildSnapshot(e.getKey()).orElseThrow()));
                    }
                    continue;
                }
                IdempotencyKey key = new IdempotencyKey("k" + n++);
                CaseCommand command = command(s, id, key, actor);
                CommandResult r = service.handle(command);
                long after = store.load(id.value()).map(c -> c.version()).orElse(0L);
                boolean creates = s.what() == 0;
                if (m != null && !sees(actor, m)) {
                    // Hidden: the answer a case that does not exist gets, and nothing written.
                    CommandResult absent = CaseService.builder(InMemoryCaseStore.create(), DIRECTORY, clock).accessPolicy(policy)
                            .build().handle(command);
                    Rejection expected = absent instanceof CommandResult.Rejected x ? x.rejection()
                            : Rejection.of(Rejection.Code.CASE_EXISTS, null);   // would create it: the id is taken
                    assertThat(r).as("%s by %s on a hidden case", command.getClass().getSimpleName(), actor)
                            .isEqualTo(new CommandResult.Rejected(expected));
                    assertThat(after).isEqualTo(before);
                    continue;
                }
                boolean allowed;
                if (m == null) {
                    RegionCode region = s.arg() % 2 == 0 ? GANGBEI : GANGNAN;
                    allowed = !creates || !(actor instanceof Actor.OfficialActor a)
                            || office(a.unit(), region) || region.isWithin(REGION.get(a.unit()));
                } else {
                    allowed = s.what() != 4 || !(actor instanceof Actor.OfficialActor a) || office(a.unit(), m.region);
                }
                boolean refusedByPolicy = r instanceof CommandResult.Rejected x && x.rejection().code() == Rejection.Code.NOT_AUTHORISED
                        && x.rejection().messageEnglish().contains("access policy");
                assertThat(refusedByPolicy).as("%s by %s refused by the policy", command.getClass().getSimpleName(), actor)
                        .isEqualTo(!allowed);
                if (!allowed) assertThat(after).isEqualTo(before);
                if (r.isApplied() && after > before) apply(models, id, s, actor);
            }
        });
    }

    static CaseCommand command(Step s, CaseId id, IdempotencyKey key, Actor actor) {
        UnitId unit = List.of(HOUSING, LABOUR, LAND, DISTRICT, OFFICE, JOINT).get(s.arg());
        return switch (s.what()) {
            case 0 -> {
                List<PetitionForm.AccusedParty> accused = switch (s.arg() / 2) {
                    case 0 -> List.of();
                    case 1 -> List.of(PetitionForm.AccusedParty.unit(HOUSING));
                    default -> List.of(PetitionForm.AccusedParty.official(accusedOfficial(s.arg())));
                };
                yield new ProcedureCommand.Register(id, key, actor, new PetitionForm(D, Channel.LETTER, Category.CLAIM, "城乡建设",
                        (s.arg() % 2 == 0 ? GANGBEI : GANGNAN).value(), true, null,
                        List.of(new PetitionForm.Petitioner("来信人", null, null, null)), 1, accused, "反映问题。"), null);
            }
            case 1 -> new ProcedureCommand.Route(id, key, actor, unit, D.plusDays(1));
            case 2 -> new ProcedureCommand.Accept(id, key, actor, D.plusDays(2));
            case 3 -> new ActivityCommand.IssueSupervision(id, key, actor, CaseActivity.SupervisionKind.SUPERVISION, unit,
                    D.plusDays(3), D.plusDays(20));
            default -> new ResolutionCommand.EnrolInBatch(id, key, actor, new Resolution.BatchId("b-1"),
                    Resolution.IssuingLevel.COUNTY, "第一批", D.plusDays(90), D.plusDays(4));
        };
    }

    /**
     * The official a registration accuses: a department's, or (argument 5) the city petition office's, whose office covers
     * the case's region: only the accusation rule keeps that office from reading it.
     */
    static OfficialId accusedOfficial(int arg) {
        return new OfficialId((arg == 5 ? CITY_OFFICE : LABOUR).value() + "-1");
    }

    /** Updates the model from a command the service applied. */
    static void apply(Map<CaseId, Model> models, CaseId id, Step s, Actor actor) {
        switch (s.what()) {
            case 0 -> {
                Model m = new Model();
                m.region = s.arg() % 2 == 0 ? GANGBEI : GANGNAN;
                if (s.arg() / 2 == 1) m.accusedUnits.add(HOUSING);
                if (s.arg() / 2 == 2) {
                    m.accusedOfficial = accusedOfficial(s.arg());
                    m.accusedUnits.add(unitOfOfficial(m.accusedOfficial));
                }
                models.put(id, m);
            }
            case 1 -> models.get(id).handling = List.of(HOUSING, LABOUR, LAND, DISTRICT, OFFICE, JOINT).get(s.arg());
            case 3 -> models.get(id).addressees.add(List.of(HOUSING, LABOUR, LAND, DISTRICT, OFFICE, JOINT).get(s.arg()));
            default -> { }
        }
    }

    /** The examples the rules name, one by one. */
    @Test
    void theAccusedUnitNeverLearnsOfTheAccusation() {
        TestClock clock = TestClock.at("2026-03-10T02:00:00Z");
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = CaseService.builder(store, DIRECTORY, clock).accessPolicy(AccessPolicy.standard(DIRECTORY)).build();
        CaseId id = CASES.get(0);
        Actor clerk = actor(0);
        Actor housing = Actor.official(new OfficialId(HOUSING.value() + "-1"), HOUSING);
        assertThat(service.handle(command(new Step(0, 0, 0, 2), id, new IdempotencyKey("r"), clerk)).isApplied()).isTrue();

        assertThat(service.history(housing, id)).isEmpty();
        assertThat(service.history(clerk, id)).isPresent();
        // nor in a listing or a count: the store evaluates the unit's scope inside its queries
        java.time.Instant far = java.time.Instant.parse("2100-01-01T00:00:00Z");
        assertThat(CaseListings.create(service, housing).needingAttention(far, null, null, 10, null).items()).isEmpty();
        assertThat(CaseListings.create(service, clerk).needingAttention(far, null, null, 10, null).items()).hasSize(1);
        io.github.xinfang.persistence.OverdueScope region = io.github.xinfang.persistence.OverdueScope.regionPrefix("45");
        assertThat(CaseListings.create(service, housing).countOverdue(region, far)).isZero();
        assertThat(CaseListings.create(service, clerk).countOverdue(region, far)).isEqualTo(1);
        CommandResult tried = service.handle(new ProcedureCommand.Accept(id, new IdempotencyKey("a"), housing, D.plusDays(2)));
        assertThat(tried).isEqualTo(new CommandResult.Rejected(Rejection.of(Rejection.Code.CASE_NOT_FOUND, null)));
        // Resending the clerk's registration under its key, the district government (which may register petitions of its
        // county, but does not see this case) learns only that the id is taken, as it would of any case.
        Actor elsewhere = actor(14);
        CommandResult resent = service.handle(command(new Step(0, 0, 0, 2), id, new IdempotencyKey("r"), elsewhere));
        assertThat(resent).isEqualTo(new CommandResult.Rejected(Rejection.of(Rejection.Code.CASE_EXISTS, null)));
        Optional<io.github.xinfang.persistence.StoredCase> stored = store.load(id.value());
        assertThat(stored.orElseThrow().version()).isEqualTo(1);
        // An office of another county does not see it; the city's joint conference office does.
        assertThat(service.history(actor(2), id)).isEmpty();
        assertThat(service.history(actor(6), id)).isPresent();
    }
}
