package io.github.xinfang.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link OrganisationDirectory} built from lists at start-up ({@link OrganisationDirectory#of}). Immutable and
 * thread-safe.
 */
final class InMemoryDirectory implements OrganisationDirectory {
    private final Map<UnitId, OrganisationDirectory.Unit> units;
    private final Map<OfficialId, OrganisationDirectory.Official> officials;

    private InMemoryDirectory(Map<UnitId, OrganisationDirectory.Unit> units, Map<OfficialId, OrganisationDirectory.Official> officials) {
        this.units = units;
        this.officials = officials;
    }

    /**
     * Builds a directory.
     *
     * @param units the units, ids unique
     * @param officials the officials, ids unique, each of a listed unit
     * @return the directory
     * @throws NullPointerException if an argument or element is null
     * @throws IllegalArgumentException on a duplicate id, an official of an unlisted unit, or a unit whose parent is unlisted
     */
    static InMemoryDirectory of(Collection<OrganisationDirectory.Unit> units, Collection<OrganisationDirectory.Official> officials) {
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(officials, "officials");
        Map<UnitId, OrganisationDirectory.Unit> u = new HashMap<>();
        for (OrganisationDirectory.Unit unit : units) {
            Objects.requireNonNull(unit, "units element");
            if (u.put(unit.id(), unit) != null) throw new IllegalArgumentException("units: duplicate id " + unit.id());
        }
        for (OrganisationDirectory.Unit unit : units) {
            if (unit.parent() != null && !u.containsKey(unit.parent())) {
                throw new IllegalArgumentException("units: parent " + unit.parent() + " of " + unit.id() + " is not listed");
            }
        }
        Map<OfficialId, OrganisationDirectory.Official> o = new HashMap<>();
        for (OrganisationDirectory.Official official : officials) {
            Objects.requireNonNull(official, "officials element");
            if (!u.containsKey(official.unit())) {
                throw new IllegalArgumentException("officials: unit " + official.unit() + " of " + official.id() + " is not listed");
            }
            if (o.put(official.id(), official) != null) throw new IllegalArgumentException("officials: duplicate id " + official.id());
        }
        return new InMemoryDirectory(Map.copyOf(u), Map.copyOf(o));
    }

    @Override
    public Optional<OrganisationDirectory.Unit> unit(UnitId id) {
        return Optional.ofNullable(units.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public Optional<OrganisationDirectory.Official> official(OfficialId id) {
        return Optional.ofNullable(officials.get(Objects.requireNonNull(id, "id")));
    }
}
