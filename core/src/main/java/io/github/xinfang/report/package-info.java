/**
 * The figures a petition bureau reports (DESIGN.md section 5, "Metrics"): ratios with their numerator, denominator
 * and unit ({@link io.github.xinfang.report.Ratio}), the periods they are counted over
 * ({@link io.github.xinfang.report.Period}).
 *
 * @since 0.6
 */
package io.github.xinfang.report;
