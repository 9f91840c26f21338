package io.github.xinfang.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of this module's README, compiled: each {@code ```java} block of {@code README.md} is one region
 * of this file between {@code // tag::NAME[]} and {@code // end::NAME[]}, in the same order and verbatim up to
 * indentation (issue 11, item 7). The project README's snippets are checked the same way in the examples module.
 */
class ReadmeSnippetsTests {
    private static final Path SELF = Path.of("src/test/java/io/github/xinfang/persistence/jdbc/ReadmeSnippetsTests.java");
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-z-]+)\\[\\]\\s*$");

    /** README, first lines. */
    static JdbcCaseStore create(DataSource pool) {
        // tag::create[]
        // pool: the DataSource you already run (HikariCP, Druid, your container's pool)
        JdbcCaseStore store = JdbcCaseStore.create(pool, Dialect.POSTGRESQL).migrate();
        // end::create[]
        return store;
    }

    /** README, upgrading to schema version 3. */
    static MigrationReport repair(JdbcCaseStore store, io.github.xinfang.service.CaseService caseService) {
        // tag::repair[]
        MigrationReport report = store.migrate(caseService.snapshotRebuilder());   // report.repairedCases(): usually empty
        // end::repair[]
        return report;
    }

    @Test
    void everyJavaBlockOfTheReadmeIsARegionOfThisFileInOrder() throws IOException {
        List<String> blocks = javaBlocks(read(Path.of("README.md")));
        assertThat(blocks).as("```java blocks in README.md").hasSize(2);
        assertThat(regions(read(SELF))).as("the README's ```java blocks, in order, as the regions of " + SELF)
                .containsExactlyElementsOf(blocks);
    }

    private static String read(Path relative) throws IOException {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return Files.readString(base.resolve(relative), StandardCharsets.UTF_8);
    }

    /** The {@code ```java} blocks of a Markdown text, each without its fences and common indentation. */
    private static List<String> javaBlocks(String markdown) {
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

    /** The tagged regions of a source text, in order, each without its tag lines and common indentation. */
    private static List<String> regions(String source) {
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
    private static String dedent(List<String> lines) {
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
