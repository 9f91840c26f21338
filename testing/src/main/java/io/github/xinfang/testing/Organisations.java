package io.github.xinfang.testing;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.RegionCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generators of organisations (a county's petition office and departments, its government, the city's and the
 * province's governments, each with officials of their ranks, 乡科级 to 省部级) and a builder of in-memory directories.
 * Stateless.
 *
 * @since 0.4
 */
public final class Organisations {
    private Organisations() {}

    private static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"housing", "住房和城乡建设局"}, new String[] {"labour", "人力资源和社会保障局"},
            new String[] {"land", "自然资源局"}, new String[] {"education", "教育局"}, new String[] {"health", "卫生健康委员会"},
            new String[] {"market", "市场监督管理局"});

    /** @return 港北区 (450802) with three departments: the simplest organisation, the one {@code generate()} shrinks to */
    public static Organisation guigang() {
        return build("450802", 3);
    }

    /**
     * @return organisations of a county from {@link Petitions#REGION_CODES}, with two to six departments; draw 0 is
     *     {@link #guigang()}
     */
    public static Gen<Organisation> organisations() {
        return c -> {
            String region = Petitions.REGION_CODES.get(c.draw(Petitions.REGION_CODES.size()));
            int departments = 3 + c.between(0, 3) - (c.chance(10) ? 1 : 0);
            return build(region, departments);
        };
    }

    private static Organisation build(String region, int departmentCount) {
        String p = region + "-";
        Builder b = builder();
        RegionCode code = new RegionCode(region);
        RegionCode city = new RegionCode(region.substring(0, 4) + "00");
        UnitId office = new UnitId(p + "office");
        b.unit(office, "信访局", "petition-office", "county", code);
        b.official(new OfficialId(p + "registrar"), office, "登记员", "乡科级副职", false);
        b.official(new OfficialId(p + "office-head"), office, "局长", "乡科级正职", true);
        List<UnitId> departments = new ArrayList<>();
        Map<UnitId, OfficialId> staff = new LinkedHashMap<>();
        Map<UnitId, OfficialId> heads = new LinkedHashMap<>();
        for (int i = 0; i < departmentCount; i++) {
            String[] d = DEPARTMENTS.get(i);
            UnitId unit = new UnitId(p + d[0]);
            b.unit(unit, d[1], "department", "county", code);
            OfficialId s = new OfficialId(p + d[0] + "-staff");
            OfficialId h = new OfficialId(p + d[0] + "-head");
            b.official(s, unit, "科员", "乡科级副职", false);
            b.official(h, unit, "局长", "乡科级正职", true);
            departments.add(unit);
            staff.put(unit, s);
            heads.put(unit, h);
        }
        UnitId county = new UnitId(p + "government");
        b.unit(county, "人民政府", "government", "county", code);
        OfficialId deputy = new OfficialId(p + "deputy-head");
        OfficialId executive = new OfficialId(p + "executive-head");
        OfficialId head = new OfficialId(p + "head");
        b.official(deputy, county, "副区长", "县处级副职", false);
        b.official(executive, county, "常务副区长", "县处级正职", false);
        b.official(head, county, "区长", "县处级正职", true);
        UnitId cityGovernment = new UnitId(region.substring(0, 4) + "00-government");
        b.unit(cityGovernment, "市人民政府", "government", "city", city);
        OfficialId cityDeputy = new OfficialId(region.substring(0, 4) + "00-deputy-mayor");
        b.official(cityDeputy, cityGovernment, "副市长", "厅局级副职", false);
        UnitId provinceGovernment = new UnitId(region.substring(0, 2) + "0000-government");
        b.unit(provinceGovernment, "省（自治区、直辖市）人民政府", "government", "province", new RegionCode(region.substring(0, 2) + "0000"));
        b.official(new OfficialId(region.substring(0, 2) + "0000-deputy-governor"), provinceGovernment, "副省长", "省部级副职", false);
        return new Organisation(b.build(), code, office, new OfficialId(p + "registrar"), new OfficialId(p + "office-head"),
                departments, staff, heads, deputy, executive, head, cityDeputy);
    }

    /** @return a builder of an in-memory directory */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an in-memory {@link OrganisationDirectory} unit by unit and official by official. Not thread-safe. */
    public static final class Builder {
        private final List<OrganisationDirectory.Unit> units = new ArrayList<>();
        private final List<OrganisationDirectory.Official> officials = new ArrayList<>();

        private Builder() {}

        /**
         * @param id the unit's id
         * @param name its name
         * @param kind its kind (petition-office, department, government, …)
         * @param level its level (county, city, province)
         * @param region its region
         * @return this builder
         */
        public Builder unit(UnitId id, String name, String kind, String level, RegionCode region) {
            units.add(new OrganisationDirectory.Unit(id, name, kind, level, region, null));
            return this;
        }

        /**
         * @param id the official's id
         * @param unit their unit
         * @param post their post (局长, 副区长, …)
         * @param rank their civil-service rank (乡科级副职 … 省部级正职)
         * @param principal whether they are the unit's principal leader
         * @return this builder
         */
        public Builder official(OfficialId id, UnitId unit, String post, String rank, boolean principal) {
            officials.add(new OrganisationDirectory.Official(id, unit, post, rank, principal));
            return this;
        }

        /** @return the directory */
        public OrganisationDirectory build() {
            return OrganisationDirectory.of(List.copyOf(units), List.copyOf(officials));
        }
    }
}
