package io.github.xinfang.calendar;

import io.github.xinfang.persistence.XinfangException;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of holiday notices, one per year at most, read from one place: the notices shipped with xinfang,
 * a text file in xinfang's own format, or a file in the public holiday-cn JSON format.
 *
 * <p>A {@link WorkCalendar.Builder} combines sources in order: a later source's notice for a year replaces
 * an earlier source's notice for that year entirely (its off days, its make-up working days, and the
 * dates it leaves to Saturday/Sunday rules). A notice for a year covers that year, and any date it names in
 * the previous December; among notices, a later year's decides the dates it names in the previous
 * December.
 *
 * <p>Reading never touches the file system or the network: callers open the {@link Reader} or
 * {@link InputStream} and close it. Bad input throws {@link CalendarSource.CalendarDataException} naming the source and the
 * line or field.
 *
 * <p>Immutable; thread-safe.
 *
 * @since 0.1
 */
public final class CalendarSource {
    /** Classpath name of the shipped national notices. */
    static final String NATIONAL_RESOURCE = "cn-national.txt";

    private final String name;
    private final List<Notice> notices;

    private CalendarSource(String name, List<Notice> notices) {
        this.name = name;
        List<Notice> sorted = new ArrayList<>(notices);
        sorted.sort((a, b) -> Integer.compare(a.year(), b.year()));
        this.notices = Collections.unmodifiableList(sorted);
    }

    /**
     * The State Council notices shipped with xinfang, 2007 to 2026 (the resource
     * {@code io/github/xinfang/calendar/cn-national.txt}).
     *
     * @return the national notices
     */
    public static CalendarSource national() {
        InputStream in = CalendarSource.class.getResourceAsStream(NATIONAL_RESOURCE);
        if (in == null) {
            throw new CalendarSource.CalendarDataException(NATIONAL_RESOURCE, "input", "resource missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return text(reader, NATIONAL_RESOURCE);
        } catch (java.io.IOException e) {
            throw new CalendarSource.CalendarDataException(NATIONAL_RESOURCE, "input", "could not close: " + e.getMessage(), e);
        }
    }

    /**
     * Reads notices in xinfang's text format (the format of the shipped {@code cn-national.txt}, described in
     * that file's header).
     *
     * @param reader the text; read to its end, not closed
     * @param sourceName a name for messages, such as the file's name
     * @return the notices in the text
     * @throws CalendarDataException naming the source and line when the text is malformed, or holds an
     *     overlay block
     */
    public static CalendarSource text(Reader reader, String sourceName) {
        CalendarText.Parsed parsed = CalendarText.parse(reader, sourceName);
        if (!parsed.overlays().isEmpty()) {
            throw new CalendarSource.CalendarDataException(sourceName, "overlay " + parsed.overlays().get(0).regionPrefix(),
                    "a notice source holds no overlay blocks; read them with CalendarOverlay.text");
        }
        return new CalendarSource(sourceName, parsed.notices());
    }

    /**
     * Reads one file in the public holiday-cn JSON format: {@code {"year": 2026, "papers": [...],
     * "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}, ...]}}. A listed date follows
     * {@code isOffDay}, an unlisted date Saturday/Sunday rules; a file with no days means the notice is not
     * out yet, and the source covers nothing.
     *
     * @param reader the JSON text; read to its end, not closed
     * @param sourceName a name for messages, such as the file's name
     * @return the notice in the file, or an empty source
     * @throws CalendarDataException naming the source and the line or field when the input is malformed
     */
    public static CalendarSource holidayCn(Reader reader, String sourceName) {
        return new CalendarSource(sourceName, HolidayCnJson.parse(reader, sourceName).map(List::of).orElse(List.of()));
    }

    /**
     * Reads one holiday-cn file from UTF-8 bytes; see {@link #holidayCn(Reader, String)}.
     *
     * @param in the JSON bytes, UTF-8; read to its end, not closed
     * @param sourceName a name for messages
     * @return the notice in the file, or an empty source
     * @throws CalendarDataException naming the source and the line or field when the input is malformed
     */
    public static CalendarSource holidayCn(InputStream in, String sourceName) {
        return holidayCn(new InputStreamReader(Objects.requireNonNull(in, "in"), StandardCharsets.UTF_8), sourceName);
    }

    /**
     * The name given to this source.
     *
     * @return the source's name
     */
    public String name() {
        return name;
    }

    /**
     * The notice years this source holds.
     *
     * @return the years, ascending; empty when the source covers nothing
     */
    public SortedSet<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        notices.forEach(n -> years.add(n.year()));
        return Collections.unmodifiableSortedSet(years);
    }

    /** The notices, ascending by year. */
    List<Notice> notices() {
        return notices;
    }

    @Override
    public String toString() {
        return "CalendarSource[" + name + ", years " + years() + "]";
    }

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
    public static final class CalendarDataException extends XinfangException {
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
        CalendarDataException(String source, String location, String problem) {
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
        CalendarDataException(String source, String location, String problem, Throwable cause) {
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
}
