package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.chain.AuditCheckpoint;
import io.github.xinfang.persistence.chain.ChainCheckpoint;
import io.github.xinfang.persistence.chain.CheckpointArchive;
import io.github.xinfang.persistence.chain.CheckpointException;
import io.github.xinfang.persistence.chain.CheckpointSigner;
import io.github.xinfang.persistence.chain.EventChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory archive keeps each checkpoint once, as text, and gives back the latest, authentic. */
class DirectoryCheckpointArchiveTests {
    static final Instant TAKEN = Instant.parse("2024-06-01T00:00:00.000000042Z");
    static final List<ChainCheckpoint.Head> HEADS = List.of(
            new ChainCheckpoint.Head("XF-440103-2024-000001", 3, "709dd7ed8cf5272b1b559d5979cf2c0400f1f28eb454d11bf615c3da7360e9ec"),
            new ChainCheckpoint.Head("XF-440103-2024-000002", 1, "c7f5771db4cd034928ed199b6c0559a434a96edade252ddf1fbeea6efb4e2a24"));

    @Test
    void aDirectoryArchiveKeepsCheckpointsAndReturnsTheLatest(@TempDir Path dir) throws Exception {
        CheckpointSigner hmac = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[32], "HmacSHA256"), null);
        CheckpointArchive archive = DirectoryCheckpointArchive.in(dir.resolve("checkpoints"));
        assertThat(archive.latest()).isEmpty();
        ChainCheckpoint first = ChainCheckpoint.sign(TAKEN, EventChain.sha256(), HEADS, hmac);
        ChainCheckpoint second = ChainCheckpoint.sign(TAKEN.plusSeconds(86_400), EventChain.sha256(), HEADS.subList(0, 1), hmac);
        archive.append(second);
        archive.append(first);
        assertThat(archive.latest()).contains(second);
        assertThat(archive.latest().orElseThrow().authentic(hmac)).isTrue();
        assertThatThrownBy(() -> archive.append(first)).isInstanceOf(CheckpointException.class).hasMessageContaining("kept already");
        try (var files = Files.list(dir.resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "checkpoint-0000000001717200000-000000042.txt", "checkpoint-0000000001717286400-000000042.txt");
        }
        Files.writeString(dir.resolve("checkpoints").resolve("checkpoint-0000000001717372800-000000000.txt"), "garbage\n");
        assertThatThrownBy(archive::latest).isInstanceOf(CheckpointException.class);
    }

    @Test
    void auditCheckpointsAreKeptBesideTheHistorysAndNeverMistakenForThem(@TempDir Path dir) {
        CheckpointSigner hmac = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[32], "HmacSHA256"), null);
        CheckpointArchive archive = DirectoryCheckpointArchive.in(dir);
        assertThat(archive.latestAudit()).isEmpty();
        AuditCheckpoint audit = AuditCheckpoint.sign(TAKEN, EventChain.sha256(), List.of(new AuditCheckpoint.Head(
                "XF-440103-2024-000001", 7, TAKEN.minusSeconds(60), HEADS.get(0).link())), hmac);
        archive.appendAudit(audit);
        assertThat(archive.latestAudit()).contains(audit);
        assertThat(archive.latest()).as("the history's checkpoints are other files").isEmpty();
        ChainCheckpoint chain = ChainCheckpoint.sign(TAKEN, EventChain.sha256(), HEADS, hmac);
        archive.append(chain);
        assertThat(archive.latest()).contains(chain);
        assertThat(archive.latestAudit()).contains(audit);
        assertThatThrownBy(() -> archive.appendAudit(audit)).isInstanceOf(CheckpointException.class).hasMessageContaining("kept already");
    }

}
