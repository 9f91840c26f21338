package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The upcasting chains of the stored types: for a type name and a schema version {@code k}, the
 * {@link Upcaster} that turns a payload at version {@code k} into one at {@code k + 1}. The codec applies the
 * steps from a stored record's version up to the type's current version (from {@code TypeTable}) after
 * parsing and before binding.
 *
 * <h2>Changing a stored type</h2>
 * When a release changes the fields of an event or of the snapshot:
 * <ol>
 *   <li>raise the type's schema version in {@code TypeTable} (or {@link TypeTable#SNAPSHOT_SCHEMA_VERSION});</li>
 *   <li>add the step from the old version here, in {@link #standard()};</li>
 *   <li>keep the old golden file (it becomes the committed old-format fixture that must still decode) and
 *       write the new one with {@code -Dxinfang.writeGoldenFiles=true}.</li>
 * </ol>
 * The standard set: the snapshot from version 1 (flat) to 2 (grouped into parts), {@link #groupTheFlatSnapshot}, from 2
 * to 3 (profile clocks and duties in one ledger of obligations), {@link #mergeClocksAndDuties}, and from 3 to 4 (the
 * petition's subject tags), {@link #addSubjectTags}, which also takes the three events holding a petition from version
 * 1 to 2. Every other event type is at its first version; the two retired event names read through
 * {@link #dutyRecordAsClockRecord}. Immutable and thread-safe.
 */
final class Upcasters {
    /** The snapshot's top-level fields at version 1 that stay at the top level at version 2, in v2 order. */
    private static final List<String> SNAPSHOT_V1_TOP = List.of("caseId", "lastSequence", "profile", "petition");
    /** The snapshot's fields at version 1 that version 2 groups into a part, by part, in v2 order; names kept. */
    private static final Map<String, List<String>> SNAPSHOT_V1_PARTS = orderedParts(
            "procedure", List.of("stage", "handlingUnit", "unitReceivedOn", "acceptedOn", "handlingStartedOn", "informedOn",
                    "extensionDays", "reworkCount", "objectionCount", "hearingOpenedOn"),
            "conclusion", List.of("proposer", "outcome", "conclusionApprovedOn", "replyServedOn", "reviewRequestedOn",
                    "reviewOpinionServedOn", "reReviewRequestedOn"),
            "timing", List.of("lastFactOn", "lastRecordedAt", "clocks", "duties"));

    /**
     * Snapshot v1 to v2: the flat state's fields move, under the same names, into the parts {@code procedure},
     * {@code conclusion} and {@code timing}; {@code caseId}, {@code lastSequence}, {@code profile}, {@code petition},
     * {@code resolution} and {@code activity} stay at the top level. A field the v1 payload lacks stays absent (the
     * binder names it in its part); a field v1 never had stays at the top level (the binder refuses it); a v1 payload
     * that already has a part's name is refused. Frozen: a later change of the parts is a step from v2.
     *
     * @param v1 a snapshot payload at version 1
     * @return the payload at version 2
     */
    static ObjectNode groupTheFlatSnapshot(ObjectNode v1) {
        SNAPSHOT_V1_PARTS.keySet().forEach(part -> {
            if (v1.has(part)) throw new IllegalArgumentException("a version 1 snapshot has no field " + part);
        });
        ObjectNode v2 = v1.objectNode();
        Set<String> moved = new HashSet<>();
        for (String name : SNAPSHOT_V1_TOP) {
            if (v1.has(name)) v2.set(name, v1.get(name));
            moved.add(name);
        }
        SNAPSHOT_V1_PARTS.forEach((part, names) -> {
            ObjectNode node = v2.putObject(part);
            for (String name : names) {
                if (v1.has(name)) node.set(name, v1.get(name));
                moved.add(name);
            }
        });
        v1.fieldNames().forEachRemaining(name -> {
            if (!moved.contains(name)) v2.set(name, v1.get(name));
        });
        return v2;
    }

    /**
     * Snapshot v2 to v3: the timing part's {@code clocks} (a ledger of {@code runs}: {@code clock}, {@code round},
     * {@code startedOn}, {@code metOn}, {@code stopped}, {@code extensionDays}, {@code pausedDays}, {@code pausedSince},
     * {@code warned}, {@code breached}) and {@code duties} (a ledger of {@code duties}: {@code id} as {@code kind} and
     * {@code ref}, {@code startedOn}, {@code dueOn}, {@code limit}, {@code metOn}, {@code stopped}, {@code warned},
     * {@code breached}; null or absent for none) become one {@code obligations} ledger of {@code runs}, the clocks'
     * first: each has a {@code source} (the clock's name, or the duty's {@code KIND:ref}), a {@code round} (1 for a
     * duty), both limits ({@code dueOn} and {@code limit}, null for a clock) and both day counts (0 for a duty). A
     * timing part of another shape is left as it is, for the binder to refuse by name. Frozen.
     *
     * @param v2 a snapshot payload at version 2
     * @return the payload at version 3
     */
    static ObjectNode mergeClocksAndDuties(ObjectNode v2) {
        if (!(v2.get("timing") instanceof ObjectNode timing)) return v2;
        JsonNode clocks = timing.get("clocks");
        JsonNode duties = timing.has("duties") ? timing.get("duties") : NullNode.getInstance();
        if (!(clocks instanceof ObjectNode) || !(clocks.get("runs") instanceof ArrayNode clockRuns)) return v2;
        if (!duties.isNull() && (!(duties instanceof ObjectNode) || !(duties.get("duties") instanceof ArrayNode))) return v2;
        ArrayNode runs = v2.arrayNode();
        for (JsonNode c : clockRuns) {
            if (!(c instanceof ObjectNode run)) return v2;
            ObjectNode o = runs.addObject();
            o.set("source", run.get("clock"));
            o.set("round", run.get("round"));
            o.set("startedOn", run.get("startedOn"));
            o.putNull("dueOn");
            o.putNull("limit");
            for (String name : List.of("metOn", "stopped", "extensionDays", "pausedDays", "pausedSince", "warned", "breached")) {
                o.set(name, run.get(name));
            }
        }
        if (!duties.isNull()) {
            for (JsonNode d : duties.get("duties")) {
                JsonNode id = d.get("id");
                if (!(d instanceof ObjectNode) || id == null || !id.path("kind").isTextual() || !id.path("ref").isTextual()) return v2;
                ObjectNode o = runs.addObject();
                o.put("source", id.get("kind").asText() + ":" + id.get("ref").asText());
                o.put("round", 1);
                for (String name : List.of("startedOn", "dueOn", "limit", "metOn", "stopped")) o.set(name, d.get(name));
                o.put("extensionDays", 0);
                o.put("pausedDays", 0);
                o.putNull("pausedSince");
                o.set("warned", d.get("warned"));
                o.set("breached", d.get("breached"));
            }
        }
        ObjectNode v3 = v2.objectNode();
        v2.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("timing")) {
                v3.set(e.getKey(), e.getValue());
                return;
            }
            ObjectNode t = v3.putObject("timing");
            timing.fields().forEachRemaining(f -> {
                if (f.getKey().equals("clocks")) t.putObject("obligations").set("runs", runs);
                else if (!f.getKey().equals("duties")) t.set(f.getKey(), f.getValue());
            });
        });
        return v3;
    }

    /**
     * A record stored under a retired name, {@code case.duty-warning-recorded} or {@code case.duty-breach-recorded}
     * ({@code duty} as {@code kind} and {@code ref}, {@code dueAt}), as a record of the sweep's clock record it became
     * (v1 of {@code case.warning-recorded} or {@code case.breach-recorded}): the duty is the {@code clock}, in its text
     * form {@code KIND:ref}, round 1. A payload of another shape is left as it is, for the binder to refuse by name.
     * Frozen.
     *
     * @param payload a payload of a retired duty record
     * @return the payload of the clock record
     */
    static ObjectNode dutyRecordAsClockRecord(ObjectNode payload) {
        JsonNode duty = payload.get("duty");
        if (duty == null || !duty.path("kind").isTextual() || !duty.path("ref").isTextual()) return payload;
        ObjectNode out = payload.objectNode();
        payload.fields().forEachRemaining(e -> {
            if (e.getKey().equals("duty")) {
                out.put("clock", duty.get("kind").asText() + ":" + duty.get("ref").asText());
                out.put("round", 1);
            } else {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /**
     * Snapshot v3 to v4, and v1 to v2 of the events holding a petition ({@code case.registered}, {@code case.imported},
     * {@code case.petition-corrected}): the {@code petition} object gains {@code subjectTags}, empty (no release before
     * wrote tags). A payload without a {@code petition} object, or whose petition already has the field, is left as it
     * is, for the binder to refuse by name. Frozen.
     *
     * @param payload a payload holding a petition, at the version before subject tags
     * @return the payload with the petition's tags
     */
    static ObjectNode addSubjectTags(ObjectNode payload) {
        if (!(payload.get("petition") instanceof ObjectNode petition) || petition.has("subjectTags")) return payload;
        ObjectNode out = payload.deepCopy();
        ((ObjectNode) out.get("petition")).putArray("subjectTags");
        return out;
    }

    private static final Upcasters STANDARD = standardSteps();

    private static Upcasters standardSteps() {
        Builder b = builder()
                .add(TypeTable.SNAPSHOT_TYPE, 1, Upcasters::groupTheFlatSnapshot)
                .add(TypeTable.SNAPSHOT_TYPE, 2, Upcasters::mergeClocksAndDuties)
                .add(TypeTable.SNAPSHOT_TYPE, 3, Upcasters::addSubjectTags);
        for (String event : TypeTable.PETITION_EVENTS) b.add(event, 1, Upcasters::addSubjectTags);
        return b.build();
    }

    /** Type name to (from-version to step). */
    private final Map<String, Map<Integer, Upcaster>> steps;

    private Upcasters(Map<String, Map<Integer, Upcaster>> steps) {
        this.steps = steps;
    }

    /** @return the chains of this release: the snapshot's from versions 1 to 3, the petition events' from version 1 */
    static Upcasters standard() {
        return STANDARD;
    }

    /** @return a builder for a custom set (tests, or a release preparing a change) */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @param typeName a stored type name
     * @param fromVersion a schema version
     * @return the step from that version to the next, or null
     */
    Upcaster step(String typeName, int fromVersion) {
        Map<Integer, Upcaster> chain = steps.get(typeName);
        return chain == null ? null : chain.get(fromVersion);
    }

    /**
     * @param typeName a stored type name
     * @param current the type's current version
     * @return the lowest version from which an unbroken chain of steps reaches {@code current}
     */
    int oldestReadable(String typeName, int current) {
        int v = current;
        while (v > 1 && step(typeName, v - 1) != null) v--;
        return v;
    }

    /**
     * Checks that every step belongs to a known type and leads to a version not beyond its current one.
     *
     * @param currentVersions the current version of every stored type name
     * @throws IllegalArgumentException naming the first step that does not fit
     */
    void checkAgainst(Map<String, Integer> currentVersions) {
        steps.forEach((type, chain) -> {
            Integer current = currentVersions.get(type);
            if (current == null) throw new IllegalArgumentException("upcaster for unknown type " + type);
            chain.keySet().forEach(from -> {
                if (from < 1 || from >= current) {
                    throw new IllegalArgumentException("upcaster of " + type + " from v" + from
                            + " does not lead to a version up to the current v" + current);
                }
            });
        });
    }

    private static Map<String, List<String>> orderedParts(String p1, List<String> n1, String p2, List<String> n2,
                                                          String p3, List<String> n3) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(p1, n1);
        m.put(p2, n2);
        m.put(p3, n3);
        return Collections.unmodifiableMap(m);
    }

    /** Collects steps. Not thread-safe. */
    static final class Builder {
        private final Map<String, Map<Integer, Upcaster>> steps = new HashMap<>();

        private Builder() {}

        /**
         * @param typeName the stored type name
         * @param fromVersion the version the step reads (it writes {@code fromVersion + 1})
         * @param step the step
         * @return this builder
         * @throws IllegalArgumentException if a step from that version is already set
         */
        Builder add(String typeName, int fromVersion, Upcaster step) {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(step, "step");
            if (steps.computeIfAbsent(typeName, t -> new HashMap<>()).putIfAbsent(fromVersion, step) != null) {
                throw new IllegalArgumentException("two upcasters of " + typeName + " from v" + fromVersion);
            }
            return this;
        }

        /** @return the set of the steps added */
        Upcasters build() {
            Map<String, Map<Integer, Upcaster>> copy = new HashMap<>();
            steps.forEach((t, chain) -> copy.put(t, Map.copyOf(chain)));
            return new Upcasters(Map.copyOf(copy));
        }
    }
}
