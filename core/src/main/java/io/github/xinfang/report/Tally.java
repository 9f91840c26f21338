package io.github.xinfang.report;

import io.github.xinfang.report.Figures.Dimension;
import io.github.xinfang.report.Figures.Metric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of a report: for each of its periods (the period, the previous one, the same one a year earlier), each
 * group and the whole, a numerator and a denominator per metric, and the volumes. Grows with the groups and the values of
 * the volume dimensions, never with the number of cases. Not thread-safe.
 */
final class Tally {
    /** The key of the whole (no group) in the counters; no group id can be empty. */
    static final String TOTAL = "";
    private static final int METRICS = Metric.values().length;

    private final List<Period> periods;
    private final List<Map<String, long[]>> counts;
    /** Per period: dimension, group, value → petitions, persons, group visits. */
    private final List<Map<Dimension, Map<String, Map<String, long[]>>>> volumes;

    Tally(List<Period> periods) {
        this.periods = List.copyOf(periods);
        this.counts = periods.stream().map(p -> (Map<String, long[]>) new HashMap<String, long[]>()).toList();
        this.volumes = periods.stream().map(p -> (Map<Dimension, Map<String, Map<String, long[]>>>) new HashMap<Dimension,
                Map<String, Map<String, long[]>>>()).toList();
    }

    int periods() {
        return periods.size();
    }

    Period period(int i) {
        return periods.get(i);
    }

    /** Counts one fact in the whole and in each of its groups. */
    void add(int period, Metric metric, List<String> groups, boolean numerator) {
        bump(period, TOTAL, metric, numerator);
        for (String g : groups) bump(period, g, metric, numerator);
    }

    /** Counts one case on the resolution track in the three resolution metrics. */
    void addResolution(int period, List<String> groups, boolean inTotal, boolean inGroups, boolean resolved, boolean claimed,
                       boolean substantive) {
        if (inTotal) {
            bump(period, TOTAL, Metric.RESOLUTION, resolved);
            bump(period, TOTAL, Metric.CLAIMED_RESOLUTION, claimed);
            bump(period, TOTAL, Metric.SUBSTANTIVE_RESOLUTION, substantive);
        }
        if (!inGroups) return;
        for (String g : groups) {
            bump(period, g, Metric.RESOLUTION, resolved);
            bump(period, g, Metric.CLAIMED_RESOLUTION, claimed);
            bump(period, g, Metric.SUBSTANTIVE_RESOLUTION, substantive);
        }
    }

    /** Counts one petition in a volume dimension, in the whole and in each of its groups. */
    void volume(int period, Dimension dimension, String value, List<String> groups, int headcount, boolean groupVisit) {
        Map<String, Map<String, long[]>> byGroup = volumes.get(period).computeIfAbsent(dimension, d -> new HashMap<>());
        bumpVolume(byGroup, TOTAL, value, headcount, groupVisit);
        for (String g : groups) bumpVolume(byGroup, g, value, headcount, groupVisit);
    }

    private static void bumpVolume(Map<String, Map<String, long[]>> byGroup, String group, String value, int headcount,
                                   boolean groupVisit) {
        long[] n = byGroup.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(value, v -> new long[3]);
        n[0]++;
        n[1] += headcount;
        if (groupVisit) n[2]++;
    }

    private void bump(int period, String group, Metric metric, boolean numerator) {
        long[] n = counts.get(period).computeIfAbsent(group, g -> new long[2 * METRICS]);
        n[2 * metric.ordinal() + 1]++;
        if (numerator) n[2 * metric.ordinal()]++;
    }

    /** The groups seen in any period, sorted, without the whole. */
    java.util.SortedSet<String> groups() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (Map<String, long[]> m : counts) out.addAll(m.keySet());
        for (Map<Dimension, Map<String, Map<String, long[]>>> m : volumes) for (Map<String, ?> g : m.values()) out.addAll(g.keySet());
        out.remove(TOTAL);
        return out;
    }

    /** A metric's ratio in one period for a group (or {@link #TOTAL}). */
    Ratio ratio(int period, String group, Metric metric) {
        long[] n = counts.get(period).get(group);
        return n == null ? Ratio.none(metric.unit()) : new Ratio(n[2 * metric.ordinal()], n[2 * metric.ordinal() + 1], metric.unit());
    }

    /** A volume in one period: value → petitions, persons, group visits. */
    Map<String, long[]> volumes(int period, Dimension dimension, String group) {
        Map<String, Map<String, long[]>> byGroup = volumes.get(period).get(dimension);
        Map<String, long[]> v = byGroup == null ? null : byGroup.get(group);
        return v == null ? Map.of() : new TreeMap<>(v);
    }
}
