package io.github.xinfang.persistence;

/**
 * A storage adapter could not carry out an operation (connection lost, constraint the SPI does not name,
 * corrupt row). Adapters wrap their driver's exceptions in this type, keeping the cause.
 *
 * @since 0.1
 */
public class StoreException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a store failure.
     *
     * @param message what failed, with ids only
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates a store failure with its cause.
     *
     * @param message what failed, with ids only
     * @param cause the driver's exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
