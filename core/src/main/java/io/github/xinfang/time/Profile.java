package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.text.TextRule;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.petition.Category;
import java.util.EnumSet;
import java.util.Set;

/**
 * A named set of clocks (时限方案): the national 2022 profile, a regional variant, simplified handling, a local
 * fast track. Profiles are data: see {@link ProfileCatalogue} for the shipped ones and the JSON format.
 * Immutable.
 *
 * @param id the profile's id, e.g. {@code national-2022}
 * @param name a human-readable name
 * @param terminationProvided whether the profile's region provides for termination (终结)
 * @param maxExtensionDays the longest extension of the handling limit, in days
 * @param clocks the clocks, at most one per {@link ClockId}; the three windows are always present
 * @since 0.1
 */
public record Profile(String id, String name, boolean terminationProvided, int maxExtensionDays, List<ClockRule> clocks) {
    /** The longest profile id (a case records it). */
    public static final int MAX_ID_LENGTH = 64;
    /** The longest profile name. */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if id breaks {@link TextRule#ID} (at most {@value #MAX_ID_LENGTH}) or name breaks
     *     {@link TextRule#LINE} (at most {@value #MAX_NAME_LENGTH}), on a negative extension, a repeated clock, or a
     *     missing window
     */
    public Profile {
        TextRule.ID.require(id, "id", MAX_ID_LENGTH);
        TextRule.LINE.require(name, "name", MAX_NAME_LENGTH);
        Objects.requireNonNull(clocks, "clocks");
        if (maxExtensionDays < 0) throw new IllegalArgumentException("maxExtensionDays must not be negative");
        clocks = List.copyOf(clocks);
        Map<ClockId, ClockRule> seen = new EnumMap<>(ClockId.class);
        for (ClockRule r : clocks) {
            if (seen.put(r.clock(), r) != null) throw new IllegalArgumentException("clocks: " + r.clock() + " appears twice");
        }
        for (ClockId window : List.of(ClockId.OBJECTION, ClockId.REVIEW_REQUEST, ClockId.RE_REVIEW_REQUEST)) {
            if (!seen.containsKey(window)) throw new IllegalArgumentException("clocks: the window " + window + " is required");
        }
    }

    /**
     * @param clock a clock
     * @return its rule in this profile, if the profile has it
     */
    public Optional<ClockRule> rule(ClockId clock) {
        for (ClockRule r : clocks) if (r.clock() == clock) return Optional.of(r);
        return Optional.empty();
    }

    /**
     * One clock of a profile: its limit, its warning window, and the categories it applies to. Immutable.
     *
     * @param clock which clock
     * @param limit the time limit, at least 1 day long
     * @param warnDays how many calendar days before the due instant the clock is "due soon" (0: no warning); less than
     *     the limit's length, so a warning never comes before the clock starts
     * @param categories the categories the clock applies to (all three when it applies to every case)
     * @since 0.1
     */
    public record ClockRule(ClockId clock, TimeLimit limit, int warnDays, Set<Category> categories) {
        /**
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException if the limit is shorter than 1 day, warnDays is negative or not less than the
         *     limit's length, or categories is empty
         */
        public ClockRule {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(categories, "categories");
            if (limit.length() < 1) throw new IllegalArgumentException("limit must be at least 1 day");
            if (warnDays < 0) throw new IllegalArgumentException("warnDays must not be negative");
            if (warnDays >= limit.length()) {
                throw new IllegalArgumentException("warnDays must be less than the limit's length (" + limit.length() + ")");
            }
            if (categories.isEmpty()) throw new IllegalArgumentException("categories must not be empty");
            categories = Set.copyOf(EnumSet.copyOf(categories));
        }

        /**
         * @param category a case's category
         * @return whether the clock applies to it
         */
        public boolean appliesTo(Category category) {
            return categories.contains(category);
        }
    }
}
