package io.github.xinfang.examples.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * File operations that go through until a number of them have run, then fail as a dying disk does: every further
 * operation throws {@link IOException}, and a failing write first writes half of its bytes (a torn record). The failure
 * hook of rule S8 gives the store a view over these.
 */
final class FailingFileOperations implements FileOperations {

    private final AtomicInteger left;

    private FailingFileOperations(int operations) {
        this.left = new AtomicInteger(operations);
    }

    /**
     * @param operations how many operations succeed (0: the first fails)
     * @return the operations
     */
    static FailingFileOperations after(int operations) {
        return new FailingFileOperations(operations);
    }

    private boolean spent() {
        return left.getAndDecrement() <= 0;
    }

    private static IOException failure(String what) {
        return new IOException("simulated: the disk failed during " + what);
    }

    @Override
    public void write(FileChannel file, ByteBuffer bytes, long position) throws IOException {
        if (spent()) {
            ByteBuffer half = bytes.duplicate();
            half.limit(half.position() + half.remaining() / 2);
            DIRECT.write(file, half, position);
            throw failure("a write");
        }
        DIRECT.write(file, bytes, position);
    }

    @Override
    public void read(FileChannel file, ByteBuffer into, long position) throws IOException {
        if (spent()) throw failure("a read");
        DIRECT.read(file, into, position);
    }

    @Override
    public void force(FileChannel file) throws IOException {
        if (spent()) throw failure("a force");
        DIRECT.force(file);
    }

    @Override
    public void truncate(FileChannel file, long size) throws IOException {
        if (spent()) throw failure("a truncate");
        DIRECT.truncate(file, size);
    }
}
