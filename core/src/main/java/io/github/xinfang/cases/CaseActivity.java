package io.github.xinfang.cases;

import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened around a case besides its procedure stage and resolution track: repeat petitions (重复信访),
 * follow-up visits (回访), supervision (督办) and merge links (并案). Part of the case's state. Immutable.
 *
 * @param repeatPetitions every repeat petition, in the order recorded
 * @param followUps every follow-up visit, in the order recorded
 * @param supervisions every supervision, numbered from 1 in the order issued
 * @param mergedInto the surviving case this case was merged into, or null
 * @param mergedCases the cases merged into this one, in the order recorded
 * @since 0.2
 */
public record CaseActivity(List<RepeatPetition> repeatPetitions, List<FollowUp> followUps, List<Supervision> supervisions,
                           CaseId mergedInto, List<CaseId> mergedCases) {
    private static final CaseActivity NONE = new CaseActivity(List.of(), List.of(), List.of(), null, List.of());

    /** @throws NullPointerException naming a null list */
    public CaseActivity {
        repeatPetitions = List.copyOf(Objects.requireNonNull(repeatPetitions, "repeatPetitions"));
        followUps = List.copyOf(Objects.requireNonNull(followUps, "followUps"));
        supervisions = List.copyOf(Objects.requireNonNull(supervisions, "supervisions"));
        mergedCases = List.copyOf(Objects.requireNonNull(mergedCases, "mergedCases"));
    }

    /** @return no activity */
    public static CaseActivity none() {
        return NONE;
    }

    /** @return the most people behind one repeat petition, 0 if there was none */
    public int largestRepeatHeadcount() {
        int max = 0;
        for (RepeatPetition r : repeatPetitions) max = Math.max(max, r.headcount());
        return max;
    }

    /** @return the people behind all repeat petitions together (人次) */
    public long repeatPersons() {
        long n = 0;
        for (RepeatPetition r : repeatPetitions) n += r.headcount();
        return n;
    }

    /** @return the farthest any repeat petition went past its level */
    public CaseActivity.SkippedLevel farthestSkip() {
        CaseActivity.SkippedLevel max = CaseActivity.SkippedLevel.NONE;
        for (RepeatPetition r : repeatPetitions) if (r.skippedLevel().isAtLeast(max)) max = r.skippedLevel();
        return max;
    }

    // ------------------------------------------------------------------ with… (used by the evolve function)

    CaseActivity withRepeatPetition(RepeatPetition repeat) {
        return new CaseActivity(appended(repeatPetitions, repeat), followUps, supervisions, mergedInto, mergedCases);
    }

    CaseActivity withFollowUp(FollowUp visit) {
        return new CaseActivity(repeatPetitions, appended(followUps, visit), supervisions, mergedInto, mergedCases);
    }

    /** @throws IllegalArgumentException if the supervision is not numbered next */
    CaseActivity withSupervision(Supervision issued) {
        if (issued.number() != supervisions.size() + 1) {
            throw new IllegalArgumentException("event: expected supervision " + (supervisions.size() + 1));
        }
        return new CaseActivity(repeatPetitions, followUps, appended(supervisions, issued), mergedInto, mergedCases);
    }

    /** @throws IllegalArgumentException if there is no supervision of that number */
    CaseActivity withFeedback(int number, LocalDate givenOn) {
        if (number < 1 || number > supervisions.size()) throw new IllegalArgumentException("event: no supervision " + number);
        List<Supervision> sup = new ArrayList<>(supervisions);
        Supervision old = sup.get(number - 1);
        sup.set(number - 1, new Supervision(old.number(), old.kind(), old.issuer(), old.addressee(), old.issuedOn(),
                old.feedbackDueOn(), givenOn));
        return new CaseActivity(repeatPetitions, followUps, sup, mergedInto, mergedCases);
    }

    CaseActivity withMergedInto(CaseId into) {
        return new CaseActivity(repeatPetitions, followUps, supervisions, into, mergedCases);
    }

    CaseActivity withMergedCase(CaseId merged) {
        return new CaseActivity(repeatPetitions, followUps, supervisions, mergedInto, appended(mergedCases, merged));
    }

    private static <T> List<T> appended(List<T> list, T element) {
        List<T> out = new ArrayList<>(list);
        out.add(element);
        return out;
    }

    /**
     * @param number a supervision's number
     * @return it, if issued
     */
    public Optional<Supervision> supervision(int number) {
        return number >= 1 && number <= supervisions.size() ? Optional.of(supervisions.get(number - 1)) : Optional.empty();
    }

    /**
     * 重复信访: one repeat petition on the case. Immutable.
     *
     * @param receivedOn the day it was received
     * @param channel how it came
     * @param headcount how many people stood behind it
     * @param skippedLevel how far it went past the proper level
     * @param acceptedAgain false when the case was FINAL or TERMINATED (recorded, not accepted again)
     * @since 0.2
     */
    public record RepeatPetition(LocalDate receivedOn, Channel channel, int headcount, CaseActivity.SkippedLevel skippedLevel,
                                 boolean acceptedAgain) {
        /** @throws NullPointerException naming a null argument; IllegalArgumentException if headcount is below 1 */
        public RepeatPetition {
            Objects.requireNonNull(receivedOn, "receivedOn");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(skippedLevel, "skippedLevel");
            if (headcount < 1) throw new IllegalArgumentException("headcount must be at least 1");
        }
    }

    /**
     * 回访: one follow-up visit. Immutable.
     *
     * @param visitedOn the day
     * @param satisfaction the petitioner's rating
     * @since 0.2
     */
    public record FollowUp(LocalDate visitedOn, CaseActivity.Satisfaction satisfaction) {
        /** @throws NullPointerException naming a null argument */
        public FollowUp {
            Objects.requireNonNull(visitedOn, "visitedOn");
            Objects.requireNonNull(satisfaction, "satisfaction");
        }
    }

    /**
     * 督办: one supervision of the case, with its feedback duty. Immutable.
     *
     * @param number its number on the case, from 1
     * @param kind 督办, 提醒函, 问责建议函 or 挂牌督办
     * @param issuer who issued it
     * @param addressee the unit that must give feedback
     * @param issuedOn the day it was issued
     * @param feedbackDueOn the last day for the written feedback
     * @param feedbackOn the day feedback was given, or null
     * @since 0.2
     */
    public record Supervision(int number, CaseActivity.SupervisionKind kind, Actor issuer, UnitId addressee, LocalDate issuedOn,
                              LocalDate feedbackDueOn, LocalDate feedbackOn) {
        /** @throws NullPointerException naming a required argument that is null; IllegalArgumentException if number is below 1 */
        public Supervision {
            if (number < 1) throw new IllegalArgumentException("number must be at least 1");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(addressee, "addressee");
            Objects.requireNonNull(issuedOn, "issuedOn");
            Objects.requireNonNull(feedbackDueOn, "feedbackDueOn");
        }
    }

    /**
     * How far a repeat petition went past the level that should handle it, lowest first (越级/进京). Immutable.
     *
     * @since 0.2
     */
    public enum SkippedLevel {
        /** Petitioned at the proper level. */
        NONE("未越级"),
        /** 越级: petitioned a level above the one that should handle it. */
        SKIPPED_LEVEL("越级"),
        /** 进京: petitioned in Beijing. */
        TO_BEIJING("进京");

        private final String chinese;

        SkippedLevel(String chinese) {
            this.chinese = chinese;
        }

        /** @return the Chinese name */
        public String chinese() {
            return chinese;
        }

        /**
         * @param other another level
         * @return whether this one went at least as far
         */
        public boolean isAtLeast(CaseActivity.SkippedLevel other) {
            return compareTo(other) >= 0;
        }
    }

    /**
     * The petitioner's rating at a follow-up visit (回访). Immutable.
     *
     * @since 0.2
     */
    public enum Satisfaction {
        /** 满意. */
        SATISFIED("满意"),
        /** 基本满意. */
        BASICALLY_SATISFIED("基本满意"),
        /** 不满意. */
        DISSATISFIED("不满意");

        private final String chinese;

        Satisfaction(String chinese) {
            this.chinese = chinese;
        }

        /** @return the Chinese name */
        public String chinese() {
            return chinese;
        }
    }

    /**
     * The kinds of supervision a higher office issues on a case (DESIGN.md section 5). Immutable.
     *
     * @since 0.2
     */
    public enum SupervisionKind {
        /** 督办: supervision of the handling. */
        SUPERVISION("督办"),
        /** 提醒函: a reminder letter. */
        REMINDER("提醒函"),
        /** 问责建议函: a letter proposing accountability. */
        ACCOUNTABILITY_PROPOSAL("问责建议函"),
        /** 挂牌督办: listed supervision, the strongest form. */
        LISTED("挂牌督办");

        private final String chinese;

        SupervisionKind(String chinese) {
            this.chinese = chinese;
        }

        /** @return the Chinese name */
        public String chinese() {
            return chinese;
        }
    }
}
