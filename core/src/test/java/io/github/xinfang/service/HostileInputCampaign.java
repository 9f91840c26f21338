package io.github.xinfang.service;

import io.github.xinfang.calendar.CalendarSource;
import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.SnapshotRebuilder;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.XinfangException;
import io.github.xinfang.persistence.chain.ChainCheckpoint;
import io.github.xinfang.persistence.chain.CheckpointException;
import io.github.xinfang.persistence.chain.CheckpointSigner;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.testing.DomainGenerators;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.time.ProfileCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The hostile-input campaign: at least 100,000 generated inputs per run thrown at every door outside data comes in by
 * (the commands of the public API, with resent keys; stored events damaged, out of order or duplicated, through the
 * snapshot rebuilder an adapter calls; checkpoint texts; calendar notices in both formats; time-limit profiles; region
 * codes and dates at the ends of the calendar). Every input ends in a result or in the typed error its door documents, never another exception; a
 * rejected command changes nothing in the store. {@code -Dxinfang.hostile.scale=N} multiplies every count (the long
 * mode; 20 runs about two million inputs).
 *
 * <p>Text is made hostile by {@link #hostile}: enormous and empty strings, control characters, lone surrogates,
 * mixed scripts, JSON and SQL metacharacters.
 */
class HostileInputCampaign {
    static final int SCALE = Integer.getInteger("xinfang.hostile.scale", 1);
    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong PARTS = new AtomicLong();

    @AfterAll
    static void atLeastAHundredThousandInputsInAll() {
        if (PARTS.get() == 5) {
            assertThat(INPUTS.get()).as("inputs thrown in this run").isGreaterThanOrEqualTo(100_000L * SCALE);
        }
    }

    /** Strings meant to break things. */
    static final List<String> NASTY = List.of("", " ", "\u0000", "\u0007\u001b[2J", "\r\n", "\ud800", "\udfff\ud800",
            "e\u0301\u200d\u202e", "😀\ud83c\udde8\ud83c\uddf3", "信访事项", "ي٣", "Ω≈ç√", "'; DROP TABLE xf_event; --",
            "{\"a\":", "\\u0000", "%s%n", "${jndi:ldap://x}", "<script>", "长".repeat(70_000), "x".repeat(1_000_001));

    static Gen<String> hostile() {
        return integers().between(0, NASTY.size() + 2).zip(DomainGenerators.freeTextStrings(), (i, free) ->
                i < NASTY.size() ? NASTY.get(i) : i == NASTY.size() ? free + NASTY.get(free.length() % NASTY.size()) : free);
    }

    /** A copy of a record with one component replaced, or the record itself if the value does not fit. */
    static <R> R with(R record, int componentChoice, Object value) {
        if (!record.getClass().isRecord()) return record;
        RecordComponent[] components = record.getClass().getRecordComponents();
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            if (value == null ? !components[i].getType().isPrimitive() : components[i].getType().isInstance(value)) fitting.add(i);
        }
        if (fitting.isEmpty()) return record;
        int target = fitting.get(componentChoice % fitting.size());
        try {
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = i == target ? value : components[i].getAccessor().invoke(record);
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            R copy = (R) canonical.newInstance(args);
            return copy;
        } catch (java.lang.reflect.InvocationTargetException e) {
            return record;   // the value constructor refused it: that refusal is the constructor's own contract
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Commands of every type, at existing cases half the time, with a hostile string, a null or a resent key in some. */
    @Test
    void commandsEndInAResultAndARejectedOneChangesNothing() {
        int examples = 41_000 * SCALE;
        TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
        List<CaseId> existing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CaseId id = new CaseId("XF-HOSTILE-" + i);
            existing.add(id);
            List<CaseCommand> life = ChangeFeedFixtures.lifecycle(id);
            for (CaseCommand c : life.subList(0, Math.min(life.size(), 2 + i * 2))) assertThat(service.handle(c).isApplied()).isTrue();
        }
        long[] feed = {store.changesAfter(0, Integer.MAX_VALUE).size()};
        qt().withExamples(examples).withShrinkCycles(20)
                .forAll(DomainGenerators.commands(), integers().between(0, 9), integers().between(0, 63), hostile())
                .checkAssert((generated, how, where, text) -> {
                    INPUTS.incrementAndGet();
                    CaseCommand command = generated;
                    if (how <= 4) command = with(command, 0, existing.get(where % existing.size()));
                    if (how % 3 == 1) command = with(command, where, text);
                    if (how == 6) command = with(command, where, null);
                    if (how == 7) command = with(with(command, 0, existing.get(where % existing.size())), 0,
                            new IdempotencyKey("resent-" + (where % 4)));
                    CommandResult result;
                    try {
                        result = service.handle(command);
                    } catch (RuntimeException e) {
                        throw new AssertionError("handle threw " + e + " for " + command.getClass().getSimpleName(), e);
                    }
                    List<Change> since = store.changesAfter(feed[0], 100);
                    if (!result.isApplied()) {
                        assertThat(since).as("a rejected %s wrote nothing", command.getClass().getSimpleName()).isEmpty();
                    } else if (!((CommandResult.Applied) result).replayed()) {
                        assertThat(since).as("an applied command wrote its commit").isNotEmpty();
                    }
                    feed[0] += since.size();
                });
        PARTS.incrementAndGet();
    }

    /** Stored events damaged in the database, through the rebuilder an adapter calls: a snapshot or a typed error. */
    @Test
    void damagedStoredEventsDecodeOrFailTyped() {
        int examples = 20_000 * SCALE;
        TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
        CaseId id = new CaseId("XF-HOSTILE-STORED");
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id)) service.handle(c);
        StoredCase stored = store.load(id.value()).orElseThrow();
        SnapshotRebuilder rebuilder = service.snapshotRebuilder();
        qt().withExamples(examples).withShrinkCycles(20)
                .forAll(integers().between(0, stored.events().size() - 1), lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4),
                        integers().between(0, 7), hostile())
                .checkAssert((which, edits, field, text) -> {
                    INPUTS.incrementAndGet();
                    List<StoredEvent> events = new ArrayList<>(stored.events());
                    StoredEvent e = events.get(which);
                    StoredEvent damaged = switch (field) {
                        case 0, 1, 2 -> new StoredEvent(e.caseId(), e.sequence(), e.type(), e.schemaVersion(), mutate(e.payload(), edits), e.recordedAt());
                        case 3 -> new StoredEvent(e.caseId(), e.sequence(), text.isBlank() ? "x" : text, e.schemaVersion(), e.payload(), e.recordedAt());
                        case 4 -> new StoredEvent(e.caseId(), e.sequence(), e.type(), 1 + edits.get(0) % 1_000, e.payload(), e.recordedAt());
                        case 5 -> new StoredEvent(e.caseId(), e.sequence(), e.type(), e.schemaVersion(), text, e.recordedAt());
                        default -> e;
                    };
                    if (field == 6 && which + 1 < events.size()) {            // out of order
                        events.set(which, events.get(which + 1));
                        events.set(which + 1, e);
                    } else if (field == 7) {                                  // a duplicate
                        events.add(which, e);
                    } else {
                        events.set(which, damaged);
                    }
                    try {
                        rebuilder.rebuild(id.value(), stored.version(), events);
                    } catch (XinfangException expected) {
                        assertThat(String.valueOf(expected.getMessage())).doesNotContain("测试甲").doesNotContain("13800000000");
                    } catch (RuntimeException other) {
                        throw new AssertionError("rebuilding threw " + other + " for a damaged " + e.type(), other);
                    }
                });
        PARTS.incrementAndGet();
    }

    /** Edits of a payload's text: replace, delete, insert, swap, repeat, flip. */
    static String mutate(String s, List<Integer> edits) {
        String interesting = "{}[]:,\"\\0123456789-+.eEntrufalsx \t\n\u0000\u001f\u00e9\u4e00\ud800";
        for (int m : edits) {
            if (s.isEmpty()) return s;
            int i = m % s.length();
            char c = interesting.charAt((m >>> 8) % interesting.length());
            s = switch ((m >>> 4) % 6) {
                case 0 -> s.substring(0, i) + c + s.substring(i + 1);
                case 1 -> s.substring(0, i) + s.substring(i + 1);
                case 2 -> s.substring(0, i) + c + s.substring(i);
                case 3 -> s.substring(0, i);
                case 4 -> s.substring(0, i) + s.substring(i, Math.min(s.length(), i + 40)) + s.substring(i);
                default -> s.substring(0, i) + (char) (s.charAt(i) ^ (1 << (m % 16))) + s.substring(i + 1);
            };
        }
        return s;
    }

    /** Checkpoint texts from outside the database: read or refused typed, and authentic only if untouched. */
    @Test
    void damagedCheckpointsAreReadOrRefusedAndNeverAuthentic() {
        int examples = 15_000 * SCALE;
        CheckpointSigner signer = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[32], "HmacSHA256"), null);
        ChainCheckpoint signed = ChainCheckpoint.sign(Instant.parse("2026-06-30T00:00:00Z"), EventChain.sha256(), List.of(
                new ChainCheckpoint.Head("XF-1", 3, "709dd7ed8cf5272b1b559d5979cf2c0400f1f28eb454d11bf615c3da7360e9ec"),
                new ChainCheckpoint.Head("XF-2", 12, "c7f5771db4cd034928ed199b6c0559a434a96edade252ddf1fbeea6efb4e2a24")), signer);
        String text = signed.toText();
        qt().withExamples(examples).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4))
                .checkAssert(edits -> {
                    INPUTS.incrementAndGet();
                    String damaged = mutate(text, edits);
                    try {
                        ChainCheckpoint read = ChainCheckpoint.parse(damaged);
                        if (!read.equals(signed)) assertThat(read.authentic(signer)).as("an altered checkpoint").isFalse();
                    } catch (CheckpointException expected) {
                        // refused, typed
                    } catch (RuntimeException other) {
                        throw new AssertionError("parsing threw " + other, other);
                    }
                });
        PARTS.incrementAndGet();
    }

    /** Calendar notices (both formats) and time-limit profiles, damaged: read, or refused with the reader's typed error. */
    @Test
    void damagedCalendarsAndProfilesAreReadOrRefusedTyped() throws IOException {
        int examples = 15_000 * SCALE;
        String notices = resource("/io/github/xinfang/calendar/cn-national.txt");
        String profile = resource("/io/github/xinfang/time/profiles/national-2022.json");
        String holidayCn = "{\"year\":2026,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2026-01-01\",\"isOffDay\":true},"
                + "{\"name\":\"春节\",\"date\":\"2026-02-14\",\"isOffDay\":false}]}";
        qt().withExamples(examples).withShrinkCycles(20)
                .forAll(integers().between(0, 2), lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4))
                .checkAssert((which, edits) -> {
                    INPUTS.incrementAndGet();
                    try {
                        switch (which) {
                            case 0 -> CalendarSource.text(new StringReader(mutate(notices, edits)), "hostile.txt");
                            case 1 -> CalendarSource.holidayCn(new StringReader(mutate(holidayCn, edits)), "hostile.json");
                            default -> ProfileCatalogue.read(new StringReader(mutate(profile, edits)), "hostile-profile.json");
                        }
                    } catch (CalendarSource.CalendarDataException | ProfileCatalogue.ProfileDataException expected) {
                        assertThat(expected.getMessage()).contains("hostile");   // names the source
                    } catch (RuntimeException other) {
                        throw new AssertionError("reading threw " + other, other);
                    }
                });
        PARTS.incrementAndGet();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HostileInputCampaign.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Region codes of any text and working-day counts from the ends of the calendar: a value or the documented refusal. */
    @Test
    void regionCodesAndDatesAtTheEndsOfTheCalendar() {
        int examples = 10_000 * SCALE;
        WorkCalendar calendar = WorkCalendar.chinaNational();
        List<LocalDate> edges = List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.MIN.plusDays(1), LocalDate.MAX.minusDays(1),
                LocalDate.of(1949, 10, 1), LocalDate.of(2000, 2, 29), LocalDate.of(9999, 12, 31), LocalDate.of(-1, 1, 1));
        qt().withExamples(examples).withShrinkCycles(20)
                .forAll(hostile(), integers().between(0, edges.size() - 1), integers().between(-5, 400))
                .checkAssert((text, edge, n) -> {
                    INPUTS.incrementAndGet();
                    try {
                        new RegionCode(text.length() > 12 ? text.substring(0, 6) : text);
                    } catch (IllegalArgumentException expected) {
                        assertThat(expected.getMessage()).contains("value");
                    }
                    LocalDate start = edges.get(edge);
                    try {
                        calendar.plusWorkingDays(start, n);
                        calendar.workingDaysBetween(start, LocalDate.of(2026, 6, 30));
                        calendar.nextWorkingDayOnOrAfter(start);
                    } catch (IllegalArgumentException | ArithmeticException | XinfangException expected) {
                        // refused as documented
                    } catch (DateTimeException other) {
                        throw new AssertionError("the calendar threw " + other + " from " + start + " + " + n, other);
                    }
                });
        PARTS.incrementAndGet();
    }
}
