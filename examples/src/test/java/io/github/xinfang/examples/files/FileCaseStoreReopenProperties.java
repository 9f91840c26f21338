package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.tck.StoredRecordGenerators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Durability: a store opened again on a directory answers exactly as the store that wrote it did, through every port,
 * and carries on from there; a torn last record (a crash mid-append) is cut off on open and the commits before it
 * stay.
 */
class FileCaseStoreReopenProperties {

    @TempDir
    Path root;

    private final AtomicInteger directories = new AtomicInteger();

    private Path freshDirectory() {
        return root.resolve("store-" + directories.incrementAndGet());
    }

    @Test
    void aReopenedStoreAnswersAsTheStoreThatWroteItAndCarriesOn() {
        qt().forAll(StoredRecordGenerators.commitSequences(4, 15)).checkAssert(commits -> {
            Path dir = freshDirectory();
            Observed written;
            try (FileCaseStore store = FileCaseStore.open(dir)) {
                commits.forEach(store::commit);
                written = Observed.of(store, commits);
            }
            assertThat(written.feed()).hasSize(commits.size());
            List<CaseCommit> all = new ArrayList<>(commits);
            try (FileCaseStore reopened = FileCaseStore.open(dir)) {
                assertThat(Observed.of(reopened, commits)).isEqualTo(written);
                CaseCommit next = nextCommit(reopened, commits.get(0).caseId());
                reopened.commit(next);
                all.add(next);
                assertThat(reopened.changesAfter(commits.size(), 10)).singleElement()
                        .satisfies(change -> assertThat(change.position()).isEqualTo(commits.size() + 1L));
                written = Observed.of(reopened, all);
            }
            try (FileCaseStore again = FileCaseStore.open(dir)) {
                assertThat(Observed.of(again, all)).isEqualTo(written);
            }
            StoreDirectories.delete(dir);
        });
    }

    @Test
    void aTornOrDamagedLastRecordIsCutOffAndTheCommitsBeforeItStay() {
        qt().forAll(StoredRecordGenerators.commitSequences(4, 10), integers().between(0, 1), integers().between(0, 999))
                .checkAssert((commits, damage, where) -> {
                    Path dir = freshDirectory();
                    CaseCommit last = commits.get(commits.size() - 1);
                    Observed beforeLast;
                    long sizeBeforeLast;
                    try (FileCaseStore store = FileCaseStore.open(dir)) {
                        commits.subList(0, commits.size() - 1).forEach(store::commit);
                        beforeLast = Observed.of(store, commits);
                        sizeBeforeLast = StoreDirectories.logSize(dir);
                        store.commit(last);
                    }
                    long recordLength = StoreDirectories.logSize(dir) - sizeBeforeLast;
                    if (damage == 0) {
                        cut(dir, sizeBeforeLast + recordLength * where / 1000);         // a crash mid-append
                    } else {
                        flip(dir, sizeBeforeLast + 4 + (recordLength - 4) * where / 1000);   // checksum or body
                    }
                    try (FileCaseStore reopened = FileCaseStore.open(dir)) {
                        assertThat(Observed.of(reopened, commits)).isEqualTo(beforeLast);
                        assertThat(StoreDirectories.logSize(dir)).as("the torn record is cut off").isEqualTo(sizeBeforeLast);
                        reopened.commit(last);
                    }
                    try (FileCaseStore again = FileCaseStore.open(dir)) {
                        assertThat(again.changesAfter(0, Integer.MAX_VALUE)).hasSize(commits.size());
                        assertThat(again.load(last.caseId()).map(StoredCase::version)).contains(last.newVersion());
                    }
                    StoreDirectories.delete(dir);
                });
    }

    /** A commit continuing a case as a store holds it. */
    static CaseCommit nextCommit(FileCaseStore store, String caseId) {
        StoredCase c = store.load(caseId).orElseThrow();
        long version = c.version();
        StoredEvent e = new StoredEvent(caseId, c.events().size() + 1L, "CaseRouted", 1, "{\"诉求\":\"😀\"}",
                Instant.parse("2025-06-01T08:00:00.123456789Z"));
        return new CaseCommit(caseId, version, List.of(e), new StoredSnapshot(caseId, version + 1, 1, "{}"),
                store.indexRow(caseId).orElseThrow().toBuilder().version(version + 1).build(), "next-" + version,
                "digest-next");
    }

    static void cut(Path dir, long size) {
        try (FileChannel log = FileChannel.open(dir.resolve(CommitLog.FILE_NAME), StandardOpenOption.WRITE)) {
            log.truncate(size);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void flip(Path dir, long offset) {
        try (FileChannel log = FileChannel.open(dir.resolve(CommitLog.FILE_NAME), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            log.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            log.write(b.rewind(), offset);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
