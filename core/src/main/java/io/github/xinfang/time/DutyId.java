package io.github.xinfang.time;

import io.github.xinfang.text.TextRule;

import java.util.Objects;

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
