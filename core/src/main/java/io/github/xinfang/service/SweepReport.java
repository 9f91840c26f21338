package io.github.xinfang.service;

/**
 * What one {@link DeadlineSweep#sweep} did. Immutable.
 *
 * @param casesClaimed how many cases it claimed and looked at
 * @param warnings warnings (预警) recorded
 * @param breaches breaches (超期) recorded
 * @param lapses lapsed windows recorded
 * @param alreadyRecorded records another sweep (or an earlier run of this one) had already made
 * @param refused records the case refused (it changed between the look and the record; the next sweep retries)
 * @since 0.1
 */
public record SweepReport(int casesClaimed, int warnings, int breaches, int lapses, int alreadyRecorded, int refused) {
    /** @return how many events the sweep appended */
    public int recorded() {
        return warnings + breaches + lapses;
    }
}
