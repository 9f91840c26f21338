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
 * @param escalations required ranks raised because a days-overdue escalation rule started to fire (since 0.2)
 * @since 0.1
 */
public record SweepReport(int casesClaimed, int warnings, int breaches, int lapses, int alreadyRecorded, int refused,
                          int escalations) {
    /** @return how many commands of the sweep appended events */
    public int recorded() {
        return warnings + breaches + lapses + escalations;
    }
}
