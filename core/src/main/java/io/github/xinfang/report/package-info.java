/**
 * The figures a petition bureau reports (DESIGN.md section 5, "Metrics"): ratios with their numerator, denominator
 * and unit ({@link io.github.xinfang.report.Ratio}), the periods they are counted over
 * ({@link io.github.xinfang.report.Period}), the metrics of a period with the previous period and the same period a
 * year earlier beside them ({@link io.github.xinfang.report.Figures}), and red and black lists
 * ({@link io.github.xinfang.report.Ranking}).
 *
 * <p>Entry point: {@link io.github.xinfang.report.Figures#of}. A report reads case histories (their events), one case at
 * a time, and counts each fact by its legal date as known at an instant: it never reads a snapshot, and re-run later
 * for the same instant it gives the same figures.
 *
 * @since 0.6
 */
package io.github.xinfang.report;
