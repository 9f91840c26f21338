package io.github.xinfang.examples.year;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.Handover;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * The resolution track over the year (积案化解): a city batch of repeat-petition cases arrives in April (上级交办), the
 * two hardest are flagged (钉子案), package leaders are assigned by the rank each case requires (领导包案), plans with
 * dated steps are recorded and carried out; the bureau's own sweep designates the cases petitioned about three times
 * or more in July; when a case's required rank rises above its leader's (提级包案: a third repeat petition, a petition
 * in Beijing), the leader is replaced within the replacement clock; a deputy district head changes post in August and
 * hands his cases to his successor (新官理旧账); claims (申请化解) are approved (销号) or returned (退回). Every step is a
 * dated task on the player's agenda, and each reads the case's state first, so a resumed run does the same. Not
 * thread-safe.
 */
final class Campaign {
    static final Resolution.BatchId BATCH = new Resolution.BatchId("gg-2025-cf-3");
    static final String BATCH_NAME = "贵港市第三批重复信访积案";
    static final String HANDOVER_ORDER = "港北组干〔2025〕31号";
    /** The day the deputy in charge of 城建 (DEPUTY_1) leaves his post and hands his cases over (or the next working day). */
    static final MonthDay HANDOVER = MonthDay.of(8, 18);

    private final CaseService service;
    private final YearPlayer player;
    private final WorkCalendar calendar;
    private final List<GeneratedPetition> petitions;
    private final Random random;
    private final int year;
    private final Map<String, GeneratedPetition> byCase = new HashMap<>();
    private final List<String> batchCases = new ArrayList<>();
    private final List<String> ownCases = new ArrayList<>();
    private final PrintStream out;
    private long order;
    private int escalations;
    private int replacements;

    Campaign(CaseService service, YearPlayer player, WorkCalendar calendar, List<GeneratedPetition> petitions, long seed, int year,
             PrintStream out) {
        this.service = service;
        this.player = player;
        this.calendar = calendar;
        this.petitions = petitions;
        this.random = new Random(seed * 7919 + 17);
        this.year = year;
        this.out = out;
        for (GeneratedPetition p : petitions) if (p.opensCase()) byCase.put(p.caseId(), p);
    }

    /** @return the cases of the city batch */
    List<String> batchCases() {
        return List.copyOf(batchCases);
    }

    /** @return the cases the bureau's own sweep designated */
    List<String> ownCases() {
        return List.copyOf(ownCases);
    }

    /** @return how many times a required rank rose above the active leader's */
    int escalations() {
        return escalations;
    }

    private LocalDate day(int month, int dayOfMonth) {
        return calendar.nextWorkingDayOnOrAfter(LocalDate.of(year, month, dayOfMonth));
    }

    private LocalDate workingDayBetween(LocalDate from, int days) {
        return calendar.nextWorkingDayOnOrAfter(from.plusDays(random.nextInt(days + 1)));
    }

    private void at(LocalDate on, Runnable task) {
        player.task(on, order++, task);
    }

    /** Puts the year's campaign on the player's agenda. */
    void schedule(int petitionsTotal) {
        LocalDate batchDay = day(4, 14);
        batchCases.addAll(select(batchDay.minusDays(14), batchDay, Math.max(4, petitionsTotal / 75), false, List.of()));
        at(batchDay, () -> {
            for (int i = 0; i < batchCases.size(); i++) {
                CaseId id = new CaseId(batchCases.get(i));
                if (!enrollable(id)) continue;
                player.handle(new ResolutionCommand.EnrolInBatch(id, key(id, "enrol"), District.officeHead(), BATCH,
                        Resolution.IssuingLevel.CITY, BATCH_NAME, LocalDate.of(year, 9, 30), batchDay));
                if (i < 2) player.handle(new ResolutionCommand.FlagHardCase(id, key(id, "hard"), District.officeHead(),
                        "多次越级上访，诉求复杂", batchDay));
            }
        });
        plan(batchCases, day(4, 17), day(4, 24), new LocalDate[] {LocalDate.of(year, 5, 15), LocalDate.of(year, 6, 13),
                LocalDate.of(year, 8, 29)}, LocalDate.of(year, 8, 4), 46);

        LocalDate sweepDay = day(7, 21);
        ownCases.addAll(select(sweepDay.minusDays(30), sweepDay, Math.max(3, petitionsTotal / 100), true, batchCases));
        at(sweepDay, () -> {
            for (String c : ownCases) {
                CaseId id = new CaseId(c);
                if (enrollable(id)) player.handle(new ResolutionCommand.DesignateBacklog(id, key(id, "designate"), District.officeHead(),
                        Resolution.BacklogSource.OWN_SWEEP, sweepDay));
            }
        });
        plan(ownCases, day(7, 22), day(7, 29), new LocalDate[] {LocalDate.of(year, 8, 29), LocalDate.of(year, 10, 31)},
                LocalDate.of(year, 10, 13), 46);

        LocalDate handoverDay = day(HANDOVER.getMonthValue(), HANDOVER.getDayOfMonth());
        at(handoverDay, () -> {
            Handover.Report r = Handover.create(service).run(HANDOVER_ORDER, District.DEPUTY_1, District.SUCCESSOR, handoverDay);
            Map<String, Integer> codes = new TreeMap<>();
            for (Handover.Report.NotMoved n : r.notMoved()) codes.merge(n.rejection().code().toString(), 1, Integer::sum);
            // a case whose required rank is above the successor's gets a leader of that rank instead
            int higher = 0;
            for (Handover.Report.NotMoved n : r.notMoved()) if (replace(n.caseId(), handoverDay, Resolution.ReplacementReason.POST_CHANGE)) higher++;
            out.printf("  %s  handover %s: %s -> %s, %d cases moved, %d not moved%s, %d of them to a leader of the rank they require"
                    + " (新官理旧账)%n", handoverDay, r.operationId(), District.post(District.DEPUTY_1.value()),
                    District.post(District.SUCCESSOR.value()), r.moved().size(), r.notMoved().size(), codes.isEmpty() ? "" : " " + codes, higher);
        });
    }

    /**
     * Cases received before {@code receivedBefore} that drew repeat petitions by {@code asOf}, the most repeated first:
     * for the batch, any repeat; for the bureau's own sweep, three repeat petitions recorded on the case.
     */
    private List<String> select(LocalDate receivedBefore, LocalDate asOf, int max, boolean recordedOnly, List<String> exclude) {
        Map<String, Integer> repeats = new HashMap<>();
        for (GeneratedPetition p : petitions) {
            if (p.repeatsCaseId() == null || !p.receivedOn().isBefore(asOf)) continue;
            if (recordedOnly && p.opensCase()) continue;
            repeats.merge(p.repeatsCaseId(), 1, Integer::sum);
        }
        List<String> picked = new ArrayList<>();
        for (Map.Entry<String, Integer> e : repeats.entrySet()) {
            GeneratedPetition p = byCase.get(e.getKey());
            if (p.category() == Category.ACCUSATION || !p.receivedOn().isBefore(receivedBefore) || exclude.contains(e.getKey())) continue;
            if (recordedOnly && e.getValue() < 3) continue;
            picked.add(e.getKey());
        }
        picked.sort(Comparator.comparing((String c) -> -repeats.get(c)).thenComparing(c -> c));
        return picked.size() > max ? new ArrayList<>(picked.subList(0, max)) : picked;
    }

    /** The assignment, the plan and its steps, the claims and their approval or return, for a list of cases. */
    private void plan(List<String> cases, LocalDate assignDay, LocalDate planDay, LocalDate[] stepDues, LocalDate claimsFrom, int claimDays) {
        at(assignDay, () -> {
            for (String c : cases) assign(new CaseId(c), assignDay);
        });
        at(planDay, () -> {
            for (String c : cases) {
                CaseId id = new CaseId(c);
                CaseState s = state(id);
                if (s == null || track(s) != Resolution.TrackState.IN_RESOLUTION) continue;
                List<ResolutionCommand.PlanStepForm> steps = new ArrayList<>();
                String[] what = {"约谈信访人，摸清诉求", "召开专班会议，制定化解措施", "落实化解措施并回访"};
                for (int i = 0; i < stepDues.length; i++) {
                    steps.add(new ResolutionCommand.PlanStepForm(what[i + 3 - stepDues.length], stepDues[i]));
                }
                player.handle(new ResolutionCommand.RecordPlan(id, key(id, "plan"), leadHead(s), steps, planDay));
            }
        });
        for (String c : cases) {
            CaseId id = new CaseId(c);
            for (int i = 0; i < stepDues.length; i++) {
                int step = i + 1;
                LocalDate done = workingDayBetween(stepDues[i].minusDays(9), 12);   // a few a little late
                at(done, () -> {
                    CaseState s = state(id);
                    if (s != null && onTrack(s) && s.resolution().currentPlan().isPresent()) {
                        player.handle(new ResolutionCommand.MarkPlanStepDone(id, key(id, "step-" + step), leadHead(s), step, done));
                    }
                });
            }
            if (random.nextInt(100) < 8) continue;   // never claimed this year
            LocalDate claim = workingDayBetween(claimsFrom, claimDays);
            Resolution.ResolutionKind kind = random.nextInt(100) < 65 ? Resolution.ResolutionKind.SUBSTANTIVE : Resolution.ResolutionKind.PROCEDURAL;
            boolean returned = random.nextInt(100) < 15;
            LocalDate decided = workingDayBetween(claim.plusDays(3), 7);
            claim(id, "claim", claim, kind);
            if (returned) {
                at(decided, () -> decide(id, "reject", decided, false));
                LocalDate again = workingDayBetween(decided.plusDays(10), 10);
                claim(id, "claim-2", again, kind);
                LocalDate approved = workingDayBetween(again.plusDays(3), 7);
                at(approved, () -> decide(id, "approve-2", approved, true));
            } else {
                at(decided, () -> decide(id, "approve", decided, true));
            }
        }
    }

    private void claim(CaseId id, String name, LocalDate on, Resolution.ResolutionKind kind) {
        at(on, () -> {
            CaseState s = state(id);
            if (s != null && track(s) == Resolution.TrackState.IN_RESOLUTION) {
                player.handle(new ResolutionCommand.ClaimResolution(id, key(id, name), leadHead(s), kind, "化解材料（生成的示例文本）。", on));
            }
        });
    }

    private void decide(CaseId id, String name, LocalDate on, boolean approve) {
        CaseState s = state(id);
        if (s == null || track(s) != Resolution.TrackState.CLAIMED) return;
        player.handle(approve ? new ResolutionCommand.ApproveResolution(id, key(id, name), District.officeHead(), on)
                : new ResolutionCommand.RejectResolution(id, key(id, name), District.officeHead(), "化解材料不实，退回重新化解。", on));
    }

    private void assign(CaseId id, LocalDate on) {
        CaseState s = state(id);
        if (s == null || track(s) != Resolution.TrackState.OPEN) return;
        GeneratedPetition p = byCase.get(id.value());
        UnitId lead = s.handlingUnit() != null ? s.handlingUnit() : District.subject(p.subjectArea()).department();
        District.Handler h = District.handler(lead);
        List<UnitId> coUnits = h.township() || p.township().equals(lead) ? List.of() : List.of(p.township());
        player.handle(new ResolutionCommand.AssignPackageLeader(id, key(id, "assign"), District.officeHead(),
                leader(s.resolution().requiredRank(), p, on), lead, List.of(h.clerk()), coUnits, on));
    }

    /**
     * Told of every commit: when a case's required rank rose above its leader's (a replacement clock started), the
     * bureau replaces the leader two working days later.
     */
    void committed(CaseId id, List<CaseEvent> events) {
        for (CaseEvent e : events) {
            if (!(e instanceof ResolutionEvent.ReplacementClockStarted started)) continue;
            escalations++;
            LocalDate on = calendar.plusWorkingDays(started.startedOn(), 2);
            at(on, () -> replace(id, on, Resolution.ReplacementReason.ESCALATION));
        }
    }

    /**
     * Replaces a case's leader by one of the rank it requires, unless the active leader has that rank and is in post.
     *
     * @return whether the replacement was applied
     */
    private boolean replace(CaseId id, LocalDate on, Resolution.ReplacementReason reason) {
        CaseState s = state(id);
        if (s == null || !onTrack(s)) return false;
        Optional<Resolution.Assignment> active = s.resolution().activeAssignment();
        RankLadder.RequiredRank required = s.resolution().requiredRank();
        if (active.isEmpty()) return false;
        boolean leftPost = active.get().leader().equals(District.DEPUTY_1) && handedOver(on);
        if (!leftPost && (required == null || satisfies(active.get().leader(), required))) return false;
        Resolution.Assignment a = active.get();
        CommandResult result = player.handle(new ResolutionCommand.ReplacePackageLeader(id, key(id, "escalate-" + s.resolution().assignments().size()),
                District.officeHead(), leader(required, byCase.get(id.value()), on), a.leadUnit(), a.taskForce(), a.coUnits(),
                reason, on));
        if (result instanceof CommandResult.Rejected) return false;
        replacements++;
        return true;
    }

    /** @return how many leaders were replaced after an escalation */
    int replacements() {
        return replacements;
    }

    /** The leader a case gets by the rank it requires: principals, the executive deputy, or the deputy in charge of its area. */
    private static OfficialId leader(RankLadder.RequiredRank required, GeneratedPetition p, LocalDate on) {
        if (required != null && required.principal()) return p.serial() % 2 == 0 ? District.HEAD : District.SECRETARY;
        if (required != null && required.rank().equals("县处级正职")) return District.EXECUTIVE;
        if (required != null && !required.rank().equals("县处级副职") && !required.rank().startsWith("乡科级")) {
            throw new IllegalStateException("no leader of the district holds rank " + required.rank());
        }
        OfficialId deputy = District.subject(p.subjectArea()).deputy();
        return deputy.equals(District.DEPUTY_1) && handedOver(on) ? District.SUCCESSOR : deputy;
    }

    /** @return whether the deputy in charge of 城建 had left his post by that day */
    private static boolean handedOver(LocalDate on) {
        return !MonthDay.from(on).isBefore(HANDOVER);
    }

    private static boolean satisfies(OfficialId leader, RankLadder.RequiredRank required) {
        boolean principal = leader.equals(District.HEAD) || leader.equals(District.SECRETARY);
        boolean fullCounty = principal || leader.equals(District.EXECUTIVE);
        if (required.principal()) return principal;
        if (required.rank().equals("县处级正职")) return fullCounty;
        return true;
    }

    private boolean enrollable(CaseId id) {
        CaseState s = state(id);
        return s != null && s.stage() != Stage.TRANSFERRED_OUT && s.stage() != Stage.WITHDRAWN && s.stage() != Stage.MERGED;
    }

    private CaseState state(CaseId id) {
        return service.history(id).map(h -> h.state()).orElse(null);
    }

    private static Resolution.TrackState track(CaseState s) {
        return s.resolution() == null ? null : s.resolution().track();
    }

    private static boolean onTrack(CaseState s) {
        Resolution.TrackState t = track(s);
        return t == Resolution.TrackState.IN_RESOLUTION || t == Resolution.TrackState.CLAIMED;
    }

    private static Actor leadHead(CaseState s) {
        UnitId lead = s.resolution().activeAssignment().map(Resolution.Assignment::leadUnit).orElseThrow();
        return District.handler(lead).headActor();
    }

    private static IdempotencyKey key(CaseId id, String what) {
        return new IdempotencyKey("y-" + id.value() + "-track-" + what);
    }
}
