package io.github.xinfang.testing;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.RegionCode;

import java.util.ArrayList;
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

    /** 港北区人民政府 and 贵港市人民政府: the governments whose leaders take on backlog cases (not in {@link #UNITS}). */
    public static final UnitId DISTRICT = new UnitId("district");
    public static final UnitId CITY = new UnitId("city");
    /** 副区长, 县处级副职. */
    public static final OfficialId DISTRICT_DEPUTY = new OfficialId("district-deputy");
    /** 常务副区长, 县处级正职 but not a principal leader. */
    public static final OfficialId DISTRICT_EXECUTIVE = new OfficialId("district-executive");
    /** 区长, the county principal leader (县处级正职, principal). */
    public static final OfficialId DISTRICT_HEAD = new OfficialId("district-head");
    /** 副市长, 厅局级副职. */
    public static final OfficialId CITY_DEPUTY = new OfficialId("city-deputy");
    /** An official whose rank name is not on the civil-service ladder. */
    public static final OfficialId ODD_RANK = new OfficialId("odd-rank");

    public static final OfficialId OFFICE_CLERK = new OfficialId("office-clerk");
    public static final OfficialId OFFICE_HEAD = new OfficialId("office-head");
    public static final OfficialId HOUSING_STAFF = new OfficialId("housing-staff");
    public static final OfficialId HOUSING_HEAD = new OfficialId("housing-head");
    public static final OfficialId LABOUR_STAFF = new OfficialId("labour-staff");
    public static final OfficialId LABOUR_HEAD = new OfficialId("labour-head");
    public static final OfficialId LAND_STAFF = new OfficialId("land-staff");
    public static final OfficialId LAND_HEAD = new OfficialId("land-head");

    private static final List<OrganisationDirectory.Unit> UNIT_ROWS =
            List.of(new OrganisationDirectory.Unit(OFFICE, "港北区信访局", "petition-office", "county", REGION, null),
                    new OrganisationDirectory.Unit(HOUSING, "港北区住建局", "department", "county", REGION, null),
                    new OrganisationDirectory.Unit(LABOUR, "港北区人社局", "department", "county", REGION, null),
                    new OrganisationDirectory.Unit(LAND, "港北区自然资源局", "department", "county", REGION, null),
                    new OrganisationDirectory.Unit(DISTRICT, "港北区人民政府", "government", "county", REGION, null),
                    new OrganisationDirectory.Unit(CITY, "贵港市人民政府", "government", "city", new RegionCode("450800"), null));
    private static final List<OrganisationDirectory.Official> OFFICIALS =
            List.of(new OrganisationDirectory.Official(OFFICE_CLERK, OFFICE, "登记员", "乡科级副职", false),
                    new OrganisationDirectory.Official(OFFICE_HEAD, OFFICE, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(HOUSING_STAFF, HOUSING, "科员", "乡科级副职", false),
                    new OrganisationDirectory.Official(HOUSING_HEAD, HOUSING, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(LABOUR_STAFF, LABOUR, "科员", "乡科级副职", false),
                    new OrganisationDirectory.Official(LABOUR_HEAD, LABOUR, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(LAND_STAFF, LAND, "科员", "乡科级副职", false),
                    new OrganisationDirectory.Official(LAND_HEAD, LAND, "局长", "乡科级正职", true),
                    new OrganisationDirectory.Official(DISTRICT_DEPUTY, DISTRICT, "副区长", "县处级副职", false),
                    new OrganisationDirectory.Official(DISTRICT_EXECUTIVE, DISTRICT, "常务副区长", "县处级正职", false),
                    new OrganisationDirectory.Official(DISTRICT_HEAD, DISTRICT, "区长", "县处级正职", true),
                    new OrganisationDirectory.Official(CITY_DEPUTY, CITY, "副市长", "厅局级副职", false),
                    new OrganisationDirectory.Official(ODD_RANK, DISTRICT, "调研员", "处级", false));

    public static final OrganisationDirectory DIRECTORY = OrganisationDirectory.of(UNIT_ROWS, OFFICIALS);

    /** @param more officials to add @return {@link #DIRECTORY} with the officials added */
    public static OrganisationDirectory directoryWith(OrganisationDirectory.Official... more) {
        List<OrganisationDirectory.Official> officials = new ArrayList<>(OFFICIALS);
        officials.addAll(List.of(more));
        return OrganisationDirectory.of(UNIT_ROWS, officials);
    }

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
