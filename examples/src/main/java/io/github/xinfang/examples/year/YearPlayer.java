package io.github.xinfang.examples.year;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Procedure;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.ClusterWatch;
import io.github.xinfang.service.CommandObserver;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.DeadlineSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Plays the year day by day on the demo clock: each working day of the official calendar starts with the deadline
 * sweep (08:00, with the cluster watch), then (09:00) the day's registrations, repeat petitions, the handling steps of every case and the
 * backlog campaign's work, in a fixed order, each as one command through the case service. Prints a progress line at
 * each month's end. Days up to a checkpoint are skipped (a resumed run). Not thread-safe.
 */
final class YearPlayer {
    private static final Logger log = LoggerFactory.getLogger(YearPlayer.class);
    private static final LocalTime SWEEP_TIME = LocalTime.of(8, 0);
    private static final LocalTime WORK_TIME = LocalTime.of(9, 0);
    /** The order of the day's work: petitions first, then the cases' steps, then the campaign. */
    static final int PHASE_PETITIONS = 0, PHASE_STEPS = 1, PHASE_CAMPAIGN = 2;

    /** One thing to do on a day: a command, or a task of the campaign that issues its own. */
    record Action(LocalDate on, int phase, long order, CaseCommand command, Runnable task) {}

    /**
     * What the year's play counted: every command the case service handled (the player's, the sweep's, the handover's),
     * as its observer saw them, the sweep's records, and the player's refusals by command and code.
     */
    static final class Tally {
        long applied;
        long replayed;
        long rejected;
        long conflicts;
        long sweepRecorded;
        long sweepWarnings;
        long sweepBreaches;
        long sweepLapses;
        long sweeps;
        long clusterWarnings;
        final Map<String, Long> rejections = new TreeMap<>();

        /** Counts one command the service handled. */
        void observe(CommandObserver.Outcome o) {
            switch (o.kind()) {
                case APPLIED: applied++; break;
                case REPLAYED: replayed++; break;
                case REJECTED: rejected++; break;
                default: conflicts++; break;
            }
        }

        long commands() {
            return applied + replayed + rejected + conflicts;
        }
    }

    private final CaseService service;
    private final YearClock clock;
    private final WorkCalendar calendar;
    private final DeadlineSweep sweep;
    private final PrintStream out;
    private final long startNanos;
    private final PriorityQueue<Action> agenda = new PriorityQueue<>(
            Comparator.comparing(Action::on).thenComparingInt(Action::phase).thenComparingLong(Action::order));
    private final Tally tally;

    YearPlayer(CaseService service, ClusterWatch watch, YearClock clock, WorkCalendar calendar, Tally tally, PrintStream out,
               long startNanos) {
        this.tally = tally;
        this.service = service;
        this.clock = clock;
        this.calendar = calendar;
        this.sweep = DeadlineSweep.create(service, "district-year").withClusterWatch(watch);
        this.out = out;
        this.startNanos = startNanos;
    }

    Tally tally() {
        return tally;
    }

    /** Adds an action to the agenda. */
    void schedule(Action action) {
        agenda.add(action);
    }

    /** Schedules a task of the campaign. */
    void task(LocalDate on, long order, Runnable task) {
        agenda.add(new Action(on, PHASE_CAMPAIGN, order, null, task));
    }

    /**
     * Handles one command now, counting how it ended; a refusal is logged (code only) and counted by code.
     *
     * @return the result
     */
    CommandResult handle(CaseCommand command) {
        CommandResult r = service.handle(command);
        if (r instanceof CommandResult.Rejected x) {
            tally.rejections.merge(command.getClass().getSimpleName() + " " + x.rejection().code(), 1L, Long::sum);
            log.debug("case {} {} refused: {}", command.caseId(), command.getClass().getSimpleName(), x.rejection().code());
        }
        return r;
    }

    /** Puts every petition and the planned steps of every case it opens on the agenda. */
    void schedulePetitions(List<GeneratedPetition> petitions, long seed, LocalDate end) {
        for (GeneratedPetition p : petitions) {
            CaseId id = new CaseId(p.caseId());
            long order = (long) p.serial() * 100;
            if (!p.opensCase()) {
                schedule(new Action(p.receivedOn(), PHASE_PETITIONS, order, new ActivityCommand.RecordRepeatPetition(id,
                        new IdempotencyKey("y-rep-" + p.serial()), District.registrar(p.serial()), p.receivedOn(), p.channel(),
                        p.headcount(), p.skippedLevel()), null));
                continue;
            }
            PetitionForm form = new PetitionForm(p.receivedOn(), p.channel(), p.category(), p.subjectArea(), District.REGION,
                    p.kind() == GeneratedPetition.Kind.FIRST, p.repeatsCaseId() == null ? null : new CaseId(p.repeatsCaseId()),
                    p.petitioners(), p.headcount(),
                    p.accusesUnit() == null ? null : List.of(PetitionForm.AccusedParty.unit(p.accusesUnit())),
                    "反映的具体事项与诉求（生成的示例文本）。");
            if (p.tag() != null) form = form.withSubjectTags(p.tag());   // estate:…, employer:…, project:… (类案预警 counts them)
            schedule(new Action(p.receivedOn(), PHASE_PETITIONS, order, new ProcedureCommand.Register(id,
                    new IdempotencyKey("y-" + p.caseId() + "-reg"), District.registrar(p.serial()), form, null), null));
            List<HandlingPlan.Step> steps = HandlingPlan.of(seed, p, calendar, end);
            for (int i = 0; i < steps.size(); i++) {
                HandlingPlan.Step s = steps.get(i);
                schedule(new Action(s.on(), PHASE_STEPS, order + i, command(p, id, s, new IdempotencyKey("y-" + p.caseId() + "-" + i)), null));
            }
        }
    }

    private static CaseCommand command(GeneratedPetition p, CaseId id, HandlingPlan.Step s, IdempotencyKey key) {
        District.Handler h = District.handler(p.handler());
        Actor clerk = h.clerkActor();
        Actor head = h.headActor();
        Actor registrar = District.registrar(p.serial());
        Actor office = District.officeHead();
        LocalDate on = s.on();
        switch (s.kind()) {
            case ROUTE_WRONG: return new ProcedureCommand.Route(id, key, registrar, wrongUnit(p, s.detail()), on);
            case OBJECT: return new ProcedureCommand.RaiseObjection(id, key, District.handler(wrongUnit(p, s.detail())).clerkActor(),
                    "所涉事项不属本单位职责，请重新交办。", on);
            case ROUTE: return new ProcedureCommand.Route(id, key, registrar, h.id(), on);
            case REDIRECT: return new ProcedureCommand.Redirect(id, key, registrar, Procedure.LegalChannel.values()[s.detail()], on);
            case DECLINE: return new ProcedureCommand.Decline(id, key, office, Procedure.DeclineReason.values()[s.detail()], on);
            case TRANSFER: return new ProcedureCommand.TransferOut(id, key, registrar, "贵港市住房公积金管理中心", on);
            case INFORM: return new ProcedureCommand.InformPetitioner(id, key, clerk, on);
            case ACCEPT: return new ProcedureCommand.Accept(id, key, clerk, on);
            case EXTEND: return new ProcedureCommand.Extend(id, key, head, 30, "情况复杂，需进一步调查核实。", on, on);
            case PROPOSE: return new ProcedureCommand.ProposeConclusion(id, key, clerk,
                    s.detail() < 0 ? null : Procedure.Outcome.values()[s.detail()], "书面答复意见（生成的示例文本）。", on);
            case RETURN: return new ProcedureCommand.ReturnForRework(id, key, head, "答复依据不充分，退回重办。");
            case APPROVE: return new ProcedureCommand.ApproveConclusion(id, key, head, on);
            case SERVE: return new ProcedureCommand.ServeReply(id, key, clerk, on);
            case RATE: return new ActivityCommand.RateHandling(id, key, registrar, CaseActivity.Satisfaction.values()[s.detail()], on);
            case REQUEST_REVIEW: return new ProcedureCommand.RequestReview(id, key, office, on);
            case CONCLUDE_REVIEW: return new ProcedureCommand.ConcludeReview(id, key, office, "复查意见（生成的示例文本）。", on);
            case SERVE_REVIEW: return new ProcedureCommand.ServeReviewOpinion(id, key, office, on);
            case REQUEST_RE_REVIEW: return new ProcedureCommand.RequestReReview(id, key, office, on);
            case CONCLUDE_RE_REVIEW: return new ProcedureCommand.ConcludeReReview(id, key, office, "复核意见（生成的示例文本）。", on);
            case FOLLOW_UP: return new ActivityCommand.RecordFollowUpVisit(id, key, registrar, CaseActivity.Satisfaction.values()[s.detail()], on);
            case WITHDRAW: return new ProcedureCommand.Withdraw(id, key, registrar, on);
            default: throw new AssertionError("step " + s.kind());
        }
    }

    /** A department other than the right one, for a misrouted case. */
    private static UnitId wrongUnit(GeneratedPetition p, int index) {
        List<District.Subject> subjects = District.SUBJECTS;
        for (int i = 0; i < subjects.size(); i++) {
            UnitId u = subjects.get((index + i) % subjects.size()).department();
            if (!u.equals(p.handler()) && !u.equals(District.DISCIPLINE)) return u;
        }
        throw new AssertionError("no other department");
    }

    /**
     * Plays from {@code first} to {@code last}, skipping (but draining) the days up to {@code doneUntil}.
     *
     * @param doneUntil the last day a previous run completed, or null
     * @param dayDone told each completed day's epoch day, for the checkpoint
     */
    void play(LocalDate first, LocalDate last, LocalDate doneUntil, IntConsumer dayDone) {
        if (doneUntil != null) out.println("Resuming after " + doneUntil + ": the days before are in the store already.");
        long commandsAtMonthStart = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            boolean skip = doneUntil != null && !day.isAfter(doneUntil);
            if (!skip && calendar.isWorkingDay(day)) {
                clock.set(day, SWEEP_TIME);
                DeadlineSweep.Report r = sweep.sweep(clock.instant());
                tally.sweeps++;
                tally.sweepRecorded += r.recorded();
                tally.sweepWarnings += r.warnings();
                tally.sweepBreaches += r.breaches();
                tally.sweepLapses += r.lapses();
                tally.clusterWarnings += r.clusterWarnings();
            }
            if (!skip) clock.set(day, WORK_TIME);
            while (!agenda.isEmpty() && !agenda.peek().on().isAfter(day)) {
                Action a = agenda.poll();
                if (skip) continue;
                if (a.command() != null) handle(a.command());
                else a.task().run();
            }
            if (!skip) dayDone.accept((int) day.toEpochDay());
            if (day.plusDays(1).getDayOfMonth() == 1 && !skip) {
                long commands = tally.commands();
                out.printf("  %s  %,6d commands this month; %,d in all (%,d records of the deadline sweep), %d refused  [%.1f s]%n",
                        day.toString().substring(0, 7), commands - commandsAtMonthStart, commands, tally.sweepRecorded, tally.rejected,
                        (System.nanoTime() - startNanos) / 1e9);
                commandsAtMonthStart = commands;
            }
        }
    }

    /** @return the cases' ids, for the report's listings */
    static List<String> caseIds(List<GeneratedPetition> petitions) {
        List<String> ids = new ArrayList<>();
        for (GeneratedPetition p : petitions) if (p.opensCase()) ids.add(p.caseId());
        return ids;
    }
}
