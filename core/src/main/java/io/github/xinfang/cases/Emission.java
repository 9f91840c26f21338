package io.github.xinfang.cases;

import java.time.Instant;

/**
 * What a row's emitter may use besides its command.
 *
 * @param id the event's id
 * @param actor the command's actor
 * @param at the instant the event carries
 * @param state the case before, or null when the command creates it
 * @param petition the case's petition (the parsed form of a registration or import)
 * @param corrected the corrected petition of a correction, else null
 * @param defaultProfile the profile a registration without one gets
 */
record Emission(EventId id, Actor actor, Instant at, CaseState state, Petition petition, Petition corrected,
                String defaultProfile) {
    /** @return the profile a command chose, or the default */
    String profileOr(String chosen) {
        return chosen == null ? defaultProfile : chosen;
    }
}
