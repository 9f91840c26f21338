/**
 * The conformance kit for xinfang storage adapters: abstract JUnit 5 suites, one per storage port, whose
 * test methods are named after the numbered rules of the port they check ({@code required_S3_...} checks
 * rule S3 of {@link io.github.xinfang.persistence.CaseStore}).
 *
 * <p>Entry points: {@link io.github.xinfang.persistence.tck.CaseStoreTck},
 * {@link io.github.xinfang.persistence.tck.ChangeFeedTck}, {@link io.github.xinfang.persistence.tck.CaseQueryTck},
 * {@link io.github.xinfang.persistence.tck.WorkClaimsTck}, {@link io.github.xinfang.persistence.tck.IndexMaintenanceTck},
 * {@link io.github.xinfang.persistence.tck.ResolutionQueryTck}, {@link io.github.xinfang.persistence.tck.OverdueQueryTck},
 * or for several ports at once
 * {@link io.github.xinfang.persistence.tck.FullStoreTck} (the four original ports),
 * {@link io.github.xinfang.persistence.tck.FullStoreWithMaintenanceTck} (plus index maintenance),
 * {@link io.github.xinfang.persistence.tck.FullStoreWithResolutionTck} (plus the resolution queries) and
 * {@link io.github.xinfang.persistence.tck.FullStoreWithMaintenanceAndResolutionTck} (plus both) and
 * {@link io.github.xinfang.persistence.tck.FullStoreWithOverdueTck} (every port, the overdue queries included). An integrator
 * extends one of them in test code and implements one
 * factory method returning a fresh, empty store. {@link io.github.xinfang.persistence.tck.StoredRecordGenerators}
 * gives the realistic stored records the suites use, for the integrator's own properties.
 *
 * <p>Settings are system properties: {@value io.github.xinfang.persistence.tck.StoreTck#EXAMPLES_PROPERTY} (examples
 * per property) and {@value io.github.xinfang.persistence.tck.StoreTck#THREADS_PROPERTY} (threads in concurrency tests).
 */
package io.github.xinfang.persistence.tck;
