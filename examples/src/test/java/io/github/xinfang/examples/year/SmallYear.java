package io.github.xinfang.examples.year;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small run of the year demo (a few hundred petitions) into a directory of its own, with what it printed; one run is
 * shared by the tests of a JVM (it plays every day of the year, so it takes seconds). Immutable.
 *
 * @param result what the demo returned
 * @param out what it printed, in UTF-8
 * @param dir the directory it ran in
 * @param seed its seed
 * @param petitions its size
 */
record SmallYear(DistrictYearDemo.Result result, String out, Path dir, long seed, int petitions) {
    static final long SEED = 7;
    static final int PETITIONS = 400;

    private static SmallYear shared;

    /** @return the shared run (seed {@value #SEED}, {@value #PETITIONS} petitions), run on first use */
    static synchronized SmallYear shared() {
        if (shared == null) {
            try {
                shared = run(Files.createTempDirectory("district-year-"), SEED, PETITIONS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** @return a run into {@code dir}, fresh unless {@code more} says {@code --resume} */
    static SmallYear run(Path dir, long seed, int petitions, String... more) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String[] common = {"--dir", dir.toString(), "--seed", String.valueOf(seed), "--petitions", String.valueOf(petitions)};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        DistrictYearDemo.Result result = DistrictYearDemo.run(args, out, System.nanoTime());
        return new SmallYear(result, bytes.toString(StandardCharsets.UTF_8), dir, seed, petitions);
    }

    /** @return the HTML report's text */
    String html() {
        try {
            return Files.readString(result.html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
