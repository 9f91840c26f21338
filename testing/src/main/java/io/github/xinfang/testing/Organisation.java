package io.github.xinfang.testing;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.RegionCode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A county's petition organisation as the journeys use it: its directory and the roles in it. A petition office with a
 * registrar and a head; handling departments, each with a staff member and a head; the county government with a
 * deputy head (县处级副职), an executive deputy (县处级正职, not principal) and the head (县处级正职, principal); the city
 * government with a deputy mayor (厅局级副职). Immutable.
 *
 * @param directory the directory holding all of it
 * @param region the county's region code
 * @param office the petition office (信访局)
 * @param registrar who registers and routes (登记员)
 * @param officeHead the office's head: reviews, designates backlog cases, approves resolutions
 * @param departments the handling departments, at least two
 * @param staff each department's staff member
 * @param heads each department's head (approves conclusions)
 * @param countyDeputy the county's deputy head
 * @param countyExecutive the county's executive deputy head
 * @param countyHead the county's head, its principal leader
 * @param cityDeputy the city's deputy mayor
 * @since 0.4
 */
public record Organisation(OrganisationDirectory directory, RegionCode region, UnitId office, OfficialId registrar,
                           OfficialId officeHead, List<UnitId> departments, Map<UnitId, OfficialId> staff,
                           Map<UnitId, OfficialId> heads, OfficialId countyDeputy, OfficialId countyExecutive,
                           OfficialId countyHead, OfficialId cityDeputy) {
    /** @throws NullPointerException naming a null component; IllegalArgumentException with fewer than two departments */
    public Organisation {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(officeHead, "officeHead");
        departments = List.copyOf(departments);
        staff = Map.copyOf(staff);
        heads = Map.copyOf(heads);
        Objects.requireNonNull(countyDeputy, "countyDeputy");
        Objects.requireNonNull(countyExecutive, "countyExecutive");
        Objects.requireNonNull(countyHead, "countyHead");
        Objects.requireNonNull(cityDeputy, "cityDeputy");
        if (departments.size() < 2) throw new IllegalArgumentException("departments must be at least two");
    }

    /** @return the registrar as an actor */
    public Actor registrarActor() {
        return Actor.official(registrar, office);
    }

    /** @return the office head as an actor */
    public Actor officeHeadActor() {
        return Actor.official(officeHead, office);
    }

    /** @param department a department @return its staff member as an actor */
    public Actor staffOf(UnitId department) {
        return Actor.official(staff.get(department), department);
    }

    /** @param department a department @return its head as an actor */
    public Actor headOf(UnitId department) {
        return Actor.official(heads.get(department), department);
    }
}
