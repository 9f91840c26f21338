package io.github.xinfang.persistence;

/**
 * The root of every infrastructure failure xinfang throws: storage, codec and calendar-coverage errors.
 *
 * <p>A business rule saying no is never an exception (the case service returns a rejection); this type
 * and its subclasses signal that the infrastructure could not do what was asked. Causes are kept.
 * Messages carry identifiers and codes only, never personal data.
 *
 * @since 0.1
 */
public abstract class XinfangException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed, with ids only
     */
    protected XinfangException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what failed, with ids only
     * @param cause the underlying failure
     */
    protected XinfangException(String message, Throwable cause) {
        super(message, cause);
    }
}
