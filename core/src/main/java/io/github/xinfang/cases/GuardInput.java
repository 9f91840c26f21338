package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.time.TimeLimits;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What a guard may read besides its command: the case before the command, the petition the command acts on, the
 * instant, the row, and the decider's immutable collaborators.
 *
 * @param state the case before, or null when the command creates it
 * @param petition the case's petition (the parsed form of a registration or import)
 * @param corrected the corrected petition of a correction, else null
 * @param at the instant the events will carry
 * @param row the command's row
 * @param limits the time-limit rules
 * @param directory the organisation directory
 * @param ladder the portal's rank ladder
 * @param approval who may approve a resolution
 * @param rankRises whether an escalation rule newly fires on the case as it stands (computed once, when asked)
 * @param otherCases the stage of another case of the store, or empty when there is none
 */
record GuardInput(CaseState state, Petition petition, Petition corrected, Instant at, TableRow row, TimeLimits limits,
                  OrganisationDirectory directory, RankLadder ladder, RankLadder.ApprovalRule approval, BooleanSupplier rankRises,
                  Function<CaseId, Optional<Stage>> otherCases) {

    /** @return the case's stage, or null when the command creates it */
    Stage stage() {
        return state == null ? null : state.stage();
    }

    /** @return the case's resolution part (the resolution table's rows run on cases on the track or joining it) */
    Resolution resolution() {
        return state.resolution();
    }
}
