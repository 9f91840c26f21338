/**
 * Time limits (期限) and clocks: profiles as data, the clock facts a case accumulates, and how due dates,
 * warnings and states are derived from them on the official work calendar.
 *
 * <p>Entry points: {@link io.github.xinfang.time.TimeLimits} (what decisions and the service read),
 * {@link io.github.xinfang.time.StandardTimeLimits} (shipped profiles on the official calendar),
 * {@link io.github.xinfang.time.ProfileCatalogue} (profiles and their JSON format).
 *
 * @since 0.1
 */
package io.github.xinfang.time;
