package io.github.xinfang.persistence.memory;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Generators of stored records and of commit attempts for the store's properties. Payloads are opaque
 * text that must come back byte for byte, so they mix random code points (every plane, never a lone
 * surrogate, never NUL) with fragments that storage layers are known to mangle: CJK (including
 * supplementary-plane ideographs), emoji and ZWJ sequences, combining marks next to their precomposed
 * twins, every kind of whitespace, a BOM, escaped and unescaped quotes and backslashes, JSON with odd
 * spacing and key order.
 */
final class StoredRecordGenerators {

    /** Case ids the attempts pick from: opaque text too. */
    static final List<String> CASE_IDS = List.of("case-1", "积案-2024-0007", "c 3 ✓");

    private static final List<String> FRAGMENTS = List.of(
            "信访事项", "积案化解", "𠮷野家", "😀", "👨‍👩‍👧", "🇨🇳", "é", "e\u0301", "Å", "A\u030A",
            " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u200B", "\uFEFF",
            "\"", "\\\"", "\\", "\\\\", "\\u4e2d", "\\n", "'", "`",
            "{\"b\":1,\"a\":2}", "{ \"a\" : [ 1 , 2.50 , 1e3 ] }", "{\"text\":\"他说：\\\"你好\\\"\"}", "null", "",
            "ｆｕｌｌ", "\u202Eevil", "<script>", "&amp;", "%00", "0x");

    private StoredRecordGenerators() {}

    /** @return any code point of any plane, except NUL and the surrogate range */
    static Gen<String> codePoints() {
        return integers().between(1, 0x10FFFF).map(cp -> {
            int safe = cp >= 0xD800 && cp <= 0xDFFF ? cp - 0x800 : cp;
            return new String(Character.toChars(safe));
        });
    }

    /** @return opaque payload text, often tricky, sometimes empty */
    static Gen<String> payloads() {
        Gen<String> piece = Generate.pick(FRAGMENTS).mix(codePoints(), 40);
        return lists().of(piece).ofSizeBetween(0, 10).map(parts -> String.join("", parts));
    }

    /** @return an instant anywhere in a wide range, with nanoseconds */
    static Gen<Instant> instants() {
        return longs().between(-10_000_000_000L, 10_000_000_000L)
                .zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    /** @return one event's content; the case and sequence are filled in when the attempt runs */
    static Gen<EventSpec> eventSpecs() {
        Gen<String> types = Generate.pick(List.of("Registered", "Routed", "案件.已受理", "Type With Space"));
        return types.zip(integers().between(1, 3), payloads(), instants(), EventSpec::new);
    }

    /** @return the index columns a commit sets */
    static Gen<RowSpec> rowSpecs() {
        Gen<String> stages = Generate.pick(List.of("REGISTERED", "ROUTED", "IN_HANDLING", "CONCLUDED"));
        Gen<String> regions = Generate.pick(List.of("440103", "110101", "650000"));
        Gen<String> units = Generate.pick(List.of("", "unit-1", "广州市信访局", "unit 2")).toOptionals(30)
                .map(o -> o.orElse(null));
        return stages.zip(regions, units, RowSpec::new);
    }

    /**
     * @return one attempt: mostly well-formed, often at a stale or future version, with a repeated key or
     *     a key of another case, or with events that do not continue the history
     */
    static Gen<Step> steps() {
        Gen<Integer> caseIndex = integers().between(0, CASE_IDS.size() - 1);
        Gen<Integer> offsets = frequency(6, Generate.constant(0), 1, integers().between(-3, 3));
        Gen<KeyChoice> keys = frequency(6, Generate.constant(KeyChoice.FRESH), 1,
                Generate.enumValues(KeyChoice.class));
        Gen<Integer> picks = integers().between(0, 1_000);
        Gen<List<EventSpec>> events = lists().of(eventSpecs()).ofSizeBetween(1, 3);
        Gen<String> payloads = payloads();
        Gen<RowSpec> rows = rowSpecs();
        Gen<String> digests = Generate.pick(List.of("sha256:00", "sha256:ff", "9f86d081884c7d659a2feaa0c55ad015"));
        return in -> new Step(caseIndex.generate(in), offsets.generate(in), keys.generate(in), picks.generate(in),
                offsets.generate(in), events.generate(in), payloads.generate(in), rows.generate(in),
                digests.generate(in));
    }

    /** @return several attempts in a row */
    static Gen<List<Step>> histories() {
        return lists().of(steps()).ofSizeBetween(1, 30);
    }

    private static <T> Gen<T> frequency(int weightA, Gen<T> a, int weightB, Gen<T> b) {
        List<Pair<Integer, Gen<T>>> choices = new ArrayList<>();
        choices.add(Pair.of(weightA, a));
        choices.add(Pair.of(weightB, b));
        return Generate.frequency(choices);
    }

    /** Where an attempt's idempotency key comes from. */
    enum KeyChoice { FRESH, SAME_CASE, OTHER_CASE }

    /** An event's content. */
    record EventSpec(String type, int schemaVersion, String payload, Instant recordedAt) {}

    /** The index columns of a commit. */
    record RowSpec(String stage, String regionCode, String handlingUnit) {}

    /**
     * One attempt to commit, resolved against the model when it runs.
     *
     * @param caseIndex which of {@link #CASE_IDS}
     * @param versionOffset added to the right expected version (0: right)
     * @param key where the key comes from
     * @param keyPick which existing key, modulo their number
     * @param sequenceOffset added to the right first sequence number (0: right)
     * @param events the events' content
     * @param snapshotPayload the snapshot's text
     * @param row the index columns
     * @param digest the command digest
     */
    record Step(int caseIndex, int versionOffset, KeyChoice key, int keyPick, int sequenceOffset,
                List<EventSpec> events, String snapshotPayload, RowSpec row, String digest) {}
}
