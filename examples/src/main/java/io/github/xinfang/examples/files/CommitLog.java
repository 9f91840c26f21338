package io.github.xinfang.examples.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The store's data file, {@value #FILE_NAME}: an append-only log of commit records. It starts with an 8-byte magic
 * ({@code XFCLOG1} and a newline); each record follows as {@code [int length][int CRC-32 of the body][body]}.
 *
 * <p>Durability: an append writes the whole record after the last one, then forces it to the disk; only then does the
 * store count the commit as done. A crash mid-append leaves a torn last record, which {@link #open} recognises (it does
 * not fit in the file, or fails its checksum) and cuts off: a commit is on disk whole or not at all. A record that
 * fails its checksum with records after it is not a torn append but damage, and {@link #open} refuses the file rather
 * than drop the commits behind it. A new log is created as a temporary file holding the magic, forced, and moved into
 * place atomically, so a store directory never holds a half-created log.
 *
 * <p>Not thread-safe for appends: the store appends under its writer lock. Reads at offsets of whole records may run
 * concurrently with an append ({@link FileChannel} positional reads and writes do not interfere).
 */
final class CommitLog implements Closeable {

    /** The log's file name in the store directory. */
    static final String FILE_NAME = "commits.log";

    private static final Logger logger = LoggerFactory.getLogger(CommitLog.class);
    private static final byte[] MAGIC = "XFCLOG1\n".getBytes(StandardCharsets.US_ASCII);
    /** The length and checksum before each record's body. */
    private static final int HEADER = 8;

    /** Reads the body of each whole record when the log is opened, in order. */
    @FunctionalInterface
    interface Replay {
        /**
         * @param offset where the record starts
         * @param body its body
         * @throws IOException if the body is not a record the store can apply
         */
        void record(long offset, byte[] body) throws IOException;
    }

    private final FileChannel file;
    /** The end of the last whole record: where the next one goes. Guarded by the store's writer lock. */
    private long end;
    /** Whether a failed append may have left bytes after {@link #end}. Guarded by the store's writer lock. */
    private boolean tailDirty;

    private CommitLog(FileChannel file, long end) {
        this.file = file;
        this.end = end;
    }

    /**
     * Opens the log of a directory, creating it if there is none, replays every whole record and cuts off a torn last
     * one.
     *
     * @param directory the store directory
     * @param replay what to do with each record
     * @return the open log
     * @throws IOException if the file cannot be read or written, is not a commit log, or is damaged before its end
     */
    static CommitLog open(Path directory, Replay replay) throws IOException {
        Path path = directory.resolve(FILE_NAME);
        if (!Files.exists(path)) create(directory, path);
        FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long end = replayAll(file, replay);
            long size = file.size();
            if (end < size) {
                logger.warn("Cutting a torn last record off {}: {} bytes after offset {}", path, size - end, end);
                FileOperations.DIRECT.truncate(file, end);
                FileOperations.DIRECT.force(file);
            }
            return new CommitLog(file, end);
        } catch (IOException | RuntimeException e) {
            try {
                file.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Creates an empty log: the magic in a temporary file, forced, moved into place, the directory forced. */
    private static void create(Path directory, Path path) throws IOException {
        Path temporary = directory.resolve(FILE_NAME + ".tmp");
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            FileOperations.DIRECT.write(file, ByteBuffer.wrap(MAGIC), 0);
            FileOperations.DIRECT.force(file);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory);
    }

    /** Makes the directory's entries (the new log's name) durable; POSIX file systems need it, Windows cannot. */
    private static void forceDirectory(Path directory) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) return;
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** @return the end of the last whole record */
    private static long replayAll(FileChannel file, Replay replay) throws IOException {
        long size = file.size();
        byte[] magic = new byte[MAGIC.length];
        if (size < MAGIC.length) throw new IOException(FILE_NAME + " is not a commit log: too short");
        FileOperations.DIRECT.read(file, ByteBuffer.wrap(magic), 0);
        if (!Arrays.equals(magic, MAGIC)) throw new IOException(FILE_NAME + " is not a commit log of this format");
        long at = MAGIC.length;
        while (size - at >= HEADER) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            FileOperations.DIRECT.read(file, header, at);
            int length = header.getInt(0);
            if (length < 0 || length > size - at - HEADER) return at;        // does not fit: a torn last record
            byte[] body = new byte[length];
            FileOperations.DIRECT.read(file, ByteBuffer.wrap(body), at + HEADER);
            if (checksum(body) != header.getInt(4)) {
                if (at + HEADER + length == size) return at;                  // the last record: torn
                throw new IOException(FILE_NAME + " is damaged: the record at offset " + at + " fails its checksum"
                        + " and " + (size - at - HEADER - length) + " bytes follow it");
            }
            replay.record(at, body);
            at += HEADER + length;
        }
        return at;
    }

    /**
     * Appends a record and forces it to the disk. If anything fails, the log is cut back to its last whole record (or,
     * if even that fails, at the next append or when the store closes), so a failed append never shows.
     *
     * @param files the file operations to use
     * @param body the record's body
     * @return the offset the record starts at
     * @throws IOException if the record could not be written and forced; it may still reach the disk (a crash right
     *                     after a failed force), as with any database a commit whose acknowledgement failed is in doubt
     */
    long append(FileOperations files, byte[] body) throws IOException {
        long offset = end;
        ByteBuffer record = ByteBuffer.allocate(HEADER + body.length);
        record.putInt(body.length).putInt(checksum(body)).put(body).flip();
        try {
            cutTail(files);
            tailDirty = true;
            files.write(file, record, offset);
            files.force(file);
        } catch (IOException e) {
            try {
                cutTail(files);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        tailDirty = false;
        end = offset + record.limit();
        return offset;
    }

    /**
     * Cuts off what a failed append may have left after the last whole record, so that it cannot be replayed when the
     * log is opened again. The next append and closing the store do it.
     *
     * @param files the file operations to use
     * @throws IOException if the file cannot be cut
     */
    void cutTail(FileOperations files) throws IOException {
        if (!tailDirty) return;
        files.truncate(file, end);
        files.force(file);
        tailDirty = false;
    }

    /**
     * Reads the body of the whole record at an offset.
     *
     * @param files the file operations to use
     * @param offset an offset {@link #append} returned or {@link #open} replayed
     * @return the record's body
     * @throws IOException if it cannot be read or fails its checksum
     */
    byte[] read(FileOperations files, long offset) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        files.read(file, header, offset);
        int length = header.getInt(0);
        if (length < 0) throw new IOException("no record at offset " + offset);
        byte[] body = new byte[length];
        files.read(file, ByteBuffer.wrap(body), offset + HEADER);
        if (checksum(body) != header.getInt(4)) throw new IOException("the record at offset " + offset + " fails its checksum");
        return body;
    }

    private static int checksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue();
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        file.close();
    }
}
