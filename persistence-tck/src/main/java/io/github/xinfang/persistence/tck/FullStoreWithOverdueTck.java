package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.WorkClaims;
import org.junit.jupiter.api.Nested;

/**
 * {@link FullStoreWithMaintenanceAndResolutionTck} plus the suite of {@link OverdueQuery} (rules O1 to O6): the whole
 * kit, for a store that offers every port. Extend it instead of {@link FullStoreWithMaintenanceAndResolutionTck} with
 * the same factory method; JUnit runs the seven suites as nested classes, sharing the factory, the disposal hook, the
 * scale settings and the capability hooks. Because the store also offers {@link IndexMaintenance}, the maintenance
 * suite checks that the overdue queries see replaced index rows too (rule M2).
 *
 * <p>A separate class for the reason {@link FullStoreWithMaintenanceTck} is one: widening an existing suite's type
 * bound with a later, optional port would stop the test classes of stores that lack it from compiling.
 *
 * @param <S> the adapter's type
 * @since 0.4
 */
public abstract class FullStoreWithOverdueTck<
        S extends CaseStore & ChangeFeed & CaseQuery & WorkClaims & IndexMaintenance & ResolutionQuery & OverdueQuery>
        extends FullStoreWithMaintenanceAndResolutionTck<S> {

    /** For subclasses. */
    protected FullStoreWithOverdueTck() {}

    /** Rules O1 to O6. */
    @Nested
    public class Overdue extends OverdueQueryTck<S> {
        /** For JUnit. */
        public Overdue() {}

        @Override protected S newStore() { return FullStoreWithOverdueTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreWithOverdueTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreWithOverdueTck.this.examples(); }
        @Override protected int threads() { return FullStoreWithOverdueTck.this.threads(); }
    }
}
