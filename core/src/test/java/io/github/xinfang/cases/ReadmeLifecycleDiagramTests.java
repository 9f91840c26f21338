package io.github.xinfang.cases;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's lifecycle at a glance: a state diagram rendered from the procedure table's rows (each row's
 * {@code from} stages to its {@code to} stage, labelled with the commands' Chinese names), kept between two markers in
 * the README; the test fails when the committed diagram and the table differ.
 */
class ReadmeLifecycleDiagramTests {
    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- lifecycle diagram: generated from LifecycleTable by ReadmeLifecycleDiagramTests -->";
    private static final String END = "<!-- end of lifecycle diagram -->";

    /** @return the diagram: one edge per (from, to) pair, its label the commands that take it, in table order */
    static String diagram() {
        Map<String, List<String>> edges = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (LifecycleTable.Row row : LifecycleTable.procedure().rows()) {
            if (!row.inForce() || row.to() == null) continue;
            List<String> froms = new ArrayList<>();
            if (row.from().isEmpty()) froms.add("[*]");
            for (Stage s : row.from()) if (s != row.to()) froms.add(s.name());
            for (String from : froms) {
                String edge = from + " --> " + row.to().name();
                if (!edges.containsKey(edge)) order.add(edge);
                List<String> labels = edges.computeIfAbsent(edge, k -> new ArrayList<>());
                if (!labels.contains(row.chinese())) labels.add(row.chinese());
            }
        }
        StringBuilder sb = new StringBuilder("```mermaid\nstateDiagram-v2\n");
        for (Stage s : Stage.values()) sb.append("    ").append(s.name()).append(" : ").append(s.name()).append(' ').append(s.chinese()).append('\n');
        for (String edge : order) sb.append("    ").append(edge).append(" : ").append(String.join("/", edges.get(edge))).append('\n');
        return sb.append("```\n").toString();
    }

    @Test
    void theReadmesDiagramIsTheProcedureTables() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("the README holds the diagram's markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String committed = readme.substring(begin + BEGIN.length() + 1, end);
        if (Boolean.getBoolean("xinfang.writeLifecycleDoc")) {
            Files.writeString(README, readme.substring(0, begin + BEGIN.length() + 1) + diagram() + readme.substring(end),
                    StandardCharsets.UTF_8);
            committed = diagram();
        }
        assertThat(committed).as("README.md's lifecycle diagram differs from the procedure table; regenerate with mvn -pl core"
                + " -am test -Dtest=ReadmeLifecycleDiagramTests -Dxinfang.writeLifecycleDoc=true").isEqualTo(diagram());
    }
}
