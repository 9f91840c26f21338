package io.github.xinfang.directory;

import io.github.xinfang.text.TextRule;
import io.github.xinfang.petition.RegionCode;

import java.util.Objects;

/**
 * A unit of the organisation directory: a petition office, a government department, a township. Immutable.
 *
 * @param id the unit's id
 * @param name its name (an organisation's name, not personal data)
 * @param kind what kind of unit it is (e.g. {@code petition-office}, {@code department}), portal-defined
 * @param level its administrative level (e.g. {@code county}), portal-defined
 * @param region where it sits
 * @param parent the unit above it, or null for a root
 * @since 0.1
 */
public record Unit(UnitId id, String name, String kind, String level, RegionCode region, UnitId parent) {
    /**
     * @throws NullPointerException naming a null argument (parent may be null)
     * @throws IllegalArgumentException if name breaks {@link io.github.xinfang.text.TextRule#LINE} (at most 200), or kind
     *     or level breaks {@link io.github.xinfang.text.TextRule#ID} (at most 64)
     */
    public Unit {
        Objects.requireNonNull(id, "id");
        TextRule.LINE.require(name, "name", 200);
        TextRule.ID.require(kind, "kind", 64);
        TextRule.ID.require(level, "level", 64);
        Objects.requireNonNull(region, "region");
    }
}
