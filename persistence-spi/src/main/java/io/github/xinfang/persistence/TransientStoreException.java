package io.github.xinfang.persistence;

/**
 * A store failure after which the same work, tried again in a new transaction, may succeed: a deadlock, a
 * serialisation failure, a lock wait that timed out. A store that runs its own transactions retries these itself and
 * throws this only when its attempts are used up; a store taking part in the caller's transaction never retries
 * inside it: it undoes its own statements (the caller's earlier work in the transaction stays) and throws this, so
 * that the caller's transaction manager decides whether to retry the whole transaction.
 *
 * @since 0.3
 */
public class TransientStoreException extends StoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a transient failure.
     *
     * @param message what failed, with ids only
     * @param cause the driver's exception
     */
    public TransientStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
