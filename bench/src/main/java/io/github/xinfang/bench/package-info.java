/**
 * JMH benchmarks of xinfang (not published). Build with {@code mvn -B verify}; run with
 * {@code java -jar bench/target/benchmarks.jar CalendarBenchmark}. Results are in {@code bench/RESULTS.md}.
 *
 * @since 0.1
 */
package io.github.xinfang.bench;
