package io.github.xinfang.examples.year;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.petition.Category;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How the bureau and the units handle one case, decided in advance from the seed and the case's number, so a run is
 * repeatable: routed within days (a few late, a few misrouted and objected to), redirected into a legal channel,
 * declined or transferred out; the petitioner told and the case accepted; concluded mostly in time (some with an
 * extension, some late, a few stalling), a proposal now and then returned for rework; the reply served; rated by the
 * petitioner, visited again, or taken to review and re-review. Work happens on working days of the official calendar;
 * a petitioner's rating may come any day. Steps after the year's end are left out: the case stays open. Immutable
 * result; the class is a function.
 */
final class HandlingPlan {

    /** What happens to a case on a day. */
    enum StepKind {
        /** 交办 to the wrong unit (detail: the index of that department). */
        ROUTE_WRONG,
        /** 异议 by the wrong unit. */
        OBJECT,
        /** 交办/转送 to the handling unit. */
        ROUTE,
        /** 导入法定途径 (detail: the legal channel's ordinal). */
        REDIRECT,
        /** 不予受理 (detail: the reason's ordinal). */
        DECLINE,
        /** 转出 to an organ outside the district. */
        TRANSFER,
        /** 告知. */
        INFORM,
        /** 受理. */
        ACCEPT,
        /** 延期 by 30 days. */
        EXTEND,
        /** 报结 (detail: the outcome's ordinal, for a claim). */
        PROPOSE,
        /** 退回重办. */
        RETURN,
        /** 审核通过. */
        APPROVE,
        /** 送达书面答复. */
        SERVE,
        /** 评价 (detail: the satisfaction's ordinal). */
        RATE,
        /** 复查申请. */
        REQUEST_REVIEW,
        /** 复查意见. */
        CONCLUDE_REVIEW,
        /** 送达复查意见. */
        SERVE_REVIEW,
        /** 复核申请. */
        REQUEST_RE_REVIEW,
        /** 复核意见. */
        CONCLUDE_RE_REVIEW,
        /** 回访 (detail: the satisfaction's ordinal). */
        FOLLOW_UP,
        /** 撤回. */
        WITHDRAW
    }

    /**
     * One planned step.
     *
     * @param on the day (also the fact's date)
     * @param kind what happens
     * @param detail a parameter of the step, see {@link StepKind}
     */
    record Step(LocalDate on, StepKind kind, int detail) {}

    private final Random random;
    private final WorkCalendar calendar;
    private final LocalDate end;
    private final List<Step> steps = new ArrayList<>();
    private LocalDate day;

    private HandlingPlan(long seed, int serial, WorkCalendar calendar, LocalDate end) {
        this.random = new Random(seed ^ (serial * 0x9E3779B97F4A7C15L));
        this.calendar = calendar;
        this.end = end;
    }

    /**
     * @param seed the run's seed
     * @param petition a petition that opens a case
     * @param calendar the district's work calendar
     * @param end the last day played
     * @return the steps after registration, in order, none after {@code end}
     */
    static List<Step> of(long seed, GeneratedPetition petition, WorkCalendar calendar, LocalDate end) {
        HandlingPlan plan = new HandlingPlan(seed, petition.serial(), calendar, end);
        plan.plan(petition);
        return List.copyOf(plan.steps);
    }


    private int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** Moves on by some days, to a working day; false (and nothing more planned) once past the year's end. */
    private boolean after(int days) {
        day = calendar.nextWorkingDayOnOrAfter(day.plusDays(days));
        return !day.isAfter(end);
    }

    private void add(StepKind kind, int detail) {
        steps.add(new Step(day, kind, detail));
    }

    private void plan(GeneratedPetition p) {
        boolean claim = p.category() == Category.CLAIM;
        day = p.receivedOn();   // registered the day it arrives (the online system and the hotline work every day)
        int r = random.nextInt(1000);
        int routeDays = r < 350 ? 0 : r < 800 ? between(1, 3) : r < 950 ? between(4, 9) : r < 985 ? between(12, 14) : between(16, 20);
        if (!after(routeDays)) return;
        int d = random.nextInt(1000);
        if (claim && d < 30) {
            add(StepKind.REDIRECT, random.nextInt(3));
            return;
        }
        if (d >= 30 && d < 50) {
            add(StepKind.DECLINE, random.nextBoolean() ? 1 : 2);
            return;
        }
        if (d >= 50 && d < 58) {
            add(StepKind.TRANSFER, 0);
            return;
        }
        if (d >= 58 && d < 73 && p.category() != Category.ACCUSATION) {
            add(StepKind.ROUTE_WRONG, random.nextInt(District.SUBJECTS.size()));
            if (!after(between(1, 3))) return;
            add(StepKind.OBJECT, 0);
            if (!after(1)) return;
        }
        add(StepKind.ROUTE, 0);
        int t = random.nextInt(1000);
        int informDays = t < 800 ? between(0, 5) : t < 940 ? between(6, 11) : t < 980 ? between(13, 14) : between(16, 22);
        if (!after(informDays)) return;
        add(StepKind.INFORM, 0);
        add(StepKind.ACCEPT, 0);
        LocalDate accepted = day;
        if (chance(1)) {
            if (after(between(5, 30))) add(StepKind.WITHDRAW, 0);
            return;
        }
        int h = random.nextInt(1000);
        if (h < 20) return;   // stalls: never concluded this year
        int proposeDays = h < 720 ? between(10, 50) : h < 840 ? between(51, 57) : h < 920 ? between(62, 85) : between(61, 80);
        boolean extend = claim && h >= 840 && h < 920;
        if (extend) {
            day = accepted;
            if (!after(between(44, 52))) return;
            add(StepKind.EXTEND, 0);
        }
        LocalDate propose = calendar.nextWorkingDayOnOrAfter(accepted.plusDays(proposeDays));
        day = propose.isBefore(day) ? day : propose;
        if (day.isAfter(end)) return;
        int outcome = chance(45) ? 0 : chance(70) ? 1 : 2;
        add(StepKind.PROPOSE, claim ? outcome : -1);
        if (chance(6)) {
            if (!after(between(1, 3))) return;
            add(StepKind.RETURN, 0);
            if (!after(between(3, 8))) return;
            add(StepKind.PROPOSE, claim ? outcome : -1);
        }
        if (!after(between(0, 3))) return;
        add(StepKind.APPROVE, 0);
        if (!after(between(0, 3))) return;
        add(StepKind.SERVE, 0);
        LocalDate served = day;
        boolean review = claim && chance(outcome == 2 ? 20 : 4);
        if (chance(65)) {
            LocalDate rated = served.plusDays(between(1, 5));
            if (rated.isAfter(end)) return;
            int s = review ? 2 : random.nextInt(100) < 72 ? 0 : random.nextInt(100) < 70 ? 1 : 2;
            steps.add(new Step(rated, StepKind.RATE, s));
        }
        if (review) {
            day = served;
            if (!after(between(7, 24))) return;
            add(StepKind.REQUEST_REVIEW, 0);
            if (!after(between(12, 26))) return;
            add(StepKind.CONCLUDE_REVIEW, 0);
            if (!after(between(1, 3))) return;
            add(StepKind.SERVE_REVIEW, 0);
            if (chance(30)) {
                if (!after(between(7, 24))) return;
                add(StepKind.REQUEST_RE_REVIEW, 0);
                if (!after(between(12, 26))) return;
                add(StepKind.CONCLUDE_RE_REVIEW, 0);
            }
            return;
        }
        if (chance(32)) {
            day = served;
            if (!after(between(10, 40))) return;
            add(StepKind.FOLLOW_UP, random.nextInt(100) < 75 ? 0 : random.nextInt(100) < 70 ? 1 : 2);
        }
    }
}
