package io.github.xinfang.time;

import io.github.xinfang.persistence.XinfangException;

/**
 * A profile resource or file could not be read: malformed JSON, an unknown clock or unit, a missing
 * window. Names the source and the place; never a raw parser exception.
 *
 * @since 0.1
 */
public final class ProfileDataException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source the resource or file name
     * @param problem what is wrong and where
     * @param cause the underlying failure, or null
     */
    public ProfileDataException(String source, String problem, Throwable cause) {
        super("profile data " + source + ": " + problem, cause);
    }
}
