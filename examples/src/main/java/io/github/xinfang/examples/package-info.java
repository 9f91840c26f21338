/**
 * Runnable programs a portal developer copies from. Entry points: {@link io.github.xinfang.examples.year.DistrictYearDemo}
 * (a district bureau's year on H2 on file, the README's first command), {@link io.github.xinfang.examples.LifecycleDemo}
 * (one case's procedure, then the {@link io.github.xinfang.examples.BacklogCampaignDemo backlog campaign}).
 */
package io.github.xinfang.examples;
