package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * QuickTheories generators of realistic stored records, for the suites of this kit and for an integrator's
 * own properties: case ids, JSON payload texts, event type names, instants, events, snapshots, index rows
 * (with the unit, official and batch ids they use) and whole commit sequences over several cases.
 *
 * <p>Payloads are always well-formed JSON (so an adapter may keep them in a {@code json} column), and they
 * are written the way storage layers are known to mangle: CJK text (including supplementary-plane
 * ideographs), emoji and ZWJ sequences, combining marks next to their precomposed twins, full-width and
 * bidirectional characters, escapes ({@code \"}, {@code \\}, {@code \/}, {@code \n}, {@code \u4e2d}, surrogate
 * pairs written as escapes), numbers in non-canonical forms ({@code 2.50}, {@code 1E3}, {@code -0}), repeated
 * keys, keys out of alphabetical order and every kind of insignificant whitespace. A store must return them
 * byte for byte (rule S1): a {@code jsonb} column, a JSON re-serialiser or a three-byte UTF-8 charset fails.
 *
 * <p>Instants lie between 2000 and 2100 and often carry a sub-microsecond part, since rule S1 asks for the
 * same instant, not a rounded one. Attention instants come from a small set, so ties (broken by case id)
 * are common.
 *
 * <p>Stateless and thread-safe; every generator draws only from the randomness QuickTheories gives it, so
 * failures shrink and replay from the printed seed.
 *
 * @since 0.1
 */
public final class StoredRecordGenerators {

    /** Realistic region codes (GB/T 2260) sharing prefixes, so region-prefix filters select subsets. */
    private static final List<String> REGIONS = List.of(
            "440103", "440104", "440106", "440300", "450802", "450821", "450100", "110101", "110105", "650102");

    private static final List<String> STAGES = List.of(
            "REGISTERED", "ROUTED", "ACCEPTED", "IN_HANDLING", "OPINION_ISSUED", "IN_REVIEW", "CONCLUDED", "WITHDRAWN");

    private static final List<String> TRACK_STATES = List.of("LISTED", "IN_RESOLUTION", "RESOLVED", "ESCALATED");

    private static final List<String> UNITS = List.of(
            "unit-gz-xfj", "unit-gz-yuexiu", "unit-gz-haizhu", "unit-gg-xfj", "unit-bj-dongcheng", "unit-sz-zjj",
            "广州市信访局", "U-0001");

    private static final List<String> CLOCKS = List.of(
            "ROUTING", "TELLING", "HANDLING", "REVIEW", "RE_REVIEW", "handling", "PLAN_STEP:1.2", "PLAN_STEP:2.1",
            "BATCH_TARGET:专项-2025-01", "SUPERVISION_FEEDBACK:1", "REPLACEMENT:1");

    private static final List<String> OFFICIALS = List.of("off-0001", "off-0002", "off-0417", "官员-7");

    private static final List<String> BATCHES = List.of("2024-Q1", "2024-Q2", "专项-2025-01", "B-17");
    /** Subject tags: two differing only in case, one with a space, one Chinese, one containing the id separator. */
    private static final List<String> TAGS = List.of("estate:金港华府", "Estate:A", "estate:a", "employer:西江 物流", "project#2");
    /** Days of the latest petition: neighbours, so a window's first day ties with some and misses others by one. */
    private static final List<java.time.LocalDate> PETITION_DAYS = List.of(java.time.LocalDate.of(2024, 2, 28),
            java.time.LocalDate.of(2024, 2, 29), java.time.LocalDate.of(2024, 3, 1), java.time.LocalDate.of(2025, 1, 1));

    private static final List<String> TYPES = List.of(
            "CaseRegistered", "CaseRouted", "CaseAccepted", "DeadlineExtended", "OpinionIssued",
            "ReviewRequested", "case.package-assigned", "case.resolved", "Withdrawn.v2");

    /** Text inside JSON strings: raw, as it would be typed into a petition form, or already escaped. */
    private static final List<String> STRING_PIECES = List.of(
            "信访事项", "积案化解", "广州市越秀区", "𠮷野家", "𩸽", "😀", "👨‍👩‍👧", "🇨🇳", "é", "e\u0301", "Å", "A\u030A",
            "ｆｕｌｌ", "\u202Eevil", "\u200B", "\u00A0", "\u3000", "\uFEFF", "\u2028", "ß", "Ǆ", "İ",
            "\\\"", "\\\\", "\\/", "\\n", "\\r\\n", "\\t", "\\u4e2d", "\\u00e9", "\\ud83d\\ude00", "\\b\\f",
            "'", "`", "<script>", "&amp;", "%00", "0x1F", " ", "  ", "plain ascii", "1980-02-29");

    private static final List<String> KEYS = List.of(
            "type", "caseId", "案件编号", "petitioner", "诉求", "unit", "deadline", "note 📝", "a", "Z", "z", "_", "");

    private static final List<String> NUMBERS = List.of(
            "0", "-0", "1", "2.50", "1E3", "1e-7", "-12.0", "3.141592653589793238462643383279", "9007199254740993",
            "1.0E+2");

    private static final List<String> WHITESPACE = List.of("", "", "", " ", "  ", "\n", "\n  ", "\t", "\r\n", " \n\t ");

    private static final Instant BASE = Instant.parse("2024-03-01T00:00:00Z");

    /** Fixed payloads for the concurrency tests, which draw no randomness. */
    private static final List<String> SAMPLES = List.of(
            "{\"type\":\"CaseRegistered\",\"诉求\":\"要求解决拖欠工资问题 😀\"}",
            "{ \"unit\" : \"广州市信访局\",\n  \"note\":\"e\u0301 vs é\" }",
            "{\"b\":1,\"a\":[2.50, 1E3, -0],\"a\":\"\\u4e2d\\\"\"}",
            "\t{\"family\":\"👨‍👩‍👧\",\"rare\":\"𠮷\"}\r\n");

    private StoredRecordGenerators() {}

    /** @return a fixed, tricky payload, for tests that draw no randomness */
    static String samplePayload(int i) {
        return SAMPLES.get(Math.floorMod(i, SAMPLES.size()));
    }

    /** @return region-code prefixes, one to six digits, of the regions {@link #indexRows} uses */
    public static Gen<String> regionPrefixes() {
        return Generate.pick(REGIONS).zip(integers().between(1, 6), (r, n) -> r.substring(0, n));
    }

    /** @return unit ids, from the set {@link #indexRows} uses, plus one no row names */
    public static Gen<String> unitIds() {
        List<String> units = new ArrayList<>(UNITS);
        units.add("unit-nobody");
        return Generate.pick(units);
    }

    /** @return official ids, from the set {@link #indexRows} uses as active leaders, plus one no row names */
    public static Gen<String> officialIds() {
        List<String> officials = new ArrayList<>(OFFICIALS);
        officials.add("off-nobody");
        return Generate.pick(officials);
    }

    /** @return batch ids, from the set {@link #indexRows} uses, plus one no row names */
    public static Gen<String> batchIds() {
        List<String> batches = new ArrayList<>(BATCHES);
        batches.add("batch-nobody");
        return Generate.pick(batches);
    }

    /**
     * Case ids: caller-supplied text, mostly in the {@code XF-440103-2025-000123} shape, with lower-case,
     * digit-only and CJK variants whose order differs between byte order and a locale collation.
     *
     * @return ids, not necessarily distinct
     */
    public static Gen<String> caseIds() {
        Gen<String> prefixes = Generate.pick(List.of("XF-", "xf-", "JA-", "", "积案-", "Xf-"));
        return prefixes.zip(Generate.pick(REGIONS), integers().between(2019, 2026), integers().between(1, 999_999),
                (p, r, y, n) -> p + r + "-" + y + "-" + String.format("%06d", n));
    }

    /** @return stable event type names, as core's codec chooses them */
    public static Gen<String> eventTypes() {
        return Generate.pick(TYPES);
    }

    /** @return well-formed JSON texts that must come back byte for byte */
    public static Gen<String> payloads() {
        return in -> {
            StringBuilder b = new StringBuilder();
            b.append(pick(in, WHITESPACE));
            appendObject(in, b, 0);
            b.append(pick(in, WHITESPACE));
            return b.toString();
        };
    }

    private static void appendValue(RandomnessSource in, StringBuilder b, int depth) {
        int kind = between(in, 0, depth >= 2 ? 4 : 6);
        switch (kind) {
            case 0: appendString(in, b); break;
            case 1: b.append(pick(in, NUMBERS)); break;
            case 2: b.append(pick(in, List.of("true", "false", "null"))); break;
            case 3: appendString(in, b); break;
            case 4: b.append(pick(in, NUMBERS)); break;
            case 5: appendObject(in, b, depth + 1); break;
            default: appendArray(in, b, depth + 1); break;
        }
    }

    private static void appendObject(RandomnessSource in, StringBuilder b, int depth) {
        int n = between(in, 0, depth == 0 ? 6 : 3);
        b.append('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(pick(in, WHITESPACE)).append(',');
            b.append(pick(in, WHITESPACE)).append('"').append(pick(in, KEYS)).append('"')
                    .append(pick(in, WHITESPACE)).append(':').append(pick(in, WHITESPACE));
            appendValue(in, b, depth);
        }
        b.append(pick(in, WHITESPACE)).append('}');
    }

    private static void appendArray(RandomnessSource in, StringBuilder b, int depth) {
        int n = between(in, 0, 3);
        b.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            b.append(pick(in, WHITESPACE));
            appendValue(in, b, depth);
        }
        b.append(pick(in, WHITESPACE)).append(']');
    }

    private static void appendString(RandomnessSource in, StringBuilder b) {
        int n = between(in, 0, 5);
        b.append('"');
        for (int i = 0; i < n; i++) b.append(pick(in, STRING_PIECES));
        b.append('"');
    }

    /** @return instants between 2000 and 2100, often with a nanosecond part */
    public static Gen<Instant> instants() {
        return in -> {
            long seconds = longs().between(946_684_800L, 4_102_444_800L).generate(in);
            int nanosKind = between(in, 0, 3);
            int nanos = nanosKind == 0 ? 0
                    : nanosKind == 1 ? between(in, 0, 999) * 1_000_000
                    : nanosKind == 2 ? between(in, 0, 999_999) * 1_000 : between(in, 0, 999_999_999);
            return Instant.ofEpochSecond(seconds, nanos);
        };
    }

    /** @return next-attention instants from a small set around March 2024, so that ties are common */
    public static Gen<Instant> attentionInstants() {
        return in -> {
            Instant at = BASE.plus(Duration.ofHours(between(in, 0, 23) * 6L));
            return between(in, 0, 4) == 0 ? at.plusNanos(between(in, 1, 999_999_999)) : at;
        };
    }

    /**
     * @param caseId the case
     * @param firstSequence the first event's sequence number
     * @param maxEvents the most events, at least 1
     * @return one to {@code maxEvents} events with consecutive sequence numbers
     */
    public static Gen<List<StoredEvent>> events(String caseId, long firstSequence, int maxEvents) {
        return in -> {
            int n = between(in, 1, maxEvents);
            List<StoredEvent> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                events.add(new StoredEvent(caseId, firstSequence + i, pick(in, TYPES), between(in, 1, 3),
                        payloads().generate(in), instants().generate(in)));
            }
            return events;
        };
    }

    /**
     * @param caseId the case
     * @param version the version the snapshot reflects
     * @return snapshots with JSON payloads
     */
    public static Gen<StoredSnapshot> snapshots(String caseId, long version) {
        return in -> new StoredSnapshot(caseId, version, between(in, 1, 3), payloads().generate(in));
    }

    /**
     * Index rows with random columns: optional columns often empty, multi-valued columns of zero to four
     * ids (subject tags too), latest petition days that neighbour each other, region codes sharing prefixes, attention and earliest due instants from {@link #attentionInstants()}
     * (so due instants tie with each other and with the instants a workload is counted at), active leaders from
     * {@link #officialIds()}, access columns naming the same units and officials (a third of the rows accusing some of
     * them), and now and then a schema version above the current one.
     *
     * @param caseId the case
     * @param version the case version the row reflects
     * @return index rows
     */
    public static Gen<IndexRow> indexRows(String caseId, long version) {
        return in -> {
            IndexRow.Builder b = IndexRow.builder(caseId).version(version)
                    .stage(pick(in, STAGES))
                    .regionCode(pick(in, REGIONS))
                    .handlingUnit(maybe(in, UNITS))
                    .nextAttentionAt(between(in, 0, 3) == 0 ? null : attentionInstants().generate(in))
                    .unitsInvolved(some(in, UNITS))
                    .trackState(maybe(in, TRACK_STATES))
                    .activeLeader(maybe(in, OFFICIALS))
                    .leadUnit(maybe(in, UNITS))
                    .batches(some(in, BATCHES))
                    .earliestDueAt(between(in, 0, 2) == 0 ? null : attentionInstants().generate(in));
            if (between(in, 0, 9) == 0) b.schemaVersion(2);
            b.clockDues(clockDues().generate(in));
            b.subjectTags(some(in, TAGS));
            if (between(in, 0, 4) > 0) b.lastPetitionOn(pick(in, PETITION_DAYS));
            b.accessUnits(some(in, UNITS)).accessOfficials(some(in, OFFICIALS));
            if (between(in, 0, 2) == 0) b.accusedUnits(some(in, UNITS)).accusedOfficials(some(in, OFFICIALS));
            return b.build();
        };
    }

    /**
     * Clock dues of an index row: zero to four distinct clock names (clocks such as {@code HANDLING} and duties such
     * as {@code PLAN_STEP:1.2}, names that differ only in case among them), each due at an instant from
     * {@link #attentionInstants()}, so due instants tie with each other and with the instants queries ask about.
     *
     * @return clock dues, one per clock name
     * @since 0.4
     */
    public static Gen<List<ClockDue>> clockDues() {
        return in -> {
            int n = between(in, 0, 2) == 0 ? 0 : between(in, 1, 4);
            Map<String, ClockDue> dues = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) {
                String clock = pick(in, CLOCKS);
                dues.put(clock, new ClockDue(clock, attentionInstants().generate(in)));
            }
            return new ArrayList<>(dues.values());
        };
    }

    /** @return command digests: 64 lower-case hex digits, as core's SHA-256 of a command */
    public static Gen<String> digests() {
        return in -> {
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < 64; i++) b.append(Character.forDigit(between(in, 0, 15), 16));
            return b.toString();
        };
    }

    /**
     * Valid commit sequences for a fresh store: commits on one to {@code maxCases} cases, interleaved, each at
     * the right expected version, with events continuing their case's history, a snapshot, an index row and
     * a fresh idempotency key (keys repeat across cases, never within one).
     *
     * @param maxCases the most distinct cases, at least 1
     * @param maxCommits the most commits, at least 1
     * @return commit sequences, in the order they are to be committed
     */
    public static Gen<List<CaseCommit>> commitSequences(int maxCases, int maxCommits) {
        return in -> {
            int caseCount = between(in, 1, maxCases);
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < caseCount; i++) ids.add(caseIds().generate(in));
            List<String> cases = new ArrayList<>(ids);
            int commits = between(in, 1, maxCommits);
            Map<String, long[]> state = new HashMap<>();   // version, next sequence
            List<CaseCommit> out = new ArrayList<>(commits);
            for (int i = 0; i < commits; i++) {
                String caseId = cases.get(between(in, 0, cases.size() - 1));
                long[] s = state.computeIfAbsent(caseId, c -> new long[] {0, 1});
                out.add(nextCommit(in, caseId, s[0], s[1], "cmd-" + i));
                s[1] += out.get(i).events().size();
                s[0]++;
            }
            return out;
        };
    }

    /**
     * One valid commit of a case, as a generator: for tests that build commits against a store's current state.
     *
     * @param caseId the case
     * @param expectedVersion the case's stored version
     * @param nextSequence the sequence number the next event must carry
     * @param idempotencyKey the commit's key
     * @return commits of one to three events
     */
    public static Gen<CaseCommit> commits(String caseId, long expectedVersion, long nextSequence, String idempotencyKey) {
        return in -> nextCommit(in, caseId, expectedVersion, nextSequence, idempotencyKey);
    }

    private static CaseCommit nextCommit(RandomnessSource in, String caseId, long version, long nextSequence, String key) {
        List<StoredEvent> events = events(caseId, nextSequence, 3).generate(in);
        return new CaseCommit(caseId, version, events, snapshots(caseId, version + 1).generate(in),
                indexRows(caseId, version + 1).generate(in), key, digests().generate(in));
    }

    private static int between(RandomnessSource in, int min, int max) {
        return integers().between(min, max).generate(in);
    }

    private static <T> T pick(RandomnessSource in, List<T> values) {
        return values.get(between(in, 0, values.size() - 1));
    }

    private static String maybe(RandomnessSource in, List<String> values) {
        return between(in, 0, 2) == 0 ? null : pick(in, values);
    }

    private static List<String> some(RandomnessSource in, List<String> values) {
        int n = between(in, 0, 4);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(pick(in, values));
        return out;
    }
}
