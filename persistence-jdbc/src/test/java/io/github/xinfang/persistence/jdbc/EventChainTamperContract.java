package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.AuditRecord;
import io.github.xinfang.persistence.chain.AuditCheckpoint;
import io.github.xinfang.persistence.chain.ChainBreak;
import io.github.xinfang.persistence.chain.ChainCheckpoint;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.CheckpointSigner;
import io.github.xinfang.persistence.chain.EventChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with database access edits, deletes, reorders, inserts, truncates and re-chains stored events directly with
 * SQL: each is found by the verifier, by the chain alone or against a checkpoint signed before. Three cases of three
 * commits (six events each) are written as the case service writes them, with their links; the middle case is the one
 * tampered with, so the verifier must walk past an intact case to find it and not stop early.
 */
abstract class EventChainTamperContract extends FreshStoreContract {
    static final EventChain CHAIN = EventChain.sha256();
    static final CheckpointSigner SIGNER = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[32], "HmacSHA256"), null);
    static final String A = "XF-450102-2025-000001";
    static final String B = "XF-450102-2025-000002";
    static final String C = "XF-450102-2025-000003";

    ChainVerifier verifier;
    ChainCheckpoint checkpoint;

    EventChainTamperContract(TestDatabase.Kind kind) {
        super(kind);
    }

    /** Links a commit's events from the case's stored head, as the case service does. */
    static CaseCommit linked(CaseCommit c, String head) {
        List<String> links = new ArrayList<>();
        String previous = head;
        for (StoredEvent e : c.events()) {
            previous = CHAIN.link(previous, e, c.idempotencyKey());
            links.add(previous);
        }
        return new CaseCommit(c.caseId(), c.expectedVersion(), c.events(), c.snapshot(), c.indexRow(), c.idempotencyKey(),
                c.commandDigest(), links);
    }

    @BeforeEach
    void writeThreeChainedCases() {
        for (String id : List.of(A, B, C)) {
            for (int v = 0; v < 3; v++) {
                String head = store.load(id).map(s -> s.chainHead()).orElse(null);
                store.commit(linked(Commits.commit(id, v, 2L * v, 2), head));
            }
        }
        verifier = ChainVerifier.of(store, CHAIN);
        assertThat(verifier.verifyStore().intact()).isTrue();
        checkpoint = verifier.checkpoint(Instant.parse("2025-04-01T00:00:00Z"), SIGNER);
        assertThat(checkpoint.heads()).extracting(ChainCheckpoint.Head::sequence).containsExactly(6L, 6L, 6L);
    }

    private void expect(ChainBreak alone, ChainBreak againstCheckpoint) {
        assertThat(verifier.verifyStore().firstBreak()).isEqualTo(Optional.ofNullable(alone));
        assertThat(verifier.verifyStore(checkpoint, SIGNER).firstBreak()).contains(againstCheckpoint);
        assertThat(verifier.verifyCase(A).intact()).isTrue();
        assertThat(verifier.verifyCase(C).intact()).isTrue();
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    /**
     * Personal data at rest in the database: the payload column holds no clear value; a sealed value moved by SQL to
     * another event of the case neither decodes nor verifies; a destroyed key erases the petitioner's values while the
     * history still verifies and replays.
     */
    @Test
    void personalDataIsSealedInTheDatabaseAndAMovedValueIsRefused() throws SQLException {
        io.github.xinfang.privacy.InMemoryKeyProvider keys =
                io.github.xinfang.privacy.InMemoryKeyProvider.create(io.github.xinfang.privacy.PersonalDataCipher.aesGcm());
        io.github.xinfang.service.CaseService service = io.github.xinfang.service.CaseService
                .builder(store, Domain.DIRECTORY, Domain.CLOCK).eventChain(CHAIN).personalData(keys).build();
        io.github.xinfang.cases.CaseId id = new io.github.xinfang.cases.CaseId("XF-450102-2025-000009");
        for (io.github.xinfang.cases.CaseCommand c : Domain.lifecycle(id, Domain.HOUSING, "pd")) {
            assertThat(service.handle(c).isApplied()).isTrue();
        }
        List<String> payloads = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM xf_event WHERE case_id = ? ORDER BY sequence")) {
            ps.setString(1, id.value());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) payloads.add(rs.getString(1));
            }
        }
        assertThat(payloads).hasSize(Domain.LIFECYCLE_STEPS).noneMatch(p -> p.contains("覃建国") || p.contains("13977512345")
                || p.contains("房屋征收补偿") || p.contains("依法解释说明"));
        // the opinion's sealed value (event 5) pasted over the summary of the registration (event 1)
        String opinion = payloads.get(4).replaceAll("(?s).*(\\{\"\\$enc\":\"case\"[^}]*}).*", "$1");
        String forged = payloads.get(0).replaceAll("\"summary\":\\{[^}]*}", java.util.regex.Matcher.quoteReplacement("\"summary\":" + opinion));
        assertThat(forged).isNotEqualTo(payloads.get(0));
        update("UPDATE xf_event SET payload = ? WHERE case_id = ? AND sequence = 1", forged, id.value());
        assertThatThrownBy(() -> service.history(id)).isInstanceOf(io.github.xinfang.cases.CodecException.class)
                .hasMessageContaining("petition.summary").hasMessageNotContaining("依法解释说明");
        assertThat(verifier.verifyCase(id.value()).firstBreak()).contains(new ChainBreak(id.value(), 1, ChainBreak.Kind.ALTERED));
        update("UPDATE xf_event SET payload = ? WHERE case_id = ? AND sequence = 1", payloads.get(0), id.value());

        service.erasePersonalData(io.github.xinfang.privacy.DataKey.petitioner(id, 0));
        var petitioner = service.history(id).orElseThrow().state().petition().petitioners().get(0);
        assertThat(petitioner.name().withheld()).contains(io.github.xinfang.petition.Withheld.ERASED);
        assertThat(petitioner.phone().withheld()).contains(io.github.xinfang.petition.Withheld.ERASED);
        assertThat(service.history(id).orElseThrow().state().petition().summary().value()).isEqualTo("房屋征收补偿未到位。");
        assertThat(verifier.verifyCase(id.value()).intact()).isTrue();
        assertThat(service.rebuildSnapshot(id)).isPresent();
    }

    @Test
    void anEditedPayloadIsFound() throws SQLException {
        update("UPDATE xf_event SET payload = ? WHERE case_id = ? AND sequence = 3", "{\"seq\":3,\"note\":\"已化解\"}", B);
        ChainBreak altered = new ChainBreak(B, 3, ChainBreak.Kind.ALTERED);
        expect(altered, altered);
        assertThat(verifier.verifyCase(B).firstBreak()).contains(altered);
    }

    @Test
    void anEditedTypeSchemaVersionOrInstantIsFound() throws SQLException {
        update("UPDATE xf_event SET type = 'case.closed' WHERE case_id = ? AND sequence = 5", B);
        expect(new ChainBreak(B, 5, ChainBreak.Kind.ALTERED), new ChainBreak(B, 5, ChainBreak.Kind.ALTERED));
        update("UPDATE xf_event SET schema_version = 2 WHERE case_id = ? AND sequence = 2", B);
        expect(new ChainBreak(B, 2, ChainBreak.Kind.ALTERED), new ChainBreak(B, 2, ChainBreak.Kind.ALTERED));
        update("UPDATE xf_event SET recorded_at = recorded_at - 86400 WHERE case_id = ? AND sequence = 1", B);
        expect(new ChainBreak(B, 1, ChainBreak.Kind.ALTERED), new ChainBreak(B, 1, ChainBreak.Kind.ALTERED));
    }

    @Test
    void anEditedIdempotencyKeyOrLinkIsFound() throws SQLException {
        update("UPDATE xf_commit SET idempotency_key = 'forged' WHERE case_id = ? AND version = 2", B);
        expect(new ChainBreak(B, 3, ChainBreak.Kind.ALTERED), new ChainBreak(B, 3, ChainBreak.Kind.ALTERED));
        update("UPDATE xf_event SET chain_link = ? WHERE case_id = ? AND sequence = 1", "0".repeat(64), B);
        expect(new ChainBreak(B, 1, ChainBreak.Kind.ALTERED), new ChainBreak(B, 1, ChainBreak.Kind.ALTERED));
        update("UPDATE xf_event SET chain_link = NULL WHERE case_id = ? AND sequence = 1", B);
        expect(new ChainBreak(B, 1, ChainBreak.Kind.UNCHAINED), new ChainBreak(B, 1, ChainBreak.Kind.UNCHAINED));
    }

    @Test
    void aDeletedEventIsFound() throws SQLException {
        update("DELETE FROM xf_event WHERE case_id = ? AND sequence = 4", B);
        expect(new ChainBreak(B, 4, ChainBreak.Kind.MISSING), new ChainBreak(B, 4, ChainBreak.Kind.MISSING));
    }

    @Test
    void reorderedEventsAreFound() throws SQLException {
        update("UPDATE xf_event SET sequence = 100 WHERE case_id = ? AND sequence = 2", B);
        update("UPDATE xf_event SET sequence = 2 WHERE case_id = ? AND sequence = 3", B);
        update("UPDATE xf_event SET sequence = 3 WHERE case_id = ? AND sequence = 100", B);
        expect(new ChainBreak(B, 2, ChainBreak.Kind.ALTERED), new ChainBreak(B, 2, ChainBreak.Kind.ALTERED));
    }

    @Test
    void anInsertedEventIsFoundEvenWithALinkComputedForIt() throws SQLException {
        for (int s = 6; s >= 3; s--) update("UPDATE xf_event SET sequence = ? WHERE case_id = ? AND sequence = ?", s + 1, B, s);
        List<ChainedEvent> before = store.chainedEventsAfter(B, 0, 2);
        StoredEvent forged = new StoredEvent(B, 3, "case.closed", 1, "{\"forged\":true}", Commits.T0.plusSeconds(3));
        String link = CHAIN.link(before.get(1).link(), forged, before.get(1).idempotencyKey());
        update("INSERT INTO xf_event (case_id, sequence, commit_version, type, schema_version, payload, recorded_at, chain_link)"
                + " VALUES (?, 3, 1, 'case.closed', 1, '{\"forged\":true}', ?, ?)", B, Instants.toDecimal(forged.recordedAt()), link);
        expect(new ChainBreak(B, 4, ChainBreak.Kind.ALTERED), new ChainBreak(B, 4, ChainBreak.Kind.ALTERED));
    }

    @Test
    void aTruncatedTailIsFoundAgainstTheCheckpoint() throws SQLException {
        update("DELETE FROM xf_event WHERE case_id = ? AND sequence > 4", B);
        update("UPDATE xf_case SET last_sequence = 4, version = 2 WHERE case_id = ?", B);
        update("DELETE FROM xf_commit WHERE case_id = ? AND version = 3", B);
        expect(null, new ChainBreak(B, 5, ChainBreak.Kind.TRUNCATED));
    }

    @Test
    void aDeletedCaseIsFoundAgainstTheCheckpoint() throws SQLException {
        for (String table : List.of("xf_event", "xf_commit", "xf_case_unit", "xf_case_batch", "xf_claim", "xf_case")) {
            update("DELETE FROM " + table + " WHERE case_id = ?", B);
        }
        expect(null, new ChainBreak(B, 1, ChainBreak.Kind.DELETED));
    }

    @Test
    void anEditWhoseChainWasRecomputedIsFoundAgainstTheCheckpoint() throws SQLException {
        update("UPDATE xf_event SET payload = ? WHERE case_id = ? AND sequence = 2", "{\"seq\":2,\"note\":\"改写\"}", B);
        String previous = null;
        for (ChainedEvent e : store.chainedEventsAfter(B, 0, 100)) {
            if (!e.event().caseId().equals(B)) break;
            previous = CHAIN.link(previous, e.event(), e.idempotencyKey());
            update("UPDATE xf_event SET chain_link = ? WHERE case_id = ? AND sequence = ?", previous, B, e.event().sequence());
        }
        expect(null, new ChainBreak(B, 6, ChainBreak.Kind.REWRITTEN));
    }

    /**
     * The access audit trail, tampered with in SQL after a signed checkpoint of its heads: an edited actor, an edit whose
     * links were recomputed, a deleted recent record, a cut tail and a deleted case are each found, with case and number;
     * a purge of records older than the retention is not a break.
     */
    @Test
    void theAuditTrailTamperedWithInSqlIsFoundAgainstItsCheckpoint() throws SQLException {
        Instant t = Instant.parse("2025-04-01T00:00:00Z");
        for (int i = 0; i < 9; i++) {
            store.record(new AuditEntry("official:gb-xfj/xfj-00" + i, List.of(A, B, C).get(i % 3), AuditEntry.Action.READ,
                    AuditEntry.Outcome.SHOWN, t.plusSeconds(i)), CHAIN);
        }
        AuditCheckpoint audit = ChainVerifier.auditCheckpoint(store, CHAIN, t.plusSeconds(10), SIGNER);
        assertThat(audit.heads()).extracting(AuditCheckpoint.Head::sequence).containsExactly(3L, 3L, 3L);
        Instant kept = Instant.MIN;   // nothing purged yet
        assertThat(ChainVerifier.verifyAudit(store, CHAIN, audit, SIGNER, kept).intact()).isTrue();

        // an actor edited, its link left: found by the chain alone
        update("UPDATE xf_audit SET actor = 'official:someone/else' WHERE case_id = ? AND sequence = 2", B);
        assertThat(ChainVerifier.verifyAudit(store, CHAIN).firstBreak()).contains(new ChainBreak(B, 2, ChainBreak.Kind.ALTERED));
        // the same edit with every later link recomputed: the chain alone is satisfied, the checkpoint is not
        String previous = null;
        for (AuditRecord r : store.recordsAfter(B, 0, 10)) {
            if (!r.entry().caseId().equals(B)) break;
            String link = CHAIN.auditLink(previous, r.entry(), r.sequence());
            if (previous == null) update("UPDATE xf_audit SET link = ? WHERE case_id = ? AND sequence = ?", link, B, r.sequence());
            else update("UPDATE xf_audit SET previous_link = ?, link = ? WHERE case_id = ? AND sequence = ?", previous, link, B, r.sequence());
            previous = link;
        }
        assertThat(ChainVerifier.verifyAudit(store, CHAIN).intact()).isTrue();
        assertThat(ChainVerifier.verifyAudit(store, CHAIN, audit, SIGNER, kept).firstBreak())
                .contains(new ChainBreak(B, 3, ChainBreak.Kind.REWRITTEN));

        // C's signed head deleted (a cut tail), then A deleted whole: recent, so neither is a purge
        update("DELETE FROM xf_audit WHERE case_id = ? AND sequence = 3", C);
        update("DELETE FROM xf_audit WHERE case_id = ?", A);
        assertThat(ChainVerifier.verifyAudit(store, CHAIN, audit, SIGNER, kept).firstBreak())
                .contains(new ChainBreak(A, 3, ChainBreak.Kind.DELETED));
        // with a retention cutoff after every record, all of it could be a purge, but B's rewrite still shows
        assertThat(ChainVerifier.verifyAudit(store, CHAIN, audit, SIGNER, t.plusSeconds(60)).firstBreak())
                .contains(new ChainBreak(B, 3, ChainBreak.Kind.REWRITTEN));
        assertThat(store.purgeBefore(t.plusSeconds(60))).as("B's three and C's two left").isEqualTo(5);
        assertThat(ChainVerifier.verifyAudit(store, CHAIN, audit, SIGNER, t.plusSeconds(60)).intact())
                .as("everything purged, as the retention allows").isTrue();
    }

    /** A row damaged so that it makes no event or record is a store failure naming the case and the number, not a crash. */
    @Test
    void aRowThatMakesNoEventOrRecordIsAStoreFailureNamingIt() throws SQLException {
        update("UPDATE xf_event SET chain_link = ? WHERE case_id = ? AND sequence = 2", " ", B);
        assertThatThrownBy(verifier::verifyStore).isInstanceOf(StoreException.class).hasMessageContaining(B)
                .hasMessageContaining("event 2");
        store.record(new AuditEntry("official:x@y", A, AuditEntry.Action.READ, AuditEntry.Outcome.SHOWN, Commits.T0), CHAIN);
        update("UPDATE xf_audit SET action = 'PEEK' WHERE case_id = ? AND sequence = 1", A);
        assertThatThrownBy(() -> store.recordsAfter("", 0, 10)).isInstanceOf(StoreException.class).hasMessageContaining(A)
                .hasMessageContaining("record 1");
    }

    /** Histories stored before version 7 (or by a writer that does not chain) are linked on upgrade; their events stay. */
    @Test
    void linkHistoriesLinksUnchainedHistoriesWithoutTouchingTheirEvents() {
        String old = "XF-450102-2024-000009";
        store.commit(Commits.commit(old, 0, 0, 2));
        store.commit(Commits.commit(old, 1, 2, 3));
        List<StoredEvent> events = store.load(old).orElseThrow().events();
        assertThat(store.load(old).orElseThrow().chainHead()).isNull();
        assertThat(verifier.verifyStore().firstBreak()).contains(new ChainBreak(old, 1, ChainBreak.Kind.UNCHAINED));

        assertThat(store.linkHistories(CHAIN)).containsExactly(old);
        assertThat(store.load(old).orElseThrow().events()).isEqualTo(events);
        assertThat(store.load(old).orElseThrow().chainHead()).isNotNull();
        assertThat(verifier.verifyStore().intact()).isTrue();
        assertThat(verifier.verifyStore(checkpoint, SIGNER).intact()).isTrue();
        assertThat(store.linkHistories(CHAIN)).isEmpty();
    }
}
