/**
 * The conformance kit for xinfang storage adapters: one JUnit 5 test interface per storage port, whose
 * {@code @Test} default methods are named after the numbered rules of the port they check
 * ({@code required_S3_...} checks rule S3 of {@link io.github.xinfang.persistence.CaseStore}).
 *
 * <p>Entry points: {@link io.github.xinfang.persistence.tck.CaseStoreTck},
 * {@link io.github.xinfang.persistence.tck.ChangeFeedTck}, {@link io.github.xinfang.persistence.tck.CaseQueryTck},
 * {@link io.github.xinfang.persistence.tck.WorkClaimsTck}, {@link io.github.xinfang.persistence.tck.IndexMaintenanceTck},
 * {@link io.github.xinfang.persistence.tck.ResolutionQueryTck}, {@link io.github.xinfang.persistence.tck.OverdueQueryTck}
 * and {@link io.github.xinfang.persistence.tck.ReportQueryTck}, all extending
 * {@link io.github.xinfang.persistence.tck.StoreFactory}. An integrator writes one test class implementing the
 * interfaces of the ports the store offers, with one factory method returning a fresh, empty store (and, for rule
 * S8, the failure hook {@link io.github.xinfang.persistence.tck.CaseStoreTck#storeFailingAfter}). The file
 * {@code RULES.md} of the kit lists every rule with the tests that check it, when a test is skipped and what to
 * check when it fails. {@link io.github.xinfang.persistence.tck.StoredRecordGenerators} gives the realistic stored
 * records the tests use, for the integrator's own properties.
 *
 * <p>Settings are system properties: {@value io.github.xinfang.persistence.tck.StoreFactory#EXAMPLES_PROPERTY}
 * (examples per property) and {@value io.github.xinfang.persistence.tck.StoreFactory#THREADS_PROPERTY} (threads in
 * concurrency tests).
 */
package io.github.xinfang.persistence.tck;
