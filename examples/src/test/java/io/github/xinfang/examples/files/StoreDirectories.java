package io.github.xinfang.examples.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers for store directories. */
final class StoreDirectories {

    private StoreDirectories() {}

    /** Deletes a directory and everything in it. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) return;
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    /** @return the size of the store's log file */
    static long logSize(Path directory) {
        try {
            return Files.size(directory.resolve(CommitLog.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
