/**
 * JMH benchmarks of the JDBC adapter under the case service (not published): a full lifecycle's commits per
 * second on H2 (memory, file) and PostgreSQL next to a bare-JDBC floor, and history replay. Run with
 * {@code java -jar bench/target/benchmarks.jar JdbcLifecycleBenchmark}; results are in {@code bench/RESULTS.md}.
 *
 * @since 0.1
 */
package io.github.xinfang.bench.jdbc;
