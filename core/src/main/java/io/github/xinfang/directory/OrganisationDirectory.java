package io.github.xinfang.directory;

import java.time.Duration;
import java.time.InstantSource;
import io.github.xinfang.text.TextRule;
import io.github.xinfang.petition.RegionCode;
import java.util.Objects;

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
    Optional<OrganisationDirectory.Unit> unit(UnitId id);

    /**
     * @param id an official id
     * @return the official, or empty if unknown
     */
    Optional<OrganisationDirectory.Official> official(OfficialId id);

    /**
     * A directory built from lists at start-up, held in memory. Immutable and thread-safe.
     *
     * @param units the units, ids unique
     * @param officials the officials, ids unique, each of a listed unit
     * @return the directory
     * @throws NullPointerException if an argument or element is null
     * @throws IllegalArgumentException on a duplicate id, an official of an unlisted unit, or a unit whose parent is unlisted
     */
    static OrganisationDirectory of(Collection<OrganisationDirectory.Unit> units, Collection<OrganisationDirectory.Official> officials) {
        return InMemoryDirectory.of(units, officials);
    }

    /**
     * A directory that remembers another's answers for {@code ttl}, so that the units and officials one command names
     * are looked up in the portal's directory (its tables, its user service) once, not once per check: a unit or
     * official asked for again before its answer is {@code ttl} old is answered from memory, an unknown id too. A
     * change in the portal's directory is seen once the answer about it expires, so keep {@code ttl} short (seconds to
     * minutes). A failing lookup is not remembered. At most 100,000 answers of each kind are kept. Thread-safe.
     *
     * @param source the directory asked
     * @param ttl how long an answer is used, positive
     * @param clock the clock that ages the answers (the case service's)
     * @return the caching directory
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if ttl is not positive
     * @since 0.4
     */
    static OrganisationDirectory caching(OrganisationDirectory source, Duration ttl, InstantSource clock) {
        return new CachingDirectory(source, ttl, clock, CachingDirectory.MAX_ENTRIES);
    }

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
    record Unit(UnitId id, String name, String kind, String level, RegionCode region, UnitId parent) {
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

    /**
     * An official of the organisation directory. The official's name is not held here: the directory works
     * with ids, so nothing personal travels through the case history. Immutable.
     *
     * @param id the official's id
     * @param unit the unit the official belongs to
     * @param post the post held (e.g. {@code 副县长}), portal-defined
     * @param rank the official's rank on the portal's ladder (e.g. {@code 县处级正职}), portal-defined
     * @param principal whether the official is a principal leader (主要领导, 党政一把手)
     * @since 0.1
     */
    record Official(OfficialId id, UnitId unit, String post, String rank, boolean principal) {
        /**
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException if post or rank breaks {@link io.github.xinfang.text.TextRule#LINE} (at most 200)
         */
        public Official {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(unit, "unit");
            TextRule.LINE.require(post, "post", 200);
            TextRule.LINE.require(rank, "rank", 200);
        }
    }
}
