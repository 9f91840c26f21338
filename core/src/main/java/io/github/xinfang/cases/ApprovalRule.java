package io.github.xinfang.cases;

import io.github.xinfang.directory.Unit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    boolean mayApprove(Unit approverUnit, Optional<Resolution.IssuingLevel> highestBatchLevel);

    /**
     * The default rule: an official of a petition office (unit kind {@code petition-office}) may always approve;
     * an official of another unit may approve when the case is in a batch and the unit's level ({@code county},
     * {@code city}, {@code province} or {@code central}) is at least the highest issuing level of the case's
     * batches.
     *
     * @return the default rule
     */
    static ApprovalRule standard() {
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
