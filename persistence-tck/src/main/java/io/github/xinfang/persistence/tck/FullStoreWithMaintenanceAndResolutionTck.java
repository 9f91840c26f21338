package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.WorkClaims;
import org.junit.jupiter.api.Nested;

/**
 * {@link FullStoreWithMaintenanceTck} plus the suite of {@link ResolutionQuery} (rules R1 to R7): the whole kit, for
 * a store that offers every port. Extend it instead of {@link FullStoreWithMaintenanceTck} with the same factory
 * method; JUnit runs the six suites as nested classes, sharing the factory, the disposal hook, the scale settings
 * and the capability hooks. Because the store also offers {@link IndexMaintenance}, the maintenance suite checks
 * that the resolution queries see replaced index rows too (rule M2).
 *
 * <p>A separate class for the reason {@link FullStoreWithMaintenanceTck} is one: widening an existing suite's type
 * bound with a later, optional port would stop the test classes of stores that lack it from compiling.
 *
 * <pre>{@code
 * class JdbcStoreConformanceTests extends FullStoreWithMaintenanceAndResolutionTck<JdbcCaseStore> {
 *     protected JdbcCaseStore newStore() { return JdbcCaseStore.create(freshDatabase()); }
 * }
 * }</pre>
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public abstract class FullStoreWithMaintenanceAndResolutionTck<
        S extends CaseStore & ChangeFeed & CaseQuery & WorkClaims & IndexMaintenance & ResolutionQuery>
        extends FullStoreWithMaintenanceTck<S> {

    /** For subclasses. */
    protected FullStoreWithMaintenanceAndResolutionTck() {}

    /** Rules R1 to R7. */
    @Nested
    public class Resolution extends ResolutionQueryTck<S> {
        /** For JUnit. */
        public Resolution() {}

        @Override protected S newStore() { return FullStoreWithMaintenanceAndResolutionTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreWithMaintenanceAndResolutionTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreWithMaintenanceAndResolutionTck.this.examples(); }
        @Override protected int threads() { return FullStoreWithMaintenanceAndResolutionTck.this.threads(); }
    }
}
