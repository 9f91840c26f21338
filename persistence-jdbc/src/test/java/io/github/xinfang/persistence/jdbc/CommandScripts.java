package io.github.xinfang.persistence.jdbc;

import static io.github.xinfang.persistence.jdbc.HostileText.cjk;
import static io.github.xinfang.persistence.jdbc.HostileText.mask;
import static io.github.xinfang.persistence.jdbc.HostileText.maybe;
import static io.github.xinfang.persistence.jdbc.HostileText.show;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.SweepCommand;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Procedure.ContactKind;
import io.github.xinfang.cases.Procedure.DeclineReason;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.LegalChannel;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.time.Obligation.ClockId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Command sequences for {@link StoreDifferentialProperties}, each reproducible from its seed: an organisation
 * directory in 港北区 (the shape of core's test {@code Org}) whose unit and official ids are sometimes hostile
 * ({@link HostileText}), two to four cases whose ids sometimes are (and sometimes differ from another case's id only
 * by a zero-width space or by which unpaired surrogate they hold, or only by one character that sorts differently in
 * UTF-16 and in code points), and 60 to 200 commands.
 *
 * <p>Each case follows two scripts, a step at a time, whatever the stores answer (so generation never depends on a
 * store): the procedure (register, route, raise an objection and route again, inform, accept, extend, stage replies,
 * contacts, hearings, propose, return for rework, approve, serve, review and re-review, reopen, follow-up visits,
 * termination, or an early end: transfer, redirect, decline, withdraw) and the resolution track (designate, enrol in a
 * batch, flag a hard case, assign and replace package leaders, plans and their steps, claim, approve or reject the
 * resolution, rebounds). Between them come repeat petitions, corrections, supervision and feedback, profile changes,
 * merges and sweep-only commands, and resends: the same command under the same key (a replay), another command under
 * an earlier key (a mismatch), or an earlier command under a key that differs only slightly. Every text field, id and
 * key is hostile with some probability: three commands in ten carry hostile free text (each of their text fields then
 * one time in three), a key or batch id one time in seven, a case id two times in five (one in four of these only an
 * unpaired surrogate at its end), and zero to three ids of the directory per sequence, so that most commands stay
 * clean and the scripts reach late stages even when hostile values are refused. Values are constructed when the step
 * is generated; a constructor's {@code IllegalArgumentException} is kept as the step's outcome and the command is not
 * sent.
 *
 * <p>Stateless; each {@link #generate} call has its own generator.
 */
final class CommandScripts {
    private CommandScripts() {}

    /** Where instants become dates (the case service's default zone). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The instant before a sequence's first command. */
    static final Instant START = Instant.parse("2026-01-05T01:00:00Z");

    /** How often, in percent, a command has hostile free text, and then how often each of its text fields is hostile. */
    private static final int HOSTILE_COMMANDS = 30;
    private static final int HOSTILE_FIELDS = 35;
    /** How often, in percent, a key or a batch id is hostile. */
    private static final int HOSTILE_ID = 15;

    /**
     * One command of a sequence.
     *
     * @param index its position in the sequence, from 0
     * @param at the instant every service's clock shows while it handles the command
     * @param description the command with ids and keys escaped and free text masked
     * @param command the command, or null if constructing its values threw
     * @param invalid what constructing its values threw, or null
     */
    record Step(int index, Instant at, String description, CaseCommand command, IllegalArgumentException invalid) {}

    /**
     * A generated sequence and the ids it names, for the queries after it.
     *
     * @param index the sequence's number in its run
     * @param seed its seed
     * @param directory its organisation directory (entries whose ids could not be constructed left out)
     * @param unitIds the unit ids of the directory
     * @param officialIds the official ids of the directory
     * @param batchIds the batch ids commands name (those that construct)
     * @param steps the commands
     */
    record Sequence(int index, long seed, OrganisationDirectory directory, List<String> unitIds, List<String> officialIds,
                    List<String> batchIds, List<Step> steps) {
        /** @return the instant of the last command */
        Instant end() {
            return steps.isEmpty() ? START : steps.get(steps.size() - 1).at();
        }
    }

    /**
     * @param index the sequence's number in its run
     * @param seed its seed
     * @return the sequence that seed gives
     */
    static Sequence generate(int index, long seed) {
        return new Generator(index, seed).sequence();
    }

    // base id, kind, level, region
    private static final String[][] UNITS = {
        {"office", "petition-office", "county", "450802"},
        {"housing", "department", "county", "450802"},
        {"labour", "department", "county", "450802"},
        {"land", "department", "county", "450802"},
        {"district", "government", "county", "450802"},
        {"city", "government", "city", "450800"}};
    // base id, unit, post, rank, principal
    private static final String[][] OFFICIALS = {
        {"office-clerk", "office", "登记员", "乡科级副职", "false"},
        {"office-head", "office", "局长", "乡科级正职", "true"},
        {"housing-staff", "housing", "科员", "乡科级副职", "false"},
        {"housing-head", "housing", "局长", "乡科级正职", "true"},
        {"labour-staff", "labour", "科员", "乡科级副职", "false"},
        {"labour-head", "labour", "局长", "乡科级正职", "true"},
        {"land-staff", "land", "科员", "乡科级副职", "false"},
        {"land-head", "land", "局长", "乡科级正职", "true"},
        {"district-deputy", "district", "副区长", "县处级副职", "false"},
        {"district-head", "district", "区长", "县处级正职", "true"},
        {"city-deputy", "city", "副市长", "厅局级副职", "false"}};
    private static final String[] HANDLING = {"housing", "labour", "land"};
    private static final String[] LEADERS = {"district-deputy", "district-head", "district-head", "district-deputy", "city-deputy"};
    private static final String[] SUBJECT_AREAS = {"住房保障", "劳动社保", "土地征收", "城乡建设", "生态环境"};
    private static final String[] PROFILES = {"national-2022", "national-2022", "fast-track-123", "zhejiang-2016"};
    private static final String[] ORGANS = {"市中级人民法院", "市劳动人事争议仲裁委员会", "市纪委监委"};
    private static final int DONE = 100;
    /** The commands built by {@code command(...)} that carry its free text. */
    private static final Set<String> WITH_TEXT = Set.of("RaiseObjection", "Extend", "ProposeConclusion", "ReturnForRework",
            "ConcludeReview", "ConcludeReReview", "Reopen", "GiveStageReply", "Terminate", "FlagHardCase", "ClaimResolution",
            "RejectResolution", "ReportRebound", "RecordSupervisionFeedback", "Merge");

    /** A command before its case id and key are constructed: the sequence's randomness is already drawn. */
    @FunctionalInterface
    private interface Build {
        CaseCommand build(CaseId caseId, IdempotencyKey key);
    }

    private record Spec(Script target, String name, String details, Build build) {}

    private record Sent(Spec spec, String key) {}

    /** Where one case is in its two scripts (what the generator intends, not what the stores answered). */
    private static final class Script {
        final String id;
        final Category category;
        int procedure;
        int resolution;
        int supervisions;
        boolean routed;
        boolean hearingOpen;
        String unit = "housing";
        String leadUnit = "housing";
        LocalDate lastFact;

        Script(String id, Category category) {
            this.id = id;
            this.category = category;
        }
    }

    private static final class Generator {
        private final int index;
        private final long seed;
        private final Random r;
        private final Map<String, String> unitIds = new LinkedHashMap<>();
        private final Map<String, String> officialIds = new LinkedHashMap<>();
        private final Map<String, String> unitOf = new LinkedHashMap<>();
        private final List<Script> cases = new ArrayList<>();
        private final List<String> batches = new ArrayList<>();
        private final String job;
        private final List<Sent> sent = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        private Instant now = START;
        /** How often, in percent, a text field of the current step is hostile. */
        private int textPercent;

        Generator(int index, long seed) {
            this.index = index;
            this.seed = seed;
            this.r = new Random(seed);
            // A few directory ids are hostile (none in three sequences of seven): each unit's and official's commands
            // are many, so a hostile id reaches the stores often, and an id that cannot be constructed leaves out its entry.
            List<String> bases = new ArrayList<>();
            for (String[] u : UNITS) bases.add(u[0]);
            for (String[] o : OFFICIALS) bases.add(o[0]);
            Set<String> hostile = new HashSet<>();
            int hostileIds = new int[] {0, 0, 0, 1, 1, 2, 3}[r.nextInt(7)];
            for (int i = 0; i < hostileIds; i++) hostile.add(bases.get(r.nextInt(bases.size())));
            for (String[] u : UNITS) unitIds.put(u[0], hostile.contains(u[0]) ? HostileText.hostile(u[0], r) : u[0]);
            for (String[] o : OFFICIALS) {
                officialIds.put(o[0], hostile.contains(o[0]) ? HostileText.hostile(o[0], r) : o[0]);
                unitOf.put(o[0], o[1]);
            }
            int n = 2 + r.nextInt(3);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                int roll = r.nextInt(100);
                if (i + 1 < n && roll >= 92) {
                    // Two ids equal but for one character, one above the surrogates (U+E000 to U+FFFF) and one beyond
                    // U+FFFF: String.compareTo orders them one way, UTF-8 bytes (COLLATE "C") the other.
                    String base = String.format("XF-450802-2026-%06d-", r.nextInt(1_000_000));
                    addCase(base + HostileText.aboveSurrogates(r) + "1", ids);
                    addCase(base + HostileText.supplementary(r) + "1", ids);
                    i++;
                    continue;
                }
                String id;
                if (i > 0 && roll < 15) {
                    id = HostileText.sibling(cases.get(i - 1).id, r);   // differs by a ZWSP or by its unpaired surrogate
                } else {
                    String base = String.format("XF-450802-2026-%06d", r.nextInt(1_000_000));
                    id = roll < 30 ? HostileText.hostile(base, r) : roll < 40 ? HostileText.withLoneSurrogate(base, r) : base;
                }
                addCase(id, ids);
            }
            String batch = maybe("batch-" + (1 + r.nextInt(9)), r, HOSTILE_ID);
            batches.add(batch);
            batches.add(r.nextInt(100) < 20 ? HostileText.sibling(batch, r) : maybe(batch + "x", r, HOSTILE_ID));
            job = maybe("deadline-sweep", r, HOSTILE_ID);
        }

        private void addCase(String id, Set<String> ids) {
            String unique = ids.add(id) ? id : id + "-" + cases.size();
            ids.add(unique);
            int c = r.nextInt(100);
            cases.add(new Script(unique, c < 70 ? Category.CLAIM : c < 85 ? Category.SUGGESTION : Category.ACCUSATION));
        }

        Sequence sequence() {
            int length = 60 + r.nextInt(141);
            for (int i = 0; i < length; i++) next();

            List<OrganisationDirectory.Unit> units = new ArrayList<>();
            List<String> unitList = new ArrayList<>();
            for (String[] u : UNITS) {
                String id = unitIds.get(u[0]);
                if (unitList.contains(id)) continue;
                try {
                    units.add(new OrganisationDirectory.Unit(new UnitId(id), "港北区" + u[0], u[1], u[2], new RegionCode(u[3]), null));
                    unitList.add(id);
                } catch (IllegalArgumentException e) {
                    // left out of the directory: commands naming it fail when their values are constructed
                }
            }
            List<OrganisationDirectory.Official> officials = new ArrayList<>();
            List<String> officialList = new ArrayList<>();
            for (String[] o : OFFICIALS) {
                String id = officialIds.get(o[0]);
                String unit = unitIds.get(o[1]);
                if (officialList.contains(id) || !unitList.contains(unit)) continue;
                try {
                    officials.add(new OrganisationDirectory.Official(new OfficialId(id), new UnitId(unit), o[2], o[3], Boolean.parseBoolean(o[4])));
                    officialList.add(id);
                } catch (IllegalArgumentException e) {
                    // left out, as above
                }
            }
            List<String> batchList = new ArrayList<>();
            for (String b : batches) {
                try {
                    new Resolution.BatchId(b);
                    if (!batchList.contains(b)) batchList.add(b);
                } catch (IllegalArgumentException e) {
                    // never stored
                }
            }
            return new Sequence(index, seed, OrganisationDirectory.of(units, officials), List.copyOf(unitList),
                    List.copyOf(officialList), List.copyOf(batchList), List.copyOf(steps));
        }

        // ------------------------------------------------------------------ steps

        private void next() {
            now = now.plusSeconds(900 + r.nextInt(24 * 3600 - 900));
            textPercent = r.nextInt(100) < HOSTILE_COMMANDS ? HOSTILE_FIELDS : 0;
            Script c = cases.get(r.nextInt(cases.size()));
            int roll = r.nextInt(100);
            if (roll < 7 && !sent.isEmpty()) {
                Sent earlier = sent.get(r.nextInt(sent.size()));
                step(earlier.spec(), earlier.key());                       // the same command again: a replay
            } else if (roll < 11 && !sent.isEmpty()) {
                Sent earlier = sent.get(r.nextInt(sent.size()));
                if (r.nextBoolean()) {
                    step(side(earlier.spec().target()), earlier.key());   // another command under a used key
                } else {
                    step(earlier.spec(), HostileText.sibling(earlier.key(), r));   // the same command, a key that differs slightly
                }
            } else if (roll < 62 || c.procedure == 0) {
                step(procedure(c), key());
            } else if (roll < 86) {
                step(resolution(c), key());
            } else {
                step(side(c), key());
            }
        }

        private String key() {
            String k = "k-" + steps.size() + "-" + Integer.toHexString(r.nextInt(0x10000));
            int roll = r.nextInt(100);
            return roll < HOSTILE_ID ? HostileText.hostile(k, r) : roll < HOSTILE_ID + 5 ? HostileText.withLoneSurrogate(k, r) : k;
        }

        private void step(Spec spec, String key) {
            String description = spec.name() + " case=" + show(spec.target().id) + " key=" + show(key) + spec.details();
            CaseCommand command = null;
            IllegalArgumentException invalid = null;
            try {
                command = spec.build().build(new CaseId(spec.target().id), new IdempotencyKey(key));
            } catch (IllegalArgumentException e) {
                invalid = e;
            }
            steps.add(new Step(steps.size(), now, description, command, invalid));
            sent.add(new Sent(spec, key));
        }

        // ------------------------------------------------------------------ the procedure

        private Spec procedure(Script c) {
            switch (c.procedure) {
                case 0:
                    // Registered again when this try may carry hostile text (a refused registration would leave the case
                    // unknown to every later step), and now and then anyway: CASE_EXISTS, or a second try.
                    c.procedure = textPercent > 0 || r.nextInt(100) < 25 ? 0 : 1;
                    return register(c);
                case 1:
                    if (c.routed && r.nextInt(100) < 10) {
                        c.procedure = DONE;
                        return earlyEnd(c);
                    }
                    c.routed = true;
                    c.unit = pick(HANDLING);
                    c.procedure = 2;
                    return route(c);
                case 2:
                    if (r.nextInt(100) < 15) {
                        c.procedure = 1;
                        return command(c, "RaiseObjection", staff(c), (id, k, a, d, t) -> new ProcedureCommand.RaiseObjection(id, k, a, t, d));
                    }
                    c.procedure = 3;
                    return command(c, "InformPetitioner", staff(c), (id, k, a, d, t) -> new ProcedureCommand.InformPetitioner(id, k, a, d));
                case 3:
                    c.procedure = 4;
                    return command(c, "Accept", staff(c), (id, k, a, d, t) -> new ProcedureCommand.Accept(id, k, a, d));
                case 4: {
                    Spec s = inHandling(c);
                    if (!c.hearingOpen && r.nextInt(100) < 45) c.procedure = 5;
                    return s;
                }
                case 5: {
                    c.procedure = 6;
                    Outcome outcome = c.category == Category.CLAIM ? (r.nextBoolean() ? Outcome.SUPPORTED : Outcome.EXPLAINED) : null;
                    if (r.nextInt(100) < 4) outcome = outcome == null ? Outcome.EXPLAINED : null;
                    Outcome o = outcome;
                    return command(c, "ProposeConclusion", staff(c),
                            (id, k, a, d, t) -> new ProcedureCommand.ProposeConclusion(id, k, a, o, t, d), " outcome=" + o);
                }
                case 6:
                    if (r.nextInt(100) < 20) {
                        c.procedure = 5;
                        return command(c, "ReturnForRework", head(c), (id, k, a, d, t) -> new ProcedureCommand.ReturnForRework(id, k, a, t));
                    }
                    c.procedure = 7;
                    // now and then the proposer approves: SAME_ACTOR
                    return command(c, "ApproveConclusion", r.nextInt(100) < 5 ? staff(c) : head(c),
                            (id, k, a, d, t) -> new ProcedureCommand.ApproveConclusion(id, k, a, d));
                case 7:
                    c.procedure = 8;
                    return command(c, "ServeReply", staff(c), (id, k, a, d, t) -> new ProcedureCommand.ServeReply(id, k, a, d));
                case 8:
                    if (c.category != Category.CLAIM) {
                        c.procedure = DONE;
                        return followUp(c);
                    }
                    if (r.nextInt(100) < 10) {
                        c.procedure = 4;
                        return command(c, "Reopen", head(c), (id, k, a, d, t) -> new ProcedureCommand.Reopen(id, k, a, t, d));
                    }
                    c.procedure = 9;
                    return command(c, "RequestReview", "office-clerk", (id, k, a, d, t) -> new ProcedureCommand.RequestReview(id, k, a, d));
                case 9:
                    c.procedure = 10;
                    return command(c, "ConcludeReview", "office-head", (id, k, a, d, t) -> new ProcedureCommand.ConcludeReview(id, k, a, t, d));
                case 10:
                    c.procedure = 11;
                    return command(c, "ServeReviewOpinion", "office-clerk",
                            (id, k, a, d, t) -> new ProcedureCommand.ServeReviewOpinion(id, k, a, d));
                case 11:
                    c.procedure = 12;
                    return command(c, "RequestReReview", "office-clerk", (id, k, a, d, t) -> new ProcedureCommand.RequestReReview(id, k, a, d));
                case 12:
                    c.procedure = DONE;
                    return command(c, "ConcludeReReview", "office-head",
                            (id, k, a, d, t) -> new ProcedureCommand.ConcludeReReview(id, k, a, t, d));
                default:
                    return afterwards(c);
            }
        }

        private Spec register(Script c) {
            Form form = form(c);
            return spec(c, "Register", "office-clerk", form.details(),
                    (id, k) -> new ProcedureCommand.Register(id, k, actor("office-clerk"), form.build(), null));
        }

        private Spec route(Script c) {
            // now and then a unit that is not in the directory: VALIDATION
            String unit = r.nextInt(100) < 8 ? HostileText.sibling(unitIds.get(c.unit), r) : unitIds.get(c.unit);
            LocalDate d = date(c);
            return spec(c, "Route", "office-clerk", " unit=" + show(unit) + " on " + d,
                    (id, k) -> new ProcedureCommand.Route(id, k, actor("office-clerk"), new UnitId(unit), d));
        }

        private Spec earlyEnd(Script c) {
            switch (r.nextInt(4)) {
                case 0: {
                    String organ = maybe(pick(ORGANS), r, textPercent);
                    return command(c, "TransferOut", "office-clerk", (id, k, a, d, t) -> new ProcedureCommand.TransferOut(id, k, a, organ, d),
                            " organ=" + mask(organ));
                }
                case 1: {
                    LegalChannel ch = pick(LegalChannel.values());
                    return command(c, "Redirect", "office-clerk", (id, k, a, d, t) -> new ProcedureCommand.Redirect(id, k, a, ch, d), " channel=" + ch);
                }
                case 2: {
                    DeclineReason why = pick(DeclineReason.values());
                    return command(c, "Decline", "office-clerk", (id, k, a, d, t) -> new ProcedureCommand.Decline(id, k, a, why, d), " reason=" + why);
                }
                default:
                    return command(c, "Withdraw", "office-clerk", (id, k, a, d, t) -> new ProcedureCommand.Withdraw(id, k, a, d));
            }
        }

        private Spec inHandling(Script c) {
            if (c.hearingOpen) {
                c.hearingOpen = false;
                return command(c, "CloseHearing", staff(c), (id, k, a, d, t) -> new ProcedureCommand.CloseHearing(id, k, a, d));
            }
            int roll = r.nextInt(100);
            if (roll < 25) {
                int days = r.nextInt(100) < 5 ? 31 + r.nextInt(60) : 1 + r.nextInt(30);
                LocalDate told = date(c);
                return command(c, "Extend", head(c), (id, k, a, d, t) -> new ProcedureCommand.Extend(id, k, a, days, t, d, told),
                        " days=" + days + " told on " + told);
            }
            if (roll < 55) {
                return command(c, "GiveStageReply", staff(c), (id, k, a, d, t) -> new ProcedureCommand.GiveStageReply(id, k, a, t, d));
            }
            if (roll < 80) {
                ContactKind kind = pick(ContactKind.values());
                return command(c, "RecordContact", staff(c), (id, k, a, d, t) -> new ProcedureCommand.RecordContact(id, k, a, kind, d),
                        " kind=" + kind);
            }
            c.hearingOpen = true;
            return command(c, "OpenHearing", staff(c), (id, k, a, d, t) -> new ProcedureCommand.OpenHearing(id, k, a, d));
        }

        private Spec afterwards(Script c) {
            int roll = r.nextInt(100);
            if (roll < 40) return followUp(c);
            if (roll < 70) return repeatPetition(c);
            if (roll < 85) {
                return command(c, "Terminate", "office-head", (id, k, a, d, t) -> new ProcedureCommand.Terminate(id, k, a, t, d));
            }
            c.procedure = 4;
            return command(c, "Reopen", head(c), (id, k, a, d, t) -> new ProcedureCommand.Reopen(id, k, a, t, d));
        }

        private Spec followUp(Script c) {
            CaseActivity.Satisfaction s = pick(CaseActivity.Satisfaction.values());
            return command(c, "RecordFollowUpVisit", "office-clerk",
                    (id, k, a, d, t) -> new ActivityCommand.RecordFollowUpVisit(id, k, a, s, d), " satisfaction=" + s);
        }

        // ------------------------------------------------------------------ the resolution track

        private Spec resolution(Script c) {
            switch (c.resolution) {
                case 0:
                    c.resolution = 1;
                    return r.nextInt(100) < 60 ? designate(c) : enrol(c);
                case 1:
                    c.resolution = 2;
                    return enrol(c);
                case 2:
                    c.resolution = 3;
                    return command(c, "FlagHardCase", "office-clerk", (id, k, a, d, t) -> new ResolutionCommand.FlagHardCase(id, k, a, t, d));
                case 3:
                    c.resolution = 4;
                    c.leadUnit = pick(HANDLING);
                    return assignment(c, false);
                case 4: {
                    c.resolution = 5;
                    int n = 1 + r.nextInt(3);
                    List<String> texts = new ArrayList<>();
                    List<LocalDate> due = new ArrayList<>();
                    StringBuilder details = new StringBuilder(" steps=[");
                    for (int i = 0; i < n; i++) {
                        texts.add(text());
                        due.add(LocalDate.ofInstant(now, ZONE).plusDays(10 + r.nextInt(80)));
                        details.append(i == 0 ? "" : ", ").append(mask(texts.get(i))).append(" due ").append(due.get(i));
                    }
                    details.append(']');
                    return command(c, "RecordPlan", leadStaff(c), (id, k, a, d, t) -> {
                        List<ResolutionCommand.PlanStepForm> forms = new ArrayList<>();
                        for (int i = 0; i < n; i++) forms.add(new ResolutionCommand.PlanStepForm(texts.get(i), due.get(i)));
                        return new ResolutionCommand.RecordPlan(id, k, a, forms, d);
                    }, details.toString());
                }
                case 5: {
                    int roll = r.nextInt(100);
                    if (roll < 12) return assignment(c, true);
                    if (roll >= 55) c.resolution = 6;
                    int step = 1 + r.nextInt(3);
                    return command(c, "MarkPlanStepDone", leadStaff(c), (id, k, a, d, t) -> new ResolutionCommand.MarkPlanStepDone(id, k, a, step, d),
                            " step=" + step);
                }
                case 6: {
                    c.resolution = 7;
                    Resolution.ResolutionKind kind = pick(Resolution.ResolutionKind.values());
                    return command(c, "ClaimResolution", leadStaff(c),
                            (id, k, a, d, t) -> new ResolutionCommand.ClaimResolution(id, k, a, kind, t, d), " kind=" + kind);
                }
                case 7:
                    if (r.nextInt(100) < 25) {
                        c.resolution = 6;
                        return command(c, "RejectResolution", "office-head",
                                (id, k, a, d, t) -> new ResolutionCommand.RejectResolution(id, k, a, t, d));
                    }
                    c.resolution = 8;
                    // now and then the claimant approves: SAME_ACTOR
                    return command(c, "ApproveResolution", r.nextInt(100) < 6 ? leadStaff(c) : "office-head",
                            (id, k, a, d, t) -> new ResolutionCommand.ApproveResolution(id, k, a, d));
                default:
                    if (r.nextInt(100) < 35) {
                        c.resolution = 3;
                        return command(c, "ReportRebound", "office-clerk", (id, k, a, d, t) -> new ResolutionCommand.ReportRebound(id, k, a, t, d));
                    }
                    return designate(c);
            }
        }

        private Spec designate(Script c) {
            return command(c, "DesignateBacklog", "office-clerk",
                    (id, k, a, d, t) -> new ResolutionCommand.DesignateBacklog(id, k, a, Resolution.BacklogSource.OWN_SWEEP, d));
        }

        private Spec enrol(Script c) {
            String batch = pick(batches);
            Resolution.IssuingLevel level = pick(Resolution.IssuingLevel.values());
            String name = maybe("第" + (1 + r.nextInt(9)) + "批重复信访案件", r, textPercent);
            LocalDate target = LocalDate.ofInstant(now, ZONE).plusDays(60 + r.nextInt(120));
            return command(c, "EnrolInBatch", "office-clerk",
                    (id, k, a, d, t) -> new ResolutionCommand.EnrolInBatch(id, k, a, new Resolution.BatchId(batch), level, name, target, d),
                    " batch=" + show(batch) + " level=" + level + " name=" + mask(name) + " target " + target);
        }

        private Spec assignment(Script c, boolean replace) {
            String leader = officialIds.get(pick(LEADERS));
            String lead = unitIds.get(c.leadUnit);
            List<String> taskForce = new ArrayList<>();
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) taskForce.add(officialIds.get(c.leadUnit + (r.nextBoolean() ? "-staff" : "-head")));
            List<String> coUnits = new ArrayList<>();
            if (r.nextBoolean()) coUnits.add(unitIds.get(pick(HANDLING)));   // now and then the lead unit itself: VALIDATION
            Resolution.ReplacementReason reason = pick(Resolution.ReplacementReason.values());
            String details = " leader=" + show(leader) + " leadUnit=" + show(lead) + " taskForce=" + shows(taskForce)
                    + " coUnits=" + shows(coUnits) + (replace ? " reason=" + reason : "");
            return command(c, replace ? "ReplacePackageLeader" : "AssignPackageLeader", "office-head", (id, k, a, d, t) -> {
                List<OfficialId> force = new ArrayList<>();
                for (String o : taskForce) force.add(new OfficialId(o));
                List<UnitId> co = new ArrayList<>();
                for (String u : coUnits) co.add(new UnitId(u));
                return replace
                        ? new ResolutionCommand.ReplacePackageLeader(id, k, a, new OfficialId(leader), new UnitId(lead), force, co, reason, d)
                        : new ResolutionCommand.AssignPackageLeader(id, k, a, new OfficialId(leader), new UnitId(lead), force, co, d);
            }, details);
        }

        // ------------------------------------------------------------------ between the scripts

        private Spec side(Script c) {
            int roll = r.nextInt(100);
            if (roll < 25) return repeatPetition(c);
            if (roll < 40) {
                Form form = form(c);
                String reason = text();
                return spec(c, "CorrectPetition", "office-clerk", form.details() + " reason=" + mask(reason),
                        (id, k) -> new ProcedureCommand.CorrectPetition(id, k, actor("office-clerk"), form.build(), reason));
            }
            if (roll < 55) {
                c.supervisions++;
                CaseActivity.SupervisionKind kind = pick(CaseActivity.SupervisionKind.values());
                String addressee = unitIds.get(r.nextInt(100) < 80 ? c.unit : pick(HANDLING));
                int days = 5 + r.nextInt(25);
                return command(c, "IssueSupervision", "office-head",
                        (id, k, a, d, t) -> new ActivityCommand.IssueSupervision(id, k, a, kind, new UnitId(addressee), d, d.plusDays(days)),
                        " kind=" + kind + " addressee=" + show(addressee) + " due in " + days + " days");
            }
            if (roll < 65) {
                int number = 1 + r.nextInt(Math.max(1, c.supervisions));
                return command(c, "RecordSupervisionFeedback", staff(c),
                        (id, k, a, d, t) -> new ActivityCommand.RecordSupervisionFeedback(id, k, a, number, t, d), " supervision=" + number);
            }
            if (roll < 75) {
                String profile = maybe(pick(PROFILES), r, 10);
                String reason = text();
                return spec(c, "ChangeProfile", "office-head", " profile=" + show(profile) + " reason=" + mask(reason),
                        (id, k) -> new ProcedureCommand.ChangeProfile(id, k, actor("office-head"), profile, reason));
            }
            if (roll < 83) {
                return spec(c, "ReassessEscalation", null, " actor=system " + show(job),
                        (id, k) -> new ResolutionCommand.ReassessEscalation(id, k, Actor.system(job)));
            }
            if (roll < 91) {
                ClockId clock = pick(ClockId.values());
                int round = 1 + r.nextInt(2);
                Instant due = now.minusSeconds(r.nextInt(20 * 24 * 3600));
                return spec(c, "RecordWarning", null, " actor=system " + show(job) + " clock=" + clock + " round=" + round + " due " + due,
                        (id, k) -> new SweepCommand.RecordWarning(id, k, Actor.system(job), clock, round, due));
            }
            if (roll < 97) return followUp(c);
            Script into = cases.get(r.nextInt(cases.size()));   // now and then itself: refused
            return command(c, "Merge", "office-clerk",
                    (id, k, a, d, t) -> new ActivityCommand.Merge(id, k, a, new CaseId(into.id), t, d), " into=" + show(into.id));
        }

        private Spec repeatPetition(Script c) {
            Channel channel = pick(Channel.values());
            int headcount = 1 + r.nextInt(r.nextInt(100) < 10 ? 80 : 3);
            CaseActivity.SkippedLevel skipped = pick(CaseActivity.SkippedLevel.values());
            LocalDate d = date(c);
            return spec(c, "RecordRepeatPetition", "office-clerk", " on " + d + " channel=" + channel + " headcount=" + headcount
                    + " skipped=" + skipped, (id, k) -> new ActivityCommand.RecordRepeatPetition(id, k, actor("office-clerk"), d, channel,
                    headcount, skipped));
        }

        // ------------------------------------------------------------------ petitions

        /** A petition form with every text part sometimes hostile; constructed (ids included) only in {@link #build}. */
        private final class Form {
            final LocalDate receivedOn;
            final Channel channel;
            final Category category;
            final String subjectArea;
            final String region;
            final boolean first;
            final String repeats;
            final List<String[]> petitioners = new ArrayList<>();
            final String accusedUnit;
            final String accusedOutside;
            final String summary;

            Form(Script c) {
                receivedOn = date(c);
                channel = pick(Channel.values());
                category = r.nextInt(100) < 90 ? c.category : pick(Category.values());
                subjectArea = maybe(pick(SUBJECT_AREAS), r, textPercent);
                region = r.nextInt(100) < 95 ? "450802" : HostileText.hostile("450802", r);
                first = r.nextInt(100) < 85;
                repeats = first ? null : cases.get(r.nextInt(cases.size())).id;
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    String name = maybe(cjk(r, 2 + r.nextInt(2)), r, textPercent);
                    String id = r.nextInt(100) < 30 ? maybe(idNumber(), r, 5) : null;
                    String phone = r.nextInt(100) < 50 ? maybe("139" + String.format("%08d", r.nextInt(100_000_000)), r, 5) : null;
                    String address = r.nextInt(100) < 40 ? maybe(cjk(r, 6 + r.nextInt(8)) + (1 + r.nextInt(99)) + "号", r, textPercent) : null;
                    petitioners.add(new String[] {name, id, phone, address});
                }
                int roll = r.nextInt(100);
                accusedUnit = roll < 5 ? unitIds.get(pick(HANDLING)) : null;
                accusedOutside = roll >= 5 && roll < 10 ? maybe(cjk(r, 4) + "有限公司", r, textPercent) : null;
                summary = maybe(cjk(r, 12 + r.nextInt(40)), r, textPercent);
            }

            PetitionForm build() {
                List<PetitionForm.Petitioner> people = new ArrayList<>();
                for (String[] p : petitioners) people.add(new PetitionForm.Petitioner(p[0], p[1], p[2], p[3]));
                List<PetitionForm.AccusedParty> accused = accusedUnit != null ? List.of(PetitionForm.AccusedParty.unit(new UnitId(accusedUnit)))
                        : accusedOutside != null ? List.of(PetitionForm.AccusedParty.outside(accusedOutside)) : null;
                return new PetitionForm(receivedOn, channel, category, subjectArea, region, first,
                        repeats == null ? null : new CaseId(repeats), people, null, accused, summary);
            }

            String details() {
                StringBuilder b = new StringBuilder(" petition=[received " + receivedOn + ", " + channel + ", " + category
                        + ", subjectArea=" + mask(subjectArea) + ", region=" + show(region));
                if (repeats != null) b.append(", repeats=").append(show(repeats));
                for (String[] p : petitioners) {
                    b.append(", petitioner(name=").append(mask(p[0])).append(", id=").append(mask(p[1])).append(", phone=")
                            .append(mask(p[2])).append(", address=").append(mask(p[3])).append(')');
                }
                if (accusedUnit != null) b.append(", accused unit=").append(show(accusedUnit));
                if (accusedOutside != null) b.append(", accused outside=").append(mask(accusedOutside));
                return b.append(", summary=").append(mask(summary)).append(']').toString();
            }
        }

        private Form form(Script c) {
            return new Form(c);
        }

        private String idNumber() {
            String seventeen = "450802" + String.format("%04d%02d%02d", 1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28))
                    + String.format("%03d", r.nextInt(1000));
            return seventeen + IdNumber.checkCharacter(seventeen);
        }

        // ------------------------------------------------------------------ building blocks

        /** A command with an official actor, a fact date and a free text (drawn whether or not the command uses it). */
        @FunctionalInterface
        private interface Dated {
            CaseCommand build(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate date, String text);
        }

        private Spec command(Script c, String name, String official, Dated build) {
            return command(c, name, official, build, "");
        }

        private Spec command(Script c, String name, String official, Dated build, String details) {
            LocalDate d = date(c);
            String t = text();
            String shown = details + (name.equals("ReturnForRework") ? "" : " on " + d) + (WITH_TEXT.contains(name) ? " text=" + mask(t) : "");
            return spec(c, name, official, shown, (id, k) -> build.build(id, k, actor(official), d, t));
        }

        private Spec spec(Script c, String name, String official, String details, Build build) {
            String actor = official == null ? "" : " actor=" + showActor(official);
            return new Spec(c, name, actor + details, build);
        }

        private Actor actor(String official) {
            return Actor.official(new OfficialId(officialIds.get(official)), new UnitId(unitIds.get(unitOf.get(official))));
        }

        private String showActor(String official) {
            String id = officialIds.get(official);
            String unit = unitIds.get(unitOf.get(official));
            return (id.equals(official) ? official : show(id)) + "@" + (unit.equals(unitOf.get(official)) ? unit : show(unit));
        }

        private String staff(Script c) {
            return c.unit + "-staff";
        }

        private String head(Script c) {
            return c.unit + "-head";
        }

        private String leadStaff(Script c) {
            return c.leadUnit + "-staff";
        }

        /**
         * A fact date: today or yesterday on the clock, never before the case's last fact; now and then a day in the
         * future (VALIDATION).
         */
        private LocalDate date(Script c) {
            LocalDate today = LocalDate.ofInstant(now, ZONE);
            if (r.nextInt(100) < 2) return today.plusDays(1 + r.nextInt(3));
            LocalDate d = today.minusDays(r.nextInt(2));
            if (c.lastFact != null && d.isBefore(c.lastFact)) d = c.lastFact;
            c.lastFact = d;
            return d;
        }

        private String text() {
            return maybe(cjk(r, 8 + r.nextInt(30)), r, textPercent);
        }

        private <T> T pick(T[] values) {
            return values[r.nextInt(values.length)];
        }

        private <T> T pick(List<T> values) {
            return values.get(r.nextInt(values.size()));
        }

        private static String shows(List<String> ids) {
            List<String> shown = new ArrayList<>();
            for (String id : ids) shown.add(show(id));
            return shown.toString();
        }
    }
}
