/**
 * The case (信访事项) as an aggregate: its commands, events, stages, state, the lifecycle table, and the
 * pure functions that decide and evolve.
 *
 * <p>Entry points: {@link io.github.xinfang.cases.CaseCommand} (what a portal asks),
 * {@link io.github.xinfang.cases.CaseEvent} (what happened), {@link io.github.xinfang.cases.LifecycleTable}
 * (the rules as a table), {@link io.github.xinfang.cases.CaseDecider} (command + state → events or a
 * {@link io.github.xinfang.cases.Rejection}) and {@link io.github.xinfang.cases.CaseState#evolve}
 * (state + event → state). Portals normally call {@code io.github.xinfang.service.CaseService} instead.
 *
 * @since 0.1
 */
package io.github.xinfang.cases;
