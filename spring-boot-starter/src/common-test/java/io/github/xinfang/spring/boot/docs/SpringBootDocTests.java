package io.github.xinfang.spring.boot.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs/spring-boot.md} shows only code that compiles: its Java blocks are the regions of {@link SpringBootDocSnippets}. */
class SpringBootDocTests {
    /** Relative to either starter module (surefire's working directory): both see the shared sources here. */
    private static final Path SNIPPETS = Path.of("..", "spring-boot-starter", "src", "common-test", "java", "io", "github", "xinfang",
            "spring", "boot", "docs", "SpringBootDocSnippets.java");
    private static final Path DOC = Path.of("..", "docs", "spring-boot.md");
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-z-]+)\\[\\]\\s*$");

    @Test
    void everyJavaBlockOfTheDocumentIsACompiledRegionInOrder() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(DOC, StandardCharsets.UTF_8));
        List<String> regions = regions(Files.readString(SNIPPETS, StandardCharsets.UTF_8));
        assertThat(blocks).as("the Java blocks of %s", DOC).hasSameSizeAs(regions);
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i)).as("Java block %d of %s: copy it from SpringBootDocSnippets", i + 1, DOC).isEqualTo(regions.get(i));
        }
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.trim().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.trim().equals("```")) {
                out.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    private static List<String> regions(String source) {
        List<String> out = new ArrayList<>();
        List<String> current = null;
        for (String line : source.split("\n", -1)) {
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                current = new ArrayList<>();
            } else if (current != null && line.trim().startsWith("// end::")) {
                out.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) if (!l.isBlank()) indent = Math.min(indent, l.length() - l.stripLeading().length());
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        return sb.toString();
    }
}
