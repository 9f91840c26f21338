package io.github.xinfang.examples.year;

/**
 * A run of the year demo that cannot start as asked: an unknown option, a bad value, nothing to resume, or a resume
 * with another seed or size than the stored run's. The message says what to do; it never holds personal data.
 *
 * @since 0.6
 */
public final class YearDemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    YearDemoException(String message) {
        super(message);
    }
}
