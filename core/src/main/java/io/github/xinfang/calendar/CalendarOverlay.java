package io.github.xinfang.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Days a region sets apart from the national calendar, such as Guangxi's 壮族三月三 (two days off from the
 * 3rd day of the 3rd lunar month).
 *
 * <p>An overlay applies to the region codes that start with its prefix (all regions when it has none). A
 * {@link WorkCalendar.Builder} applies overlays after all notices, in the order given, so an overlay wins
 * over the notices for the dates it names, and a later overlay over an earlier one. An overlay never
 * extends a calendar's coverage: dates outside it are ignored.
 *
 * <p>The overlays shipped with xinfang are in the resource {@code io/github/xinfang/calendar/cn-regional.txt}
 * (format described in its header); entries there marked unverified were derived from the rule, not from
 * the region's yearly notice.
 *
 * <p>Immutable; thread-safe.
 *
 * @since 0.1
 */
public final class CalendarOverlay {
    /** Classpath name of the shipped regional overlays. */
    static final String REGIONAL_RESOURCE = "cn-regional.txt";

    private final String name;
    private final String regionPrefix;
    private final Map<LocalDate, Boolean> offDays;

    private CalendarOverlay(String name, String regionPrefix, Map<LocalDate, Boolean> offDays) {
        this.name = name;
        this.regionPrefix = regionPrefix;
        this.offDays = Collections.unmodifiableMap(new TreeMap<>(offDays));
    }

    /**
     * The shipped overlays that apply to a region.
     *
     * @param regionCode a six-digit administrative division code (GB/T 2260), such as {@code 450802}
     * @return the overlays whose prefix the code starts with, possibly none
     * @throws IllegalArgumentException when the code is not six digits
     */
    public static List<CalendarOverlay> forRegion(String regionCode) {
        requireRegionCode(regionCode);
        List<CalendarOverlay> result = new ArrayList<>();
        for (CalendarOverlay overlay : shipped()) {
            if (overlay.appliesTo(regionCode)) {
                result.add(overlay);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Every overlay shipped with xinfang.
     *
     * @return the shipped overlays, in file order
     */
    public static List<CalendarOverlay> shipped() {
        InputStream in = CalendarOverlay.class.getResourceAsStream(REGIONAL_RESOURCE);
        if (in == null) {
            throw new CalendarSource.CalendarDataException(REGIONAL_RESOURCE, "input", "resource missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return text(reader, REGIONAL_RESOURCE);
        } catch (IOException e) {
            throw new CalendarSource.CalendarDataException(REGIONAL_RESOURCE, "input", "could not close: " + e.getMessage(), e);
        }
    }

    /**
     * Reads overlay blocks in xinfang's text format ({@code overlay PREFIX title}, then {@code off} and
     * {@code work} lines with full dates).
     *
     * @param reader the text; read to its end, not closed
     * @param sourceName a name for messages
     * @return the overlays, in text order
     * @throws CalendarSource.CalendarDataException naming the source and line when the text is malformed or holds a notice
     */
    public static List<CalendarOverlay> text(Reader reader, String sourceName) {
        CalendarText.Parsed parsed = CalendarText.parse(reader, sourceName);
        if (!parsed.notices().isEmpty()) {
            throw new CalendarSource.CalendarDataException(sourceName, "notice " + parsed.notices().get(0).year(),
                    "an overlay source holds no notices; read them with CalendarSource.text");
        }
        List<CalendarOverlay> result = new ArrayList<>();
        for (OverlayBlock block : parsed.overlays()) {
            result.add(new CalendarOverlay(block.title(), block.regionPrefix(), block.offDays()));
        }
        return List.copyOf(result);
    }

    /**
     * An overlay for all regions, made in code.
     *
     * @param name a name for messages
     * @param offDays dates that become days off
     * @param workingDays dates that become working days
     * @return the overlay
     * @throws IllegalArgumentException when a date is in both collections
     */
    public static CalendarOverlay of(String name, Collection<LocalDate> offDays, Collection<LocalDate> workingDays) {
        Objects.requireNonNull(name, "name");
        Map<LocalDate, Boolean> days = new TreeMap<>();
        for (LocalDate d : Objects.requireNonNull(offDays, "offDays")) {
            days.put(Objects.requireNonNull(d, "offDays element"), true);
        }
        for (LocalDate d : Objects.requireNonNull(workingDays, "workingDays")) {
            if (days.put(Objects.requireNonNull(d, "workingDays element"), false) != null) {
                throw new IllegalArgumentException("workingDays: " + d + " is also in offDays");
            }
        }
        return new CalendarOverlay(name, "", days);
    }

    /**
     * Whether this overlay applies to a region.
     *
     * @param regionCode a six-digit region code
     * @return true when the code starts with this overlay's prefix
     * @throws IllegalArgumentException when the code is not six digits
     */
    public boolean appliesTo(String regionCode) {
        requireRegionCode(regionCode);
        return regionCode.startsWith(regionPrefix);
    }

    /**
     * The overlay's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The leading digits of the region codes this overlay applies to.
     *
     * @return the prefix, empty for an overlay that applies everywhere
     */
    public String regionPrefix() {
        return regionPrefix;
    }

    /**
     * The dates this overlay makes days off.
     *
     * @return the dates, ascending
     */
    public SortedSet<LocalDate> offDays() {
        return select(true);
    }

    /**
     * The dates this overlay makes working days.
     *
     * @return the dates, ascending
     */
    public SortedSet<LocalDate> workingDays() {
        return select(false);
    }

    /** Every date this overlay names, {@code true} for off. */
    Map<LocalDate, Boolean> days() {
        return offDays;
    }

    private SortedSet<LocalDate> select(boolean off) {
        TreeSet<LocalDate> result = new TreeSet<>();
        offDays.forEach((d, o) -> {
            if (o == off) {
                result.add(d);
            }
        });
        return Collections.unmodifiableSortedSet(result);
    }

    private static void requireRegionCode(String regionCode) {
        Objects.requireNonNull(regionCode, "regionCode");
        if (!regionCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("regionCode must be six digits");
        }
    }

    @Override
    public String toString() {
        return "CalendarOverlay[" + name + ", region " + (regionPrefix.isEmpty() ? "*" : regionPrefix) + "]";
    }
}
