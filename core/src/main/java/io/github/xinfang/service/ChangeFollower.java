package io.github.xinfang.service;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows the store's change feed from a saved position, in batches, handing each change to a handler in
 * commit order: how a portal keeps projections, notifications and search indexes up to date across crashes.
 *
 * <p>It has no thread of its own: the portal's scheduler calls {@link #pollOnce()}, which reads at most one
 * batch after the current position, calls the handler for each change in order, advances the position after
 * each change the handler returned from normally, and returns the new position. Persist that position (best
 * in the same transaction as the handler's effects) and start the next follower, after a restart, from it
 * with {@link #after}: no change is lost or repeated. If the handler throws, the position stays at the last
 * change handled, the exception propagates, and the next poll hands the failed change again. If the portal
 * persists the position separately from the handler's effects, a crash between the two repeats at most the
 * changes after the persisted position: make the handler idempotent by {@link CaseChange#position()}.
 *
 * <p>The follower checks the feed's promise (rules F1 and F3 of {@link io.github.xinfang.persistence.ChangeFeed}):
 * a change whose position does not follow the last one handled is not handed on but reported as an
 * {@link io.github.xinfang.persistence.StoreException}.
 *
 * <p>Thread-safe: {@code pollOnce} is serialised, so overlapping scheduler ticks never hand a change twice.
 *
 * @since 0.1
 */
public final class ChangeFollower {
    private final CaseService service;
    private final int batchSize;
    private final Consumer<? super CaseChange> handler;
    private long position;

    private ChangeFollower(CaseService service, long position, int batchSize, Consumer<? super CaseChange> handler) {
        this.service = service;
        this.position = position;
        this.batchSize = batchSize;
        this.handler = handler;
    }

    /**
     * Creates a follower.
     *
     * @param service the case service over the store whose feed is followed
     * @param position the position of the last change already processed (0 to start from the beginning)
     * @param batchSize the most changes one {@link #pollOnce()} handles, at least 1
     * @param handler called once per change, in commit order, on the thread calling {@code pollOnce}
     * @return the follower
     * @throws UnsupportedOperationException if the service's store does not implement
     *     {@link io.github.xinfang.persistence.ChangeFeed}
     * @throws IllegalArgumentException if position is negative or batchSize below 1
     */
    public static ChangeFollower after(CaseService service, long position, int batchSize, Consumer<? super CaseChange> handler) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(handler, "handler");
        if (position < 0) throw new IllegalArgumentException("position must not be negative");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        if (!service.hasChangeFeed()) {
            throw new UnsupportedOperationException("the case service's store does not implement ChangeFeed");
        }
        return new ChangeFollower(service, position, batchSize, handler);
    }

    /**
     * Handles the next batch of changes, if any.
     *
     * @return the position of the last change handled so far (unchanged when nothing new was there): the
     *     value to persist
     * @throws RuntimeException whatever the handler throws, after the position of the changes handled before it
     * @throws io.github.xinfang.cases.CodecException if a stored event does not decode (the position stays)
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure (the position stays)
     * @throws io.github.xinfang.persistence.StoreException if the store's feed skips a position (the position stays)
     */
    public synchronized long pollOnce() {
        List<CaseChange> batch = service.changesAfter(position, batchSize);
        for (CaseChange change : batch) {
            if (change.position() != position + 1) {
                // F1/F3 promise gap-free ascending positions; handing on after a gap would lose changes silently.
                throw new io.github.xinfang.persistence.StoreException("change feed jumped from position " + position + " to "
                        + change.position());
            }
            handler.accept(change);
            position = change.position();
        }
        return position;
    }

    /** @return the position of the last change handled (or the starting position) */
    public synchronized long position() {
        return position;
    }
}
