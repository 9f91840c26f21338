package io.github.xinfang.service;

import io.github.xinfang.persistence.XinfangException;

import java.util.Objects;

/**
 * A {@link Handover} stopped by an infrastructure failure: the cases it moved before the failure stay moved (each
 * was one complete commit), and running the same operation again finishes it. Carries what was done so far, and
 * the failure as its cause.
 *
 * @since 0.2
 */
public final class HandoverInterruptedException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /** Not serialised: the report is for the caller that caught this exception. */
    private final transient HandoverReport partial;

    HandoverInterruptedException(HandoverReport partial, XinfangException cause) {
        super("handover " + partial.operationId() + " interrupted after " + partial.moved().size() + " moved and "
                + partial.notMoved().size() + " not moved; run it again to finish", Objects.requireNonNull(cause, "cause"));
        this.partial = partial;
    }

    /** @return what the run did before it was interrupted (null after deserialisation) */
    public HandoverReport partialReport() {
        return partial;
    }
}
