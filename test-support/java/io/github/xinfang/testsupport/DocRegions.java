package io.github.xinfang.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents that show only compiled code: the {@code ```java} blocks of a Markdown text and the tagged regions
 * ({@code // tag::name[]} to {@code // end::name[]}) of a source text, each without its fences or tag lines and
 * common indentation, so that a test can check the one against the other.
 */
public final class DocRegions {
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-z-]+)\\[\\]\\s*$");

    private DocRegions() {}

    /**
     * @param relative a path relative to the module (surefire's {@code basedir})
     * @return the file's text, read as UTF-8
     * @throws IOException if it cannot be read
     */
    public static String read(Path relative) throws IOException {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return Files.readString(base.resolve(relative), StandardCharsets.UTF_8);
    }

    /**
     * @param markdown a Markdown text
     * @return its {@code ```java} blocks, in order, each without its fences and common indentation
     */
    public static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (current == null && trimmed.equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && trimmed.equals("```")) {
                blocks.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        assertThat(current).as("an unclosed ```java block").isNull();
        return blocks;
    }

    /**
     * @param source a source text
     * @return its tagged regions, in order, each without its tag lines and common indentation
     */
    public static List<String> regions(String source) {
        List<String> regions = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher tag = TAG.matcher(lines[i]);
            if (!tag.matches()) continue;
            String end = "// end::" + tag.group(1) + "[]";
            List<String> region = new ArrayList<>();
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().equals(end)) region.add(lines[j++]);
            assertThat(j).as("region %s has an end tag", tag.group(1)).isLessThan(lines.length);
            regions.add(dedent(region));
            i = j;
        }
        return regions;
    }

    /** Lines joined, trailing spaces and common leading indentation removed. */
    static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int n = 0;
            while (n < l.length() && l.charAt(n) == ' ') n++;
            indent = Math.min(indent, n);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            String s = l.stripTrailing();
            sb.append(s.isEmpty() ? "" : s.substring(Math.min(indent, s.length()))).append('\n');
        }
        return sb.toString();
    }
}
