package io.github.xinfang.persistence.chain;

import io.github.xinfang.persistence.XinfangException;

/**
 * A checkpoint could not be signed, written, read or authenticated: a cryptographic provider failed, the archive's
 * files could not be read or written, a checkpoint's text is malformed, or its signature does not verify (then the
 * checkpoint itself was altered or signed with another key, and proves nothing).
 *
 * @since 0.7
 */
public class CheckpointException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed
     */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * Creates the failure with its cause.
     *
     * @param message what failed
     * @param cause the provider's or the file system's exception
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
