/**
 * Time limits (期限) and clocks: profiles as data, the clock facts a case accumulates, and how due dates,
 * warnings and states are derived from them on the official work calendar.
 *
 * <p>Entry points: {@link io.github.xinfang.time.TimeLimits} (what decisions and the service read;
 * {@link io.github.xinfang.time.TimeLimits#standard()}: the shipped profiles on the official calendar),
 * {@link io.github.xinfang.time.ProfileCatalogue} (profiles and their JSON format). Duties whose due dates come
 * from a case's own facts (replacement of a package leader, plan steps, batch targets, supervision feedback) are
 * {@link io.github.xinfang.time.DutyLedger.Duty}s in a {@link io.github.xinfang.time.DutyLedger}.
 *
 * @since 0.1
 */
package io.github.xinfang.time;
