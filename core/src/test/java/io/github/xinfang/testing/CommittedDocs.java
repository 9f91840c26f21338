package io.github.xinfang.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents committed under docs/ that are renderings of a table in the code. */
public final class CommittedDocs {
    private CommittedDocs() {}

    /**
     * Asserts that the committed file holds the rendering; when the system property is true, writes the rendering
     * there first (to regenerate the document).
     *
     * @param committed     the committed document, relative to the module (surefire's working directory)
     * @param rendered      what the code renders
     * @param writeProperty the boolean system property that regenerates the document
     * @param test          the test class that checks the document, named in the message on how to regenerate it
     * @throws IOException if the file cannot be read or written
     */
    public static void assertIsRendering(Path committed, String rendered, String writeProperty, Class<?> test) throws IOException {
        if (Boolean.getBoolean(writeProperty)) {
            Files.writeString(committed, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("%s differs from its rendering in the code; regenerate with mvn -pl core -am test -Dtest=%s -D%s=true",
                        committed, test.getSimpleName(), writeProperty)
                .isEqualTo(rendered);
    }
}
