package io.github.xinfang.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result file ({@code -rf json}) as a Markdown table: benchmark, parameters, score with its 99.9%
 * error and unit, and the allocation per operation when the run had {@code -prof gc}. {@code bench/run.sh} calls it.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar io.github.xinfang.bench.ResultsTable result.json}</pre>
 */
public final class ResultsTable {
    private ResultsTable() {}

    /**
     * @param args the JSON file
     * @throws IOException if it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: ResultsTable <jmh-result.json>");
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        System.out.println("| benchmark | parameters | score ± error | unit | allocated per op |");
        System.out.println("|---|---|---|---|---|");
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText().replaceFirst("^io\\.github\\.xinfang\\.bench\\.", "");
            StringBuilder params = new StringBuilder();
            JsonNode p = r.get("params");
            if (p != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (params.length() > 0) params.append(", ");
                    params.append(e.getKey()).append('=').append(e.getValue().asText());
                }
            }
            JsonNode primary = r.get("primaryMetric");
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            System.out.printf(Locale.ROOT, "| %s | %s | %s ± %s | %s | %s |%n", name, params, figure(primary.get("score").asDouble()),
                    figure(primary.get("scoreError").asDouble()), primary.get("scoreUnit").asText(),
                    alloc.isMissingNode() ? "" : bytes(alloc.get("score").asDouble()));
        }
    }

    private static String figure(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String bytes(double b) {
        return b >= 10_240 ? String.format(Locale.ROOT, "%,.1f KB", b / 1024) : String.format(Locale.ROOT, "%,.0f B", b);
    }
}
