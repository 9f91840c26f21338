/**
 * Time limits (期限): how windows and limits are counted from the legal facts of a case.
 *
 * <p>Entry point: {@link io.github.xinfang.time.TimeLimits}, with
 * {@link io.github.xinfang.time.StatutoryTimeLimits} for the national 2022 profile.
 *
 * @since 0.1
 */
package io.github.xinfang.time;
