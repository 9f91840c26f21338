package io.github.xinfang.persistence.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * What {@link JdbcCaseStore#migrate(io.github.xinfang.persistence.SnapshotRebuilder)} did: the schema versions
 * before and after, and the cases whose unreadable or missing snapshot it rebuilt from their events. Immutable.
 *
 * @param fromVersion the schema version the database held before (0 for an empty database)
 * @param toVersion the schema version it holds now ({@link JdbcCaseStore#SCHEMA_VERSION})
 * @param repairedCases the ids of the cases whose snapshot was rebuilt and written, in {@link String#compareTo} order
 * @since 0.3
 */
public record MigrationReport(int fromVersion, int toVersion, List<String> repairedCases) {
    /**
     * Checks the arguments and copies the list.
     *
     * @throws NullPointerException if the list is null or holds null
     * @throws IllegalArgumentException if a version is negative or the versions go backwards
     */
    public MigrationReport {
        Objects.requireNonNull(repairedCases, "repairedCases");
        if (fromVersion < 0) throw new IllegalArgumentException("fromVersion must not be negative, was " + fromVersion);
        if (toVersion < fromVersion) {
            throw new IllegalArgumentException("toVersion must be at least fromVersion, was " + toVersion + " < " + fromVersion);
        }
        repairedCases = List.copyOf(repairedCases);
    }
}
