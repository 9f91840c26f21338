package io.github.xinfang.testing;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.directory.InMemoryDirectory;
import io.github.xinfang.directory.Official;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.Unit;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.RegionCode;

import java.util.List;

/**
 * A small organisation directory for tests: a petition office and three handling units in 港北区, each
 * with a staff member and a head.
 */
public final class Org {
    private Org() {}

    public static final RegionCode REGION = new RegionCode("450802");
    public static final UnitId OFFICE = new UnitId("office");
    public static final UnitId HOUSING = new UnitId("housing");
    public static final UnitId LABOUR = new UnitId("labour");
    public static final UnitId LAND = new UnitId("land");
    /** Every unit, in a fixed order. */
    public static final List<UnitId> UNITS = List.of(OFFICE, HOUSING, LABOUR, LAND);

    public static final OfficialId OFFICE_CLERK = new OfficialId("office-clerk");
    public static final OfficialId OFFICE_HEAD = new OfficialId("office-head");
    public static final OfficialId HOUSING_STAFF = new OfficialId("housing-staff");
    public static final OfficialId HOUSING_HEAD = new OfficialId("housing-head");
    public static final OfficialId LABOUR_STAFF = new OfficialId("labour-staff");
    public static final OfficialId LABOUR_HEAD = new OfficialId("labour-head");
    public static final OfficialId LAND_STAFF = new OfficialId("land-staff");
    public static final OfficialId LAND_HEAD = new OfficialId("land-head");

    public static final InMemoryDirectory DIRECTORY = InMemoryDirectory.of(
            List.of(new Unit(OFFICE, "港北区信访局", "petition-office", "county", REGION, null),
                    new Unit(HOUSING, "港北区住建局", "department", "county", REGION, null),
                    new Unit(LABOUR, "港北区人社局", "department", "county", REGION, null),
                    new Unit(LAND, "港北区自然资源局", "department", "county", REGION, null)),
            List.of(new Official(OFFICE_CLERK, OFFICE, "登记员", "乡科级副职", false),
                    new Official(OFFICE_HEAD, OFFICE, "局长", "乡科级正职", true),
                    new Official(HOUSING_STAFF, HOUSING, "科员", "乡科级副职", false),
                    new Official(HOUSING_HEAD, HOUSING, "局长", "乡科级正职", true),
                    new Official(LABOUR_STAFF, LABOUR, "科员", "乡科级副职", false),
                    new Official(LABOUR_HEAD, LABOUR, "局长", "乡科级正职", true),
                    new Official(LAND_STAFF, LAND, "科员", "乡科级副职", false),
                    new Official(LAND_HEAD, LAND, "局长", "乡科级正职", true)));

    public static Actor clerk() {
        return Actor.official(OFFICE_CLERK, OFFICE);
    }

    public static Actor officeHead() {
        return Actor.official(OFFICE_HEAD, OFFICE);
    }

    /** @param unit a handling unit @return its staff member */
    public static Actor staffOf(UnitId unit) {
        return Actor.official(new OfficialId(unit.value() + "-staff"), unit);
    }

    /** @param unit a unit @return its head */
    public static Actor headOf(UnitId unit) {
        return Actor.official(new OfficialId(unit.value() + "-head"), unit);
    }
}
