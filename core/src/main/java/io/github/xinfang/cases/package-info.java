/**
 * The case (信访事项) as an aggregate: its commands, events, stages, state, the lifecycle table, and the
 * pure functions that decide and evolve.
 *
 * <p>Entry points: {@link io.github.xinfang.cases.CaseCommand} (what a portal asks),
 * {@link io.github.xinfang.cases.CaseEvent} (what happened), {@link io.github.xinfang.cases.LifecycleTable}
 * (the rules as a table), {@link io.github.xinfang.cases.CaseDecider} (command + state → events or a
 * {@link io.github.xinfang.cases.Rejection}) and {@link io.github.xinfang.cases.CaseState#evolve}
 * (state + event → state). The resolution track (积案化解) has its own table,
 * {@link io.github.xinfang.cases.ResolutionTable}, and its policies: {@link io.github.xinfang.cases.EscalationPolicy.RankLadder},
 * {@link io.github.xinfang.cases.EscalationPolicy} (提级包案) and {@link io.github.xinfang.cases.EscalationPolicy.RankLadder.ApprovalRule}.
 * Portals normally call {@code io.github.xinfang.service.CaseService} instead.
 *
 * @since 0.1
 */
package io.github.xinfang.cases;
