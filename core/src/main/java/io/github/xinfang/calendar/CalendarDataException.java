package io.github.xinfang.calendar;

import io.github.xinfang.persistence.XinfangException;
import java.util.Objects;

/**
 * Calendar data could not be read: a malformed holiday-cn file, a bad line in a text source, or notices
 * that do not form one calendar (a year missing between two loaded years).
 *
 * <p>The message names the source (the name the caller gave it) and where in it the problem is: a line,
 * or a field path such as {@code $.days[3].date}. A parser's own exception, if any, is kept as the cause.
 * Immutable, like every exception once thrown.
 *
 * @since 0.1
 */
public final class CalendarDataException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /** The source's name. */
    private final String source;
    /** Where in the source: a line, a field path or "input". */
    private final String location;

    /**
     * Creates a data failure.
     *
     * @param source the source's name as the caller gave it
     * @param location where in the source: {@code line 12}, {@code $.days[3].date}, ...
     * @param problem what is wrong
     */
    public CalendarDataException(String source, String location, String problem) {
        super(message(source, location, problem));
        this.source = source;
        this.location = location;
    }

    /**
     * Creates a data failure with its cause.
     *
     * @param source the source's name as the caller gave it
     * @param location where in the source
     * @param problem what is wrong
     * @param cause the parser's exception
     */
    public CalendarDataException(String source, String location, String problem, Throwable cause) {
        super(message(source, location, problem), cause);
        this.source = source;
        this.location = location;
    }

    /**
     * The source's name.
     *
     * @return the name the caller gave the source
     */
    public String source() {
        return source;
    }

    /**
     * Where in the source the problem is.
     *
     * @return a line ({@code line 12}), a field path ({@code $.days[3].date}) or {@code input}
     */
    public String location() {
        return location;
    }

    private static String message(String source, String location, String problem) {
        return "calendar source '" + Objects.requireNonNull(source, "source") + "', "
                + Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem");
    }
}
