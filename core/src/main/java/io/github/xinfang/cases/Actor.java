package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;

import java.util.Objects;

/**
 * Who issues a command: an official of a unit, or the system (a named job such as the deadline sweep).
 * Immutable.
 *
 * @since 0.1
 */
public sealed interface Actor {

    /**
     * @param official the official
     * @param unit the official's unit
     * @return an official actor
     */
    static Actor official(OfficialId official, UnitId unit) {
        return new OfficialActor(official, unit);
    }

    /**
     * @param job the job's name
     * @return a system actor
     */
    static Actor system(String job) {
        return new SystemActor(job);
    }

    /**
     * An official acting for a unit.
     *
     * @param official the official
     * @param unit the unit the official acts for (must be the official's unit in the directory)
     * @since 0.1
     */
    record OfficialActor(OfficialId official, UnitId unit) implements Actor {
        /** @throws NullPointerException naming a null argument */
        public OfficialActor {
            Objects.requireNonNull(official, "official");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * The library or the portal acting on its own (a sweep, a handover).
     *
     * @param job the job's name, not blank, at most 64 characters
     * @since 0.1
     */
    record SystemActor(String job) implements Actor {
        /**
         * @throws NullPointerException if job is null
         * @throws IllegalArgumentException if job is blank or too long
         */
        public SystemActor {
            TextRule.ID.require(job, "job", 64);
        }
    }
}
