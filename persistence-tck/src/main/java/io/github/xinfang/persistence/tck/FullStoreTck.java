package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.WorkClaims;
import org.junit.jupiter.api.Nested;

/**
 * The suites of the four original ports at once, for a store that offers {@link CaseStore}, {@link ChangeFeed},
 * {@link CaseQuery} and {@link WorkClaims}. A store that also offers
 * {@link io.github.xinfang.persistence.IndexMaintenance} extends {@link FullStoreWithMaintenanceTck} instead (this
 * class's type bound stays as it is, so stores without that later, optional port keep compiling); one that offers
 * {@link io.github.xinfang.persistence.ResolutionQuery} extends {@link FullStoreWithResolutionTck} or
 * {@link FullStoreWithMaintenanceAndResolutionTck}. Extend it with
 * one factory method; JUnit runs each suite as a nested class, sharing the factory, the disposal hook, the scale
 * settings and the capability hooks declared here.
 *
 * <pre>{@code
 * class MyStoreConformanceTests extends FullStoreTck<MyStore> {
 *     protected MyStore newStore() { return MyStore.create(freshDatabase()); }
 * }
 * }</pre>
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public abstract class FullStoreTck<S extends CaseStore & ChangeFeed & CaseQuery & WorkClaims> extends StoreTck<S> {

    /** For subclasses. */
    protected FullStoreTck() {}

    /**
     * Capability hook, as {@link CaseQueryTck#supportsRegionFilter()}.
     *
     * @return true (the default) if region-prefix filters are supported
     */
    protected boolean supportsRegionFilter() {
        return true;
    }

    /**
     * Capability hook, as {@link CaseQueryTck#supportsUnitFilter()}.
     *
     * @return true (the default) if unit filters are supported
     */
    protected boolean supportsUnitFilter() {
        return true;
    }

    /** Rules S1 to S7. */
    @Nested
    public class Store extends CaseStoreTck<S> {
        /** For JUnit. */
        public Store() {}

        @Override protected S newStore() { return FullStoreTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreTck.this.examples(); }
        @Override protected int threads() { return FullStoreTck.this.threads(); }
    }

    /** Rules F1 to F4. */
    @Nested
    public class Feed extends ChangeFeedTck<S> {
        /** For JUnit. */
        public Feed() {}

        @Override protected S newStore() { return FullStoreTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreTck.this.examples(); }
        @Override protected int threads() { return FullStoreTck.this.threads(); }
    }

    /** Rules Q1 to Q3. */
    @Nested
    public class Query extends CaseQueryTck<S> {
        /** For JUnit. */
        public Query() {}

        @Override protected S newStore() { return FullStoreTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreTck.this.examples(); }
        @Override protected int threads() { return FullStoreTck.this.threads(); }
        @Override protected boolean supportsRegionFilter() { return FullStoreTck.this.supportsRegionFilter(); }
        @Override protected boolean supportsUnitFilter() { return FullStoreTck.this.supportsUnitFilter(); }
    }

    /** Rules W1 to W4. */
    @Nested
    public class Claims extends WorkClaimsTck<S> {
        /** For JUnit. */
        public Claims() {}

        @Override protected S newStore() { return FullStoreTck.this.newStore(); }
        @Override protected void closeStore(S store) { FullStoreTck.this.closeStore(store); }
        @Override protected int examples() { return FullStoreTck.this.examples(); }
        @Override protected int threads() { return FullStoreTck.this.threads(); }
    }
}
