package io.github.xinfang.testing;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Procedure.DeclineReason;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.LegalChannel;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Generators of valid command sequences that drive a case to a chosen stage of the procedure track or state of the
 * resolution track, through the official work calendar: every legal date a working day, on or after the facts before
 * it and inside the time limits that bind it (an objection within five working days of receipt, acceptance and
 * conclusion well inside their limits, review and re-review requested within thirty days of service); the accused
 * never routed to; package leaders of the rank the case requires; each command sent at an instant on or after its
 * legal date (now and then a few days later, as portals record late). Detours are drawn too: an objection and a second
 * routing, the petitioner informed, a proposal returned for rework, a plan and its steps, a claim returned. Draw 0
 * gives the shortest path. The journeys are checked in this module's tests by running them through the case service:
 * every command applies and the case ends at the target.
 *
 * @since 0.4
 */
public final class Journeys {
    /** The zone of the journeys' instants. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The earliest registration a journey draws by default (the calendar covers 2015 to 2026; journeys end inside it). */
    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(2025, 1, 2);

    /** The procedure stages a journey reaches (every stage). */
    public static final Set<Stage> STAGES = EnumSet.allOf(Stage.class);

    private static final WorkCalendar CALENDAR = WorkCalendar.chinaNational();

    private Journeys() {}

    /**
     * @param org the organisation
     * @param id the case
     * @param target the stage to reach
     * @return journeys registering the case on or after {@link #DEFAULT_EARLIEST} and ending at the target
     */
    public static Gen<Journey> toStage(Organisation org, CaseId id, Stage target) {
        return toStage(org, id, target, DEFAULT_EARLIEST);
    }

    /**
     * @param org the organisation
     * @param id the case
     * @param target the stage to reach
     * @param earliest the earliest day of registration (registration falls within 30 days after it)
     * @return journeys ending at the target
     */
    public static Gen<Journey> toStage(Organisation org, CaseId id, Stage target, LocalDate earliest) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(earliest, "earliest");
        return c -> new Path(org, id, earliest, c).toStage(target).journey();
    }

    /**
     * @param org the organisation
     * @param id the case
     * @param target the resolution track's state to reach
     * @param earliest the earliest day of registration
     * @return journeys registering the case, designating it a backlog case and driving its resolution track to the target
     */
    public static Gen<Journey> toTrackState(Organisation org, CaseId id, Resolution.TrackState target, LocalDate earliest) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(earliest, "earliest");
        return c -> new Path(org, id, earliest, c).toTrackState(target).journey();
    }

    /**
     * @param org the organisation
     * @param id the case
     * @param earliest the earliest day of registration
     * @return journeys to any stage or track state (draw 0: registered, the shortest)
     */
    public static Gen<Journey> any(Organisation org, CaseId id, LocalDate earliest) {
        List<Stage> stages = List.of(Stage.values());
        List<Resolution.TrackState> states = List.of(Resolution.TrackState.values());
        return c -> {
            int pick = c.draw(stages.size() + states.size());
            Path path = new Path(org, id, earliest, c);
            return (pick < stages.size() ? path.toStage(stages.get(pick)) : path.toTrackState(states.get(pick - stages.size()))).journey();
        };
    }

    /**
     * A hostile journey for input-handling tests: a registration whose petitioners, summary and accused outsider are
     * {@link Petitions#hostileText() hostile text}, then commands with hostile reasons and opinions. Some of its
     * commands are rejected ({@code VALIDATION}); none may throw, and nothing accepted may change in meaning.
     *
     * @param org the organisation
     * @param id the case
     * @param earliest the earliest day of registration
     * @return the generator
     */
    public static Gen<Journey> hostile(Organisation org, CaseId id, LocalDate earliest) {
        return c -> {
            Path path = new Path(org, id, earliest, c);
            Gen<String> text = Petitions.hostileText();
            PetitionForm form = new PetitionForm(path.date, io.github.xinfang.petition.Channel.ONLINE, Category.CLAIM, text.generate(c),
                    org.region().value(), true, null,
                    List.of(new PetitionForm.Petitioner(text.generate(c), text.generate(c), text.generate(c), text.generate(c))),
                    null, List.of(PetitionForm.AccusedParty.outside(text.generate(c))), text.generate(c));
            path.add(new ProcedureCommand.Register(id, path.key(), org.registrarActor(), form, null));
            UnitId unit = org.departments().get(0);
            path.next(0, 2);
            path.add(new ProcedureCommand.Route(id, path.key(), org.registrarActor(), unit, path.date));
            path.next(0, 2);
            path.add(new ProcedureCommand.RaiseObjection(id, path.key(), org.staffOf(unit), text.generate(c), path.date));
            path.next(0, 2);
            path.add(new ProcedureCommand.Accept(id, path.key(), org.staffOf(unit), path.date));
            path.next(1, 10);
            path.add(new ProcedureCommand.ProposeConclusion(id, path.key(), org.staffOf(unit), Outcome.EXPLAINED, text.generate(c), path.date));
            return path.journey();
        };
    }

    /** One journey under construction: the draws, the facts so far, the steps. */
    private static final class Path {
        private final Organisation org;
        private final CaseId id;
        private final Choices c;
        private final List<Journey.Step> steps = new ArrayList<>();
        private LocalDate date;
        private Instant last = Instant.EPOCH;
        private int keys;
        private UnitId unit;
        private Category category = Category.CLAIM;
        private String profile;

        Path(Organisation org, CaseId id, LocalDate earliest, Choices c) {
            this.org = org;
            this.id = id;
            this.c = c;
            this.date = CALENDAR.nextWorkingDayOnOrAfter(earliest.plusDays(c.draw(31)));
        }

        IdempotencyKey key() {
            return new IdempotencyKey(id.value() + "-" + (++keys));
        }

        /** Moves the legal date on by a number of days in a range, to the next working day. */
        void next(int minDays, int maxDays) {
            date = CALENDAR.nextWorkingDayOnOrAfter(date.plusDays(c.between(minDays, maxDays)));
        }

        /** Adds a command sent during the working day of its legal date, or now and then a few days later. */
        void add(CaseCommand command) {
            Instant at = date.atTime(LocalTime.of(9 + c.draw(8), c.draw(60))).atZone(ZONE).toInstant();
            if (c.chance(15)) at = at.plusSeconds(86_400L * c.between(1, 3));
            if (!at.isAfter(last)) at = last.plusSeconds(60);
            last = at;
            steps.add(new Journey.Step(at, command));
        }

        Journey journey() {
            return new Journey(steps);
        }

        private void register(List<UnitId> notAccused) {
            PetitionForm form = Petitions.forms(org, date, category, notAccused).generate(c);
            add(new ProcedureCommand.Register(id, key(), org.registrarActor(), form, profile));
        }

        /** Chooses the handling units first, so that the petition accuses neither. */
        private List<UnitId> chooseUnits() {
            List<UnitId> d = org.departments();
            UnitId first = d.get(c.draw(d.size()));
            UnitId second = d.get((d.indexOf(first) + 1 + c.draw(d.size() - 1)) % d.size());
            return List.of(first, second);
        }

        Path toStage(Stage target) {
            if (target == Stage.TERMINATED) profile = "shandong-2015";
            List<UnitId> units = chooseUnits();
            register(units);
            switch (target) {
                case REGISTERED -> { }
                case TRANSFERRED_OUT -> {
                    next(0, 3);
                    add(new ProcedureCommand.TransferOut(id, key(), org.registrarActor(), "市中级人民法院", date));
                }
                case REDIRECTED -> {
                    if (c.chance(50)) route(units);
                    next(0, 3);
                    add(new ProcedureCommand.Redirect(id, key(), org.registrarActor(),
                            LegalChannel.values()[c.draw(LegalChannel.values().length)], date));
                }
                case DECLINED -> {
                    if (c.chance(50)) route(units);
                    next(0, 3);
                    add(new ProcedureCommand.Decline(id, key(), unit == null ? org.registrarActor() : org.staffOf(unit),
                            DeclineReason.values()[c.draw(DeclineReason.values().length)], date));
                }
                case WITHDRAWN -> {
                    List<Stage> before = List.of(Stage.REGISTERED, Stage.ROUTED, Stage.IN_HANDLING, Stage.PENDING_APPROVAL);
                    procedureTo(before.get(c.draw(before.size())), units);
                    next(0, 5);
                    add(new ProcedureCommand.Withdraw(id, key(), org.registrarActor(), date));
                }
                case TERMINATED -> {
                    List<Stage> before = List.of(Stage.CONCLUDED, Stage.REVIEWED, Stage.FINAL);
                    procedureTo(before.get(c.draw(before.size())), units);
                    next(1, 10);
                    add(new ProcedureCommand.Terminate(id, key(), org.officeHeadActor(), "依据《山东省信访事项终结办法》终结。", date));
                }
                case MERGED -> {
                    CaseId survivor = new CaseId(id.value() + "-survivor");
                    PetitionForm form = Petitions.forms(org, date, category, units).generate(c);
                    add(new ProcedureCommand.Register(survivor, key(), org.registrarActor(), form, null));
                    next(0, 5);
                    add(new ActivityCommand.Merge(id, key(), org.registrarActor(), survivor, new io.github.xinfang.cases.PetitionForm.FormText("同一事项，并案办理。"), date));
                }
                default -> procedureTo(target, units);
            }
            return this;
        }

        private void route(List<UnitId> units) {
            next(0, 3);
            unit = units.get(0);
            add(new ProcedureCommand.Route(id, key(), org.registrarActor(), unit, date));
            if (c.chance(25)) {
                // the unit objects within five working days of receipt and the office routes the case again
                date = CALENDAR.plusWorkingDays(date, c.draw(4));
                add(new ProcedureCommand.RaiseObjection(id, key(), org.staffOf(unit), "不属本单位职责。", date));
                next(0, 3);
                unit = units.get(1);
                add(new ProcedureCommand.Route(id, key(), org.registrarActor(), unit, date));
            }
        }

        /** Drives a registered case along the main path to a stage of it (REGISTERED to FINAL). */
        private void procedureTo(Stage target, List<UnitId> units) {
            if (target == Stage.REGISTERED) return;
            route(units);
            if (target == Stage.ROUTED) return;
            Actor staff = org.staffOf(unit);
            if (c.chance(30)) {
                next(0, 3);
                add(new ProcedureCommand.InformPetitioner(id, key(), staff, date));
            }
            next(0, 5);
            add(new ProcedureCommand.Accept(id, key(), staff, date));
            if (target == Stage.IN_HANDLING) return;
            next(1, 20);
            add(new ProcedureCommand.ProposeConclusion(id, key(), staff, outcome(), "依法作出处理意见。", date));
            if (target == Stage.PENDING_APPROVAL) return;
            if (c.chance(25)) {
                next(0, 2);
                add(new ProcedureCommand.ReturnForRework(id, key(), org.headOf(unit), "证据不足，退回重办。"));
                next(1, 5);
                add(new ProcedureCommand.ProposeConclusion(id, key(), staff, outcome(), "补充调查后作出处理意见。", date));
            }
            next(0, 3);
            add(new ProcedureCommand.ApproveConclusion(id, key(), org.headOf(unit), date));
            if (target == Stage.CONCLUDED) return;
            next(0, 3);
            add(new ProcedureCommand.ServeReply(id, key(), staff, date));
            next(1, 20);
            add(new ProcedureCommand.RequestReview(id, key(), org.officeHeadActor(), date));
            if (target == Stage.UNDER_REVIEW) return;
            next(1, 20);
            add(new ProcedureCommand.ConcludeReview(id, key(), org.officeHeadActor(), "维持原处理意见。", date));
            if (target == Stage.REVIEWED) return;
            next(0, 3);
            add(new ProcedureCommand.ServeReviewOpinion(id, key(), org.officeHeadActor(), date));
            next(1, 20);
            add(new ProcedureCommand.RequestReReview(id, key(), org.officeHeadActor(), date));
            if (target == Stage.UNDER_RE_REVIEW) return;
            next(1, 20);
            add(new ProcedureCommand.ConcludeReReview(id, key(), org.officeHeadActor(), "复核维持。", date));
            if (target != Stage.FINAL) throw new IllegalStateException("no main path to " + target);
        }

        private Outcome outcome() {
            return Outcome.values()[c.draw(Outcome.values().length)];
        }

        Path toTrackState(Resolution.TrackState target) {
            List<UnitId> units = chooseUnits();
            register(units);
            if (c.chance(40)) procedureTo(c.chance(50) ? Stage.ROUTED : Stage.IN_HANDLING, units);
            next(0, 10);
            add(new ResolutionCommand.DesignateBacklog(id, key(), org.officeHeadActor(),
                    Resolution.BacklogSource.OWN_SWEEP, date));
            boolean hard = c.chance(30);
            if (hard) {
                next(0, 3);
                add(new ResolutionCommand.FlagHardCase(id, key(), org.officeHeadActor(), "多年反复上访，诉求复杂。", date));
            }
            if (target == Resolution.TrackState.OPEN) return this;
            UnitId lead = units.get(0);
            List<OfficialId> leaders = hard ? List.of(org.countyHead(), org.countyExecutive(), org.cityDeputy())
                    : List.of(org.countyDeputy(), org.countyExecutive(), org.countyHead(), org.cityDeputy());
            next(0, 5);
            add(new ResolutionCommand.AssignPackageLeader(id, key(), org.officeHeadActor(), leaders.get(c.draw(leaders.size())),
                    lead, List.of(org.staff().get(lead)), List.of(units.get(1)), date));
            Actor leadHead = org.headOf(lead);
            if (c.chance(50)) {
                next(0, 3);
                LocalDate due = date.plusDays(c.between(10, 40));
                add(new ResolutionCommand.RecordPlan(id, key(), leadHead,
                        List.of(new ResolutionCommand.PlanStepForm("核实情况，制定化解方案。", due)), date));
                if (c.chance(50)) {
                    next(1, 8);
                    add(new ResolutionCommand.MarkPlanStepDone(id, key(), leadHead, 1, date));
                }
            }
            if (target == Resolution.TrackState.IN_RESOLUTION) return this;
            next(1, 15);
            add(new ResolutionCommand.ClaimResolution(id, key(), leadHead, kind(), "当事人签订息诉罢访协议。", date));
            if (c.chance(25) && target != Resolution.TrackState.CLAIMED) {
                next(0, 3);
                add(new ResolutionCommand.RejectResolution(id, key(), org.officeHeadActor(), "缺少签字材料。", date));
                next(1, 5);
                add(new ResolutionCommand.ClaimResolution(id, key(), leadHead, kind(), "补充签字材料。", date));
            }
            if (target == Resolution.TrackState.CLAIMED) return this;
            next(0, 3);
            add(new ResolutionCommand.ApproveResolution(id, key(), org.officeHeadActor(), date));
            return this;
        }

        private Resolution.ResolutionKind kind() {
            return Resolution.ResolutionKind.values()[c.draw(Resolution.ResolutionKind.values().length)];
        }
    }
}
