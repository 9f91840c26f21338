package io.github.xinfang.service;

import io.github.xinfang.cases.AccusedPartyForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.BacklogSource;
import io.github.xinfang.cases.BatchId;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.DeclineReason;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.IssuingLevel;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.PetitionerForm;
import io.github.xinfang.cases.PlanStepForm;
import io.github.xinfang.cases.RejectionCode;
import io.github.xinfang.cases.ReplacementReason;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionKind;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Model-based property of the resolution track (积案化解, DESIGN.md section 3 invariant 4 and section 5): random
 * interleavings of resolution commands (designate, batch enrolments of every issuing level, hard-case flags,
 * assignments and replacements by leaders of every rank, some too low and some accused, plans and steps,
 * claims, approvals, sometimes by the claimant, returns, rebounds), a few procedure moves that the stage guard
 * reads (route, withdraw, transfer out, decline) and idempotent repeats and key reuse, run against the case
 * service and against a small independent model: its own track table, its own rank ladder (positions), its
 * own copy of the default escalation rules as documented ({@code EscalationPolicy.standard()}: hard case →
 * 县处级正职; a batch from the province or above → 厅局级副职; 50 or more people → 县处级正职, principal),
 * its own accused-party reasoning and its own assignment history.
 *
 * <p>After every step: the decision (applied, or the rejection code) agrees; the track state, version and
 * history length agree; at most one assignment is active, exactly one in IN_RESOLUTION and CLAIMED and none
 * otherwise; the assignment history is the model's entry by entry (never lost, reordered or rewritten); the
 * required rank is the model's and never falls; a rise is recorded in the same commit naming the rules.
 */
class ResolutionModelProperties {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int CASES = 2;

    /** The model's ladder: positions of the civil-service ranks, lowest first (DESIGN.md section 5). */
    static final List<String> LADDER = List.of("乡科级副职", "乡科级正职", "县处级副职", "县处级正职", "厅局级副职", "厅局级正职", "省部级");

    /** A requirement in the model's terms: a ladder position (-1 for none) and the principal flag. */
    record MRank(int position, boolean principal) {
        static final MRank NONE = new MRank(-1, false);

        MRank join(MRank o) {
            return new MRank(Math.max(position, o.position), principal || o.principal);
        }

        boolean implies(MRank o) {
            return position >= o.position && (principal || !o.principal);
        }
    }

    /** The default escalation rules, as documented, in order: name, condition, requirement. */
    enum MRule {
        HARD_CASE("hard-case", new MRank(3, false)),
        PROVINCE_BATCH("province-batch", new MRank(4, false)),
        HEADCOUNT_50("headcount-50", new MRank(3, true));

        final String ruleName;
        final MRank requires;

        MRule(String ruleName, MRank requires) {
            this.ruleName = ruleName;
            this.requires = requires;
        }

        boolean fires(MCase c) {
            switch (this) {
                case HARD_CASE: return c.hardCase;
                case PROVINCE_BATCH: return c.batchLevels.stream().anyMatch(l -> l == IssuingLevel.PROVINCE || l == IssuingLevel.CENTRAL);
                default: return c.headcount >= 50;
            }
        }
    }

    /** A candidate leader as the model knows them: id, unit, rank name (may be off the ladder), principal flag. */
    record MOfficial(OfficialId id, UnitId unit, String rank, boolean principal) {
        int position() {
            return LADDER.indexOf(rank);
        }
    }

    static final List<MOfficial> LEADERS = List.of(
            new MOfficial(Org.DISTRICT_DEPUTY, Org.DISTRICT, "县处级副职", false),
            new MOfficial(Org.DISTRICT_EXECUTIVE, Org.DISTRICT, "县处级正职", false),
            new MOfficial(Org.DISTRICT_HEAD, Org.DISTRICT, "县处级正职", true),
            new MOfficial(Org.CITY_DEPUTY, Org.CITY, "厅局级副职", false),
            new MOfficial(Org.OFFICE_HEAD, Org.OFFICE, "乡科级正职", true),
            new MOfficial(Org.LAND_HEAD, Org.LAND, "乡科级正职", true),
            new MOfficial(Org.ODD_RANK, Org.DISTRICT, "处级", false));

    static final List<UnitId> LEAD_UNITS = List.of(Org.HOUSING, Org.LABOUR, Org.LAND);
    static final List<OfficialId> TASK_FORCE = List.of(Org.HOUSING_STAFF, Org.LABOUR_STAFF, Org.LAND_STAFF);
    static final Map<OfficialId, UnitId> UNIT_OF = new HashMap<>();

    static {
        for (MOfficial o : LEADERS) UNIT_OF.put(o.id(), o.unit());
        UNIT_OF.put(Org.HOUSING_STAFF, Org.HOUSING);
        UNIT_OF.put(Org.LABOUR_STAFF, Org.LABOUR);
        UNIT_OF.put(Org.LAND_STAFF, Org.LAND);
    }

    /** Actors of the resolution commands; the last acts for the district government (accused in some cases). */
    static final List<Actor> ACTORS = List.of(Org.officeHead(), Org.clerk(), Org.headOf(Org.LAND), Org.headOf(Org.HOUSING),
            Org.staffOf(Org.LABOUR), Actor.official(Org.DISTRICT_HEAD, Org.DISTRICT));

    /** Batches: id and issuing level are fixed per batch. */
    static final List<IssuingLevel> BATCH_LEVELS = List.of(IssuingLevel.COUNTY, IssuingLevel.CITY, IssuingLevel.CITY,
            IssuingLevel.PROVINCE, IssuingLevel.CENTRAL);

    enum Kind {
        REGISTER, ROUTE, WITHDRAW, TRANSFER_OUT, DECLINE,
        DESIGNATE, ENROL, FLAG, ASSIGN, REPLACE, PLAN, STEP, CLAIM, APPROVE, REJECT, REBOUND
    }

    static final Set<Kind> PROCEDURE = EnumSet.of(Kind.REGISTER, Kind.ROUTE, Kind.WITHDRAW, Kind.TRANSFER_OUT, Kind.DECLINE);

    /** One generated step: small ints turned into a command against the model's current state. */
    record Step(int pick, int kindIndex, int caseIndex, int actorIndex, int who, int dateOffset, int count, int flags) {}

    static Gen<Step> steps() {
        return lists().of(integers().between(0, 999)).ofSize(8)
                .map(v -> new Step(v.get(0) % 100, v.get(1), v.get(2) % CASES, v.get(3) % ACTORS.size(), v.get(4),
                        v.get(5) % 12, v.get(6) % 4, v.get(7)));
    }

    @Test
    void serviceAgreesWithTheResolutionModel() {
        qt().forAll(lists().of(steps()).ofSizeBetween(1, 50))
                .checkAssert(steps -> {
                    World w = new World();
                    for (int i = 0; i < steps.size(); i++) w.step(steps.get(i), i);
                });
    }

    /** One package assignment as the model records it. */
    record MAssignment(OfficialId leader, UnitId leadUnit, LocalDate from, LocalDate to, String ended) {}

    /** A model case: the procedure stage (only what the stage guard reads) and the resolution track. */
    static final class MCase {
        String stage = "REGISTERED";
        int headcount;
        Set<UnitId> accusedUnits = new HashSet<>();
        Set<OfficialId> accusedOfficials = new HashSet<>();
        String track;                       // null: not on the track
        boolean hardCase;
        List<String> batches = new ArrayList<>();
        Set<IssuingLevel> batchLevels = EnumSet.noneOf(IssuingLevel.class);
        MRank required = MRank.NONE;
        List<String> requiredRules = List.of();
        List<MAssignment> assignments = new ArrayList<>();
        List<boolean[]> plans = new ArrayList<>();
        String claimant;
        int returned;
        LocalDate lastOn;
        long version;
        long events;
    }

    static final class World {
        /** One service for all sequences (building one per sequence costs more than the sequence); each sequence has its own case ids. */
        static final TestClock clock = TestClock.at("2026-03-02T02:00:00Z");
        static final InMemoryCaseStore store = InMemoryCaseStore.create();
        static final CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
        static final java.util.concurrent.atomic.AtomicLong SEQUENCES = new java.util.concurrent.atomic.AtomicLong();
        final String prefix = "RM" + SEQUENCES.incrementAndGet() + "-";

        World() {
            clock.set(java.time.Instant.parse("2026-03-02T02:00:00Z"));
        }
        final Map<Integer, MCase> model = new HashMap<>();
        final Map<String, CaseCommand> appliedByKey = new HashMap<>();
        final Map<String, Long> versionByKey = new HashMap<>();
        final Map<String, Integer> eventsByKey = new HashMap<>();
        final Map<Integer, Resolution> observed = new HashMap<>();
        CaseCommand last;
        int keys;

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZONE);
        }

        CaseId caseId(int i) {
            return new CaseId(prefix + i);
        }

        static int indexOf(CaseCommand c) {
            String v = c.caseId().value();
            return Integer.parseInt(v.substring(v.lastIndexOf('-') + 1));
        }

        void step(Step s, int index) {
            clock.advance(s.flags() % 10 == 9 ? Duration.ofDays(3 + s.dateOffset()) : Duration.ofHours(13));
            CaseCommand command;
            if (s.pick() < 6 && last != null) {
                command = last;                                                   // a client retry
            } else if (s.pick() < 9 && last != null) {
                Kind any = Kind.values()[1 + s.kindIndex() % (Kind.values().length - 1)];
                command = build(s, any, last.caseId(), last.key());               // same key, another command
            } else {
                command = build(s, chooseKind(s), caseId(s.caseIndex()), new IdempotencyKey("key-" + (++keys)));
            }
            Expectation expected = expect(command);
            CommandResult result = service.handle(command);
            String what = "step " + index + " " + command.getClass().getSimpleName() + " on " + command.caseId().value();
            if (expected.code == null) {
                assertThat(result).as("%s: applied (model), got %s", what, result).isInstanceOf(CommandResult.Applied.class);
                CommandResult.Applied a = (CommandResult.Applied) result;
                assertThat(a.replayed()).as("%s replayed", what).isEqualTo(expected.replayed);
                assertThat(a.version()).as("%s version", what).isEqualTo(expected.version);
                assertThat(a.events()).as("%s events", what).hasSize(expected.events);
                if (!expected.replayed && expected.rules != null) {
                    CaseEvent raised = a.events().get(a.events().size() - 1);
                    assertThat(raised).as("%s: the rise in the same commit", what).isInstanceOf(CaseEvent.RequiredRankRaised.class);
                    CaseEvent.RequiredRankRaised r = (CaseEvent.RequiredRankRaised) raised;
                    assertThat(r.rules()).as("%s rules that fired", what).isEqualTo(expected.rules);
                }
            } else {
                assertThat(result).as("%s: rejected %s (model), got %s", what, expected.code, result)
                        .isInstanceOf(CommandResult.Rejected.class);
                assertThat(((CommandResult.Rejected) result).rejection().code()).as("%s: %s", what, result).isEqualTo(expected.code);
            }
            if (expected.code == null && !expected.replayed) apply(command, expected);
            last = command;
            if (expected.code == null && !expected.replayed) {
                compare(indexOf(command), what);
            } else {
                unchanged(indexOf(command), what);
            }
        }

        /** A rejected or replayed command appends nothing: the stored version and history length stay the model's. */
        void unchanged(int i, String what) {
            MCase m = model.get(i);
            var stored = store.load(caseId(i).value());
            assertThat(stored.isPresent()).as("%s: case exists", what).isEqualTo(m != null);
            if (m == null) return;
            assertThat(stored.get().version()).as("%s: version unchanged", what).isEqualTo(m.version);
            assertThat((long) stored.get().events().size()).as("%s: history unchanged", what).isEqualTo(m.events);
        }

        /** The invariants and the model, compared on the case the step touched after it changed. */
        void compare(int i, String what) {
            MCase m = model.get(i);
            var h = service.history(caseId(i));
            if (m == null) {
                assertThat(h).as("%s: no case", what).isEmpty();
                return;
            }
            CaseHistory history = h.orElseThrow();
            assertThat(history.version()).as("%s version", what).isEqualTo(m.version);
            assertThat((long) history.events().size()).as("%s history length", what).isEqualTo(m.events);
            assertThat(history.state().stage().name()).as("%s stage", what).isEqualTo(m.stage);
            Resolution r = history.state().resolution();
            if (m.track == null) {
                assertThat(r).as("%s: not on the track", what).isNull();
                return;
            }
            assertThat(r).as("%s: on the track", what).isNotNull();
            assertThat(r.track().name()).as("%s track", what).isEqualTo(m.track);
            long active = r.assignments().stream().filter(Resolution.Assignment::isActive).count();
            assertThat(active).as("%s: at most one active assignment", what).isLessThanOrEqualTo(1);
            boolean led = m.track.equals("IN_RESOLUTION") || m.track.equals("CLAIMED");
            assertThat(active).as("%s: active assignments in %s (one while led, else none)", what, m.track).isEqualTo(led ? 1 : 0);
            assertThat(r.activeAssignment().isPresent()).as("%s: the active one is the last", what).isEqualTo(led);
            List<MAssignment> actual = new ArrayList<>();
            for (Resolution.Assignment a : r.assignments()) {
                actual.add(new MAssignment(a.leader(), a.leadUnit(), a.from(), a.to(), a.ended() == null ? null : a.ended().name()));
            }
            assertThat(actual).as("%s assignment history", what).containsExactlyElementsOf(m.assignments);
            Resolution before = observed.get(i);
            if (before != null) {
                for (int j = 0; j < before.assignments().size(); j++) {
                    Resolution.Assignment was = before.assignments().get(j);
                    Resolution.Assignment now = r.assignments().get(j);
                    assertThat(List.of(now.leader(), now.leadUnit(), now.from())).as("%s: assignment %d kept in place", what, j)
                            .isEqualTo(List.of(was.leader(), was.leadUnit(), was.from()));
                    if (!was.isActive()) assertThat(now).as("%s: ended assignment %d unchanged", what, j).isEqualTo(was);
                }
                assertThat(rank(r)).as("%s: required rank never falls", what).matches(now -> now.implies(rank(before)));
            }
            assertThat(rank(r)).as("%s required rank", what).isEqualTo(m.required);
            assertThat(r.requiredRankRules()).as("%s required-rank rules", what).isEqualTo(m.requiredRules);
            assertThat(r.hardCase()).as("%s hard case", what).isEqualTo(m.hardCase);
            assertThat(r.batches().stream().map(b -> b.id().value()).toList()).as("%s batches", what).isEqualTo(m.batches);
            assertThat(r.returnedClaims()).as("%s returned claims", what).isEqualTo(m.returned);
            assertThat(r.claimant() == null ? null : officialOf(r.claimant())).as("%s claimant", what).isEqualTo(m.claimant);
            assertThat(r.plans()).as("%s plans", what).hasSize(m.plans.size());
            for (int p = 0; p < m.plans.size(); p++) {
                boolean[] done = m.plans.get(p);
                List<Resolution.PlanStep> steps = r.plans().get(p).steps();
                assertThat(steps).as("%s plan %d", what, p + 1).hasSize(done.length);
                for (int k = 0; k < done.length; k++) {
                    assertThat(steps.get(k).doneOn() != null).as("%s plan %d step %d done", what, p + 1, k + 1).isEqualTo(done[k]);
                }
            }
            assertThat(r.lastOn()).as("%s last resolution fact", what).isEqualTo(m.lastOn);
            observed.put(i, r);
        }

        static MRank rank(Resolution r) {
            return r.requiredRank() == null ? MRank.NONE
                    : new MRank(LADDER.indexOf(r.requiredRank().rank()), r.requiredRank().principal());
        }

        // ------------------------------------------------------------------ generation

        static final Map<String, List<Kind>> NEXT = Map.of(
                "NONE", List.of(Kind.DESIGNATE, Kind.ENROL),
                "OPEN", List.of(Kind.ASSIGN, Kind.ASSIGN, Kind.ASSIGN, Kind.ENROL, Kind.FLAG),
                "IN_RESOLUTION", List.of(Kind.CLAIM, Kind.CLAIM, Kind.CLAIM, Kind.PLAN, Kind.PLAN, Kind.STEP, Kind.STEP, Kind.REPLACE, Kind.FLAG, Kind.ENROL),
                "CLAIMED", List.of(Kind.APPROVE, Kind.APPROVE, Kind.APPROVE, Kind.APPROVE, Kind.REJECT, Kind.REPLACE, Kind.STEP, Kind.ENROL),
                "RESOLVED", List.of(Kind.REBOUND, Kind.REBOUND, Kind.REBOUND, Kind.DESIGNATE, Kind.ENROL));

        /** Moves that advance the track are drawn most; one step in eight is a procedure move; one in ten anything. */
        Kind chooseKind(Step s) {
            MCase c = model.get(s.caseIndex());
            if (c == null) return s.pick() < 90 ? Kind.REGISTER : Kind.values()[s.kindIndex() % Kind.values().length];
            if (s.pick() >= 90) return Kind.values()[1 + s.kindIndex() % (Kind.values().length - 1)];
            if (s.pick() >= 84) {
                List<Kind> p = List.of(Kind.ROUTE, Kind.ROUTE, Kind.ROUTE, Kind.WITHDRAW, Kind.TRANSFER_OUT, Kind.DECLINE);
                return p.get(s.kindIndex() % p.size());
            }
            List<Kind> next = NEXT.get(c.track == null ? "NONE" : c.track);
            return next.get(s.kindIndex() % next.size());
        }

        CaseCommand build(Step s, Kind kind, CaseId id, IdempotencyKey key) {
            MCase c = model.get(Integer.parseInt(id.value().substring(id.value().lastIndexOf('-') + 1)));
            Actor actor = ACTORS.get(s.actorIndex());
            LocalDate today = today();
            LocalDate base = c == null || c.lastOn == null ? today.minusDays(20) : c.lastOn;
            long gap = Math.max(0, ChronoUnit.DAYS.between(base, today));
            int roll = s.flags() % 20;
            LocalDate date = roll == 0 ? base.minusDays(1 + s.count())               // before the track's last fact
                    : roll == 1 ? today.plusDays(1)                                   // in the future
                    : base.plusDays(Math.floorMod(s.dateOffset() * 5L + s.flags(), gap + 1));
            boolean blank = s.flags() % 23 == 0;
            String text = blank ? " " : "理由" + s.flags() % 7;
            switch (kind) {
                case REGISTER: {
                    int variant = s.flags() % 6;   // 0: LAND accused, 1: DISTRICT_DEPUTY accused, 2: 60 people
                    List<AccusedPartyForm> accused = variant == 0 ? List.of(AccusedPartyForm.unit(Org.LAND))
                            : variant == 1 ? List.of(AccusedPartyForm.official(Org.DISTRICT_DEPUTY)) : null;
                    PetitionForm form = new PetitionForm(today.minusDays(s.dateOffset()), Channel.VISIT, Category.CLAIM, "土地征收",
                            "450802", true, null, List.of(new PetitionerForm("覃某某", null, null, null)), variant == 2 ? 60 : 1,
                            accused, "征地补偿多年未到位。");
                    return new CaseCommand.Register(id, key, Org.clerk(), form, null);
                }
                case ROUTE: return new CaseCommand.Route(id, key, Org.clerk(), Org.HOUSING, today);
                case WITHDRAW: return new CaseCommand.Withdraw(id, key, Org.clerk(), today);
                case TRANSFER_OUT: return new CaseCommand.TransferOut(id, key, Org.clerk(), "市公安局", today);
                case DECLINE: return new CaseCommand.Decline(id, key, Org.clerk(), DeclineReason.PENDING_BELOW, today);
                case DESIGNATE:
                    return new CaseCommand.DesignateBacklog(id, key, actor, s.count() % 2 == 0 ? BacklogSource.OWN_SWEEP : BacklogSource.BATCH, date);
                case ENROL: {
                    int b = s.who() % 10 < 6 ? s.who() % 3 : 3 + s.who() % 2;   // province and central less often
                    return new CaseCommand.EnrolInBatch(id, key, actor, new BatchId("batch-" + b), BATCH_LEVELS.get(b),
                            blank ? " " : "第" + b + "批", today.plusDays(90), date);
                }
                case FLAG: return new CaseCommand.FlagHardCase(id, key, actor, text, date);
                case ASSIGN:
                case REPLACE: {
                    MOfficial leader = chooseLeader(c, s);
                    UnitId lead = LEAD_UNITS.get(s.count() % 3);
                    List<OfficialId> taskForce = List.of(TASK_FORCE.get((s.count() + s.flags() / 7) % 3));
                    List<UnitId> coUnits = s.flags() % 3 == 0 ? List.of() : List.of(LEAD_UNITS.get((s.count() % 3 + (s.flags() % 17 == 1 ? 0 : 1 + s.flags() / 3 % 2)) % 3));
                    if (kind == Kind.ASSIGN) {
                        return new CaseCommand.AssignPackageLeader(id, key, actor, leader.id(), lead, taskForce, coUnits, date);
                    }
                    return new CaseCommand.ReplacePackageLeader(id, key, actor, leader.id(), lead, taskForce, coUnits,
                            ReplacementReason.values()[s.count() % 3], date);
                }
                case PLAN: {
                    List<PlanStepForm> steps = new ArrayList<>();
                    for (int k = 0; k <= s.count() % 3; k++) steps.add(new PlanStepForm(k == 1 && blank ? " " : "步骤" + k, today.plusDays(10 * k + 5)));
                    return new CaseCommand.RecordPlan(id, key, actor, steps, date);
                }
                case STEP: return new CaseCommand.MarkPlanStepDone(id, key, actor, s.flags() % 31 == 0 ? 0 : 1 + s.count(), date);
                case CLAIM:
                    return new CaseCommand.ClaimResolution(id, key, actor, s.count() % 2 == 0 ? ResolutionKind.SUBSTANTIVE : ResolutionKind.PROCEDURAL,
                            blank ? " " : "已签订息诉罢访协议", date);
                case APPROVE: {
                    Actor approver = actor;
                    if (c != null && c.claimant != null && s.who() % 4 == 0) {
                        for (Actor a : ACTORS) if (officialOf(a).equals(c.claimant)) approver = a;   // sometimes the claimant
                    }
                    return new CaseCommand.ApproveResolution(id, key, approver, date);
                }
                case REJECT: return new CaseCommand.RejectResolution(id, key, actor, text, date);
                case REBOUND: return new CaseCommand.ReportRebound(id, key, actor, text, date);
                default: throw new AssertionError(kind);
            }
        }

        /** Two in three times a leader the model says qualifies (if any); otherwise any, often too low or accused. */
        MOfficial chooseLeader(MCase c, Step s) {
            if (c != null && s.who() % 3 != 0) {
                List<MOfficial> fit = new ArrayList<>();
                for (MOfficial o : LEADERS) {
                    if (o.position() >= 0 && !accused(c, o.id()) && new MRank(o.position(), o.principal()).implies(c.required)) fit.add(o);
                }
                if (!fit.isEmpty()) return fit.get(s.who() / 3 % fit.size());
            }
            return LEADERS.get(s.who() / 3 % LEADERS.size());
        }

        // ------------------------------------------------------------------ the model

        record Expectation(RejectionCode code, boolean replayed, long version, int events, List<String> rules) {
            static Expectation rejected(RejectionCode code) {
                return new Expectation(code, false, 0, 0, null);
            }
        }

        Expectation expect(CaseCommand command) {
            Kind kind = kindOf(command);
            RejectionCode shape = shape(command, kind);
            if (shape != null) return Expectation.rejected(shape);
            String k = command.caseId().value() + "|" + command.key().value();
            CaseCommand earlier = appliedByKey.get(k);
            if (earlier != null) {
                return earlier.equals(command) ? new Expectation(null, true, versionByKey.get(k), eventsByKey.get(k), null)
                        : Expectation.rejected(RejectionCode.IDEMPOTENCY_MISMATCH);
            }
            MCase c = model.get(indexOf(command));
            if (kind == Kind.REGISTER) {
                return c != null ? Expectation.rejected(RejectionCode.CASE_EXISTS) : new Expectation(null, false, 1, 1, null);
            }
            if (c == null) return Expectation.rejected(RejectionCode.CASE_NOT_FOUND);
            RejectionCode code = PROCEDURE.contains(kind) ? procedure(c, kind) : resolution(c, command, kind);
            if (code != null) return Expectation.rejected(code);
            MCase after = copyForEscalation(c, command, kind);
            List<String> rules = risingRules(after);
            return new Expectation(null, false, c.version + 1, rules.isEmpty() ? 1 : 2, rules.isEmpty() ? null : rules);
        }

        /** Field checks any command gets before anything else. */
        RejectionCode shape(CaseCommand command, Kind kind) {
            LocalDate d = dateOf(command);
            if (d != null && d.isAfter(today())) return RejectionCode.VALIDATION;
            for (String t : textsOf(command)) if (t.isBlank()) return RejectionCode.VALIDATION;
            if (command instanceof CaseCommand.AssignPackageLeader a && a.coUnits().contains(a.leadUnit())) return RejectionCode.VALIDATION;
            if (command instanceof CaseCommand.ReplacePackageLeader a && a.coUnits().contains(a.leadUnit())) return RejectionCode.VALIDATION;
            if (command instanceof CaseCommand.MarkPlanStepDone m && m.step() < 1) return RejectionCode.VALIDATION;
            return null;
        }

        /** The procedure moves, only from the stages these sequences reach (DESIGN.md section 5). */
        static RejectionCode procedure(MCase c, Kind kind) {
            boolean ok = switch (kind) {
                case ROUTE, TRANSFER_OUT -> c.stage.equals("REGISTERED");
                case WITHDRAW, DECLINE -> c.stage.equals("REGISTERED") || c.stage.equals("ROUTED");
                default -> throw new AssertionError(kind);
            };
            return ok ? null : RejectionCode.ILLEGAL_TRANSITION;
        }

        /** The resolution-track table of DESIGN.md section 5, then its rules, in the model's words. */
        RejectionCode resolution(MCase c, CaseCommand command, Kind kind) {
            String t = c.track;
            boolean stageOk = true;
            boolean fromOk;
            switch (kind) {
                case DESIGNATE:
                    stageOk = !Set.of("WITHDRAWN", "TRANSFERRED_OUT", "MERGED").contains(c.stage);
                    fromOk = t == null || t.equals("RESOLVED");
                    break;
                case ENROL:
                    stageOk = !Set.of("WITHDRAWN", "TRANSFERRED_OUT", "MERGED").contains(c.stage);
                    fromOk = true;
                    break;
                case FLAG: fromOk = t != null && Set.of("OPEN", "IN_RESOLUTION", "CLAIMED").contains(t); break;
                case ASSIGN: fromOk = "OPEN".equals(t); break;
                case REPLACE:
                case STEP: fromOk = t != null && Set.of("IN_RESOLUTION", "CLAIMED").contains(t); break;
                case PLAN:
                case CLAIM: fromOk = "IN_RESOLUTION".equals(t); break;
                case APPROVE:
                case REJECT: fromOk = "CLAIMED".equals(t); break;
                case REBOUND: fromOk = "RESOLVED".equals(t); break;
                default: throw new AssertionError(kind);
            }
            if (!stageOk || !fromOk) return RejectionCode.ILLEGAL_TRANSITION;
            if (command.actor() instanceof Actor.OfficialActor a && accused(c, a.official())) return RejectionCode.ACCUSED_PARTY;
            if (t != null && dateOf(command).isBefore(c.lastOn)) return RejectionCode.VALIDATION;
            switch (kind) {
                case ENROL:
                    return c.batches.contains(((CaseCommand.EnrolInBatch) command).batch().value()) ? RejectionCode.ILLEGAL_TRANSITION : null;
                case FLAG:
                    return c.hardCase ? RejectionCode.ILLEGAL_TRANSITION : null;
                case ASSIGN:
                case REPLACE: {
                    OfficialId leader = command instanceof CaseCommand.AssignPackageLeader a ? a.leader()
                            : ((CaseCommand.ReplacePackageLeader) command).leader();
                    UnitId lead = command instanceof CaseCommand.AssignPackageLeader a ? a.leadUnit()
                            : ((CaseCommand.ReplacePackageLeader) command).leadUnit();
                    List<OfficialId> tf = command instanceof CaseCommand.AssignPackageLeader a ? a.taskForce()
                            : ((CaseCommand.ReplacePackageLeader) command).taskForce();
                    List<UnitId> co = command instanceof CaseCommand.AssignPackageLeader a ? a.coUnits()
                            : ((CaseCommand.ReplacePackageLeader) command).coUnits();
                    if (accused(c, leader) || c.accusedUnits.contains(lead)) return RejectionCode.ACCUSED_PARTY;
                    for (OfficialId o : tf) if (accused(c, o)) return RejectionCode.ACCUSED_PARTY;
                    for (UnitId u : co) if (c.accusedUnits.contains(u)) return RejectionCode.ACCUSED_PARTY;
                    MOfficial o = LEADERS.stream().filter(x -> x.id().equals(leader)).findFirst().orElseThrow();
                    if (o.position() < 0) return RejectionCode.VALIDATION;
                    return new MRank(o.position(), o.principal()).implies(c.required) ? null : RejectionCode.RANK_TOO_LOW;
                }
                case STEP: {
                    int step = ((CaseCommand.MarkPlanStepDone) command).step();
                    if (c.plans.isEmpty()) return RejectionCode.ILLEGAL_TRANSITION;
                    boolean[] plan = c.plans.get(c.plans.size() - 1);
                    if (step > plan.length) return RejectionCode.VALIDATION;
                    return plan[step - 1] ? RejectionCode.ILLEGAL_TRANSITION : null;
                }
                case APPROVE:
                    return officialOf(command.actor()).equals(c.claimant) ? RejectionCode.SAME_ACTOR : null;
                default:
                    return null;
            }
        }

        /** An official is accused, or belongs to an accused unit (the unit of an accused official counts as accused). */
        static boolean accused(MCase c, OfficialId o) {
            return c.accusedOfficials.contains(o) || c.accusedUnits.contains(UNIT_OF.get(o));
        }

        /** The escalation inputs after the command (the model's own view of which commands change them). */
        static MCase copyForEscalation(MCase c, CaseCommand command, Kind kind) {
            MCase x = new MCase();
            x.headcount = c.headcount;
            x.hardCase = c.hardCase || kind == Kind.FLAG;
            x.batchLevels = EnumSet.noneOf(IssuingLevel.class);
            x.batchLevels.addAll(c.batchLevels);
            if (command instanceof CaseCommand.EnrolInBatch e) x.batchLevels.add(e.level());
            x.required = c.required;
            x.track = kind == Kind.DESIGNATE || kind == Kind.ENROL ? "OPEN" : c.track;
            return x;
        }

        /** The rules that fire and ask for more than is already required, in policy order (empty: no rise). */
        static List<String> risingRules(MCase after) {
            List<String> out = new ArrayList<>();
            if (after.track == null) return out;
            for (MRule r : MRule.values()) if (r.fires(after) && !after.required.implies(r.requires)) out.add(r.ruleName);
            return out;
        }

        void apply(CaseCommand command, Expectation e) {
            int i = indexOf(command);
            Kind kind = kindOf(command);
            MCase c = model.get(i);
            if (command instanceof CaseCommand.Register r) {
                c = new MCase();
                c.headcount = r.petition().headcount();
                if (r.petition().accused() != null) {
                    for (AccusedPartyForm a : r.petition().accused()) {
                        if (a.unit() != null) c.accusedUnits.add(a.unit());
                        if (a.official() != null) {
                            c.accusedOfficials.add(a.official());
                            c.accusedUnits.add(UNIT_OF.get(a.official()));
                        }
                    }
                }
                model.put(i, c);
            } else {
                LocalDate d = dateOf(command);
                switch (kind) {
                    case ROUTE: c.stage = "ROUTED"; break;
                    case WITHDRAW: c.stage = "WITHDRAWN"; break;
                    case TRANSFER_OUT: c.stage = "TRANSFERRED_OUT"; break;
                    case DECLINE: c.stage = "DECLINED"; break;
                    case DESIGNATE: c.track = "OPEN"; c.claimant = null; break;
                    case ENROL: {
                        CaseCommand.EnrolInBatch en = (CaseCommand.EnrolInBatch) command;
                        if (c.track == null || c.track.equals("RESOLVED")) { c.track = "OPEN"; c.claimant = null; }
                        c.batches.add(en.batch().value());
                        c.batchLevels.add(en.level());
                        break;
                    }
                    case FLAG: c.hardCase = true; break;
                    case ASSIGN: {
                        CaseCommand.AssignPackageLeader a = (CaseCommand.AssignPackageLeader) command;
                        c.track = "IN_RESOLUTION";
                        c.assignments.add(new MAssignment(a.leader(), a.leadUnit(), d, null, null));
                        break;
                    }
                    case REPLACE: {
                        CaseCommand.ReplacePackageLeader a = (CaseCommand.ReplacePackageLeader) command;
                        endActive(c, d, a.reason().name());
                        c.assignments.add(new MAssignment(a.leader(), a.leadUnit(), d, null, null));
                        break;
                    }
                    case PLAN: c.plans.add(new boolean[((CaseCommand.RecordPlan) command).steps().size()]); break;
                    case STEP: c.plans.get(c.plans.size() - 1)[((CaseCommand.MarkPlanStepDone) command).step() - 1] = true; break;
                    case CLAIM: c.track = "CLAIMED"; c.claimant = officialOf(command.actor()); break;
                    case APPROVE: c.track = "RESOLVED"; endActive(c, d, "RESOLUTION_APPROVED"); break;
                    case REJECT: c.track = "IN_RESOLUTION"; c.claimant = null; c.returned++; break;
                    case REBOUND: c.track = "OPEN"; c.claimant = null; break;
                    default: throw new AssertionError(kind);
                }
                if (!PROCEDURE.contains(kind)) c.lastOn = c.lastOn == null || d.isAfter(c.lastOn) ? d : c.lastOn;
                if (e.rules != null) {
                    MRank raised = c.required;
                    for (MRule r : MRule.values()) if (e.rules.contains(r.ruleName)) raised = raised.join(r.requires);
                    c.required = raised;
                    c.requiredRules = e.rules;
                }
            }
            c.version++;
            c.events += e.events;
            String k = command.caseId().value() + "|" + command.key().value();
            appliedByKey.put(k, command);
            versionByKey.put(k, c.version);
            eventsByKey.put(k, e.events);
        }

        static void endActive(MCase c, LocalDate on, String why) {
            MAssignment a = c.assignments.remove(c.assignments.size() - 1);
            if (a.to() != null) throw new AssertionError("model: no active assignment to end");
            c.assignments.add(new MAssignment(a.leader(), a.leadUnit(), a.from(), on, why));
        }

        static String officialOf(Actor a) {
            return a instanceof Actor.OfficialActor o ? o.official().value() : "system";
        }

        static Kind kindOf(CaseCommand c) {
            if (c instanceof CaseCommand.Register) return Kind.REGISTER;
            if (c instanceof CaseCommand.Route) return Kind.ROUTE;
            if (c instanceof CaseCommand.Withdraw) return Kind.WITHDRAW;
            if (c instanceof CaseCommand.TransferOut) return Kind.TRANSFER_OUT;
            if (c instanceof CaseCommand.Decline) return Kind.DECLINE;
            if (c instanceof CaseCommand.DesignateBacklog) return Kind.DESIGNATE;
            if (c instanceof CaseCommand.EnrolInBatch) return Kind.ENROL;
            if (c instanceof CaseCommand.FlagHardCase) return Kind.FLAG;
            if (c instanceof CaseCommand.AssignPackageLeader) return Kind.ASSIGN;
            if (c instanceof CaseCommand.ReplacePackageLeader) return Kind.REPLACE;
            if (c instanceof CaseCommand.RecordPlan) return Kind.PLAN;
            if (c instanceof CaseCommand.MarkPlanStepDone) return Kind.STEP;
            if (c instanceof CaseCommand.ClaimResolution) return Kind.CLAIM;
            if (c instanceof CaseCommand.ApproveResolution) return Kind.APPROVE;
            if (c instanceof CaseCommand.RejectResolution) return Kind.REJECT;
            if (c instanceof CaseCommand.ReportRebound) return Kind.REBOUND;
            throw new AssertionError(c.getClass());
        }

        /** The command's dated fact (null for a registration, whose date the generator keeps valid). */
        static LocalDate dateOf(CaseCommand c) {
            if (c instanceof CaseCommand.Route x) return x.receivedOn();
            if (c instanceof CaseCommand.Withdraw x) return x.withdrawnOn();
            if (c instanceof CaseCommand.TransferOut x) return x.transferredOn();
            if (c instanceof CaseCommand.Decline x) return x.declinedOn();
            if (c instanceof CaseCommand.DesignateBacklog x) return x.designatedOn();
            if (c instanceof CaseCommand.EnrolInBatch x) return x.enrolledOn();
            if (c instanceof CaseCommand.FlagHardCase x) return x.flaggedOn();
            if (c instanceof CaseCommand.AssignPackageLeader x) return x.assignedOn();
            if (c instanceof CaseCommand.ReplacePackageLeader x) return x.replacedOn();
            if (c instanceof CaseCommand.RecordPlan x) return x.recordedOn();
            if (c instanceof CaseCommand.MarkPlanStepDone x) return x.doneOn();
            if (c instanceof CaseCommand.ClaimResolution x) return x.claimedOn();
            if (c instanceof CaseCommand.ApproveResolution x) return x.approvedOn();
            if (c instanceof CaseCommand.RejectResolution x) return x.rejectedOn();
            if (c instanceof CaseCommand.ReportRebound x) return x.reportedOn();
            return null;
        }

        static List<String> textsOf(CaseCommand c) {
            if (c instanceof CaseCommand.FlagHardCase x) return List.of(x.reason());
            if (c instanceof CaseCommand.EnrolInBatch x) return List.of(x.batchName());
            if (c instanceof CaseCommand.ClaimResolution x) return List.of(x.evidence());
            if (c instanceof CaseCommand.RejectResolution x) return List.of(x.reason());
            if (c instanceof CaseCommand.ReportRebound x) return List.of(x.reason());
            if (c instanceof CaseCommand.RecordPlan x) return x.steps().stream().map(PlanStepForm::description).toList();
            return List.of();
        }
    }
}
