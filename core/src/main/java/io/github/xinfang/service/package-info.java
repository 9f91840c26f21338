/**
 * The case service: the entry point portals call. It checks, loads, decides, commits at the expected
 * version with bounded retries, keeps commands idempotent, and notifies listeners after each commit.
 *
 * <p>Entry point: {@link io.github.xinfang.service.CaseService#builder}. Around it:
 * {@link io.github.xinfang.service.DeadlineSweep} records warnings, breaches and lapses (a portal's scheduler
 * calls it); {@link io.github.xinfang.service.CaseService#changesAfter} and
 * {@link io.github.xinfang.service.ChangeFollower} follow the store's change feed from a saved position;
 * {@link io.github.xinfang.service.CaseService#obligations} shows a case's clocks: its profile clocks and the duties
 * from its facts (replacement of a package leader, plan steps, batch targets, supervision feedback);
 * {@link io.github.xinfang.service.CaseService#reindex} recomputes index rows after a calendar change;
 * {@link io.github.xinfang.service.CaseService#rebuildSnapshot} replays a case from its events;
 * {@link io.github.xinfang.service.CommandObserver} sees how each command ended, with its timing, for metrics.
 *
 * <p>For the resolution track (积案化解): {@link io.github.xinfang.service.Handover} hands an official's cases to a successor (新官理旧账);
 * {@link io.github.xinfang.service.BatchReports} counts a batch's progress with its ratios.
 *
 * <p>For a portal's lists: {@link io.github.xinfang.service.CaseListings} pages through the store's index (cases
 * needing attention, a package leader's, a lead unit's and a batch's cases, and the overdue cases of a handling unit, a
 * region or a package leader with their late clocks and days late, and their counts) with opaque cursors
 * ({@link io.github.xinfang.service.CaseListings.Page}).
 *
 * @since 0.1
 */
package io.github.xinfang.service;
