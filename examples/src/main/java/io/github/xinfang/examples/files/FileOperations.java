package io.github.xinfang.examples.files;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Every operation the store performs on its commit log after opening it: the seam its tests use to make the disk fail
 * after a number of operations (rule S8 of the storage test kit), as a full disk or a dying drive does. Package-private:
 * an integrator's store needs no such seam in its API, only in its tests.
 */
interface FileOperations {

    /**
     * Writes all of {@code bytes} at a position.
     *
     * @param file the file
     * @param bytes what to write, from its position to its limit
     * @param position where in the file
     * @throws IOException if the write fails (part of the bytes may have been written)
     */
    void write(FileChannel file, ByteBuffer bytes, long position) throws IOException;

    /**
     * Fills {@code into} from a position.
     *
     * @param file the file
     * @param into the buffer to fill, from its position to its limit
     * @param position where in the file
     * @throws IOException if the read fails or the file ends first
     */
    void read(FileChannel file, ByteBuffer into, long position) throws IOException;

    /**
     * Forces what was written to the disk ({@code fsync}).
     *
     * @param file the file
     * @throws IOException if the disk does not confirm it
     */
    void force(FileChannel file) throws IOException;

    /**
     * Cuts the file to a size.
     *
     * @param file the file
     * @param size the new size
     * @throws IOException if the file cannot be cut
     */
    void truncate(FileChannel file, long size) throws IOException;

    /** The operations as the file system performs them. */
    FileOperations DIRECT = new FileOperations() {
        @Override
        public void write(FileChannel file, ByteBuffer bytes, long position) throws IOException {
            long at = position;
            while (bytes.hasRemaining()) at += file.write(bytes, at);
        }

        @Override
        public void read(FileChannel file, ByteBuffer into, long position) throws IOException {
            long at = position;
            while (into.hasRemaining()) {
                int n = file.read(into, at);
                if (n < 0) throw new EOFException("the file ends at " + at);
                at += n;
            }
        }

        @Override
        public void force(FileChannel file) throws IOException {
            file.force(true);   // true: an append changes the file's length, which is metadata
        }

        @Override
        public void truncate(FileChannel file, long size) throws IOException {
            file.truncate(size);
        }
    };
}
