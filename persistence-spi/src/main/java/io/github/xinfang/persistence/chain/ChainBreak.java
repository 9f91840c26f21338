package io.github.xinfang.persistence.chain;

import java.util.Objects;

/**
 * The first place where a stored history is not what its chain (or a signed checkpoint) says it was. Immutable.
 *
 * @param caseId the case
 * @param sequence the sequence of the first event found broken or missing
 * @param kind what was found
 * @since 0.7
 */
public record ChainBreak(String caseId, long sequence, Kind kind) {

    /** What a verification found at a break. */
    public enum Kind {
        /** The event's link, recomputed from the stored event and the link before it, differs from the stored link:
         *  the event, its key or an earlier link was edited, or events were reordered or inserted. */
        ALTERED,
        /** The event was stored without a link (committed before the chain was kept, and not yet chained). */
        UNCHAINED,
        /** The event is missing: the case's sequence skips it (deleted or renumbered). */
        MISSING,
        /** The link at the head a checkpoint signed differs from the checkpoint: the chain was recomputed after an
         *  edit of that event or an earlier one. */
        REWRITTEN,
        /** The case ends before the head a checkpoint signed: its tail was deleted. */
        TRUNCATED,
        /** A case a checkpoint signed is gone. */
        DELETED
    }

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if sequence is below 1
     */
    public ChainBreak {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        if (sequence < 1) throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
    }
}
