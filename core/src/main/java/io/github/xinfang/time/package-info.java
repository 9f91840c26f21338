/**
 * Time limits (期限) and clocks: profiles as data, the clock facts a case accumulates, and how due dates,
 * warnings and states are derived from them on the official work calendar.
 *
 * <p>Entry points: {@link io.github.xinfang.time.TimeLimits} (what decisions and the service read;
 * {@link io.github.xinfang.time.TimeLimits#standard()}: the shipped profiles on the official calendar),
 * {@link io.github.xinfang.time.ProfileCatalogue} (profiles and their JSON format). A case's profile clocks and its
 * duties whose due dates come from its own facts (replacement of a package leader, plan steps, batch targets,
 * supervision feedback) are one kind of thing, an {@link io.github.xinfang.time.Obligation}, kept in its
 * {@link io.github.xinfang.time.Obligations} and read through {@link io.github.xinfang.time.TimeLimits#obligations}.
 *
 * @since 0.1
 */
package io.github.xinfang.time;
