package io.github.xinfang.service;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.SweepCommand;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Procedure.ContactKind;
import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Fact;
import io.github.xinfang.cases.Procedure.DeclineReason;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.LegalChannel;
import io.github.xinfang.cases.Procedure.Outcome;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Model-based property: random sequences of commands, valid and invalid, run against the case service
 * (in-memory store) and against a small independent model of the procedure track written from DESIGN.md
 * section 5 (its own transition map, its own day-by-day window arithmetic, its own idempotency record).
 * After every step the accept/reject decision, the stage, the version and the history length agree.
 */
class LifecycleModelProperties {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int CASES = 2;

    /** The model's own stages (strings, so it does not lean on the library's enum). */
    enum MStage {
        REGISTERED, ROUTED, IN_HANDLING, PENDING_APPROVAL, CONCLUDED, UNDER_REVIEW, REVIEWED, UNDER_RE_REVIEW, FINAL,
        TRANSFERRED_OUT, REDIRECTED, DECLINED, WITHDRAWN, TERMINATED
    }

    /** What the model knows of each profile it uses (from LEGAL.md; the shipped JSON is the library's). */
    record MProfile(Set<Category> handling, int maxExtension, boolean termination) {}

    static final Map<String, MProfile> PROFILES = Map.of(
            "national-2022", new MProfile(EnumSet.of(Category.CLAIM), 30, false),
            "zhejiang-2016", new MProfile(EnumSet.of(Category.CLAIM), 60, false),
            "shandong-2015", new MProfile(EnumSet.of(Category.CLAIM), 30, true),
            "simplified-2016", new MProfile(EnumSet.allOf(Category.class), 0, false));
    static final List<String> PROFILE_IDS = List.of("national-2022", "zhejiang-2016", "shandong-2015", "simplified-2016");

    /** The commands the generator draws from; REPEAT and REUSE_KEY exercise idempotency. */
    enum Kind {
        REGISTER, ROUTE, OBJECT, TRANSFER_OUT, REDIRECT, DECLINE, INFORM, ACCEPT, EXTEND, PROPOSE, APPROVE, RETURN,
        SERVE_REPLY, REQUEST_REVIEW, CONCLUDE_REVIEW, SERVE_OPINION, REQUEST_RE_REVIEW, CONCLUDE_RE_REVIEW, REOPEN,
        WITHDRAW, CONTACT, STAGE_REPLY, OPEN_HEARING, CLOSE_HEARING, CORRECT, CHANGE_PROFILE, TERMINATE,
        RECORD_BY_OFFICIAL, IMPORT, REPEAT_LAST, REUSE_KEY
    }

    /** The kinds a step may draw directly (not the idempotency replays). */
    static final int DRAWN = Kind.IMPORT.ordinal() + 1;

    /** The model's transition table: command kind → (from stages, to stage or null for same). */
    static final Map<Kind, Set<MStage>> FROM = new HashMap<>();
    static final Map<Kind, MStage> TO = new HashMap<>();

    static {
        t(Kind.ROUTE, EnumSet.of(MStage.REGISTERED), MStage.ROUTED);
        t(Kind.OBJECT, EnumSet.of(MStage.ROUTED), MStage.REGISTERED);
        t(Kind.TRANSFER_OUT, EnumSet.of(MStage.REGISTERED), MStage.TRANSFERRED_OUT);
        t(Kind.REDIRECT, EnumSet.of(MStage.REGISTERED, MStage.ROUTED), MStage.REDIRECTED);
        t(Kind.DECLINE, EnumSet.of(MStage.REGISTERED, MStage.ROUTED), MStage.DECLINED);
        t(Kind.INFORM, EnumSet.of(MStage.ROUTED, MStage.IN_HANDLING), null);
        t(Kind.ACCEPT, EnumSet.of(MStage.ROUTED), MStage.IN_HANDLING);
        t(Kind.EXTEND, EnumSet.of(MStage.IN_HANDLING), null);
        t(Kind.PROPOSE, EnumSet.of(MStage.IN_HANDLING), MStage.PENDING_APPROVAL);
        t(Kind.APPROVE, EnumSet.of(MStage.PENDING_APPROVAL), MStage.CONCLUDED);
        t(Kind.RETURN, EnumSet.of(MStage.PENDING_APPROVAL), MStage.IN_HANDLING);
        t(Kind.SERVE_REPLY, EnumSet.of(MStage.CONCLUDED), null);
        t(Kind.REQUEST_REVIEW, EnumSet.of(MStage.CONCLUDED), MStage.UNDER_REVIEW);
        t(Kind.CONCLUDE_REVIEW, EnumSet.of(MStage.UNDER_REVIEW), MStage.REVIEWED);
        t(Kind.SERVE_OPINION, EnumSet.of(MStage.REVIEWED), null);
        t(Kind.REQUEST_RE_REVIEW, EnumSet.of(MStage.REVIEWED), MStage.UNDER_RE_REVIEW);
        t(Kind.CONCLUDE_RE_REVIEW, EnumSet.of(MStage.UNDER_RE_REVIEW), MStage.FINAL);
        t(Kind.REOPEN, EnumSet.of(MStage.CONCLUDED, MStage.REVIEWED), MStage.IN_HANDLING);
        t(Kind.WITHDRAW, EnumSet.of(MStage.REGISTERED, MStage.ROUTED, MStage.IN_HANDLING, MStage.PENDING_APPROVAL), MStage.WITHDRAWN);
        t(Kind.CONTACT, EnumSet.of(MStage.ROUTED, MStage.IN_HANDLING, MStage.UNDER_REVIEW, MStage.UNDER_RE_REVIEW), null);
        t(Kind.STAGE_REPLY, EnumSet.of(MStage.IN_HANDLING), null);
        t(Kind.OPEN_HEARING, EnumSet.of(MStage.IN_HANDLING, MStage.UNDER_REVIEW, MStage.UNDER_RE_REVIEW), null);
        t(Kind.CLOSE_HEARING, EnumSet.of(MStage.IN_HANDLING, MStage.UNDER_REVIEW, MStage.UNDER_RE_REVIEW), null);
        t(Kind.CORRECT, EnumSet.range(MStage.REGISTERED, MStage.UNDER_RE_REVIEW), null);
        t(Kind.CHANGE_PROFILE, EnumSet.range(MStage.REGISTERED, MStage.UNDER_RE_REVIEW), null);
        t(Kind.TERMINATE, EnumSet.of(MStage.CONCLUDED, MStage.REVIEWED, MStage.FINAL), MStage.TERMINATED);
        t(Kind.RECORD_BY_OFFICIAL, EnumSet.noneOf(MStage.class), null);
    }

    private static void t(Kind k, Set<MStage> from, MStage to) {
        FROM.put(k, from);
        TO.put(k, to);
    }

    /** One generated step: raw numbers turned into a command against the model's current state. */
    record Step(int pick, int kindIndex, int caseIndex, int actorIndex, int unitIndex, int dateOffset, int days, int flags) {}

    static Gen<Step> steps() {
        return lists().of(integers().between(0, 999)).ofSize(8)
                .map(v -> new Step(v.get(0) % 100, v.get(1), v.get(2) % CASES, v.get(3) % 8, v.get(4) % 4,
                        v.get(5) % 16 - 3, v.get(6) % 40 + 1, v.get(7)));
    }

    @Test
    void serviceAgreesWithTheLifecycleModel() {
        qt().forAll(lists().of(steps()).ofSizeBetween(1, 50))
                .checkAssert(steps -> {
                    World w = new World();
                    for (int i = 0; i < steps.size(); i++) w.step(steps.get(i), i);
                });
    }

    /** A model case: only what the rules need. */
    static final class MCase {
        MStage stage = MStage.REGISTERED;
        Category category;
        boolean accusesLand;
        LocalDate lastFact;
        UnitId unit;
        LocalDate unitReceivedOn;
        boolean extended;
        String proposer;
        LocalDate replyServedOn;
        LocalDate opinionServedOn;
        boolean outcomePresent;
        boolean hearingOpen;
        String profile = "national-2022";
        long version;
        long events;
    }

    /** The service, the store, a clock, and the model side by side. */
    static final class World {
        final TestClock clock = TestClock.at("2026-01-05T02:00:00Z");
        final InMemoryCaseStore store = InMemoryCaseStore.create();
        final CaseService service;
        final Map<Integer, MCase> model = new HashMap<>();
        /** Applied commands by (case, key), as the model remembers them. */
        final Map<String, CaseCommand> appliedByKey = new HashMap<>();
        final Map<String, Long> versionByKey = new HashMap<>();
        CaseCommand last;
        int keys;

        World() {
            service = CaseService.builder(store, Org.DIRECTORY, clock).build();
        }

        /** A world whose service also tells an observer, timed with a ticker. */
        World(CommandObserver observer, LongSupplier ticker) {
            service = CaseService.builder(store, Org.DIRECTORY, clock).observer(observer).ticker(ticker).build();
        }

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZONE);
        }

        static CaseId caseId(int i) {
            return new CaseId("MB-" + i);
        }

        CommandResult step(Step s, int index) {
            // mostly half a day; one step in ten jumps up to 40 days, so windows and limits can lapse
            clock.advance(s.flags() % 10 == 9 ? Duration.ofDays(1 + s.days()) : Duration.ofHours(13));
            CaseCommand command;
            boolean reuse = false;
            if (s.pick() < 8 && last != null) {
                command = last;                                      // a client retry: same key, same command
            } else if (s.pick() < 12 && last != null) {
                command = build(s, Kind.values()[s.kindIndex() % DRAWN], last.key());  // same key, another command
                reuse = true;
            } else {
                Kind kind = chooseKind(s);
                command = build(s, kind, new IdempotencyKey("key-" + (++keys)));
            }
            CommandResult result = service.handle(command);
            Expectation expected = expect(command, reuse);
            assertThat(result.isApplied()).as("step %d %s: applied? (model says %s)", index, command, expected).isEqualTo(expected.applied);
            if (result instanceof CommandResult.Applied a) {
                assertThat(a.replayed()).as("step %d replayed", index).isEqualTo(expected.replayed);
                assertThat(a.version()).as("step %d version", index).isEqualTo(expected.version);
            }
            if (expected.applied && !expected.replayed) apply(command);
            last = command;
            int touched = Integer.parseInt(command.caseId().value().substring(3));
            MCase m = model.get(touched);
            if (m == null) {
                assertThat(service.history(command.caseId())).as("step %d: no case %d", index, touched).isEmpty();
            } else {
                CaseHistory h = service.history(command.caseId()).orElseThrow();
                assertThat(h.state().stage().name()).as("step %d stage of case %d", index, touched).isEqualTo(m.stage.name());
                assertThat(h.version()).as("step %d version of case %d", index, touched).isEqualTo(m.version);
                assertThat((long) h.events().size()).as("step %d history of case %d", index, touched).isEqualTo(m.events);
            }
            return result;
        }

        /** Terminal moves, loops and moves back are drawn less often so that sequences reach the later stages. */
        static final Set<Kind> ENDINGS = EnumSet.of(Kind.DECLINE, Kind.REDIRECT, Kind.TRANSFER_OUT, Kind.WITHDRAW);
        static final Set<Kind> DETOURS = EnumSet.of(Kind.INFORM, Kind.REOPEN, Kind.RETURN, Kind.OBJECT, Kind.CONTACT,
                Kind.STAGE_REPLY, Kind.OPEN_HEARING, Kind.CLOSE_HEARING);
        static final Set<Kind> RARE = EnumSet.of(Kind.CORRECT, Kind.CHANGE_PROFILE, Kind.TERMINATE);

        Kind chooseKind(Step s) {
            MCase c = model.get(s.caseIndex());
            if (c == null) return s.pick() < 70 ? Kind.REGISTER : s.pick() < 90 ? Kind.IMPORT : Kind.values()[s.kindIndex() % DRAWN];
            if (s.pick() >= 85) return Kind.values()[s.kindIndex() % DRAWN];
            List<Kind> weighted = new ArrayList<>();
            for (Kind k : Kind.values()) {
                if (FROM.containsKey(k) && FROM.get(k).contains(c.stage)) {
                    int weight = ENDINGS.contains(k) || RARE.contains(k) ? 1 : DETOURS.contains(k) ? 3 : 15;
                    for (int i = 0; i < weight; i++) weighted.add(k);
                }
            }
            return weighted.isEmpty() ? Kind.values()[s.kindIndex() % DRAWN] : weighted.get(s.kindIndex() % weighted.size());
        }

        static final List<Actor> ACTORS = List.of(Org.clerk(), Org.officeHead(), Org.staffOf(Org.HOUSING), Org.headOf(Org.HOUSING),
                Org.staffOf(Org.LABOUR), Org.headOf(Org.LABOUR), Org.staffOf(Org.LAND), Org.headOf(Org.LAND));

        CaseCommand build(Step s, Kind kind, IdempotencyKey key) {
            CaseId id = caseId(s.caseIndex());
            MCase c = model.get(s.caseIndex());
            Actor actor = ACTORS.get(s.actorIndex());
            LocalDate base = c == null ? today().minusDays(10) : c.lastFact;
            // four in five dates fall between the case's last fact and today; the rest anywhere near (often invalid)
            long gap = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(base, today()));
            LocalDate date = s.flags() % 5 != 0 ? base.plusDays(Math.floorMod(s.dateOffset() * 7L + s.days(), gap + 1))
                    : base.plusDays(s.dateOffset());
            boolean blank = (s.flags() & 0xF) == 0;              // one in sixteen: a blank text field
            String text = blank ? "  " : "理由" + s.flags();
            UnitId unit = Org.UNITS.get(s.unitIndex());
            switch (kind) {
                case REGISTER: {
                    Category category = s.flags() % 6 == 0 ? Category.SUGGESTION : s.flags() % 6 == 1 ? Category.ACCUSATION : Category.CLAIM;
                    boolean accuseLand = s.flags() % 8 == 1;
                    PetitionForm form = new PetitionForm(today().minusDays(Math.floorMod(s.dateOffset(), 10)), Channel.LETTER,
                            category, "城乡建设", blank ? "45080" : "450802", true, null,
                            List.of(new PetitionForm.Petitioner("覃某某", null, null, null)), null,
                            accuseLand ? List.of(PetitionForm.AccusedParty.unit(Org.LAND)) : null, "事项内容");
                    return new ProcedureCommand.Register(id, key, actor, form, null);
                }
                case ROUTE: return new ProcedureCommand.Route(id, key, actor, unit, date);
                case OBJECT: return new ProcedureCommand.RaiseObjection(id, key, actor, text, date);
                case TRANSFER_OUT: return new ProcedureCommand.TransferOut(id, key, actor, blank ? "" : "市公安局", date);
                case REDIRECT: return new ProcedureCommand.Redirect(id, key, actor, LegalChannel.LITIGATION, date);
                case DECLINE: return new ProcedureCommand.Decline(id, key, actor, DeclineReason.PENDING_BELOW, date);
                case INFORM: return new ProcedureCommand.InformPetitioner(id, key, actor, date);
                case ACCEPT: return new ProcedureCommand.Accept(id, key, actor, date);
                case EXTEND: return new ProcedureCommand.Extend(id, key, actor, s.days(), text, date, date);
                case PROPOSE: {
                    boolean fits = s.flags() % 7 != 0;                  // one in seven proposals gets the outcome wrong
                    boolean claim = c != null && c.category == Category.CLAIM;
                    Outcome outcome = fits == claim ? Outcome.values()[s.flags() % 3] : null;
                    return new ProcedureCommand.ProposeConclusion(id, key, actor, outcome, text, date);
                }
                case APPROVE: return new ProcedureCommand.ApproveConclusion(id, key, actor, date);
                case RETURN: return new ProcedureCommand.ReturnForRework(id, key, actor, text);
                case SERVE_REPLY: return new ProcedureCommand.ServeReply(id, key, actor, date);
                case REQUEST_REVIEW: return new ProcedureCommand.RequestReview(id, key, actor, date);
                case CONCLUDE_REVIEW: return new ProcedureCommand.ConcludeReview(id, key, actor, text, date);
                case SERVE_OPINION: return new ProcedureCommand.ServeReviewOpinion(id, key, actor, date);
                case REQUEST_RE_REVIEW: return new ProcedureCommand.RequestReReview(id, key, actor, date);
                case CONCLUDE_RE_REVIEW: return new ProcedureCommand.ConcludeReReview(id, key, actor, text, date);
                case REOPEN: return new ProcedureCommand.Reopen(id, key, actor, text, date);
                case WITHDRAW: return new ProcedureCommand.Withdraw(id, key, actor, date);
                case CONTACT: return new ProcedureCommand.RecordContact(id, key, actor, ContactKind.values()[s.flags() % 4], date);
                case STAGE_REPLY: return new ProcedureCommand.GiveStageReply(id, key, actor, text, date);
                case OPEN_HEARING: return new ProcedureCommand.OpenHearing(id, key, actor, date);
                case CLOSE_HEARING: return new ProcedureCommand.CloseHearing(id, key, actor, date);
                case CORRECT: {
                    Category category = Category.values()[s.days() % 3];
                    LocalDate received = (c == null ? today() : c.lastFact).minusDays(s.days() % 12);
                    PetitionForm form = new PetitionForm(received, Channel.LETTER, category, "自然资源", "450802", true, null,
                            List.of(new PetitionForm.Petitioner("覃某某", null, null, null)), null, null, "更正后的事项内容");
                    return new ProcedureCommand.CorrectPetition(id, key, actor, form, text);
                }
                case CHANGE_PROFILE: return new ProcedureCommand.ChangeProfile(id, key, actor, PROFILE_IDS.get(s.days() % 4), text);
                case TERMINATE: return new ProcedureCommand.Terminate(id, key, actor, text, date);
                case RECORD_BY_OFFICIAL:
                    return new SweepCommand.RecordBreach(id, key, actor, ClockId.values()[s.days() % ClockId.values().length], 1,
                            clock.instant().minusSeconds(3600L * s.days()));
                case IMPORT: {
                    int variant = s.flags() % 3;
                    LocalDate received = today().minusDays(10 + s.days() % 20);
                    PetitionForm form = new PetitionForm(received, Channel.ONLINE, Category.values()[s.days() % 3], "劳动保障",
                            "450802", true, null, List.of(new PetitionForm.Petitioner("韦某某", null, null, null)), null, null, "历史事项");
                    List<ImportedFact> facts = new ArrayList<>();
                    LocalDate routedOn = received.plusDays(s.flags() % 5);
                    if (variant >= 1) facts.add(ImportedFact.of(Fact.ROUTED, routedOn));
                    if (variant >= 2) facts.add(ImportedFact.of(Fact.ACCEPTED, routedOn.plusDays(1 + s.days() % 4)));
                    Stage stage = variant == 0 ? Stage.REGISTERED : variant == 1 ? Stage.ROUTED : Stage.IN_HANDLING;
                    return new ProcedureCommand.Import(id, key, actor, form, PROFILE_IDS.get(s.days() % 4), stage,
                            variant == 0 ? null : unit, facts);
                }
                default: throw new AssertionError(kind);
            }
        }

        record Expectation(boolean applied, boolean replayed, long version) {}

        Expectation expect(CaseCommand command, boolean reuse) {
            String k = command.caseId().value() + "|" + command.key().value();
            CaseCommand earlier = appliedByKey.get(k);
            if (earlier != null) {
                return earlier.equals(command) ? new Expectation(true, true, versionByKey.get(k)) : new Expectation(false, false, 0);
            }
            int index = Integer.parseInt(command.caseId().value().substring(3));
            MCase c = model.get(index);
            boolean ok = allowed(c, command);
            return new Expectation(ok, false, ok ? (c == null ? 1 : c.version + 1) : 0);
        }

        /** The model's decision, from DESIGN.md section 5, independent of the library's code. */
        boolean allowed(MCase c, CaseCommand command) {
            LocalDate today = today();
            if (command instanceof ProcedureCommand.Register r) {
                if (c != null) return false;
                PetitionForm f = r.petition();
                if (!f.regionCode().matches("\\d{6}")) return false;
                if (accused(r.actor(), f.accused() != null)) return false;
                return !f.receivedOn().isAfter(today);
            }
            if (command instanceof ProcedureCommand.Import im) {
                if (c != null) return false;
                for (ImportedFact f : im.facts()) if (f.on().isAfter(today)) return false;
                return true;
            }
            if (c == null) return false;
            if (command instanceof SweepCommand.RecordBreach) return false;   // an official is never the sweep
            if (accused(command.actor(), c.accusesLand)) return false;
            Kind kind = kindOf(command);
            if (!FROM.get(kind).contains(c.stage)) return false;
            for (String t : texts(command)) if (t.isBlank()) return false;
            for (LocalDate d : dates(command)) if (d.isAfter(today) || d.isBefore(c.lastFact)) return false;
            switch (kind) {
                case ROUTE:
                    return !(c.accusesLand && ((ProcedureCommand.Route) command).unit().equals(Org.LAND));
                case OBJECT:
                    return !((ProcedureCommand.RaiseObjection) command).objectedOn().isAfter(workingDaysAfter(c.unitReceivedOn, 5));
                case EXTEND: {
                    ProcedureCommand.Extend e = (ProcedureCommand.Extend) command;
                    MProfile p = PROFILES.get(c.profile);
                    return p.handling().contains(c.category) && command.actor() instanceof Actor.OfficialActor a
                            && a.unit().equals(c.unit) && !c.extended && e.days() <= p.maxExtension();
                }
                case OPEN_HEARING:
                case CONCLUDE_REVIEW:
                case CONCLUDE_RE_REVIEW:
                    return !c.hearingOpen;
                case CLOSE_HEARING:
                    return c.hearingOpen;
                case TERMINATE:
                    return PROFILES.get(c.profile).termination();
                case CORRECT: {
                    ProcedureCommand.CorrectPetition k = (ProcedureCommand.CorrectPetition) command;
                    boolean claim = k.petition().category() == Category.CLAIM;
                    if (!claim && EnumSet.of(MStage.UNDER_REVIEW, MStage.REVIEWED, MStage.UNDER_RE_REVIEW).contains(c.stage)) return false;
                    if (c.stage == MStage.PENDING_APPROVAL && c.outcomePresent != claim) return false;
                    LocalDate bound = c.unitReceivedOn != null ? c.unitReceivedOn : c.lastFact;
                    return !k.petition().receivedOn().isAfter(bound) && !k.petition().receivedOn().isAfter(today);
                }
                case PROPOSE:
                    return (((ProcedureCommand.ProposeConclusion) command).outcome() != null) == (c.category == Category.CLAIM)
                            && !c.hearingOpen;
                case APPROVE:
                    return !officialOf(command.actor()).equals(c.proposer);
                case SERVE_REPLY:
                    return c.replyServedOn == null;
                case SERVE_OPINION:
                    return c.opinionServedOn == null;
                case REQUEST_REVIEW:
                    return c.category == Category.CLAIM && c.replyServedOn != null
                            && !((ProcedureCommand.RequestReview) command).receivedOn().isAfter(rolled(c.replyServedOn.plusDays(30)));
                case REQUEST_RE_REVIEW:
                    return c.category == Category.CLAIM && c.opinionServedOn != null
                            && !((ProcedureCommand.RequestReReview) command).receivedOn().isAfter(rolled(c.opinionServedOn.plusDays(30)));
                default:
                    return true;
            }
        }

        void apply(CaseCommand command) {
            int index = Integer.parseInt(command.caseId().value().substring(3));
            MCase c = model.get(index);
            if (command instanceof ProcedureCommand.Register r) {
                c = new MCase();
                c.category = r.petition().category();
                c.accusesLand = r.petition().accused() != null;
                c.lastFact = r.petition().receivedOn();
                model.put(index, c);
            } else if (command instanceof ProcedureCommand.Import im) {
                c = new MCase();
                c.category = im.petition().category();
                c.lastFact = im.petition().receivedOn();
                c.profile = im.profile();
                c.stage = MStage.valueOf(im.stage().name());
                c.unit = im.handlingUnit();
                for (ImportedFact f : im.facts()) {
                    if (f.fact() == Fact.ROUTED) c.unitReceivedOn = f.on();
                    if (f.on().isAfter(c.lastFact)) c.lastFact = f.on();
                }
                model.put(index, c);
            } else {
                Kind kind = kindOf(command);
                if (TO.get(kind) != null) c.stage = TO.get(kind);
                for (LocalDate d : dates(command)) if (d.isAfter(c.lastFact)) c.lastFact = d;
                switch (kind) {
                    case ROUTE: c.unit = ((ProcedureCommand.Route) command).unit(); c.unitReceivedOn = ((ProcedureCommand.Route) command).receivedOn(); break;
                    case OBJECT: c.unit = null; c.unitReceivedOn = null; break;
                    case EXTEND: c.extended = true; break;
                    case PROPOSE:
                        c.proposer = officialOf(command.actor());
                        c.outcomePresent = ((ProcedureCommand.ProposeConclusion) command).outcome() != null;
                        break;
                    case RETURN: c.proposer = null; c.outcomePresent = false; break;
                    case APPROVE: c.proposer = null; break;
                    case OPEN_HEARING: c.hearingOpen = true; break;
                    case CLOSE_HEARING: c.hearingOpen = false; break;
                    case CORRECT:
                        c.category = ((ProcedureCommand.CorrectPetition) command).petition().category();
                        c.accusesLand = false;
                        break;
                    case CHANGE_PROFILE: c.profile = ((ProcedureCommand.ChangeProfile) command).profile(); break;
                    case SERVE_REPLY: c.replyServedOn = ((ProcedureCommand.ServeReply) command).servedOn(); break;
                    case SERVE_OPINION: c.opinionServedOn = ((ProcedureCommand.ServeReviewOpinion) command).servedOn(); break;
                    case REOPEN:
                        c.extended = false; c.replyServedOn = null; c.opinionServedOn = null; c.proposer = null;
                        c.outcomePresent = false;
                        break;
                    default: break;
                }
            }
            c.version++;
            c.events++;
            String k = command.caseId().value() + "|" + command.key().value();
            appliedByKey.put(k, command);
            versionByKey.put(k, c.version);
        }

        static boolean accused(Actor actor, boolean accusesLand) {
            return accusesLand && actor instanceof Actor.OfficialActor a && a.unit().equals(Org.LAND);
        }

        static String officialOf(Actor a) {
            return a instanceof Actor.OfficialActor o ? o.official().value() : "system";
        }

        /** The official calendar, asked one day at a time (the model does its own counting). */
        /** The calendar of the world's cases: all are in 港北区 (450802), so Guangxi's 壮族三月三 is off too. */
        static final WorkCalendar CALENDAR = WorkCalendar.builder().national().region("450802")
                .uncoveredDates(WorkCalendar.UncoveredDatePolicy.WEEKENDS_ONLY).build();

        static boolean isWorkingDay(LocalDate d) {
            return CALENDAR.isWorkingDay(d);
        }

        /** Day by day: the n-th working day after start. */
        static LocalDate workingDaysAfter(LocalDate start, int n) {
            LocalDate d = start;
            while (n > 0) {
                d = d.plusDays(1);
                if (isWorkingDay(d)) n--;
            }
            return d;
        }

        static LocalDate rolled(LocalDate d) {
            while (!isWorkingDay(d)) d = d.plusDays(1);
            return d;
        }

        static Kind kindOf(CaseCommand c) {
            if (c instanceof ProcedureCommand.Route) return Kind.ROUTE;
            if (c instanceof ProcedureCommand.RaiseObjection) return Kind.OBJECT;
            if (c instanceof ProcedureCommand.TransferOut) return Kind.TRANSFER_OUT;
            if (c instanceof ProcedureCommand.Redirect) return Kind.REDIRECT;
            if (c instanceof ProcedureCommand.Decline) return Kind.DECLINE;
            if (c instanceof ProcedureCommand.InformPetitioner) return Kind.INFORM;
            if (c instanceof ProcedureCommand.Accept) return Kind.ACCEPT;
            if (c instanceof ProcedureCommand.Extend) return Kind.EXTEND;
            if (c instanceof ProcedureCommand.ProposeConclusion) return Kind.PROPOSE;
            if (c instanceof ProcedureCommand.ApproveConclusion) return Kind.APPROVE;
            if (c instanceof ProcedureCommand.ReturnForRework) return Kind.RETURN;
            if (c instanceof ProcedureCommand.ServeReply) return Kind.SERVE_REPLY;
            if (c instanceof ProcedureCommand.RequestReview) return Kind.REQUEST_REVIEW;
            if (c instanceof ProcedureCommand.ConcludeReview) return Kind.CONCLUDE_REVIEW;
            if (c instanceof ProcedureCommand.ServeReviewOpinion) return Kind.SERVE_OPINION;
            if (c instanceof ProcedureCommand.RequestReReview) return Kind.REQUEST_RE_REVIEW;
            if (c instanceof ProcedureCommand.ConcludeReReview) return Kind.CONCLUDE_RE_REVIEW;
            if (c instanceof ProcedureCommand.Reopen) return Kind.REOPEN;
            if (c instanceof ProcedureCommand.Withdraw) return Kind.WITHDRAW;
            if (c instanceof ProcedureCommand.RecordContact) return Kind.CONTACT;
            if (c instanceof ProcedureCommand.GiveStageReply) return Kind.STAGE_REPLY;
            if (c instanceof ProcedureCommand.OpenHearing) return Kind.OPEN_HEARING;
            if (c instanceof ProcedureCommand.CloseHearing) return Kind.CLOSE_HEARING;
            if (c instanceof ProcedureCommand.CorrectPetition) return Kind.CORRECT;
            if (c instanceof ProcedureCommand.ChangeProfile) return Kind.CHANGE_PROFILE;
            if (c instanceof ProcedureCommand.Terminate) return Kind.TERMINATE;
            if (c instanceof SweepCommand.RecordBreach) return Kind.RECORD_BY_OFFICIAL;
            if (c instanceof ProcedureCommand.Import) return Kind.IMPORT;
            return Kind.REGISTER;
        }

        static List<String> texts(CaseCommand c) {
            if (c instanceof ProcedureCommand.RaiseObjection x) return List.of(x.reason().value());
            if (c instanceof ProcedureCommand.TransferOut x) return List.of(x.organ());
            if (c instanceof ProcedureCommand.Extend x) return List.of(x.reason().value());
            if (c instanceof ProcedureCommand.ProposeConclusion x) return List.of(x.replyText().value());
            if (c instanceof ProcedureCommand.ReturnForRework x) return List.of(x.reason().value());
            if (c instanceof ProcedureCommand.ConcludeReview x) return List.of(x.opinion().value());
            if (c instanceof ProcedureCommand.ConcludeReReview x) return List.of(x.opinion().value());
            if (c instanceof ProcedureCommand.Reopen x) return List.of(x.reason().value());
            if (c instanceof ProcedureCommand.GiveStageReply x) return List.of(x.text().value());
            if (c instanceof ProcedureCommand.CorrectPetition x) return List.of(x.reason().value());
            if (c instanceof ProcedureCommand.ChangeProfile x) return List.of(x.reason().value());
            if (c instanceof ProcedureCommand.Terminate x) return List.of(x.legalBasis().value());
            return List.of();
        }

        static List<LocalDate> dates(CaseCommand c) {
            if (c instanceof ProcedureCommand.Route x) return List.of(x.receivedOn());
            if (c instanceof ProcedureCommand.RaiseObjection x) return List.of(x.objectedOn());
            if (c instanceof ProcedureCommand.TransferOut x) return List.of(x.transferredOn());
            if (c instanceof ProcedureCommand.Redirect x) return List.of(x.redirectedOn());
            if (c instanceof ProcedureCommand.Decline x) return List.of(x.declinedOn());
            if (c instanceof ProcedureCommand.InformPetitioner x) return List.of(x.servedOn());
            if (c instanceof ProcedureCommand.Accept x) return List.of(x.acceptedOn());
            if (c instanceof ProcedureCommand.Extend x) return List.of(x.approvedOn(), x.petitionerToldOn());
            if (c instanceof ProcedureCommand.ProposeConclusion x) return List.of(x.proposedOn());
            if (c instanceof ProcedureCommand.ApproveConclusion x) return List.of(x.approvedOn());
            if (c instanceof ProcedureCommand.ServeReply x) return List.of(x.servedOn());
            if (c instanceof ProcedureCommand.RequestReview x) return List.of(x.receivedOn());
            if (c instanceof ProcedureCommand.ConcludeReview x) return List.of(x.concludedOn());
            if (c instanceof ProcedureCommand.ServeReviewOpinion x) return List.of(x.servedOn());
            if (c instanceof ProcedureCommand.RequestReReview x) return List.of(x.receivedOn());
            if (c instanceof ProcedureCommand.ConcludeReReview x) return List.of(x.concludedOn());
            if (c instanceof ProcedureCommand.Reopen x) return List.of(x.reopenedOn());
            if (c instanceof ProcedureCommand.Withdraw x) return List.of(x.withdrawnOn());
            if (c instanceof ProcedureCommand.RecordContact x) return List.of(x.contactedOn());
            if (c instanceof ProcedureCommand.GiveStageReply x) return List.of(x.repliedOn());
            if (c instanceof ProcedureCommand.OpenHearing x) return List.of(x.openedOn());
            if (c instanceof ProcedureCommand.CloseHearing x) return List.of(x.closedOn());
            if (c instanceof ProcedureCommand.Terminate x) return List.of(x.terminatedOn());
            return List.of();
        }
    }
}
