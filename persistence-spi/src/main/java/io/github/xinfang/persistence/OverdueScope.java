package io.github.xinfang.persistence;

import java.util.Objects;

/**
 * Whose overdue cases an {@link OverdueQuery} asks for: a handling unit's, a region's (by region-code prefix) or an
 * active package leader's. A closed set; adapters dispatch on the three records. Immutable.
 *
 * @since 0.4
 */
public sealed interface OverdueScope {

    /**
     * @param row an index row
     * @return whether the row is in this scope (the overdue condition aside)
     */
    boolean contains(IndexRow row);

    /**
     * @param unit a unit id
     * @return the scope of the cases that unit handles ({@link IndexRow#handlingUnit()})
     * @throws NullPointerException if unit is null
     * @throws IllegalArgumentException if unit is blank
     */
    static OverdueScope handlingUnit(String unit) {
        return new HandlingUnit(unit);
    }

    /**
     * @param prefix one to six digits of a region code (e.g. {@code 4508})
     * @return the scope of the cases whose region code starts with that prefix
     * @throws NullPointerException if prefix is null
     * @throws IllegalArgumentException if prefix is not one to six digits
     */
    static OverdueScope regionPrefix(String prefix) {
        return new RegionPrefix(prefix);
    }

    /**
     * @param leader an official id
     * @return the scope of the cases whose active package leader (包案领导) is that official
     * @throws NullPointerException if leader is null
     * @throws IllegalArgumentException if leader is blank
     */
    static OverdueScope activeLeader(String leader) {
        return new ActiveLeader(leader);
    }

    /**
     * The cases a unit handles: rows whose {@link IndexRow#handlingUnit() handling unit} equals {@code unit}.
     *
     * @param unit the unit id
     * @since 0.4
     */
    record HandlingUnit(String unit) implements OverdueScope {
        /**
         * @throws NullPointerException if unit is null
         * @throws IllegalArgumentException if it is blank
         */
        public HandlingUnit {
            Objects.requireNonNull(unit, "unit");
            if (unit.isBlank()) throw new IllegalArgumentException("unit must not be blank");
        }

        @Override
        public boolean contains(IndexRow row) {
            return row.handlingUnit().map(unit::equals).orElse(false);
        }
    }

    /**
     * The cases of a region: rows whose {@link IndexRow#regionCode() region code} starts with {@code prefix}.
     *
     * @param prefix one to six digits
     * @since 0.4
     */
    record RegionPrefix(String prefix) implements OverdueScope {
        /**
         * @throws NullPointerException if prefix is null
         * @throws IllegalArgumentException unless it is one to six digits
         */
        public RegionPrefix {
            Objects.requireNonNull(prefix, "prefix");
            if (!prefix.matches("\\d{1,6}")) throw new IllegalArgumentException("prefix must be one to six digits");
        }

        @Override
        public boolean contains(IndexRow row) {
            return row.regionCode().startsWith(prefix);
        }
    }

    /**
     * The cases of a package leader: rows whose {@link IndexRow#activeLeader() active leader} equals {@code leader}.
     *
     * @param leader the official id
     * @since 0.4
     */
    record ActiveLeader(String leader) implements OverdueScope {
        /**
         * @throws NullPointerException if leader is null
         * @throws IllegalArgumentException if it is blank
         */
        public ActiveLeader {
            Objects.requireNonNull(leader, "leader");
            if (leader.isBlank()) throw new IllegalArgumentException("leader must not be blank");
        }

        @Override
        public boolean contains(IndexRow row) {
            return row.activeLeader().map(leader::equals).orElse(false);
        }
    }
}
