package io.github.xinfang.persistence;

import java.util.Objects;
import java.util.Optional;

/**
 * The queryable columns of one case, computed by core on every commit and stored by the adapter beside
 * the snapshot. Columns are added over time with defaults, so the row is built with a {@link Builder}
 * and carries the {@link #schemaVersion() schema version} it was computed with. Immutable.
 *
 * <p>Schema version 1 holds: case id, version, procedure stage, region code and handling unit.
 *
 * @since 0.1
 */
public final class IndexRow {
    /** The schema version rows built by this version of the SPI carry. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private final int schemaVersion;
    private final String caseId;
    private final long version;
    private final String stage;
    private final String regionCode;
    private final String handlingUnit;

    private IndexRow(Builder b) {
        this.schemaVersion = b.schemaVersion;
        this.caseId = b.caseId;
        this.version = b.version;
        this.stage = b.stage;
        this.regionCode = b.regionCode;
        this.handlingUnit = b.handlingUnit;
    }

    /**
     * Starts a row for a case.
     *
     * @param caseId the case id
     * @return a builder with schema version {@link #CURRENT_SCHEMA_VERSION}
     */
    public static Builder builder(String caseId) {
        return new Builder(caseId);
    }

    /** @return a builder holding this row's values, to derive a changed row */
    public Builder toBuilder() {
        Builder b = new Builder(caseId);
        b.schemaVersion = schemaVersion;
        b.version = version;
        b.stage = stage;
        b.regionCode = regionCode;
        b.handlingUnit = handlingUnit;
        return b;
    }

    /** @return the schema version the row was computed with */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** @return the case id */
    public String caseId() {
        return caseId;
    }

    /** @return the case version the row reflects */
    public long version() {
        return version;
    }

    /** @return the procedure stage's name (e.g. {@code IN_HANDLING}) */
    public String stage() {
        return stage;
    }

    /** @return the six-digit region code of the case */
    public String regionCode() {
        return regionCode;
    }

    /** @return the unit currently handling the case, if routed */
    public Optional<String> handlingUnit() {
        return Optional.ofNullable(handlingUnit);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof IndexRow)) return false;
        IndexRow r = (IndexRow) o;
        return schemaVersion == r.schemaVersion && version == r.version && caseId.equals(r.caseId)
                && stage.equals(r.stage) && regionCode.equals(r.regionCode)
                && Objects.equals(handlingUnit, r.handlingUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schemaVersion, caseId, version, stage, regionCode, handlingUnit);
    }

    @Override
    public String toString() {
        return "IndexRow[schemaVersion=" + schemaVersion + ", caseId=" + caseId + ", version=" + version
                + ", stage=" + stage + ", regionCode=" + regionCode + ", handlingUnit=" + handlingUnit + "]";
    }

    /**
     * Builds an {@link IndexRow}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private int schemaVersion = CURRENT_SCHEMA_VERSION;
        private final String caseId;
        private long version = -1;
        private String stage;
        private String regionCode;
        private String handlingUnit;

        private Builder(String caseId) {
            this.caseId = Objects.requireNonNull(caseId, "caseId");
            if (caseId.isBlank()) throw new IllegalArgumentException("caseId must not be blank");
        }

        /**
         * @param schemaVersion the schema version (adapters reading old rows set it)
         * @return this builder
         */
        public Builder schemaVersion(int schemaVersion) {
            if (schemaVersion < 1) throw new IllegalArgumentException("schemaVersion must be at least 1");
            this.schemaVersion = schemaVersion;
            return this;
        }

        /**
         * @param version the case version, at least 1
         * @return this builder
         */
        public Builder version(long version) {
            if (version < 1) throw new IllegalArgumentException("version must be at least 1");
            this.version = version;
            return this;
        }

        /**
         * @param stage the stage name
         * @return this builder
         */
        public Builder stage(String stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /**
         * @param regionCode the six-digit region code
         * @return this builder
         */
        public Builder regionCode(String regionCode) {
            this.regionCode = Objects.requireNonNull(regionCode, "regionCode");
            return this;
        }

        /**
         * @param handlingUnit the handling unit's id, or null when the case is not routed
         * @return this builder
         */
        public Builder handlingUnit(String handlingUnit) {
            this.handlingUnit = handlingUnit;
            return this;
        }

        /**
         * Builds the row.
         *
         * @return the row
         * @throws IllegalArgumentException naming a required column that was not set
         */
        public IndexRow build() {
            if (version < 1) throw new IllegalArgumentException("version must be set");
            if (stage == null) throw new IllegalArgumentException("stage must be set");
            if (regionCode == null) throw new IllegalArgumentException("regionCode must be set");
            return new IndexRow(this);
        }
    }
}
