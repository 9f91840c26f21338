package io.github.xinfang.persistence.chain;

import java.util.Objects;

/**
 * An {@link AuditEntry} as the audit trail keeps it: numbered within its case and chained to the case's previous
 * record (see {@link EventChain#auditLink}). Immutable.
 *
 * @param entry the access recorded
 * @param sequence its number within the case's audit trail, from 1, without gaps
 * @param previous the link of the case's previous record, or null for the first
 * @param link this record's link
 * @since 0.7
 */
public record AuditRecord(AuditEntry entry, long sequence, String previous, String link) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if entry or link is null, or previous is null after the first record
     * @throws IllegalArgumentException if sequence is below 1, a link is blank, or previous is given for the first record
     */
    public AuditRecord {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(link, "link");
        if (sequence < 1) throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        if (sequence == 1 && previous != null) throw new IllegalArgumentException("previous must be null for the first record");
        if (sequence > 1) Objects.requireNonNull(previous, "previous");
        if (link.isBlank() || previous != null && previous.isBlank()) throw new IllegalArgumentException("links must not be blank");
    }
}
