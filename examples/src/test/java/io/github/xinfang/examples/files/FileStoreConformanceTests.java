package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.tck.CaseQueryTck;
import io.github.xinfang.persistence.tck.CaseStoreTck;
import io.github.xinfang.persistence.tck.ChangeFeedTck;
import io.github.xinfang.persistence.tck.ReportQueryTck;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The storage test kit against the file store: rules S1–S8, F1–F4, Q1–Q3 and P1–P5. Every store the kit asks for is a
 * new directory under a JUnit temporary directory, deleted when the kit is done with it. Rule S8's failure hook is a
 * view of the store whose file operations fail after n of them ({@link FailingFileOperations}): a failing write leaves
 * half a record behind, as a full disk does.
 */
class FileStoreConformanceTests implements CaseStoreTck<FileCaseStore>, ChangeFeedTck<FileCaseStore>,
        CaseQueryTck<FileCaseStore>, ReportQueryTck<FileCaseStore> {

    @TempDir
    Path root;

    private final AtomicInteger stores = new AtomicInteger();

    @Override
    public FileCaseStore newStore() {
        return FileCaseStore.open(root.resolve("store-" + stores.incrementAndGet()));
    }

    @Override
    public void closeStore(FileCaseStore store) {
        store.close();
        StoreDirectories.delete(store.directory());
    }

    @Override
    public Optional<FileCaseStore> storeFailingAfter(FileCaseStore store, int operations) {
        return Optional.of(store.withFileOperations(FailingFileOperations.after(operations)));
    }
}
