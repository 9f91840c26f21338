package io.github.xinfang.directory;

import java.util.Collection;
import java.util.Optional;

/**
 * The port through which the library reads the portal's units and officials. Implementations must be
 * thread-safe and must not change a unit's or official's identity while a case service uses them.
 *
 * @since 0.1
 */
public interface OrganisationDirectory {

    /**
     * @param id a unit id
     * @return the unit, or empty if unknown
     */
    Optional<Unit> unit(UnitId id);

    /**
     * @param id an official id
     * @return the official, or empty if unknown
     */
    Optional<Official> official(OfficialId id);

    /**
     * A directory built from lists at start-up, held in memory. Immutable and thread-safe.
     *
     * @param units the units, ids unique
     * @param officials the officials, ids unique, each of a listed unit
     * @return the directory
     * @throws NullPointerException if an argument or element is null
     * @throws IllegalArgumentException on a duplicate id, an official of an unlisted unit, or a unit whose parent is unlisted
     */
    static OrganisationDirectory of(Collection<Unit> units, Collection<Official> officials) {
        return InMemoryDirectory.of(units, officials);
    }
}
