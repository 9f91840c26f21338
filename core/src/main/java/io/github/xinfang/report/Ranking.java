package io.github.xinfang.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A red and black list (红黑榜): the groups of a report (lead units, or regions at the report's level) ordered by one
 * metric over the report's period (half-yearly assessments use {@link Period#halfYear}).
 *
 * <p>The red list puts the highest ratio first, the black list the lowest. On both lists a tie goes to the higher
 * volume (the metric's denominator: more cases weigh more, for praise and for blame), then to the smaller id, so both
 * are total orders. Groups whose volume is below the minimum are excluded from both and listed apart
 * ({@link #belowMinimum()}); {@link Figures#UNATTRIBUTED} is not an entity and appears nowhere. Ratios compare exactly
 * ({@link Ratio#compareQuotient}), never rounded. Immutable and thread-safe.
 *
 * @since 0.6
 */
public final class Ranking {
    private final Figures.Metric metric;
    private final long minimumVolume;
    private final List<Entry> red;
    private final List<Entry> black;
    private final List<Entry> belowMinimum;

    private Ranking(Figures.Metric metric, long minimumVolume, List<Entry> red, List<Entry> black, List<Entry> belowMinimum) {
        this.metric = metric;
        this.minimumVolume = minimumVolume;
        this.red = red;
        this.black = black;
        this.belowMinimum = belowMinimum;
    }

    /**
     * @param report a report grouped by entity (not {@link Figures.Grouping#none()})
     * @param metric the metric to rank by, in the report's period
     * @param minimumVolume the least denominator an entity needs to be ranked, at least 1
     * @return the ranking
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming minimumVolume when it is below 1, or report when it has no groups by kind
     */
    public static Ranking of(Figures.Report report, Figures.Metric metric, long minimumVolume) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(metric, "metric");
        if (minimumVolume < 1) throw new IllegalArgumentException("minimumVolume must be at least 1");
        if (report.grouping().kind() == Figures.Grouping.Kind.NONE) throw new IllegalArgumentException("report: it is not grouped");
        List<Entry> ranked = new ArrayList<>();
        List<Entry> below = new ArrayList<>();
        for (String id : report.groups()) {
            if (id.equals(Figures.UNATTRIBUTED)) continue;
            Entry e = new Entry(id, report.figure(metric, id).current());
            (e.ratio().denominator() >= minimumVolume ? ranked : below).add(e);
        }
        Comparator<Entry> byVolumeThenId = Comparator.comparingLong((Entry e) -> e.ratio().denominator()).reversed()
                .thenComparing(Entry::id);
        List<Entry> red = new ArrayList<>(ranked);
        red.sort(((Comparator<Entry>) (a, b) -> b.ratio().compareQuotient(a.ratio())).thenComparing(byVolumeThenId));
        List<Entry> black = new ArrayList<>(ranked);
        black.sort(((Comparator<Entry>) (a, b) -> a.ratio().compareQuotient(b.ratio())).thenComparing(byVolumeThenId));
        return new Ranking(metric, minimumVolume, Collections.unmodifiableList(red), Collections.unmodifiableList(black),
                Collections.unmodifiableList(below));
    }

    /** @return the metric ranked by */
    public Figures.Metric metric() {
        return metric;
    }

    /** @return the least volume ranked */
    public long minimumVolume() {
        return minimumVolume;
    }

    /** @return every ranked entity, best first (红榜 order) */
    public List<Entry> red() {
        return red;
    }

    /** @return every ranked entity, worst first (黑榜 order) */
    public List<Entry> black() {
        return black;
    }

    /**
     * @param n how many, at least 0
     * @return the first n of the red list (fewer if fewer are ranked)
     */
    public List<Entry> top(int n) {
        if (n < 0) throw new IllegalArgumentException("n must not be negative");
        return red.subList(0, Math.min(n, red.size()));
    }

    /**
     * @param n how many, at least 0
     * @return the first n of the black list, worst first (fewer if fewer are ranked)
     */
    public List<Entry> bottom(int n) {
        if (n < 0) throw new IllegalArgumentException("n must not be negative");
        return black.subList(0, Math.min(n, black.size()));
    }

    /** @return the entities excluded for a volume below the minimum, by id */
    public List<Entry> belowMinimum() {
        return belowMinimum;
    }

    /**
     * One entity on a list. Immutable.
     *
     * @param id the group's id (a unit id or a region prefix)
     * @param ratio its figure in the report's period; its denominator is the entity's volume
     * @since 0.6
     */
    public record Entry(String id, Ratio ratio) {
        /** @throws NullPointerException naming a null argument */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ratio, "ratio");
        }
    }
}
