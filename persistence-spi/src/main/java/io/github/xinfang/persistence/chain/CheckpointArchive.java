package io.github.xinfang.persistence.chain;

import java.util.Optional;

/**
 * Where signed checkpoints (of the history, {@link ChainCheckpoint}, and of the access audit trail,
 * {@link AuditCheckpoint}) are kept: outside the database whose history they vouch for (a directory on another host, a
 * write-once bucket, an archive system), which the portal implements: the library itself does no file or network I/O.
 * The examples module's {@code DirectoryCheckpointArchive} keeps them as files in a directory. Implementations are
 * thread-safe.
 *
 * @since 0.7
 */
public interface CheckpointArchive {

    /**
     * Keeps a checkpoint.
     *
     * @param checkpoint the checkpoint
     * @throws NullPointerException if checkpoint is null
     * @throws CheckpointException if it could not be kept
     */
    void append(ChainCheckpoint checkpoint);

    /**
     * The latest checkpoint kept (by the instant it was taken).
     *
     * @return the checkpoint, or empty if none was kept
     * @throws CheckpointException if the archive cannot be read or holds a malformed checkpoint
     */
    Optional<ChainCheckpoint> latest();

    /**
     * Keeps a checkpoint of the access audit trail.
     *
     * @param checkpoint the checkpoint
     * @throws NullPointerException if checkpoint is null
     * @throws CheckpointException if it could not be kept
     */
    void appendAudit(AuditCheckpoint checkpoint);

    /**
     * The latest audit checkpoint kept (by the instant it was taken).
     *
     * @return the checkpoint, or empty if none was kept
     * @throws CheckpointException if the archive cannot be read or holds a malformed checkpoint
     */
    Optional<AuditCheckpoint> latestAudit();
}
