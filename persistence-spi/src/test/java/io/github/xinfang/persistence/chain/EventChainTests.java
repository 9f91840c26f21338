package io.github.xinfang.persistence.chain;

import io.github.xinfang.persistence.StoredEvent;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The chain format, version 1. The vectors are docs/event-chain.md's, computed there by an independent implementation
 * of the format as written (Python's hashlib, SHA-256 and OpenSSL's SM3), not by this code.
 */
class EventChainTests {
    static final String CASE = "XF-440103-2024-000001";
    static final List<StoredEvent> EVENTS = List.of(
            new StoredEvent(CASE, 1, "case.registered", 2, "{\"petitioner\":\"张三\",\"text\":\"Ünïcode ✓\"}",
                    Instant.parse("2024-03-01T08:00:00Z")),
            new StoredEvent(CASE, 2, "case.routed", 1, "{\"unit\":\"unit-gz-xfj\"}", Instant.parse("2024-03-01T08:00:00.000000123Z")),
            new StoredEvent(CASE, 3, "clock.started", 1, "{}", Instant.parse("2024-03-01T08:00:00.000000123Z")));
    static final List<String> KEYS = List.of("reg-1", "route-1", "route-1");

    static List<String> links(EventChain chain) {
        List<String> links = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < EVENTS.size(); i++) {
            previous = chain.link(previous, EVENTS.get(i), KEYS.get(i));
            links.add(previous);
        }
        return links;
    }

    @Test
    void sha256VectorsOfTheDocument() {
        assertThat(links(EventChain.sha256())).containsExactly(
                "c7f5771db4cd034928ed199b6c0559a434a96edade252ddf1fbeea6efb4e2a24",
                "5a5bbcd04e251c446a5911fe6e2e5c85391dd22cc22c17a38b7c2ab2bf51085b",
                "709dd7ed8cf5272b1b559d5979cf2c0400f1f28eb454d11bf615c3da7360e9ec");
    }

    @Test
    void sm3VectorsOfTheDocumentThroughBouncyCastle() {
        EventChain sm3 = EventChain.of("SM3", new BouncyCastleProvider());
        assertThat(sm3.algorithm()).isEqualTo("SM3");
        assertThat(links(sm3)).containsExactly(
                "e4adf554dfd3cd1ca742ecb9ad683ce3ffc145aa84d322d78622b7ab391277fc",
                "71ec7ca142745e4d7e27009230f15ccea6328dc85765a3a6c349b05ac1184f29",
                "12da9478b5b671d07519d3e1d9c4dd088f81af71697fdf5762c39778fb810910");
    }

    @Test
    void theDocumentCarriesTheVectors() throws Exception {
        java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "event-chain.md");
        String text = java.nio.file.Files.readString(doc);
        for (String link : links(EventChain.sha256())) assertThat(text).contains(link);
        for (String link : links(EventChain.of("SM3", new BouncyCastleProvider()))) assertThat(text).contains(link);
    }

    /** Every field the link covers changes it: an edit of any one is seen. */
    @Test
    void everyCoveredFieldChangesTheLink() {
        EventChain chain = EventChain.sha256();
        String previous = chain.link(null, EVENTS.get(0), KEYS.get(0));
        StoredEvent e = EVENTS.get(1);
        String link = chain.link(previous, e, KEYS.get(1));
        List<UnaryOperator<StoredEvent>> edits = List.of(
                x -> new StoredEvent(x.caseId(), x.sequence(), x.type() + "x", x.schemaVersion(), x.payload(), x.recordedAt()),
                x -> new StoredEvent(x.caseId(), x.sequence(), x.type(), x.schemaVersion() + 1, x.payload(), x.recordedAt()),
                x -> new StoredEvent(x.caseId() + "0", x.sequence(), x.type(), x.schemaVersion(), x.payload(), x.recordedAt()),
                x -> new StoredEvent(x.caseId(), x.sequence() + 1, x.type(), x.schemaVersion(), x.payload(), x.recordedAt()),
                x -> new StoredEvent(x.caseId(), x.sequence(), x.type(), x.schemaVersion(), x.payload() + " ", x.recordedAt()),
                x -> new StoredEvent(x.caseId(), x.sequence(), x.type(), x.schemaVersion(), x.payload(), x.recordedAt().plusNanos(1)));
        for (UnaryOperator<StoredEvent> edit : edits) assertThat(chain.link(previous, edit.apply(e), KEYS.get(1))).isNotEqualTo(link);
        assertThat(chain.link(previous, e, KEYS.get(1) + "x")).isNotEqualTo(link);
        assertThat(chain.link("00" + previous.substring(2), e, KEYS.get(1))).isNotEqualTo(link);
    }

    /** Field boundaries are length-prefixed: moving text from one field to the next never gives the same link. */
    @Test
    void movingTextAcrossAFieldBoundaryChangesTheLink() {
        EventChain chain = EventChain.sha256();
        qt().forAll(strings().allPossible().ofLengthBetween(0, 12), strings().allPossible().ofLengthBetween(1, 12),
                integers().between(1, 3)).checkAssert((a, b, n) -> {
                    StoredEvent one = new StoredEvent(CASE, 1, "t" + a, 1, b, Instant.EPOCH);
                    StoredEvent other = new StoredEvent(CASE, 1, "t" + a + b.substring(0, Math.min(n, b.length())), 1,
                            b.substring(Math.min(n, b.length())), Instant.EPOCH);
                    assertThat(chain.link(null, one, "k")).isNotEqualTo(chain.link(null, other, "k"));
                });
    }

    @Test
    void instantsAreWrittenAsEpochSecondsWithNineDigitsOfNanoseconds() {
        assertThat(EventChain.instant(Instant.parse("2024-03-01T08:00:00Z"))).isEqualTo("1709280000.000000000");
        assertThat(EventChain.instant(Instant.parse("2024-03-01T08:00:00.000000123Z"))).isEqualTo("1709280000.000000123");
        assertThat(EventChain.instant(Instant.ofEpochSecond(-1, 5))).isEqualTo("-1.000000005");
    }

    @Test
    void misuseIsRefusedNamingTheArgument() {
        EventChain chain = EventChain.sha256();
        assertThatThrownBy(() -> chain.link("ab", EVENTS.get(0), "k")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous");
        assertThatThrownBy(() -> chain.link(null, EVENTS.get(1), "k")).isInstanceOf(NullPointerException.class).hasMessage("previous");
        assertThatThrownBy(() -> chain.link("zz", EVENTS.get(1), "k")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> chain.link(null, null, "k")).isInstanceOf(NullPointerException.class).hasMessage("event");
        assertThatThrownBy(() -> chain.link(null, EVENTS.get(0), null)).isInstanceOf(NullPointerException.class).hasMessage("idempotencyKey");
        assertThatThrownBy(() -> EventChain.of("NO-SUCH-DIGEST", null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO-SUCH-DIGEST");
        assertThatThrownBy(() -> EventChain.of("MD5", null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
        assertThat(EventChain.sha256()).isEqualTo(EventChain.of("sha-256", null)).hasSameHashCodeAs(EventChain.of("SHA-256", null));
    }
}
