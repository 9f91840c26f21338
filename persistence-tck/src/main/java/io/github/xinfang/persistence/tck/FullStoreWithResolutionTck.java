package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.WorkClaims;
import org.junit.jupiter.api.Nested;

/**
 * {@link FullStoreTck} plus the suite of {@link ResolutionQuery} (rules R1 to R7), for a store that offers the four
 * original ports and the resolution track's queries but not {@link io.github.xinfang.persistence.IndexMaintenance}
 * (a store with both extends {@link FullStoreWithMaintenanceAndResolutionTck}). Extend it instead of
 * {@link FullStoreTck} with the same factory method; JUnit runs the five suites as nested classes.
 *
 * <p>A separate class rather than a new nested suite of {@link FullStoreTck}, as for {@link FullStoreWithMaintenanceTck}:
 * {@link ResolutionQuery} is an optional port added later, and widening {@link FullStoreTck}'s type bound would stop
 * the test classes of stores that lack it from compiling.
 *
 * <pre>{@code
 * class MyStoreConformanceTests extends FullStoreWithResolutionTck<MyStore> {
 *     protected MyStore newStore() { return MyStore.create(freshDatabase()); }
 * }
 * }</pre>
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public abstract class FullStoreWithResolutionTck<S extends CaseStore & ChangeFeed & CaseQuery & WorkClaims & ResolutionQuery>
        extends FullStoreTck<S> {

    /** For subclasses. */
    protected FullStoreWithResolutionTck() {}

    /** Rules R1 to R7. */
    @Nested
    public class Resolution extends ResolutionQueryTck<S> {
        /** For JUnit. */
        public Resolution() {}

        @Override protected S newStore() { return FullStoreWithResolutionTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreWithResolutionTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreWithResolutionTck.this.examples(); }
        @Override protected int threads() { return FullStoreWithResolutionTck.this.threads(); }
    }
}
