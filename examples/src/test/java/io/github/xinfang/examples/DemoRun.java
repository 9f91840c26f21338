package io.github.xinfang.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * What a demo returned and what it printed, in UTF-8. Immutable.
 *
 * @param result what the demo's {@code run} returned
 * @param out what it printed
 * @param <T> the type of the result
 */
record DemoRun<T>(T result, String out) {

    /** @return the run of {@code demo}, printing to a buffer */
    static <T> DemoRun<T> of(Function<PrintStream, T> demo) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        T result = demo.apply(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new DemoRun<>(result, bytes.toString(StandardCharsets.UTF_8));
    }
}
