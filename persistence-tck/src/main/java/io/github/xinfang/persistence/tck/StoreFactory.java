package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseStore;

/**
 * What every test interface of the kit shares: the factory method an integrator implements, the hook that disposes
 * of a store, the scale settings and the capability hooks. A test class implements the interfaces of the ports its
 * store offers ({@link CaseStoreTck}, {@link ChangeFeedTck}, {@link CaseQueryTck}, {@link WorkClaimsTck},
 * {@link IndexMaintenanceTck}, {@link ResolutionQueryTck}, {@link OverdueQueryTck}), all with the same type argument,
 * and implements {@link #newStore()} once:
 *
 * <pre>{@code
 * class MyStoreConformanceTests implements CaseStoreTck<MyStore>, ChangeFeedTck<MyStore>, CaseQueryTck<MyStore> {
 *     public MyStore newStore() { return MyStore.create(freshDatabase()); }
 * }
 * }</pre>
 *
 * <p>Every test asks for its own store (often one per property example), so {@link #newStore()} must return a
 * fresh, empty store each time: for a database, a new schema or truncated tables.
 *
 * <p>Scale: {@value #EXAMPLES_PROPERTY} sets the examples per property (default {@value #DEFAULT_EXAMPLES});
 * {@value #THREADS_PROPERTY} the threads of the concurrency tests (default {@value #DEFAULT_THREADS}). Both can also
 * be set by overriding {@link #examples()} and {@link #threads()}.
 *
 * <p>A test instance is used by one test at a time; the stores it creates must be thread-safe (the concurrency
 * tests share one store between threads).
 *
 * @param <S> the adapter's type
 * @since 0.5
 */
public interface StoreFactory<S extends CaseStore> {

    /** The system property setting the examples each property tries. */
    String EXAMPLES_PROPERTY = "xinfang.tck.examples";
    /** The system property setting the threads of the concurrency tests. */
    String THREADS_PROPERTY = "xinfang.tck.threads";
    /** Examples per property when {@value #EXAMPLES_PROPERTY} is not set. */
    int DEFAULT_EXAMPLES = 50;
    /** Threads per concurrency test when {@value #THREADS_PROPERTY} is not set. */
    int DEFAULT_THREADS = 4;

    /**
     * Creates the store under test: fresh and empty on every call.
     *
     * @return a new store
     */
    S newStore();

    /**
     * Disposes of a store a test is done with (close its pool, drop its schema). The default does nothing.
     *
     * @param store a store {@link #newStore()} returned
     */
    default void closeStore(S store) {}

    /**
     * @return how many examples each property tries: {@value #EXAMPLES_PROPERTY}, else {@value #DEFAULT_EXAMPLES}
     */
    default int examples() {
        return Math.max(1, Integer.getInteger(EXAMPLES_PROPERTY, DEFAULT_EXAMPLES));
    }

    /**
     * @return how many threads the concurrency tests use: {@value #THREADS_PROPERTY}, else {@value #DEFAULT_THREADS}
     */
    default int threads() {
        return Math.max(2, Integer.getInteger(THREADS_PROPERTY, DEFAULT_THREADS));
    }

    /**
     * Capability hook: whether the adapter answers attention queries filtered by region prefix
     * ({@link AttentionQuery#regionPrefix()}). If not, such a query must throw {@link UnsupportedOperationException}
     * ({@link CaseQueryTck} checks that), and {@link IndexMaintenanceTck} leaves region filters out of its comparisons.
     *
     * @return true (the default) if region-prefix filters are supported
     */
    default boolean supportsRegionFilter() {
        return true;
    }

    /**
     * Capability hook: whether the adapter answers attention queries filtered by a unit involved
     * ({@link AttentionQuery#unitInvolved()}). If not, such a query must throw {@link UnsupportedOperationException}
     * ({@link CaseQueryTck} checks that), and {@link IndexMaintenanceTck} leaves unit filters out of its comparisons.
     *
     * @return true (the default) if unit filters are supported
     */
    default boolean supportsUnitFilter() {
        return true;
    }
}
