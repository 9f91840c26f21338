/**
 * Storage ports of xinfang: the contract a portal implements to keep cases in its own database.
 *
 * <p>Everything here depends on the JDK alone. An adapter never sees a domain type: it stores opaque
 * event payloads ({@link io.github.xinfang.persistence.StoredEvent}), an opaque snapshot and the index
 * columns that core computes ({@link io.github.xinfang.persistence.IndexRow}). The entry point is
 * {@link io.github.xinfang.persistence.CaseStore}; its Javadoc states the contract as numbered rules. A store may
 * also offer the optional ports {@link io.github.xinfang.persistence.ChangeFeed},
 * {@link io.github.xinfang.persistence.CaseQuery}, {@link io.github.xinfang.persistence.WorkClaims},
 * {@link io.github.xinfang.persistence.IndexMaintenance}, {@link io.github.xinfang.persistence.ResolutionQuery},
 * {@link io.github.xinfang.persistence.OverdueQuery} and {@link io.github.xinfang.persistence.ReportQuery},
 * each with its own numbered rules. {@link io.github.xinfang.persistence.SnapshotRebuilder} goes the other way: core
 * implements it, and an adapter's maintenance calls it to rebuild a snapshot it cannot read from the case's events.
 * The in-memory reference store lives in {@code io.github.xinfang.persistence.memory}.
 *
 * @since 0.1
 */
package io.github.xinfang.persistence;
