package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.internal.text.StoredText;
import io.github.xinfang.cases.CodecException.Problem;
import io.github.xinfang.cases.EventId;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.petition.Withheld;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.KeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.privacy.PersonalDataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns case events and snapshots into stored records and back, and computes command digests: the only
 * place where the stored format is defined.
 *
 * <h2>Events</h2>
 * An event is stored under a stable type name and a schema version from one table (for example
 * {@code case.registered} version 1; never a class name). Its payload is a JSON object of the record's
 * components by name, in declaration order, nulls written, <em>without</em> the event's id: the case id and
 * sequence are columns of {@link StoredEvent} and are put back on decoding. {@code recordedAt} is in the
 * payload (ISO-8601, nanoseconds kept) and is what decoding uses; the column is a copy for the store.
 * Single-value records (ids, region codes, names, ID numbers, phones, addresses, free text) are JSON
 * strings; dates are ISO-8601 strings; enums are their constant names; actors and accused parties are
 * objects with a {@code kind} property ({@code official}/{@code system}; {@code unit}/{@code official}/{@code outside}).
 *
 * <h2>Snapshots</h2>
 * A {@link CaseState} is stored whole (case id included) under the type name {@code case.snapshot} with its
 * own schema version ({@value TypeTable#SNAPSHOT_SCHEMA_VERSION}): an object of its properties ({@code caseId},
 * {@code lastSequence}, {@code profile}, {@code petition}) and of its parts ({@code procedure}, {@code conclusion},
 * {@code timing}, {@code resolution}, {@code activity}), each part an object of its components. Version 1 stored
 * the same fields flat; it is read through an upcaster. A snapshot is a cache: it can always be
 * rebuilt by replaying the case's events ({@code CaseService.rebuildSnapshot}), which is the way out when a
 * release drops support for an old snapshot version.
 *
 * <h2>Schema versions and upcasting</h2>
 * Every stored type has a current schema version ({@code TypeTable}); encoding always writes it. Decoding
 * accepts the current version and every older version from which an unbroken chain of {@link Upcaster}s
 * ({@link Upcasters#standard()}) leads to it: the payload is parsed into a JSON tree, each step turns the tree
 * of version {@code k} into that of {@code k + 1} (a field renamed, a field added with a default...), and only
 * then is the tree bound to the domain record, with the same strictness as a current payload. A version
 * newer than the current one, or an older one without a chain, is {@link Problem#UNSUPPORTED_SCHEMA_VERSION};
 * a step that fails is {@link Problem#INVALID_VALUE}. Errors name the stored version, and field paths refer
 * to the upcast payload. The committed golden files of older versions are the fixtures that prove each chain.
 *
 * <h2>Decoding is strict</h2>
 * Unknown type name, unsupported schema version, malformed JSON (including trailing content and duplicate
 * keys), a missing or unknown field, a wrong JSON type, or a value refused by its domain constructor give a
 * {@link CodecException} naming the type and the field's path; the message never quotes the payload. Values
 * are built through their canonical constructors only, so no half-built object is ever returned. No Jackson
 * exception escapes.
 *
 * <h2>Limits</h2>
 * The parser refuses, with {@link Problem#LIMIT_EXCEEDED}:
 * <ul>
 *   <li>a payload longer than {@value #MAX_DOCUMENT_LENGTH} characters (4 MiB);</li>
 *   <li>a string value longer than {@value #MAX_STRING_LENGTH} characters (1 MiB);</li>
 *   <li>nesting deeper than {@value #MAX_NESTING_DEPTH} objects and arrays;</li>
 *   <li>a property name longer than {@value #MAX_NAME_LENGTH} characters, a number longer than
 *       {@value #MAX_NUMBER_LENGTH} digits.</li>
 * </ul>
 * Encoding refuses ({@link Problem#NOT_ENCODABLE}) what decoding would refuse for its size, so the store
 * never holds a payload the codec cannot read.
 *
 * <h2>Digests</h2>
 * {@link #digest} is the SHA-256, in lower-case hex, of the UTF-8 bytes of
 * {@code "xinfang-command/1\n" + commandTypeName + "\n" + canonicalJson}, where the canonical JSON of the
 * whole command (actor included) has its properties sorted by name at every level (the {@code kind} of an
 * actor or accused party included), nulls written explicitly, no whitespace, dates in ISO-8601, strings in
 * UTF-8 with only quotes, backslashes and control characters escaped. A component a form gained after its commands were
 * first digested ({@code PetitionForm.subjectTags}) is left out while null or empty, so a command that does not use it
 * keeps its digest. Equal commands have equal digests, across JVMs and releases of the same encoding version.
 *
 * <p>Immutable and thread-safe: one Jackson mapper, its readers and writers are configured once in
 * {@link #create()} and never changed.
 *
 * @since 0.1
 */
public final class CaseCodec {
    /** The longest payload accepted, in characters: 4 MiB. */
    public static final int MAX_DOCUMENT_LENGTH = 4 * 1024 * 1024;
    /** The longest string value accepted, in characters: 1 MiB. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** The deepest nesting of objects and arrays accepted. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest property name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 256;
    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;

    /** What every payload holding a sealed personal value contains (the walk that opens them is skipped otherwise). */
    private static final String SEALED_MARK = "\"" + PersonalValues.SEALED + "\"";
    private static final Pattern PRINTABLE_TYPE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Map<String, Integer> currentVersions;
    private final Upcasters upcasters;
    private final ObjectReader treeReader;
    private final Map<Class<?>, ObjectReader> eventReaders;
    private final ObjectReader snapshotReader;
    private final ObjectWriter payloadWriter;
    private final ObjectWriter canonicalWriter;
    /** The keys of personal data, or null when it is stored in clear. */
    private final KeyProvider keys;
    /** The cipher sealing personal data, or null when it is stored in clear. */
    private final PersonalDataCipher cipher;

    private CaseCodec(Map<String, Integer> versionOverrides, Upcasters upcasters, KeyProvider keys, PersonalDataCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (TypeTable.EventType row : TypeTable.events()) versions.put(row.name(), row.schemaVersion());
        versions.put(TypeTable.SNAPSHOT_TYPE, TypeTable.SNAPSHOT_SCHEMA_VERSION);
        versionOverrides.forEach((type, v) -> {
            if (!versions.containsKey(type)) throw new IllegalArgumentException("unknown type " + type);
            if (v < 1) throw new IllegalArgumentException("schema version of " + type + " must be at least 1");
            versions.put(type, v);
        });
        this.currentVersions = Map.copyOf(versions);
        upcasters.checkAgainst(currentVersions);
        this.upcasters = upcasters;
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new DomainModule(MAX_STRING_LENGTH))
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .defaultLeniency(false)
                .build();
        this.treeReader = mapper.reader();
        Map<Class<?>, ObjectReader> readers = new LinkedHashMap<>();
        for (TypeTable.EventType row : TypeTable.events()) readers.put(row.type(), mapper.readerFor(row.type()));
        this.eventReaders = Map.copyOf(readers);
        this.snapshotReader = mapper.readerFor(CaseState.class);
        this.payloadWriter = mapper.writer();
        this.canonicalWriter = mapper.writer()
                .withAttribute(RecordSerializer.CANONICAL, Boolean.TRUE)
                .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** @return a codec; create one and share it (it is thread-safe and costly to build) */
    public static CaseCodec create() {
        return new CaseCodec(Map.of(), Upcasters.standard(), null, null);
    }

    /**
     * A codec that encrypts personal values (see {@link PersonalValues} for the stored form) and decrypts them, a
     * value whose key was destroyed reading as {@link io.github.xinfang.petition.Withheld#ERASED}.
     *
     * @param keys the key provider
     * @param cipher the cipher
     * @return the codec; create one and share it
     * @throws NullPointerException if an argument is null
     */
    public static CaseCodec create(KeyProvider keys, PersonalDataCipher cipher) {
        return new CaseCodec(Map.of(), Upcasters.standard(), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(cipher, "cipher"));
    }

    /**
     * A codec whose table differs from this release's: for tests of the upcasting hook, and for preparing a
     * schema change before it is made in {@code TypeTable}.
     *
     * @param versionOverrides current schema versions by type name, replacing the table's
     * @param upcasters the upcasting chains to use instead of the standard ones
     * @return the codec
     * @throws IllegalArgumentException if a type is unknown, or a step does not lead to a version up to the current one
     */
    static CaseCodec create(Map<String, Integer> versionOverrides, Upcasters upcasters) {
        return new CaseCodec(Map.copyOf(versionOverrides), Objects.requireNonNull(upcasters, "upcasters"), null, null);
    }

    /**
     * @param typeName a stored type name (an event's, or {@code case.snapshot})
     * @return the schema version this codec writes for it
     * @throws IllegalArgumentException for an unknown type name
     */
    int currentVersion(String typeName) {
        Integer v = currentVersions.get(typeName);
        if (v == null) throw new IllegalArgumentException("unknown type " + typeName);
        return v;
    }

    /**
     * Encodes an event.
     *
     * @param event the event
     * @return the stored record: type name and schema version from the table, JSON payload
     * @throws CodecException ({@link Problem#NOT_ENCODABLE}) if the payload would exceed a decoding limit
     */
    public StoredEvent encode(CaseEvent event) {
        Objects.requireNonNull(event, "event");
        TypeTable.EventType row = TypeTable.event(event.getClass());
        if (row == null) throw new AssertionError("no type name for " + event.getClass().getName());
        ObjectWriter writer = keys == null ? payloadWriter : payloadWriter.withAttribute(PersonalValues.WRITER,
                PersonalValues.sealing(keys, cipher, event.caseId(), row.name(), event.sequence()));
        String payload = write(writer, event, row.name());
        return new StoredEvent(event.caseId().value(), event.sequence(), row.name(), currentVersion(row.name()), payload,
                event.recordedAt());
    }

    /**
     * Decodes a stored event.
     *
     * @param stored the stored record
     * @return the event, equal to the one encoded
     * @throws CodecException if the type name or schema version is not supported, or the payload cannot be
     *     read (malformed, over a limit, missing, unknown or ill-typed field, invalid value)
     */
    public CaseEvent decode(StoredEvent stored) {
        Objects.requireNonNull(stored, "stored");
        return StoredText.read(() -> decodeEvent(stored));
    }

    /**
     * Decodes a stored event as if it were new input: every value must satisfy today's text rule
     * ({@link io.github.xinfang.text.TextRule}), which {@link #decode} does not ask of stored records.
     *
     * @param stored the stored record
     * @return the event
     * @throws CodecException as {@link #decode} does, and ({@link Problem#INVALID_VALUE}) for text that breaks the rule
     */
    public CaseEvent decodeStrictly(StoredEvent stored) {
        Objects.requireNonNull(stored, "stored");
        if (StoredText.reading()) throw new IllegalStateException("decodeStrictly inside a lenient read");
        return decodeEvent(stored);
    }

    private CaseEvent decodeEvent(StoredEvent stored) {
        TypeTable.EventType row = TypeTable.event(stored.type());
        TypeTable.Retired retired = row == null ? TypeTable.retired(stored.type()) : null;
        if (retired != null) row = TypeTable.event(retired.becomes());
        if (row == null) {
            throw new CodecException(printable(stored.type()), stored.schemaVersion(), Problem.UNKNOWN_TYPE, null, null, null);
        }
        checkVersion(row.name(), stored.schemaVersion());
        EventId id;
        try {
            id = new EventId(new CaseId(stored.caseId()), stored.sequence());
        } catch (IllegalArgumentException e) {
            throw new CodecException(row.name(), stored.schemaVersion(), Problem.INVALID_VALUE, "id",
                    "stored case id refused by CaseId", e);
        }
        ObjectReader reader = eventReaders.get(row.type()).withAttribute(RecordDeserializer.EVENT_ID_ATTRIBUTE, id);
        boolean sealed = stored.payload().contains(SEALED_MARK);
        if (retired == null && stored.schemaVersion() == currentVersion(row.name()) && !sealed) {
            return (CaseEvent) stream(reader, stored.payload(), row.name(), stored.schemaVersion());
        }
        JsonNode tree = parse(stored.payload(), row.name(), stored.schemaVersion());
        if (sealed) {
            tree = PersonalValues.open(tree, keys, cipher, id.caseId(), stored.type(), stored.sequence(), stored.schemaVersion());
        }
        if (retired != null) tree = rewrite(retired, (ObjectNode) tree, stored.schemaVersion());
        tree = upcast(tree, row.name(), stored.schemaVersion());
        return (CaseEvent) read(reader, tree, row.name(), stored.schemaVersion());
    }

    /**
     * Encodes a snapshot.
     *
     * @param state the state
     * @param version the case's version after the commit that produced it (at least 1)
     * @return the stored snapshot, at the snapshot's current schema version ({@value TypeTable#SNAPSHOT_SCHEMA_VERSION})
     * @throws CodecException ({@link Problem#NOT_ENCODABLE}) if the payload would exceed a decoding limit
     */
    public StoredSnapshot encodeSnapshot(CaseState state, long version) {
        Objects.requireNonNull(state, "state");
        ObjectWriter writer = keys == null ? payloadWriter : payloadWriter.withAttribute(PersonalValues.WRITER,
                PersonalValues.sealing(keys, cipher, state.caseId(), TypeTable.SNAPSHOT_TYPE, version));
        String payload = write(writer, state, TypeTable.SNAPSHOT_TYPE);
        return new StoredSnapshot(state.caseId().value(), version, currentVersion(TypeTable.SNAPSHOT_TYPE), payload);
    }

    /**
     * Decodes a snapshot.
     *
     * @param stored the stored snapshot
     * @return the state, equal to the one encoded
     * @throws CodecException if the schema version is not supported, the payload cannot be read, or it belongs
     *     to another case than the stored record says
     */
    public CaseState decodeSnapshot(StoredSnapshot stored) {
        Objects.requireNonNull(stored, "stored");
        return StoredText.read(() -> readSnapshot(stored));
    }

    private CaseState readSnapshot(StoredSnapshot stored) {
        String type = TypeTable.SNAPSHOT_TYPE;
        checkVersion(type, stored.schemaVersion());
        boolean sealed = stored.payload().contains(SEALED_MARK);
        if (stored.schemaVersion() == currentVersion(type) && !sealed) {
            return checkedCase((CaseState) stream(snapshotReader, stored.payload(), type, stored.schemaVersion()), stored);
        }
        JsonNode tree = parse(stored.payload(), type, stored.schemaVersion());
        if (sealed) {
            CaseId caseId;
            try {
                caseId = new CaseId(stored.caseId());
            } catch (IllegalArgumentException e) {
                throw new CodecException(type, stored.schemaVersion(), Problem.INVALID_VALUE, "caseId",
                        "stored case id refused by CaseId", e);
            }
            tree = PersonalValues.open(tree, keys, cipher, caseId, type, stored.version(), stored.schemaVersion());
        }
        tree = upcast(tree, type, stored.schemaVersion());
        return checkedCase((CaseState) read(snapshotReader, tree, type, stored.schemaVersion()), stored);
    }

    private static CaseState checkedCase(CaseState state, StoredSnapshot stored) {
        if (!state.caseId().value().equals(stored.caseId())) {
            throw new CodecException(TypeTable.SNAPSHOT_TYPE, stored.schemaVersion(), Problem.INVALID_VALUE, "caseId",
                    "differs from the stored record's case id", null);
        }
        return state;
    }

    /**
     * The same event with placeholders for some persons' values: for reads of restricted data and for a petitioner's
     * own copy. Works in clear, whatever the codec's keys.
     *
     * @param event the event, as decoded
     * @param reasons for each key of the case, the placeholder to show instead of its values, or null to show them
     * @return the event with those values withheld
     */
    public CaseEvent withhold(CaseEvent event, Function<DataKey, Withheld> reasons) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reasons, "reasons");
        TypeTable.EventType row = TypeTable.event(event.getClass());
        ObjectWriter writer = payloadWriter.withAttribute(PersonalValues.WRITER, PersonalValues.withholding(event.caseId(), reasons));
        StoredEvent shown = new StoredEvent(event.caseId().value(), event.sequence(), row.name(), currentVersion(row.name()),
                write(writer, event, row.name()), event.recordedAt());
        return decode(shown);
    }

    /**
     * The same state with placeholders for some persons' values (see {@link #withhold(CaseEvent, Function)}).
     *
     * @param state the state, as decoded
     * @param reasons for each key of the case, the placeholder to show instead of its values, or null to show them
     * @return the state with those values withheld
     */
    public CaseState withhold(CaseState state, Function<DataKey, Withheld> reasons) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reasons, "reasons");
        ObjectWriter writer = payloadWriter.withAttribute(PersonalValues.WRITER, PersonalValues.withholding(state.caseId(), reasons));
        String type = TypeTable.SNAPSHOT_TYPE;
        return decodeSnapshot(new StoredSnapshot(state.caseId().value(), Math.max(1, state.lastSequence()),
                currentVersion(type), write(writer, state, type)));
    }

    /**
     * Computes the digest of a command (see the class description for the canonical encoding).
     *
     * @param command the command; its fields may be null
     * @return 64 lower-case hex digits
     * @throws CodecException ({@link Problem#NOT_ENCODABLE}) only on an internal failure
     */
    public String digest(CaseCommand command) {
        Objects.requireNonNull(command, "command");
        String name = TypeTable.command(command.getClass());
        if (name == null) throw new AssertionError("no type name for " + command.getClass().getName());
        String canonical = TypeTable.COMMAND_ENCODING + "\n" + name + "\n" + write(canonicalWriter, command, name);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The type names of the events, by class, in the table's order (for tests and documentation). */
    static Map<Class<? extends CaseEvent>, String> eventTypeNames() {
        Map<Class<? extends CaseEvent>, String> m = new LinkedHashMap<>();
        TypeTable.events().forEach(row -> m.put(row.type(), row.name()));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The type names of the commands, by class, in the table's order (for tests and documentation). */
    static Map<Class<? extends CaseCommand>, String> commandTypeNames() {
        return TypeTable.commands();
    }

    /** The canonical JSON of a command, as hashed by {@link #digest} (for tests). */
    String canonicalJson(CaseCommand command) {
        return write(canonicalWriter, command, TypeTable.command(command.getClass()));
    }

    private static String write(ObjectWriter writer, Object value, String type) {
        String json;
        try {
            json = writer.writeValueAsString(value);
        } catch (JsonMappingException e) {
            // the key provider's or the cipher's own failure: an infrastructure failure, not a value the codec refuses
            PersonalDataException keys = find(e, PersonalDataException.class);
            if (keys != null) throw keys;
            String detail = e instanceof CodecProblem cp ? cp.detail() : "serializer failed: " + e.getClass().getSimpleName();
            throw new CodecException(type, 0, Problem.NOT_ENCODABLE, path(e), detail, null);
        } catch (JsonProcessingException e) {
            throw new CodecException(type, 0, Problem.NOT_ENCODABLE, null, "generator failed: " + e.getClass().getSimpleName(), null);
        }
        if (json.length() > MAX_DOCUMENT_LENGTH) {
            throw new CodecException(type, 0, Problem.NOT_ENCODABLE, null,
                    "payload longer than " + MAX_DOCUMENT_LENGTH + " characters", null);
        }
        return json;
    }

    /** Phase 0: the stored version must be the current one, or reach it through upcasters. */
    private void checkVersion(String type, int version) {
        int current = currentVersion(type);
        int oldest = upcasters.oldestReadable(type, current);
        if (version < oldest || version > current) {
            throw new CodecException(type, version, Problem.UNSUPPORTED_SCHEMA_VERSION, null,
                    "supported: " + (oldest == current ? String.valueOf(current) : oldest + " to " + current), null);
        }
    }

    /** Phase 1a: a record stored under a retired name becomes one of the type it became, at its stored version. */
    private static ObjectNode rewrite(TypeTable.Retired retired, ObjectNode tree, int version) {
        try {
            return retired.rewrite().upcast(tree);
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            // The rewrite's own message might quote the payload: keep only its class.
            throw new CodecException(retired.name(), version, Problem.INVALID_VALUE, null,
                    "reading it as " + retired.becomes() + " failed: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Phase 1b: bring a payload of an older version to the current one, one step at a time. */
    private JsonNode upcast(JsonNode tree, String type, int version) {
        int current = currentVersion(type);
        ObjectNode node = (ObjectNode) tree;
        for (int v = version; v < current; v++) {
            Upcaster step = upcasters.step(type, v);
            try {
                node = step.upcast(node);
            } catch (CodecException e) {
                throw e;
            } catch (RuntimeException e) {
                // The step's own message might quote the payload: keep only its class.
                throw new CodecException(type, version, Problem.INVALID_VALUE, null,
                        "upcaster from v" + v + " failed: " + e.getClass().getSimpleName(), null);
            }
            if (node == null) {
                throw new CodecException(type, version, Problem.INVALID_VALUE, null, "upcaster from v" + v + " returned nothing", null);
            }
        }
        return node;
    }

    /** A payload longer than {@link #MAX_DOCUMENT_LENGTH} is refused before any parsing. */
    private static void checkLength(String payload, String type, int version) {
        if (payload.length() > MAX_DOCUMENT_LENGTH) {
            throw new CodecException(type, version, Problem.LIMIT_EXCEEDED, null,
                    "payload longer than " + MAX_DOCUMENT_LENGTH + " characters", null);
        }
    }

    private static void closeQuietly(JsonParser p) {
        if (p == null) return;
        try {
            p.close();
        } catch (IOException ignored) {
            // a parser over a String holds no resource
        }
    }

    /** Phase 1: the payload must be one well-formed JSON object within the limits. */
    private JsonNode parse(String payload, String type, int version) {
        checkLength(payload, type, version);
        JsonParser p = null;
        try {
            p = treeReader.createParser(payload);
            JsonNode tree = treeReader.readTree(p);
            if (tree == null || tree.isMissingNode()) {
                throw new CodecException(type, version, Problem.MALFORMED_JSON, null, "empty payload", null);
            }
            if (p.nextToken() != null) {
                throw new CodecException(type, version, Problem.MALFORMED_JSON, null, "content after the JSON value", null);
            }
            if (!tree.isObject()) {
                throw new CodecException(type, version, Problem.WRONG_TYPE, null, "payload must be a JSON object", null);
            }
            return tree;
        } catch (IOException e) {
            String where = p == null ? null : path(p.getParsingContext());
            StreamConstraintsException limit = find(e, StreamConstraintsException.class);
            if (limit != null) {
                throw new CodecException(type, version, Problem.LIMIT_EXCEEDED, where, limitDetail(limit), null);
            }
            String at = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? "line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : null;
            throw new CodecException(type, version, Problem.MALFORMED_JSON, where, at, null);
        } finally {
            closeQuietly(p);
        }
    }

    /**
     * Phases 1 and 2 in one pass, for a payload of the current version with nothing to open or upcast: the parser feeds
     * the domain deserializers directly, with no tree in between. The same limits, the same strictness (duplicate keys,
     * trailing content) and the same problems as {@link #parse} then {@link #read}: a syntax error or a limit anywhere
     * is {@link Problem#MALFORMED_JSON} or {@link Problem#LIMIT_EXCEEDED}, even when the binding had failed first.
     */
    private Object stream(ObjectReader reader, String payload, String type, int version) {
        checkLength(payload, type, version);
        JsonParser p = null;
        try {
            p = reader.createParser(payload);
            JsonToken first = p.nextToken();
            if (first == null) throw new CodecException(type, version, Problem.MALFORMED_JSON, null, "empty payload", null);
            if (first != JsonToken.START_OBJECT) {
                // not an object: parse() says what (malformed, trailing content, or not an object)
                parse(payload, type, version);
                throw new AssertionError("parse() accepted a payload that is not an object");
            }
            Object value;
            try {
                value = reader.readValue(p);
            } catch (IOException | RuntimeException e) {
                // on any failure, the two-phase path answers: the same problem, path and detail as before streaming
                return read(reader, parse(payload, type, version), type, version);
            }
            if (p.nextToken() != null) {
                throw new CodecException(type, version, Problem.MALFORMED_JSON, null, "content after the JSON value", null);
            }
            return value;
        } catch (IOException e) {
            // the first token or the trailing content is not JSON: parse() names the place
            parse(payload, type, version);
            throw new CodecException(type, version, Problem.MALFORMED_JSON, null, "content after the JSON value", null);
        } finally {
            closeQuietly(p);
        }
    }

    /** Phase 2: bind the tree to the domain type through the canonical constructors. */
    private static Object read(ObjectReader reader, JsonNode tree, String type, int version) {
        try {
            return reader.readValue(tree);
        } catch (CodecProblem e) {
            throw new CodecException(type, version, e.problem(), path(e), e.detail(), e.safeCause());
        } catch (JsonMappingException e) {
            throw new CodecException(type, version, classify(e), path(e), describe(e), null);
        } catch (IOException e) {
            throw new CodecException(type, version, classify(e), null, describe(e), null);
        } catch (RuntimeException e) {
            // A bug in a deserializer: report without the exception, whose message might quote input.
            throw new CodecException(type, version, Problem.INVALID_VALUE, null, "unexpected " + e.getClass().getSimpleName(), null);
        }
    }

    private static Problem classify(IOException e) {
        if (find(e, StreamConstraintsException.class) != null) return Problem.LIMIT_EXCEEDED;
        InvalidFormatException format = find(e, InvalidFormatException.class);
        if (format != null) return format.getValue() instanceof String ? Problem.INVALID_VALUE : Problem.WRONG_TYPE;
        if (find(e, MismatchedInputException.class) != null) return Problem.WRONG_TYPE;
        if (find(e, InputCoercionException.class) != null) return Problem.WRONG_TYPE;
        return Problem.WRONG_TYPE;
    }

    static String describe(IOException e) {
        MismatchedInputException m = find(e, MismatchedInputException.class);
        if (m != null && m.getTargetType() != null) return "expected " + m.getTargetType().getSimpleName();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName();
    }

    private static String limitDetail(StreamConstraintsException e) {
        // Jackson's own message names the limit and its value, never the input; keep only its first sentence.
        String m = e.getOriginalMessage();
        if (m == null) return null;
        int stop = m.indexOf('(');
        return (stop > 0 ? m.substring(0, stop) : m).strip();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (refs.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(TypeTable.isSchemaName(r.getFieldName()) || r.getFieldName().equals("?") ? r.getFieldName() : "?");
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String path(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                String name = c.getCurrentName();
                segments.add(0, "." + (TypeTable.isSchemaName(name) ? name : "?"));
            } else if (c.inArray()) {
                segments.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        if (segments.isEmpty()) return null;
        String joined = String.join("", segments);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String printable(String typeName) {
        return PRINTABLE_TYPE_NAME.matcher(typeName).matches() ? typeName : "(unprintable type name)";
    }
}
