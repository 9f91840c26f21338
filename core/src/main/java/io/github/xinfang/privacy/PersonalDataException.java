package io.github.xinfang.privacy;

import io.github.xinfang.persistence.XinfangException;

/**
 * Personal data could not be encrypted or decrypted for a reason outside the stored record: the key provider failed
 * or refused a key (a new value for a person whose key was destroyed), or the cipher is not available on this
 * platform. Names the key, never the data. (A stored value that does not authenticate is a
 * {@link io.github.xinfang.cases.CodecException}: the record was altered.)
 *
 * @since 0.9
 */
public final class PersonalDataException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming keys by {@link DataKey#toString()} only
     * @param cause the underlying failure, or null
     */
    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
