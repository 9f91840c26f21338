package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ReportQuery;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.examples.files.CaseIndex.CaseEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A storage adapter on plain files, written from the SPI's rules alone: a {@link CaseStore} with the optional ports
 * {@link CaseQuery}, {@link ChangeFeed} and {@link ReportQuery}, over one directory. It shows what an integrator writes
 * to keep cases somewhere xinfang does not ship an adapter for; the storage test kit ({@code xinfang-persistence-tck})
 * proves it, as it would prove theirs.
 *
 * <p>On disk, the directory holds two files:
 * <ul>
 *   <li>{@code commits.log}: every commit, appended as one checksummed record and forced to the disk before the commit
 *       returns ({@link CommitLog}). It is the change feed too: a commit's position is its record's place in the log.
 *       A crash mid-append leaves a torn last record, which the next open cuts off, so a commit is visible whole or not
 *       at all.</li>
 *   <li>{@code store.lock}: locked ({@link FileChannel#tryLock()}) while a store is open on the directory. One directory
 *       belongs to one process: a second open, from this process or another, throws {@link StoreException}.</li>
 * </ul>
 *
 * <p>In memory ({@link CaseIndex}): each case's latest index row, version and the offsets of its commit records, and
 * the attention index, rebuilt by reading the log on {@link #open} and kept current on every commit. Queries walk these
 * indexes; {@link #load}, {@link #findApplied}, {@link #changesAfter} and {@link #touching} then read the records they
 * need from the log.
 *
 * <p>Thread-safe. Commits are serialised by one writer lock, held across the version check, the append and the index
 * update, so the version check (rule S3) and the idempotency check (S5) are atomic with the write, and feed positions
 * follow commit order (F1, F2). Readers take a read lock only to look at the in-memory index, so they see whole commits
 * (S2) and never wait for the disk while a writer forces its record. Interrupting a thread inside a store call closes the
 * log's channel (a property of {@link FileChannel}): the store then fails with {@link StoreException} until reopened.
 *
 * <p>Failures: an I/O error is thrown as {@link StoreException} with the {@link IOException} as its cause; a commit whose
 * append fails leaves neither its record nor any of its index entries (rule S8). Messages and logs carry case ids,
 * positions and paths only, never payloads.
 */
public final class FileCaseStore implements CaseStore, CaseQuery, ChangeFeed, ReportQuery, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileCaseStore.class);

    /** The lock file's name in the store directory. */
    static final String LOCK_FILE = "store.lock";

    /** What every view of one open directory shares. */
    private record Shared(Path directory, FileChannel lockFile, FileLock lock, CommitLog log, CaseIndex index,
                          ReentrantLock writer, ReentrantReadWriteLock reading, AtomicBoolean closed) {}

    private final Shared shared;
    /** How this view reads and writes the log: the file system, or (in tests) one that fails. */
    private final FileOperations files;

    private FileCaseStore(Shared shared, FileOperations files) {
        this.shared = shared;
        this.files = files;
    }

    /**
     * Opens the store in a directory, creating the directory and an empty store if there is none, and reads every
     * commit in it into the in-memory index.
     *
     * @param directory the store's directory; one process at a time
     * @return the open store; close it to release the directory
     * @throws StoreException if the directory is open in another store (of this process or another), or cannot be read,
     *                        or holds a damaged log
     * @throws NullPointerException if directory is null
     */
    public static FileCaseStore open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        FileChannel lockFile = null;
        try {
            Files.createDirectories(directory);
            lockFile = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lock(lockFile, directory);
            CaseIndex index = new CaseIndex();
            CommitLog commitLog = CommitLog.open(directory, (offset, body) -> replay(index, offset, body));
            log.debug("Opened the file store at {}: {} commits", directory, index.nextPosition() - 1);
            return new FileCaseStore(new Shared(directory, lockFile, lock, commitLog, index, new ReentrantLock(),
                    new ReentrantReadWriteLock(), new AtomicBoolean()), FileOperations.DIRECT);
        } catch (IOException | RuntimeException e) {
            if (lockFile != null) {
                try {
                    lockFile.close();   // releases the lock too
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof StoreException s) throw s;
            throw new StoreException("cannot open the file store at " + directory, e);
        }
    }

    private static FileLock lock(FileChannel lockFile, Path directory) throws IOException {
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new StoreException("the file store at " + directory + " is already open in this process", e);
        }
        if (lock == null) throw new StoreException("the file store at " + directory + " is open in another process");
        return lock;
    }

    /** Applies one record of the log while opening, checking it continues the store as a commit would. */
    private static void replay(CaseIndex index, long offset, byte[] body) throws IOException {
        CommitRecord record = CommitRecord.decode(body);
        if (record.position() != index.nextPosition()) {
            throw new IOException("the record at offset " + offset + " has position " + record.position() + " where "
                    + index.nextPosition() + " comes next");
        }
        try {
            index.check(record.commit());
        } catch (StoreException | IllegalArgumentException e) {
            throw new IOException("the record at offset " + offset + " does not continue case "
                    + record.commit().caseId(), e);
        }
        index.add(record.commit(), offset);
    }

    /**
     * A view of this store's data that reads and writes its files through other operations: the seam the tests use to
     * make the disk fail (rule S8). The view shares the directory, the index and the locks; closing either closes both.
     *
     * @param operations the file operations
     * @return the view
     */
    FileCaseStore withFileOperations(FileOperations operations) {
        return new FileCaseStore(shared, Objects.requireNonNull(operations, "operations"));
    }

    /** @return the directory the store keeps its files in */
    public Path directory() {
        return shared.directory();
    }

    /**
     * Commits one change of one case (rules S2 to S5): checks it, appends its record to the log and forces it to the
     * disk, then shows it to readers.
     *
     * @param commit the change
     * @throws io.github.xinfang.persistence.VersionConflictException if the stored version is not the expected one
     * @throws io.github.xinfang.persistence.DuplicateCommandException if the key is already recorded for the case
     * @throws IllegalArgumentException if the events do not continue the stored sequence, or a text is not well-formed
     *                                  Unicode
     * @throws StoreException if the record cannot be written and forced, or the store is closed
     */
    @Override
    public void commit(CaseCommit commit) {
        Objects.requireNonNull(commit, "commit");
        shared.writer().lock();
        try {
            checkOpen();
            CaseIndex index = shared.index();
            index.check(commit);   // only writers change the index, and this thread is the only writer now
            byte[] record = new CommitRecord(index.nextPosition(), commit).encode();
            long offset;
            try {
                offset = shared.log().append(files, record);
            } catch (IOException e) {
                throw new StoreException("cannot append the commit of case " + commit.caseId() + " at version "
                        + commit.newVersion() + " to the log", e);
            }
            writing(() -> index.add(commit, offset));
        } finally {
            shared.writer().unlock();
        }
    }

    /**
     * Loads a case (rule S6): its version, its latest snapshot and every event, read from its commit records.
     *
     * @param caseId the case id
     * @return the case, or empty if it was never committed
     * @throws StoreException if the log cannot be read, or the store is closed
     */
    @Override
    public Optional<StoredCase> load(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        CaseEntry entry = reading(() -> shared.index().entry(caseId));
        return entry == null ? Optional.empty() : Optional.of(load(entry));
    }

    /** Reads a case's records: everything its entry points at was forced to the disk and never changes. */
    private StoredCase load(CaseEntry entry) {
        List<StoredEvent> events = new ArrayList<>((int) entry.events());
        CaseCommit last = null;
        for (long offset : entry.commits()) {
            last = read(offset).commit();
            events.addAll(last.events());
        }
        return new StoredCase(last.caseId(), last.newVersion(), last.snapshot(), events);
    }

    /**
     * Finds the commit that recorded an idempotency key for a case (rule S5), reading its record.
     *
     * @param caseId the case id
     * @param idempotencyKey the key
     * @return the applied command, or empty
     * @throws StoreException if the log cannot be read, or the store is closed
     */
    @Override
    public Optional<AppliedCommand> findApplied(String caseId, String idempotencyKey) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Long offset = reading(() -> {
            CaseEntry entry = shared.index().entry(caseId);
            return entry == null ? null : entry.commitByKey().get(idempotencyKey);
        });
        if (offset == null) return Optional.empty();
        CaseCommit c = read(offset).commit();
        return Optional.of(new AppliedCommand(c.caseId(), c.idempotencyKey(), c.commandDigest(), c.expectedVersion(),
                c.newVersion(), c.events()));
    }

    /**
     * Reads a case's current index row (rule S7), from memory.
     *
     * @param caseId the case id
     * @return the row, or empty for an unknown case
     * @throws StoreException if the store is closed
     */
    @Override
    public Optional<IndexRow> indexRow(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return Optional.ofNullable(reading(() -> shared.index().entry(caseId))).map(CaseEntry::row);
    }

    /**
     * Reads changes after a position (rules F1 to F4): the log's records from that position on.
     *
     * @param position the last position already processed (0 to read from the start)
     * @param limit the most changes to return, at least 1
     * @return the changes, ascending by position
     * @throws IllegalArgumentException if position is negative or limit below 1
     * @throws StoreException if the log cannot be read, or the store is closed
     */
    @Override
    public List<Change> changesAfter(long position, int limit) {
        if (position < 0) throw new IllegalArgumentException("position must not be negative");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        List<Long> offsets = reading(() -> shared.index().feedAfter(position, limit));
        List<Change> changes = new ArrayList<>(offsets.size());
        for (long offset : offsets) {
            CommitRecord r = read(offset);
            changes.add(new Change(r.position(), r.commit().caseId(), r.commit().newVersion(), r.commit().events()));
        }
        return changes;
    }

    /**
     * Reads one page of the cases needing attention (rules Q1 to Q3), from the in-memory attention index.
     *
     * @param query the query
     * @return the page's rows, in order
     * @throws StoreException if the store is closed
     */
    @Override
    public List<IndexRow> needingAttention(AttentionQuery query) {
        Objects.requireNonNull(query, "query");
        return reading(() -> shared.index().needingAttention(query));
    }

    /**
     * Reads one page of the cases a report from {@code since} on may count (rules P1 to P5): chosen from the in-memory
     * index, each then read whole from the log.
     *
     * @param regionPrefix zero to six digits of a region code ({@code ""}: every region)
     * @param since the instant the report's earliest span begins
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page's cases, ascending by case id, each whole
     * @throws NullPointerException if regionPrefix or since is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     * @throws StoreException if the log cannot be read, or the store is closed
     */
    @Override
    public List<StoredCase> touching(String regionPrefix, Instant since, String afterCaseId, int limit) {
        ReportQuery.checkArguments(regionPrefix, since, limit);
        List<CaseEntry> entries = reading(() -> shared.index().touching(regionPrefix, since, afterCaseId, limit));
        List<StoredCase> page = new ArrayList<>(entries.size());
        for (CaseEntry e : entries) page.add(load(e));
        return page;
    }

    /**
     * Closes the store: waits for a commit in progress, closes the log and releases the directory. Idempotent; any
     * later call throws {@link StoreException}.
     *
     * @throws StoreException if a file cannot be closed
     */
    @Override
    public void close() {
        shared.writer().lock();
        try {
            if (!shared.closed().compareAndSet(false, true)) return;
            log.debug("Closing the file store at {}", shared.directory());
            IOException failure = null;
            try (CommitLog commitLog = shared.log()) {
                commitLog.cutTail(files);
            } catch (IOException e) {
                failure = e;
            }
            try {
                shared.lockFile().close();   // releases the lock
            } catch (IOException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
            if (failure != null) throw new StoreException("cannot close the file store at " + shared.directory(), failure);
        } finally {
            shared.writer().unlock();
        }
    }

    private CommitRecord read(long offset) {
        try {
            return CommitRecord.decode(shared.log().read(files, offset));
        } catch (IOException e) {
            throw new StoreException("cannot read the record at offset " + offset + " of the log at "
                    + shared.directory(), e);
        }
    }

    private <T> T reading(Supplier<T> query) {
        shared.reading().readLock().lock();
        try {
            checkOpen();
            return query.get();
        } finally {
            shared.reading().readLock().unlock();
        }
    }

    private void writing(Runnable change) {
        shared.reading().writeLock().lock();
        try {
            change.run();
        } finally {
            shared.reading().writeLock().unlock();
        }
    }

    private void checkOpen() {
        if (shared.closed().get()) throw new StoreException("the file store at " + shared.directory() + " is closed");
    }
}
