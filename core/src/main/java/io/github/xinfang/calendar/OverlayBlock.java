package io.github.xinfang.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One parsed regional overlay block.
 *
 * <p>Immutable; thread-safe.
 *
 * @param regionPrefix the leading digits of the region codes it applies to
 * @param title the block's title
 * @param offDays the dates it changes, {@code true} for off, {@code false} for working
 * @since 0.1
 */
record OverlayBlock(String regionPrefix, String title, Map<LocalDate, Boolean> offDays) {
    /**
     * Validates and copies.
     *
     * @param regionPrefix the region prefix
     * @param title the title
     * @param offDays the dates
     */
    public OverlayBlock {
        Objects.requireNonNull(regionPrefix, "regionPrefix");
        Objects.requireNonNull(title, "title");
        offDays = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(offDays, "offDays")));
    }
}
