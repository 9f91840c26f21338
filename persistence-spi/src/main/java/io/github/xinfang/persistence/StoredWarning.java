package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A cluster warning (类案预警) as a store keeps it: the columns a store orders, finds and deduplicates by, and the
 * warning itself as a JSON payload written by core, stored and returned unchanged. Immutable.
 *
 * @param id the warning's id, unique: its cluster and level ({@code cluster + "#" + level})
 * @param cluster the cluster's key: its region prefix and subject tag, as core writes it (at most 400 characters)
 * @param level the threshold level reached, from 1
 * @param regionPrefix the cluster's region prefix (one to six digits)
 * @param raisedAt when the warning was raised
 * @param payload the warning as JSON, stored exactly as given
 * @since 0.6
 */
public record StoredWarning(String id, String cluster, int level, String regionPrefix, Instant raisedAt, String payload) {
    /** The longest cluster key, in characters. */
    public static final int MAX_CLUSTER_LENGTH = 400;

    /**
     * @throws NullPointerException naming a null component
     * @throws IllegalArgumentException if the id is not {@code cluster + "#" + level}, the cluster is blank or too long,
     *     the level is below 1, or the region prefix is not one to six digits
     */
    public StoredWarning {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(regionPrefix, "regionPrefix");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(payload, "payload");
        if (cluster.isBlank() || cluster.length() > MAX_CLUSTER_LENGTH) {
            throw new IllegalArgumentException("cluster must be 1 to " + MAX_CLUSTER_LENGTH + " characters, not blank");
        }
        if (level < 1) throw new IllegalArgumentException("level must be at least 1");
        if (!id.equals(idOf(cluster, level))) throw new IllegalArgumentException("id must be cluster + \"#\" + level");
        if (regionPrefix.isEmpty() || regionPrefix.length() > 6 || !regionPrefix.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("regionPrefix must be one to six digits");
        }
    }

    /**
     * @param cluster a cluster's key
     * @param level a level
     * @return the id of the cluster's warning at that level
     */
    public static String idOf(String cluster, int level) {
        return cluster + "#" + level;
    }

    /** @return the record without its payload (which may name cases, never persons) */
    @Override
    public String toString() {
        return "StoredWarning[id=" + id + ", level=" + level + ", regionPrefix=" + regionPrefix + ", raisedAt=" + raisedAt
                + ", payload=(" + payload.length() + " chars)]";
    }
}
