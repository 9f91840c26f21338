package io.github.xinfang.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The queryable columns of one case, computed by core on every commit and stored by the adapter beside
 * the snapshot. Columns are added over time with defaults, so the row is built with a {@link Builder}
 * and carries the {@link #schemaVersion() schema version} it was computed with. Immutable.
 *
 * <p>Columns: case id, version, procedure stage, region code, handling unit (schema version 1); the next
 * instant the case needs attention and the units involved (time limits); the resolution track's state, the
 * active package leader, the lead unit and the batches the case is in (resolution track); the earliest due
 * instant of the case's open duty clocks and duties (a leader's workload); each open duty clock and duty with the
 * instant it becomes overdue ({@link #clockDues()}, since 0.4: the overdue queries of {@link OverdueQuery}); the
 * petition's subject tags and the day of its latest petition ({@link #subjectTags()}, {@link #lastPetitionOn()}, since
 * 0.6: the cluster query of {@link ClusterQuery}); the units and officials that handle the case and the accused parties
 * ({@link #accessUnits()} and the three after it, since 0.7: the data-level access scope of {@link AccessScope}). A column
 * a computation does not fill
 * keeps its default: empty for optional columns and lists. Multi-valued columns may be kept in child tables;
 * their order is not significant and they hold no duplicates. Adding a column with a default does not change
 * {@link #CURRENT_SCHEMA_VERSION}.
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
    private final Instant nextAttentionAt;
    private final List<String> unitsInvolved;
    private final String trackState;
    private final String activeLeader;
    private final String leadUnit;
    private final List<String> batches;
    private final Instant earliestDueAt;
    private final List<ClockDue> clockDues;
    private final List<String> subjectTags;
    private final LocalDate lastPetitionOn;
    private final List<String> accessUnits;
    private final List<String> accessOfficials;
    private final List<String> accusedUnits;
    private final List<String> accusedOfficials;

    private IndexRow(Builder b) {
        this.schemaVersion = b.schemaVersion;
        this.caseId = b.caseId;
        this.version = b.version;
        this.stage = b.stage;
        this.regionCode = b.regionCode;
        this.handlingUnit = b.handlingUnit;
        this.nextAttentionAt = b.nextAttentionAt;
        this.unitsInvolved = sortedCopy(b.unitsInvolved);
        this.trackState = b.trackState;
        this.activeLeader = b.activeLeader;
        this.leadUnit = b.leadUnit;
        this.batches = sortedCopy(b.batches);
        this.earliestDueAt = b.earliestDueAt;
        this.clockDues = List.copyOf(new TreeSet<>(b.clockDues));
        this.subjectTags = sortedCopy(b.subjectTags);
        this.lastPetitionOn = b.lastPetitionOn;
        this.accessUnits = sortedCopy(b.accessUnits);
        this.accessOfficials = sortedCopy(b.accessOfficials);
        this.accusedUnits = sortedCopy(b.accusedUnits);
        this.accusedOfficials = sortedCopy(b.accusedOfficials);
    }

    private static List<String> sortedCopy(Collection<String> values) {
        TreeSet<String> set = new TreeSet<>(values);
        return List.copyOf(set);
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
        b.nextAttentionAt = nextAttentionAt;
        b.unitsInvolved = new ArrayList<>(unitsInvolved);
        b.trackState = trackState;
        b.activeLeader = activeLeader;
        b.leadUnit = leadUnit;
        b.batches = new ArrayList<>(batches);
        b.earliestDueAt = earliestDueAt;
        b.clockDues = clockDues;
        b.subjectTags = new ArrayList<>(subjectTags);
        b.lastPetitionOn = lastPetitionOn;
        b.accessUnits = accessUnits;
        b.accessOfficials = accessOfficials;
        b.accusedUnits = accusedUnits;
        b.accusedOfficials = accusedOfficials;
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

    /** @return the earliest warning or due instant of the case's open duty clocks, if any */
    public Optional<Instant> nextAttentionAt() {
        return Optional.ofNullable(nextAttentionAt);
    }

    /** @return the ids of the units involved (handling, lead and co-units), sorted, without duplicates */
    public List<String> unitsInvolved() {
        return unitsInvolved;
    }

    /** @return the resolution track's state (e.g. {@code IN_RESOLUTION}), if the case is on that track */
    public Optional<String> trackState() {
        return Optional.ofNullable(trackState);
    }

    /** @return the active package leader's official id, if any */
    public Optional<String> activeLeader() {
        return Optional.ofNullable(activeLeader);
    }

    /** @return the lead unit of the active package assignment, if any */
    public Optional<String> leadUnit() {
        return Optional.ofNullable(leadUnit);
    }

    /** @return the ids of the batches the case is in, sorted, without duplicates */
    public List<String> batches() {
        return batches;
    }

    /**
     * The earliest due instant among the case's open duty clocks and duties (windows and warnings excluded):
     * the case is overdue at instant {@code t} when this is present and at or before {@code t}.
     *
     * @return the earliest due instant, if the case has an open duty clock or duty
     */
    public Optional<Instant> earliestDueAt() {
        return Optional.ofNullable(earliestDueAt);
    }

    /**
     * The case's open duty clocks and duties (windows excluded; paused clocks excluded, they wait), each with the
     * instant it becomes overdue: the column the overdue queries ({@link OverdueQuery}) answer from. Core keeps it
     * consistent with {@link #earliestDueAt()}: the earliest of these instants is the earliest due instant. Rows
     * written before this column existed (and never recomputed since) hold none: recompute them (core's
     * {@code CaseService.reindex()}) after upgrading.
     *
     * @return the clock dues, sorted by clock name, one per clock name
     * @since 0.4
     */
    public List<ClockDue> clockDues() {
        return clockDues;
    }

    /**
     * @param asOf an instant
     * @return the clock dues that are late at that instant ({@code dueAt <= asOf}), sorted by clock name
     * @throws NullPointerException if asOf is null
     * @since 0.4
     */
    public List<ClockDue> lateClocks(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<ClockDue> late = new ArrayList<>();
        for (ClockDue d : clockDues) {
            if (d.lateAt(asOf)) late.add(d);
        }
        return List.copyOf(late);
    }

    /**
     * The petition's subject tags, set by the portal (a housing estate, an employer, a project): the key cluster warnings
     * (类案预警) group petitions by. Rows written before this column existed hold none, as no petition had tags then.
     *
     * @return the tags, sorted, without duplicates
     * @since 0.6
     */
    public List<String> subjectTags() {
        return subjectTags;
    }

    /**
     * The day the latest petition of the case was received: its registration's day, or its latest repeat petition's
     * (the legal dates, not the instants recorded). Empty in rows written before this column existed (and never
     * recomputed since), whose cases had no subject tags.
     *
     * @return the day of the latest petition, if the row has it
     * @since 0.6
     */
    public Optional<LocalDate> lastPetitionOn() {
        return Optional.ofNullable(lastPetitionOn);
    }

    /**
     * The units that handle the case and so may read it besides the offices over its region (the access rules'
     * data-level scope, {@link AccessScope}): the handling unit, the lead unit and co-units of the active package
     * assignment, the units of its package leader and task-force officials, and the addressees of supervision notices.
     * Empty in rows written before this column existed (and never recomputed since).
     *
     * @return the unit ids, sorted, without duplicates
     * @since 0.7
     */
    public List<String> accessUnits() {
        return accessUnits;
    }

    /**
     * @return the officials who may read the case whatever unit they act for: the active package leader and the
     *         task-force officials; sorted, without duplicates
     * @since 0.7
     */
    public List<String> accessOfficials() {
        return accessOfficials;
    }

    /**
     * @return the units accused by the petition (检举控告) and the units of the accused officials, as the organisation
     *         directory had them when the row was computed: no official of them may read the case; sorted, without
     *         duplicates
     * @since 0.7
     */
    public List<String> accusedUnits() {
        return accusedUnits;
    }

    /**
     * @return the officials accused by the petition, who may never read it; sorted, without duplicates
     * @since 0.7
     */
    public List<String> accusedOfficials() {
        return accusedOfficials;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof IndexRow)) return false;
        IndexRow r = (IndexRow) o;
        return schemaVersion == r.schemaVersion && version == r.version && caseId.equals(r.caseId)
                && stage.equals(r.stage) && regionCode.equals(r.regionCode)
                && Objects.equals(handlingUnit, r.handlingUnit) && Objects.equals(nextAttentionAt, r.nextAttentionAt)
                && unitsInvolved.equals(r.unitsInvolved) && Objects.equals(trackState, r.trackState)
                && Objects.equals(activeLeader, r.activeLeader) && Objects.equals(leadUnit, r.leadUnit)
                && batches.equals(r.batches) && Objects.equals(earliestDueAt, r.earliestDueAt)
                && clockDues.equals(r.clockDues) && subjectTags.equals(r.subjectTags)
                && Objects.equals(lastPetitionOn, r.lastPetitionOn) && accessUnits.equals(r.accessUnits)
                && accessOfficials.equals(r.accessOfficials) && accusedUnits.equals(r.accusedUnits)
                && accusedOfficials.equals(r.accusedOfficials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schemaVersion, caseId, version, stage, regionCode, handlingUnit, nextAttentionAt, unitsInvolved,
                trackState, activeLeader, leadUnit, batches, earliestDueAt, clockDues, subjectTags, lastPetitionOn,
                accessUnits, accessOfficials, accusedUnits, accusedOfficials);
    }

    @Override
    public String toString() {
        return "IndexRow[schemaVersion=" + schemaVersion + ", caseId=" + caseId + ", version=" + version
                + ", stage=" + stage + ", regionCode=" + regionCode + ", handlingUnit=" + handlingUnit
                + ", nextAttentionAt=" + nextAttentionAt + ", unitsInvolved=" + unitsInvolved + ", trackState=" + trackState
                + ", activeLeader=" + activeLeader + ", leadUnit=" + leadUnit + ", batches=" + batches
                + ", earliestDueAt=" + earliestDueAt + ", clockDues=" + clockDues + ", subjectTags=" + subjectTags
                + ", lastPetitionOn=" + lastPetitionOn + ", accessUnits=" + accessUnits + ", accessOfficials=" + accessOfficials
                + ", accusedUnits=" + accusedUnits + ", accusedOfficials=" + accusedOfficials + "]";
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
        private Instant nextAttentionAt;
        private Collection<String> unitsInvolved = List.of();
        private String trackState;
        private String activeLeader;
        private String leadUnit;
        private Collection<String> batches = List.of();
        private Instant earliestDueAt;
        private Collection<ClockDue> clockDues = List.of();
        private Collection<String> subjectTags = List.of();
        private LocalDate lastPetitionOn;
        private Collection<String> accessUnits = List.of();
        private Collection<String> accessOfficials = List.of();
        private Collection<String> accusedUnits = List.of();
        private Collection<String> accusedOfficials = List.of();

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
         * @param nextAttentionAt the next instant the case needs attention, or null for none
         * @return this builder
         */
        public Builder nextAttentionAt(Instant nextAttentionAt) {
            this.nextAttentionAt = nextAttentionAt;
            return this;
        }

        /**
         * @param unitsInvolved the ids of the units involved (duplicates are dropped)
         * @return this builder
         */
        public Builder unitsInvolved(Collection<String> unitsInvolved) {
            this.unitsInvolved = checkedList(unitsInvolved, "unitsInvolved");
            return this;
        }

        /**
         * @param trackState the resolution track's state, or null when the case is not on it
         * @return this builder
         */
        public Builder trackState(String trackState) {
            this.trackState = trackState;
            return this;
        }

        /**
         * @param activeLeader the active package leader's official id, or null
         * @return this builder
         */
        public Builder activeLeader(String activeLeader) {
            this.activeLeader = activeLeader;
            return this;
        }

        /**
         * @param leadUnit the lead unit's id, or null
         * @return this builder
         */
        public Builder leadUnit(String leadUnit) {
            this.leadUnit = leadUnit;
            return this;
        }

        /**
         * @param batches the ids of the batches the case is in (duplicates are dropped)
         * @return this builder
         */
        public Builder batches(Collection<String> batches) {
            this.batches = checkedList(batches, "batches");
            return this;
        }

        /**
         * @param earliestDueAt the earliest due instant among the case's open duty clocks and duties (windows and
         *                      warnings excluded), or null when it has none
         * @return this builder
         */
        public Builder earliestDueAt(Instant earliestDueAt) {
            this.earliestDueAt = earliestDueAt;
            return this;
        }

        /**
         * @param clockDues the case's open duty clocks and duties with the instants they become overdue, one per clock
         *                  name
         * @return this builder
         * @throws NullPointerException if clockDues or an element is null
         * @throws IllegalArgumentException if two elements name the same clock
         * @since 0.4
         */
        public Builder clockDues(Collection<ClockDue> clockDues) {
            Objects.requireNonNull(clockDues, "clockDues");
            java.util.Set<String> names = new java.util.HashSet<>();
            List<ClockDue> copy = new ArrayList<>(clockDues.size());
            for (ClockDue d : clockDues) {
                if (d == null) throw new NullPointerException("clockDues element");
                if (!names.add(d.clock())) throw new IllegalArgumentException("clockDues must name each clock once");
                copy.add(d);
            }
            this.clockDues = copy;
            return this;
        }

        /**
         * @param subjectTags the petition's subject tags (duplicates are dropped)
         * @return this builder
         * @throws NullPointerException if subjectTags or an element is null
         * @throws IllegalArgumentException if a tag is blank
         * @since 0.6
         */
        public Builder subjectTags(Collection<String> subjectTags) {
            this.subjectTags = checkedList(subjectTags, "subjectTags");
            return this;
        }

        /**
         * @param lastPetitionOn the day the latest petition of the case was received, or null when unknown
         * @return this builder
         * @since 0.6
         */
        public Builder lastPetitionOn(LocalDate lastPetitionOn) {
            this.lastPetitionOn = lastPetitionOn;
            return this;
        }

        /**
         * @param accessUnits the units that handle the case (duplicates are dropped), see {@link IndexRow#accessUnits()}
         * @return this builder
         * @throws NullPointerException if accessUnits or an element is null
         * @throws IllegalArgumentException if an id is blank
         * @since 0.7
         */
        public Builder accessUnits(Collection<String> accessUnits) {
            this.accessUnits = checkedList(accessUnits, "accessUnits");
            return this;
        }

        /**
         * @param accessOfficials the package leader and task-force officials (duplicates are dropped)
         * @return this builder
         * @throws NullPointerException if accessOfficials or an element is null
         * @throws IllegalArgumentException if an id is blank
         * @since 0.7
         */
        public Builder accessOfficials(Collection<String> accessOfficials) {
            this.accessOfficials = checkedList(accessOfficials, "accessOfficials");
            return this;
        }

        /**
         * @param accusedUnits the accused units and the accused officials' units (duplicates are dropped)
         * @return this builder
         * @throws NullPointerException if accusedUnits or an element is null
         * @throws IllegalArgumentException if an id is blank
         * @since 0.7
         */
        public Builder accusedUnits(Collection<String> accusedUnits) {
            this.accusedUnits = checkedList(accusedUnits, "accusedUnits");
            return this;
        }

        /**
         * @param accusedOfficials the accused officials (duplicates are dropped)
         * @return this builder
         * @throws NullPointerException if accusedOfficials or an element is null
         * @throws IllegalArgumentException if an id is blank
         * @since 0.7
         */
        public Builder accusedOfficials(Collection<String> accusedOfficials) {
            this.accusedOfficials = checkedList(accusedOfficials, "accusedOfficials");
            return this;
        }

        private static List<String> checkedList(Collection<String> values, String name) {
            Objects.requireNonNull(values, name);
            List<String> copy = new ArrayList<>(values.size());
            for (String v : values) {
                if (v == null) throw new NullPointerException(name + " element");
                if (v.isBlank()) throw new IllegalArgumentException(name + " must not hold a blank id");
                copy.add(v);
            }
            return copy;
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
