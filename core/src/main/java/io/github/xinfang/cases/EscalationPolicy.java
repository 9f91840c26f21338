package io.github.xinfang.cases;

import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.text.TextRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * 提级包案: the rules that give the rank a backlog case's package leader must hold. A portal builds one from
 * {@link Rule}s; the case service recomputes the requirement whenever an event changes an input and records a
 * rise (never a fall) as an event naming the rules that fired. Immutable and thread-safe if its rules'
 * conditions are.
 *
 * <p>The inputs ({@link Inputs}) are the hard-case flag, the issuing levels of the case's batches, the
 * headcount, the repeat petitions (件次 and 人次), the farthest skipped level (越级/进京) and the days overdue. Days
 * overdue are counted as of each event's {@code recordedAt}; a rule built by {@link Rule#daysOverdueAtLeast} also
 * fires without an event: the case's index row carries the instant its threshold is crossed, and the deadline sweep
 * then asks for the rank to be recomputed ({@link ResolutionCommand.ReassessEscalation}).
 *
 * @since 0.2
 */
public final class EscalationPolicy {
    private final List<Rule> rules;

    private EscalationPolicy(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * @param rules the rules, in the order their names are reported
     * @return the policy
     * @throws NullPointerException if rules or one of them is null
     */
    public static EscalationPolicy of(List<Rule> rules) {
        return new EscalationPolicy(List.copyOf(Objects.requireNonNull(rules, "rules")));
    }

    /**
     * The default rules: a hard case (钉子案) needs 县处级正职; a batch from the province or above needs 厅局级副职;
     * 50 or more petitioners need the county principal leader (县处级正职, principal); so do three or more repeat
     * petitions, and a repeat petition in Beijing (进京).
     *
     * @return the default policy, for the civil-service ladder
     */
    public static EscalationPolicy standard() {
        return of(List.of(
                Rule.hardCase("hard-case", new RankLadder.RequiredRank("县处级正职", false)),
                Rule.batchFrom("province-batch", Resolution.IssuingLevel.PROVINCE, new RankLadder.RequiredRank("厅局级副职", false)),
                Rule.headcountAtLeast("headcount-50", 50, new RankLadder.RequiredRank("县处级正职", true)),
                Rule.repeatPetitionsAtLeast("repeat-3", 3, new RankLadder.RequiredRank("县处级正职", true)),
                Rule.skippedLevelAtLeast("beijing", CaseActivity.SkippedLevel.TO_BEIJING, new RankLadder.RequiredRank("县处级正职", true))));
    }

    /** @return the rules */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * @param inputs the case's facts
     * @return the rules that fire for them, in order
     */
    public List<Rule> firing(Inputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) if (r.condition().test(inputs)) out.add(r);
        return out;
    }

    /**
     * The facts of a case the rules read. Immutable.
     *
     * @param hardCase whether the case is flagged a hard case (钉子案/骨头案)
     * @param batchLevels the issuing levels of the batches the case is in
     * @param headcount the most people behind the petition or one of its repeat petitions
     * @param repeatPetitions how many repeat petitions were recorded on the case (件次)
     * @param repeatPersons how many people stood behind them together (人次)
     * @param skippedLevel the farthest a repeat petition went past the proper level
     * @param daysOverdue the most days one of the case's duty clocks or duties is overdue, 0 if none is
     * @since 0.2
     */
    public record Inputs(boolean hardCase, Set<Resolution.IssuingLevel> batchLevels, int headcount, int repeatPetitions, long repeatPersons,
                         CaseActivity.SkippedLevel skippedLevel, long daysOverdue) {
        /**
         * @throws NullPointerException if batchLevels or skippedLevel is null
         * @throws IllegalArgumentException if a count is negative
         */
        public Inputs {
            batchLevels = Set.copyOf(Objects.requireNonNull(batchLevels, "batchLevels"));
            Objects.requireNonNull(skippedLevel, "skippedLevel");
            if (headcount < 0) throw new IllegalArgumentException("headcount must not be negative");
            if (repeatPetitions < 0) throw new IllegalArgumentException("repeatPetitions must not be negative");
            if (repeatPersons < 0) throw new IllegalArgumentException("repeatPersons must not be negative");
            if (daysOverdue < 0) throw new IllegalArgumentException("daysOverdue must not be negative");
        }
    }

    /**
     * One rule: a name, a condition on the inputs and the requirement it sets when it fires. Immutable.
     *
     * @param name the rule's name, reported in the event that records a rise
     * @param condition when it fires
     * @param requires what it requires then
     * @since 0.2
     */
    public record Rule(String name, Predicate<Inputs> condition, RankLadder.RequiredRank requires) {
        /** @throws NullPointerException naming a null argument */
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(requires, "requires");
        }

        /**
         * @param name the rule's name
         * @param requires the requirement
         * @return a rule firing for a case flagged hard
         */
        public static Rule hardCase(String name, RankLadder.RequiredRank requires) {
            return new Rule(name, Inputs::hardCase, requires);
        }

        /**
         * @param name the rule's name
         * @param level the lowest issuing level that fires it
         * @param requires the requirement
         * @return a rule firing for a case in a batch issued at that level or above
         */
        public static Rule batchFrom(String name, Resolution.IssuingLevel level, RankLadder.RequiredRank requires) {
            Objects.requireNonNull(level, "level");
            return new Rule(name, in -> in.batchLevels().stream().anyMatch(l -> l.isAtLeast(level)), requires);
        }

        /**
         * @param name the rule's name
         * @param headcount the least headcount that fires it
         * @param requires the requirement
         * @return a rule firing for a petition with at least that many people behind it
         */
        public static Rule headcountAtLeast(String name, int headcount, RankLadder.RequiredRank requires) {
            return new Rule(name, in -> in.headcount() >= headcount, requires);
        }

        /**
         * @param name the rule's name
         * @param count the least number of repeat petitions (件次) that fires it
         * @param requires the requirement
         * @return a rule firing for a case with at least that many repeat petitions
         * @since 0.2
         */
        public static Rule repeatPetitionsAtLeast(String name, int count, RankLadder.RequiredRank requires) {
            return new Rule(name, in -> in.repeatPetitions() >= count, requires);
        }

        /**
         * @param name the rule's name
         * @param persons the least number of persons (人次) behind the repeat petitions together that fires it
         * @param requires the requirement
         * @return a rule firing for a case whose repeat petitions brought at least that many persons
         * @since 0.2
         */
        public static Rule repeatPersonsAtLeast(String name, long persons, RankLadder.RequiredRank requires) {
            return new Rule(name, in -> in.repeatPersons() >= persons, requires);
        }

        /**
         * @param name the rule's name
         * @param level the least skipped level that fires it (越级 or 进京)
         * @param requires the requirement
         * @return a rule firing for a case with a repeat petition that went at least that far
         * @since 0.2
         */
        public static Rule skippedLevelAtLeast(String name, CaseActivity.SkippedLevel level, RankLadder.RequiredRank requires) {
            Objects.requireNonNull(level, "level");
            if (level == CaseActivity.SkippedLevel.NONE) throw new IllegalArgumentException("level must be SKIPPED_LEVEL or TO_BEIJING");
            return new Rule(name, in -> in.skippedLevel().isAtLeast(level), requires);
        }

        /**
         * @param name the rule's name
         * @param days the least days overdue that fires it
         * @param requires the requirement
         * @return a rule firing for a case with a duty clock or duty at least that many days overdue
         * @since 0.2
         */
        public static Rule daysOverdueAtLeast(String name, long days, RankLadder.RequiredRank requires) {
            if (days < 1) throw new IllegalArgumentException("days must be at least 1");
            return new Rule(name, new OverdueAtLeast(days), requires);
        }

        /**
         * @return the days overdue at which this rule fires, when it was built by {@link #daysOverdueAtLeast}: the case
         *     service then knows the instant it starts to fire without an event, and the deadline sweep asks for the
         *     required rank to be recomputed at that instant
         * @since 0.2
         */
        public java.util.OptionalLong overdueThreshold() {
            return condition instanceof OverdueAtLeast o ? java.util.OptionalLong.of(o.days()) : java.util.OptionalLong.empty();
        }

        /** The condition of {@link #daysOverdueAtLeast}, recognisable so its threshold can be read back. */
        private record OverdueAtLeast(long days) implements Predicate<Inputs> {
            @Override
            public boolean test(Inputs in) {
                return in.daysOverdue() >= days;
            }
        }
    }

    /**
     * The portal's ladder of ranks, lowest first; officials' ranks (from the organisation directory) are names
     * on it. The default is the civil-service ladder 乡科级副职 &lt; 乡科级正职 &lt; 县处级副职 &lt; 县处级正职 &lt;
     * 厅局级副职 &lt; 厅局级正职 &lt; 省部级. Immutable and thread-safe.
     *
     * @since 0.2
     */
    public static final class RankLadder {
        private static final RankLadder CIVIL_SERVICE = of(List.of("乡科级副职", "乡科级正职", "县处级副职", "县处级正职",
                "厅局级副职", "厅局级正职", "省部级"));

        private final List<String> ranks;

        private RankLadder(List<String> ranks) {
            this.ranks = ranks;
        }

        /**
         * @param ranks the rank names, lowest first
         * @return the ladder
         * @throws NullPointerException if ranks or one of them is null
         * @throws IllegalArgumentException if ranks is empty, or a name is blank or repeated
         */
        public static RankLadder of(List<String> ranks) {
            List<String> copy = List.copyOf(Objects.requireNonNull(ranks, "ranks"));
            if (copy.isEmpty()) throw new IllegalArgumentException("ranks must not be empty");
            if (new HashSet<>(copy).size() != copy.size()) throw new IllegalArgumentException("ranks must not repeat a name");
            for (String r : copy) TextRule.LINE.require(r, "ranks", 200);
            return new RankLadder(copy);
        }

        /** @return the civil-service ladder */
        public static RankLadder civilService() {
            return CIVIL_SERVICE;
        }

        /** @return the rank names, lowest first */
        public List<String> ranks() {
            return ranks;
        }

        /**
         * @param rank a rank name
         * @return whether it is on the ladder
         */
        public boolean knows(String rank) {
            return ranks.contains(rank);
        }

        /**
         * @param rank a rank name
         * @return its position (0 is the lowest), or empty if it is not on the ladder
         */
        public Optional<Integer> position(String rank) {
            int i = ranks.indexOf(rank);
            return i < 0 ? Optional.empty() : Optional.of(i);
        }

        /**
         * Whether an official of the given rank and principal flag meets a requirement.
         *
         * @param rank the official's rank, on the ladder
         * @param principal whether the official is a principal leader
         * @param required the requirement, or null for none
         * @return whether the official meets it
         * @throws IllegalArgumentException if a rank is not on the ladder
         */
        public boolean meets(String rank, boolean principal, RankLadder.RequiredRank required) {
            if (required == null) return true;
            return index(rank) >= index(required.rank()) && (principal || !required.principal());
        }

        /**
         * The least requirement that implies both (the higher rank; principal if either requires it).
         *
         * @param a a requirement, or null for none
         * @param b a requirement, or null for none
         * @return their join, or null if both are null
         * @throws IllegalArgumentException if a rank is not on the ladder
         */
        public RankLadder.RequiredRank join(RankLadder.RequiredRank a, RankLadder.RequiredRank b) {
            if (a == null) return b;
            if (b == null) return a;
            String rank = index(a.rank()) >= index(b.rank()) ? a.rank() : b.rank();
            return new RankLadder.RequiredRank(rank, a.principal() || b.principal());
        }

        private int index(String rank) {
            int i = ranks.indexOf(rank);
            if (i < 0) throw new IllegalArgumentException("rank is not on the ladder");
            return i;
        }

        @Override
        public String toString() {
            return "RankLadder" + ranks;
        }

        /**
         * The least rank a package leader must hold (a name on the portal's {@link RankLadder}) and whether the
         * leader must be a principal leader (主要领导, 党政一把手). "County principal" is
         * {@code new RankLadder.RequiredRank("县处级正职", true)}. Immutable.
         *
         * @param rank a rank name of the ladder
         * @param principal whether a principal leader is required
         * @since 0.2
         */
        public record RequiredRank(String rank, boolean principal) {
            /**
             * @throws NullPointerException if rank is null
             * @throws IllegalArgumentException if rank breaks {@link io.github.xinfang.text.TextRule#LINE} (at most 200)
             */
            public RequiredRank {
                TextRule.LINE.require(rank, "rank", 200);
            }
        }

        /**
         * Who may approve a resolution (审核销号): "an approver of the batch's issuing level or the office" (DESIGN.md
         * section 5). A portal supplies its own rule when its directory names units' kinds and levels differently.
         * Implementations are immutable and thread-safe.
         *
         * @since 0.2
         */
        @FunctionalInterface
        public interface ApprovalRule {

            /**
             * @param approverUnit the unit of the official approving
             * @param highestBatchLevel the highest issuing level among the case's batches, empty when it is in none
             * @return whether an official of that unit may approve
             */
            boolean mayApprove(OrganisationDirectory.Unit approverUnit, Optional<Resolution.IssuingLevel> highestBatchLevel);

            /**
             * The default rule: an official of a petition office (unit kind {@code petition-office}) may always approve;
             * an official of another unit may approve when the case is in a batch and the unit's level ({@code county},
             * {@code city}, {@code province} or {@code central}) is at least the highest issuing level of the case's
             * batches.
             *
             * @return the default rule
             */
            static RankLadder.ApprovalRule standard() {
                Map<String, Resolution.IssuingLevel> levels = Map.of("county", Resolution.IssuingLevel.COUNTY, "city", Resolution.IssuingLevel.CITY,
                        "province", Resolution.IssuingLevel.PROVINCE, "central", Resolution.IssuingLevel.CENTRAL);
                return (unit, highest) -> {
                    Objects.requireNonNull(unit, "approverUnit");
                    if (unit.kind().equals("petition-office")) return true;
                    Resolution.IssuingLevel level = levels.get(unit.level());
                    return level != null && highest.isPresent() && level.isAtLeast(highest.get());
                };
            }
        }
    }
}
