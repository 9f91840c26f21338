package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.chain.AuditCheckpoint;
import io.github.xinfang.persistence.chain.ChainCheckpoint;
import io.github.xinfang.persistence.chain.CheckpointArchive;
import io.github.xinfang.persistence.chain.CheckpointException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link CheckpointArchive} of files in a directory (mount one on another host, or a write-once share), one per
 * checkpoint, named by the instant it was taken ({@code checkpoint-<epoch second>-<nanosecond>.txt}, in
 * {@link ChainCheckpoint#toText()} form; an audit checkpoint's {@code audit-checkpoint-<epoch second>-<nanosecond>.txt}, in
 * {@link AuditCheckpoint#toText()} form). Each file is written to a temporary name and moved into place, so a reader
 * never sees half of one; a checkpoint is never overwritten. Thread-safe.
 *
 * @since 0.7
 */
public final class DirectoryCheckpointArchive implements CheckpointArchive {
    private static final String CHAIN = "checkpoint-\\d{19}-\\d{9}\\.txt";
    private static final String AUDIT = "audit-checkpoint-\\d{19}-\\d{9}\\.txt";

    private final Path directory;

    private DirectoryCheckpointArchive(Path directory) {
        this.directory = directory;
    }

    /**
     * @param directory the directory, created when the first checkpoint is kept
     * @return the archive
     * @throws NullPointerException if directory is null
     */
    public static DirectoryCheckpointArchive in(Path directory) {
        return new DirectoryCheckpointArchive(Objects.requireNonNull(directory, "directory"));
    }

    @Override
    public void append(ChainCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        keep("checkpoint", checkpoint.takenAt(), checkpoint.toText());
    }

    @Override
    public Optional<ChainCheckpoint> latest() {
        return latest(CHAIN).map(ChainCheckpoint::parse);
    }

    @Override
    public void appendAudit(AuditCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        keep("audit-checkpoint", checkpoint.takenAt(), checkpoint.toText());
    }

    @Override
    public Optional<AuditCheckpoint> latestAudit() {
        return latest(AUDIT).map(AuditCheckpoint::parse);
    }

    /** Writes one checkpoint's file: to a temporary name, then moved into place; never over an existing one. */
    private synchronized void keep(String prefix, Instant takenAt, String text) {
        String name = String.format("%s-%019d-%09d.txt", prefix, takenAt.getEpochSecond(), takenAt.getNano());
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(name);
            if (Files.exists(target)) throw new CheckpointException("a " + prefix + " taken at " + takenAt + " is kept already");
            Path temp = Files.createTempFile(directory, ".checkpoint-", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CheckpointException("keeping a checkpoint in " + directory + " failed", e);
        }
    }

    /** @return the text of the latest file whose name matches, if any */
    private Optional<String> latest(String pattern) {
        if (!Files.isDirectory(directory)) return Optional.empty();
        try (Stream<Path> list = Files.list(directory)) {
            Optional<Path> last = list.filter(p -> p.getFileName().toString().matches(pattern))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
            if (last.isEmpty()) return Optional.empty();
            return Optional.of(Files.readString(last.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CheckpointException("reading the checkpoints in " + directory + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "DirectoryCheckpointArchive[" + directory + "]";
    }
}
