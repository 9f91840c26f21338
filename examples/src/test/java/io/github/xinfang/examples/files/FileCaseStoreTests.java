package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the file store promises beyond the kit's rules: one process per directory, damage refused, failures invisible. */
class FileCaseStoreTests {

    private static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondOpenInThisProcessIsRefusedUntilTheFirstCloses() {
        try (FileCaseStore first = FileCaseStore.open(dir)) {
            first.commit(commit("XF-450802-2025-000001", 0, 1, "k1"));
            assertThatThrownBy(() -> FileCaseStore.open(dir)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("already open in this process");
        }
        try (FileCaseStore second = FileCaseStore.open(dir)) {
            assertThat(second.load("XF-450802-2025-000001").map(StoredCase::version)).contains(1L);
        }
    }

    @Test
    void aSecondOpenFromAnotherProcessIsRefused() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process holder = new ProcessBuilder(java, "-cp", classpath, LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.equals(LockHolder.OPEN)) seen.append(line).append('\n');
            assertThat(line).as("the other process opened the store; it printed:\n%s", seen).isEqualTo(LockHolder.OPEN);
            assertThatThrownBy(() -> FileCaseStore.open(dir)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("open in another process");
        } finally {
            holder.getOutputStream().close();   // the holder closes its store at the end of its input
            if (!holder.waitFor(30, TimeUnit.SECONDS)) holder.destroyForcibly();
        }
        try (FileCaseStore store = FileCaseStore.open(dir)) {
            assertThat(store.changesAfter(0, 10)).isEmpty();
        }
    }

    /** Holds a store open in another process until its input ends. */
    static final class LockHolder {
        static final String OPEN = "open";

        private LockHolder() {}

        /**
         * @param args the store directory
         * @throws IOException if the input cannot be read
         */
        public static void main(String[] args) throws IOException {
            try (FileCaseStore store = FileCaseStore.open(Path.of(args[0]))) {
                System.out.println(OPEN);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the end of the input
                }
            }
        }
    }

    @Test
    void damageBeforeTheLastRecordRefusesToOpenRatherThanDropCommits() {
        long firstRecordEnd;
        try (FileCaseStore store = FileCaseStore.open(dir)) {
            store.commit(commit("XF-450802-2025-000001", 0, 1, "k1"));
            firstRecordEnd = StoreDirectories.logSize(dir);
            store.commit(commit("XF-450802-2025-000002", 0, 1, "k2"));
        }
        FileCaseStoreReopenProperties.flip(dir, firstRecordEnd - 3);
        assertThatThrownBy(() -> FileCaseStore.open(dir)).isInstanceOf(StoreException.class)
                .hasRootCauseInstanceOf(IOException.class).rootCause().hasMessageContaining("damaged");
        // the directory is not left locked by the refused open
        FileCaseStoreReopenProperties.flip(dir, firstRecordEnd - 3);
        try (FileCaseStore store = FileCaseStore.open(dir)) {
            assertThat(store.changesAfter(0, 10)).hasSize(2);
        }
    }

    @Test
    void aFailedCommitIsNotThereAfterReopeningAndTheNextOneIs() {
        String id = "XF-450802-2025-000003";
        for (int operations = 0; operations < 2; operations++) {   // 0: a torn write; 1: a whole record, not forced
            try (FileCaseStore store = FileCaseStore.open(dir)) {
                long version = store.load(id).map(StoredCase::version).orElse(0L);
                CaseCommit c = commit(id, version, version + 1, "failing-" + operations);
                FileCaseStore failing = store.withFileOperations(FailingFileOperations.after(operations));
                assertThatThrownBy(() -> failing.commit(c)).isInstanceOf(StoreException.class)
                        .hasCauseInstanceOf(IOException.class);
                assertThat(store.findApplied(id, c.idempotencyKey())).isEmpty();
            }
            try (FileCaseStore store = FileCaseStore.open(dir)) {
                assertThat(store.changesAfter(0, 10)).hasSize(operations);
                assertThat(store.findApplied(id, "failing-" + operations)).isEmpty();
                store.commit(commit(id, operations, operations + 1, "ok-" + operations));
            }
        }
    }

    @Test
    void textThatIsNotUnicodeIsRefusedAndNothingIsWritten() {
        try (FileCaseStore store = FileCaseStore.open(dir)) {
            CaseCommit ok = commit("XF-450802-2025-000004", 0, 1, "k1");
            StoredEvent loneSurrogate = new StoredEvent(ok.caseId(), 1, "CaseRegistered", 1, "{\"a\":\"\uD800\"}", AT);
            CaseCommit bad = new CaseCommit(ok.caseId(), 0, List.of(loneSurrogate), ok.snapshot(), ok.indexRow(), "k1",
                    "digest");
            long size = StoreDirectories.logSize(dir);
            assertThatThrownBy(() -> store.commit(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not well-formed Unicode");
            assertThat(StoreDirectories.logSize(dir)).isEqualTo(size);
            store.commit(ok);
            assertThat(store.changesAfter(0, 10)).hasSize(1);
        }
    }

    @Test
    void aClosedStoreRefusesEveryCall() {
        FileCaseStore store = FileCaseStore.open(dir);
        store.close();
        store.close();   // idempotent
        assertThatThrownBy(() -> store.load("XF-450802-2025-000005")).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.commit(commit("XF-450802-2025-000005", 0, 1, "k1")))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.changesAfter(0, 1)).isInstanceOf(StoreException.class);
    }

    private static CaseCommit commit(String caseId, long expectedVersion, long sequence, String key) {
        StoredEvent e = new StoredEvent(caseId, sequence, "CaseRouted", 1, "{\"n\":" + sequence + "}", AT.plusSeconds(sequence));
        IndexRow row = IndexRow.builder(caseId).version(expectedVersion + 1).stage("IN_HANDLING").regionCode("450802")
                .nextAttentionAt(AT.plusSeconds(86_400)).unitsInvolved(List.of("unit-gb-xfj")).build();
        return new CaseCommit(caseId, expectedVersion, List.of(e), new StoredSnapshot(caseId, expectedVersion + 1, 1, "{}"),
                row, key, "digest-" + key);
    }
}
