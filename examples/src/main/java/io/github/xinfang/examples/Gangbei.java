package io.github.xinfang.examples;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.RegionCode;

/** 贵港市港北区 (region 450802), where the demos' cases are: its units and officials by the posts they hold. */
final class Gangbei {
    static final RegionCode REGION = new RegionCode("450802");

    private Gangbei() {}

    /** @return a unit of the district (county level) */
    static OrganisationDirectory.Unit unit(UnitId id, String name, String kind) {
        return new OrganisationDirectory.Unit(id, name, kind, "county", REGION, null);
    }

    /** @return the petition office's registrar (登记员) */
    static OrganisationDirectory.Official registrar(OfficialId id, UnitId office) {
        return new OrganisationDirectory.Official(id, office, "登记员", "乡科级副职", false);
    }

    /** @return a bureau's head (局长), its principal */
    static OrganisationDirectory.Official bureauHead(OfficialId id, UnitId bureau) {
        return new OrganisationDirectory.Official(id, bureau, "局长", "乡科级正职", true);
    }

    /** @return a bureau's staff member (科员) */
    static OrganisationDirectory.Official staff(OfficialId id, UnitId bureau) {
        return new OrganisationDirectory.Official(id, bureau, "科员", "乡科级副职", false);
    }
}
