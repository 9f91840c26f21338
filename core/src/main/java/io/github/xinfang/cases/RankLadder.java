package io.github.xinfang.cases;

import io.github.xinfang.directory.OrganisationDirectory;
import java.util.Map;

import io.github.xinfang.text.TextRule;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The portal's ladder of ranks, lowest first; officials' ranks (from the organisation directory) are names
 * on it. The default is the civil-service ladder 乡科级副职 &lt; 乡科级正职 &lt; 县处级副职 &lt; 县处级正职 &lt;
 * 厅局级副职 &lt; 厅局级正职 &lt; 省部级. Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class RankLadder {
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
