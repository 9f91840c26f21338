package io.github.xinfang.time;

import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.petition.Category;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

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
