package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.WorkClaims;
import org.junit.jupiter.api.Nested;

/**
 * {@link FullStoreTck} plus the suite of {@link IndexMaintenance} (rules M1 and M2), for a store that offers
 * every port including index maintenance. Extend it instead of {@link FullStoreTck} with the same factory
 * method; JUnit runs the five suites as nested classes, sharing the factory, the disposal hook, the scale
 * settings and the capability hooks. A store that also offers {@link io.github.xinfang.persistence.ResolutionQuery}
 * extends {@link FullStoreWithMaintenanceAndResolutionTck}.
 *
 * <p>A separate class rather than a sixth nested suite of {@link FullStoreTck}: {@link IndexMaintenance} is an
 * optional port added after the others, and widening {@link FullStoreTck}'s type bound would stop the test
 * classes of stores that lack it from compiling.
 *
 * <pre>{@code
 * class JdbcStoreConformanceTests extends FullStoreWithMaintenanceTck<JdbcCaseStore> {
 *     protected JdbcCaseStore newStore() { return JdbcCaseStore.create(freshDatabase()); }
 * }
 * }</pre>
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public abstract class FullStoreWithMaintenanceTck<S extends CaseStore & ChangeFeed & CaseQuery & WorkClaims & IndexMaintenance>
        extends FullStoreTck<S> {

    /** For subclasses. */
    protected FullStoreWithMaintenanceTck() {}

    /** Rules M1 and M2. */
    @Nested
    public class Maintenance extends IndexMaintenanceTck<S> {
        /** For JUnit. */
        public Maintenance() {}

        @Override protected S newStore() { return FullStoreWithMaintenanceTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreWithMaintenanceTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreWithMaintenanceTck.this.examples(); }
        @Override protected int threads() { return FullStoreWithMaintenanceTck.this.threads(); }
        @Override protected boolean supportsRegionFilter() { return FullStoreWithMaintenanceTck.this.supportsRegionFilter(); }
        @Override protected boolean supportsUnitFilter() { return FullStoreWithMaintenanceTck.this.supportsUnitFilter(); }
    }
}
