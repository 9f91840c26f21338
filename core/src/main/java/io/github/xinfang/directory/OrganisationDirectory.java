package io.github.xinfang.directory;

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
}
