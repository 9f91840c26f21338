package io.github.xinfang.time;

import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.text.TextRule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One run of a time limit a case is held to (DESIGN.md section 2): a profile clock ({@link ClockId}: routing, handling,
 * the review windows, "1-2-3", ...) or a duty whose due date comes from the case's own facts ({@link DutyId}:
 * replacement of a package leader, a plan step, a batch target, supervision feedback). Both are started, met, stopped
 * and recorded by the sweep the same way, as the clock table says ({@code docs/clocks.md}); one status function
 * ({@link TimeLimits#obligations}) and one sweep path serve both. Due dates are not stored: a profile clock's comes
 * from the case's profile and calendar, a duty's from the date its fact names or from a limit counted from its
 * start. Immutable.
 *
 * @param source what it is: a profile clock or a duty
 * @param round the run's number for a profile clock within the case, from 1 (a restart starts a new round); always 1
 *     for a duty, whose id names its round
 * @param startedOn the date of the fact that started it
 * @param dueOn a duty's last day when its fact names one, else null
 * @param limit a duty's limit counted from {@code startedOn} when its fact names no date, else null
 * @param metOn the date of the fact that met it, or null
 * @param stopped whether it was stopped without being met
 * @param extensionDays days added by an extension (handling only)
 * @param pausedDays days of pauses already closed (hearings, re-review only)
 * @param pausedSince the date an open pause began, or null
 * @param warned whether the sweep recorded its warning (预警)
 * @param breached whether the sweep recorded its breach (超期) or, for a window, its lapse
 * @since 0.4
 */
public record Obligation(Obligation.Source source, int round, LocalDate startedOn, LocalDate dueOn, TimeLimit limit,
                         LocalDate metOn, boolean stopped, int extensionDays, int pausedDays, LocalDate pausedSince,
                         boolean warned, boolean breached) {
    /**
     * @throws NullPointerException naming a required argument that is null
     * @throws IllegalArgumentException if round is below 1 (or not 1 for a duty), a day count is negative, it is both
     *     met and stopped, a profile clock names a due date or limit of its own, or a duty names not exactly one
     */
    public Obligation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedOn, "startedOn");
        if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        if (extensionDays < 0) throw new IllegalArgumentException("extensionDays must not be negative");
        if (pausedDays < 0) throw new IllegalArgumentException("pausedDays must not be negative");
        if (metOn != null && stopped) throw new IllegalArgumentException("an obligation is not both met and stopped");
        if (source instanceof ClockId) {
            if (dueOn != null || limit != null) throw new IllegalArgumentException("a profile clock's limit comes from the profile");
        } else {
            if ((dueOn == null) == (limit == null)) throw new IllegalArgumentException("exactly one of dueOn and limit must be given");
            if (round != 1) throw new IllegalArgumentException("round must be 1 for a duty");
        }
    }

    /**
     * @param clock a profile clock
     * @param round its run
     * @param on the date of the starting fact
     * @return a new running run of the clock
     */
    static Obligation clock(ClockId clock, int round, LocalDate on) {
        return new Obligation(clock, round, on, null, null, null, false, 0, 0, null, false, false);
    }

    /**
     * @param id which duty
     * @param startedOn the day it starts
     * @param dueOn its last day
     * @return a running duty due on a named day
     */
    public static Obligation dueOn(DutyId id, LocalDate startedOn, LocalDate dueOn) {
        return new Obligation(id, 1, startedOn, Objects.requireNonNull(dueOn, "dueOn"), null, null, false, 0, 0, null, false, false);
    }

    /**
     * @param id which duty
     * @param startedOn the day it starts
     * @param limit the limit counted from that day
     * @return a running duty due when the limit runs out
     */
    public static Obligation within(DutyId id, LocalDate startedOn, TimeLimit limit) {
        return new Obligation(id, 1, startedOn, null, Objects.requireNonNull(limit, "limit"), null, false, 0, 0, null, false, false);
    }

    /** @return whether it is still open: neither met nor stopped */
    public boolean isOpen() {
        return metOn == null && !stopped;
    }

    Obligation met(LocalDate on) {
        // met while paused (a re-review concluded with its hearing still open): the open pause counts up to the meeting
        return new Obligation(source, round, startedOn, dueOn, limit, on, stopped, extensionDays, pausedDays + openPauseDays(on), null,
                warned, breached);
    }

    Obligation stop() {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, true, extensionDays, pausedDays, null, warned, breached);
    }

    Obligation extend(int days) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, days, pausedDays, pausedSince, warned, breached);
    }

    Obligation pause(LocalDate on) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, extensionDays, pausedDays, on, warned, breached);
    }

    Obligation resume(LocalDate on) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, extensionDays, pausedDays + openPauseDays(on), null,
                warned, breached);
    }

    Obligation startedOn(LocalDate on) {
        return new Obligation(source, round, on, dueOn, limit, metOn, stopped, extensionDays, pausedDays, pausedSince, warned, breached);
    }

    Obligation swept(boolean breach) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, extensionDays, pausedDays, pausedSince,
                warned || !breach, breached || breach);
    }

    private int openPauseDays(LocalDate until) {
        return pausedSince == null ? 0 : (int) Math.max(0, until.toEpochDay() - pausedSince.toEpochDay());
    }

    /**
     * What an obligation is: a profile clock ({@link ClockId}) or a duty from the case's facts ({@link DutyId}). Its
     * text form, {@link #toString()}, is what the store and the sweep's keys hold: a clock's name ({@code HANDLING})
     * or a duty's kind and reference ({@code PLAN_STEP:2.3}); {@link #parse} reads it back. Immutable.
     *
     * @since 0.4
     */
    public sealed interface Source permits ClockId, DutyId {
        /** @return whether it is a window that lapses (something the petitioner or a unit may do), not a duty that falls overdue */
        boolean isWindow();

        /** @return its Chinese name */
        String chinese();

        /**
         * @param text a clock's name or a duty's {@code KIND:ref}
         * @return the source it names
         * @throws IllegalArgumentException if it names neither
         */
        static Source parse(String text) {
            Objects.requireNonNull(text, "text");
            return text.indexOf(':') < 0 ? ClockId.valueOf(text) : DutyId.parse(text);
        }
    }

    /**
     * The clocks the library knows how to run (DESIGN.md section 2). What starts, meets and stops each is fixed
     * by the library; a {@link Profile} says which of them a case has, with what limit and warning window.
     * Immutable.
     *
     * @since 0.1
     */
    public enum ClockId implements Obligation.Source {
        /** 转送/交办: route the petition; from its receipt (or from an objection). */
        ROUTING("转送/交办", Kind.DUTY),
        /** 告知: tell the petitioner; from the unit's receipt. */
        TELLING("告知", Kind.DUTY),
        /** 异议: the unit may object; from the unit's receipt. */
        OBJECTION("异议", Kind.WINDOW),
        /** 受理决定: decide on acceptance; from the unit's receipt (regional and simplified profiles). */
        ACCEPTANCE("受理决定", Kind.DUTY),
        /** 办理: conclude; from acceptance or reopening; extendable once. */
        HANDLING("办理", Kind.DUTY),
        /** 复查申请: the petitioner may ask for review; from the reply's service. */
        REVIEW_REQUEST("复查申请", Kind.WINDOW),
        /** 复查: give the review opinion; from the request's receipt. */
        REVIEW("复查", Kind.DUTY),
        /** 复核申请: the petitioner may ask for re-review; from the review opinion's service. */
        RE_REVIEW_REQUEST("复核申请", Kind.WINDOW),
        /** 复核: give the re-review opinion; from the request's receipt; hearings do not count. */
        RE_REVIEW("复核", Kind.DUTY),
        /** "1-2-3" first contact (电话联系); from the unit's receipt. */
        CONTACT("“1-2-3”电话联系", Kind.DUTY),
        /** "1-2-3" meeting (见面/走访); from the unit's receipt. */
        MEETING("“1-2-3”见面", Kind.DUTY),
        /** "1-2-3" conclusion or stage reply (阶段性答复); from the unit's receipt. */
        STAGE_REPLY("“1-2-3”办结或阶段性答复", Kind.DUTY);

        private final String chinese;
        private final Kind kind;

        ClockId(String chinese, Kind kind) {
            this.chinese = chinese;
            this.kind = kind;
        }

        @Override
        public String chinese() {
            return chinese;
        }

        @Override
        public boolean isWindow() {
            return kind == Kind.WINDOW;
        }

        /** @return duty or window */
        public Kind kind() {
            return kind;
        }

        /**
         * A duty (something a unit must do: its breach is 超期) or a window (something the petitioner or a unit
         * may do: it lapses, never "overdue"). Immutable.
         *
         * @since 0.1
         */
        public enum Kind {
            /** A unit's duty. */
            DUTY,
            /** A window that may lapse. */
            WINDOW
        }
    }

    /**
     * Names one duty of a case: its kind and a reference unique within the kind (the replacement round, the plan
     * version and step, the batch id, the supervision's number). Immutable.
     *
     * @param kind the kind
     * @param ref the reference within the kind, e.g. {@code 2.3} for step 3 of plan version 2
     * @since 0.2
     */
    public record DutyId(Kind kind, String ref) implements Obligation.Source {
        /** The longest reference. */
        public static final int MAX_REF_LENGTH = 200;

        /**
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException if ref is blank or longer than {@link #MAX_REF_LENGTH}
         */
        public DutyId {
            Objects.requireNonNull(kind, "kind");
            TextRule.ID.require(ref, "ref", MAX_REF_LENGTH);
        }

        /**
         * @param round the replacement round, from 1
         * @return the id of that replacement duty
         */
        public static DutyId replacement(int round) {
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
            return new DutyId(Kind.REPLACEMENT, Integer.toString(round));
        }

        /**
         * @param version the plan version, from 1
         * @param step the step, from 1
         * @return the id of that plan step's duty
         */
        public static DutyId planStep(int version, int step) {
            if (version < 1) throw new IllegalArgumentException("version must be at least 1");
            if (step < 1) throw new IllegalArgumentException("step must be at least 1");
            return new DutyId(Kind.PLAN_STEP, version + "." + step);
        }

        /**
         * @param batch the batch's id
         * @return the id of that batch's target duty
         */
        public static DutyId batchTarget(String batch) {
            return new DutyId(Kind.BATCH_TARGET, Objects.requireNonNull(batch, "batch"));
        }

        /**
         * @param number the supervision's number on the case, from 1
         * @return the id of that supervision's feedback duty
         */
        public static DutyId supervision(int number) {
            if (number < 1) throw new IllegalArgumentException("number must be at least 1");
            return new DutyId(Kind.SUPERVISION_FEEDBACK, Integer.toString(number));
        }

        /**
         * @param text a duty's text form, {@code KIND:ref} ({@link #toString()})
         * @return the duty it names
         * @throws IllegalArgumentException if it names none
         */
        public static DutyId parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("text: not KIND:ref");
            return new DutyId(Kind.valueOf(text.substring(0, colon)), text.substring(colon + 1));
        }

        @Override
        public boolean isWindow() {
            return false;
        }

        @Override
        public String chinese() {
            return kind.chinese();
        }

        /** @return its text form, {@code KIND:ref} */
        @Override
        public String toString() {
            return kind + ":" + ref;
        }

        /**
         * The kinds of duty clocks whose due dates come from the case's own facts rather than from a profile: the
         * resolution track's and supervision's duties (DESIGN.md section 2 and 5). Immutable.
         *
         * @since 0.2
         */
        public enum Kind {
            /** Replace a package leader whose rank fell below a raised requirement (提级包案); from the rise. */
            REPLACEMENT("更换包案领导"),
            /** Carry out one step of the plan in force (化解方案步骤); due on the step's date. */
            PLAN_STEP("化解方案步骤"),
            /** Clear the case by a batch's target date (交办批次目标); met by approval of the resolution. */
            BATCH_TARGET("交办批次目标"),
            /** Give written feedback on a supervision (督办反馈); due on the date the supervision sets. */
            SUPERVISION_FEEDBACK("督办反馈");

            private final String chinese;

            Kind(String chinese) {
                this.chinese = chinese;
            }

            /** @return the Chinese name */
            public String chinese() {
                return chinese;
            }
        }
    }
}
