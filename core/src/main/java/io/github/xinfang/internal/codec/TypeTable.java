package io.github.xinfang.internal.codec;

import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codec's tables: the stable type name and schema version of every event, the type name of every
 * command (for digests), the snapshot's type name and version, and the discriminator values of the sealed
 * value types. Type names are part of the stored format: never derive them from class names, never change
 * one; a new schema version of a type needs an upcaster. Immutable.
 */
final class TypeTable {
    private TypeTable() {}

    /** The type name used for snapshots in {@link io.github.xinfang.cases.CodecException}s. */
    static final String SNAPSHOT_TYPE = "case.snapshot";
    /**
     * The schema version of {@link CaseState} snapshots: 4 since a petition carries subject tags
     * ({@link Upcasters#addSubjectTags} reads version 3); version 3 holds a case's profile clocks and duties in one ledger of
     * obligations (version 2 kept them apart, {@link Upcasters#mergeClocksAndDuties} reads it; version 1 was flat,
     * {@link Upcasters#groupTheFlatSnapshot} reads it).
     */
    static final int SNAPSHOT_SCHEMA_VERSION = 4;
    /**
     * The stored properties of {@link CaseState}, a final class rather than a record: its public accessors of these
     * names, in this order, are the snapshot's fields, and its one constructor takes them in this order.
     */
    private static final List<String> SNAPSHOT_PROPERTIES = List.of("caseId", "lastSequence", "profile", "petition",
            "procedure", "conclusion", "timing", "resolution", "activity");
    /** The first line of the canonical command encoding that digests hash. */
    static final String COMMAND_ENCODING = "xinfang-command/1";
    /** The property naming the variant of a sealed value type ({@link Actor}, {@link Petition.AccusedParty}). */
    static final String DISCRIMINATOR = "kind";

    /** One row of the event table. */
    record EventType(Class<? extends CaseEvent> type, String name, int schemaVersion) {}

    /**
     * The schema version of each event type above 1, by type name: a new version of a type adds its row here, with
     * an upcaster in {@link Upcasters}. The type names themselves are the domain's ({@link CaseEvent#typeNames()}).
     */
    private static final Map<String, Integer> SCHEMA_VERSIONS = Map.of(
            "case.registered", 2, "case.imported", 2, "case.petition-corrected", 2);

    /** The event types whose version 2 added the petition's subject tags ({@link Upcasters#addSubjectTags}). */
    static final List<String> PETITION_EVENTS = List.of("case.registered", "case.imported", "case.petition-corrected");

    /**
     * Components a command's form gained after commands carrying it were first digested, as {@code Record.component}:
     * the canonical encoding leaves one out while it is null or empty, so a command that does not use it keeps the
     * digest it always had ({@code PetitionForm.subjectTags}, since 0.6).
     */
    private static final Set<String> LATER_COMPONENTS = Set.of(
            io.github.xinfang.cases.PetitionForm.class.getName() + ".subjectTags");

    /**
     * @param type a record type
     * @param component one of its components
     * @return whether the canonical encoding leaves the component out while it is null or empty
     */
    static boolean laterComponent(Class<?> type, String component) {
        return LATER_COMPONENTS.contains(type.getName() + "." + component);
    }

    private static final List<EventType> EVENTS = CaseEvent.typeNames().entrySet().stream()
            .map(e -> new EventType(e.getKey(), e.getValue(), SCHEMA_VERSIONS.getOrDefault(e.getValue(), 1)))
            .toList();

    private static final Map<Class<? extends CaseCommand>, String> COMMANDS = CaseCommand.typeNames();

    /**
     * A stored event type name no release writes any more, and how its records still read: as the event type it
     * became, after a rewrite of its payload (at the stored schema version, before the new type's upcasters).
     *
     * @param name the retired name
     * @param becomes the current type name its records read as
     * @param rewrite turns its payload into one of {@code becomes} at the same version
     */
    record Retired(String name, String becomes, Upcaster rewrite) {}

    /**
     * The retired event names: the duty records of the sweep, which became the sweep's records of a clock when duties
     * became clocks ({@link Upcasters#dutyRecordAsClockRecord}). A retired name is never reused.
     */
    private static final Map<String, Retired> RETIRED = Map.of(
            "case.duty-warning-recorded", new Retired("case.duty-warning-recorded", "case.warning-recorded",
                    Upcasters::dutyRecordAsClockRecord),
            "case.duty-breach-recorded", new Retired("case.duty-breach-recorded", "case.breach-recorded",
                    Upcasters::dutyRecordAsClockRecord));

    /** Sealed value types written with a {@link #DISCRIMINATOR}: interface to (kind to record). */
    private static final Map<Class<?>, Map<String, Class<?>>> VARIANTS = Map.of(
            Actor.class, ordered(
                    "official", Actor.OfficialActor.class,
                    "system", Actor.SystemActor.class),
            Petition.AccusedParty.class, ordered(
                    "unit", Petition.AccusedParty.AccusedUnit.class,
                    "official", Petition.AccusedParty.AccusedOfficial.class,
                    "outside", Petition.AccusedParty.OutsideParty.class));

    private static final Map<Class<?>, EventType> EVENTS_BY_CLASS = byClass();
    private static final Map<String, EventType> EVENTS_BY_NAME = byName();
    private static final Map<Class<?>, String> KIND_OF_VARIANT = kinds();
    private static final Set<String> SCHEMA_NAMES = schemaNames();

    /** @return every event type, in the order of the table */
    static List<EventType> events() {
        return EVENTS;
    }

    /** @return the row of an event class, or null if it has none */
    static EventType event(Class<?> type) {
        return EVENTS_BY_CLASS.get(type);
    }

    /** @return the row of a type name, or null if it is unknown */
    static EventType event(String name) {
        return EVENTS_BY_NAME.get(name);
    }

    /** @return the retired event name's row, or null if the name is not retired */
    static Retired retired(String name) {
        return RETIRED.get(name);
    }

    /** @return the command type names, in the order of the table */
    static Map<Class<? extends CaseCommand>, String> commands() {
        return COMMANDS;
    }

    /** @return the type name of a command class, or null if it has none */
    static String command(Class<?> type) {
        return COMMANDS.get(type);
    }

    /**
     * @param type a domain type
     * @return the stored property names of a domain class that is not a record but is stored (the case state), or
     *     null for any other type
     */
    static List<String> classProperties(Class<?> type) {
        return type == CaseState.class ? SNAPSHOT_PROPERTIES : null;
    }

    /** @return the variants of a sealed value type by kind, or null if it is not written with a discriminator */
    static Map<String, Class<?>> variants(Class<?> sealedType) {
        return VARIANTS.get(sealedType);
    }

    /** @return the kind of a variant record, or null if the record is not a variant of a discriminated type */
    static String kindOf(Class<?> variant) {
        return KIND_OF_VARIANT.get(variant);
    }

    /**
     * @param name a property name
     * @return whether it is a name of the codec's schema: a record component of a stored type or the discriminator
     */
    static boolean isSchemaName(String name) {
        return SCHEMA_NAMES.contains(name);
    }

    /** An unmodifiable map keeping the order given; keys and values must be unique. */
    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> ordered(Object... keysAndValues) {
        Map<K, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (m.put((K) keysAndValues[i], (V) keysAndValues[i + 1]) != null) {
                throw new IllegalStateException("duplicate key " + keysAndValues[i]);
            }
        }
        if (new HashSet<>(m.values()).size() != m.size()) throw new IllegalStateException("duplicate value in " + m);
        return Collections.unmodifiableMap(m);
    }

    private static Map<Class<?>, EventType> byClass() {
        Map<Class<?>, EventType> m = new HashMap<>();
        for (EventType e : EVENTS) {
            if (m.put(e.type(), e) != null) throw new IllegalStateException("two rows for " + e.type().getName());
        }
        return Map.copyOf(m);
    }

    private static Map<String, EventType> byName() {
        Map<String, EventType> m = new HashMap<>();
        for (EventType e : EVENTS) {
            if (m.put(e.name(), e) != null) throw new IllegalStateException("two rows named " + e.name());
        }
        for (String retired : RETIRED.keySet()) {
            if (m.containsKey(retired)) throw new IllegalStateException("a retired name is in use: " + retired);
        }
        return Map.copyOf(m);
    }

    private static Map<Class<?>, String> kinds() {
        Map<Class<?>, String> m = new LinkedHashMap<>();
        VARIANTS.values().forEach(v -> v.forEach((kind, type) -> m.put(type, kind)));
        return Map.copyOf(m);
    }

    private static Set<String> schemaNames() {
        Set<String> names = new HashSet<>();
        names.add(DISCRIMINATOR);
        Deque<Type> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        EVENTS.forEach(e -> todo.add(e.type()));
        todo.add(CaseState.class);
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                for (Type a : p.getActualTypeArguments()) todo.add(a);
                continue;
            }
            if (!(t instanceof Class<?> c) || !seen.add(c)) continue;
            Map<String, Class<?>> variants = VARIANTS.get(c);
            if (variants != null) todo.addAll(variants.values());
            if (Shape.has(c)) {
                for (Shape.Property p : Shape.of(c).properties()) {
                    names.add(p.name());
                    todo.add(p.genericType());
                }
            }
        }
        return Set.copyOf(names);
    }
}
