package io.github.xinfang.examples.year;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.RegionCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 贵港市港北区 (450802) as its petition bureau sees it: the bureau (港北区信访局), the departments and the eight townships
 * (贵城街道, 港城街道, 大圩镇, 庆丰镇, 根竹镇, 武乐镇, 奇石乡, 中里乡) that handle petitions, each with a clerk and a head, and the
 * district's leaders who take backlog cases as package leaders (包案领导), by rank. Which unit handles which subject
 * area, and which deputy district head is in charge of it (分管), is data here. Immutable; the constants are shared.
 */
final class District {
    /** 港北区's region code. */
    static final String REGION = "450802";
    static final RegionCode REGION_CODE = new RegionCode(REGION);

    /** 港北区信访局: registers, routes, reviews, approves resolutions. */
    static final UnitId OFFICE = new UnitId("gb-xfj");
    static final UnitId PARTY = new UnitId("gb-qw");            // 区委
    static final UnitId GOVERNMENT = new UnitId("gb-zf");       // 区人民政府
    static final UnitId DISCIPLINE = new UnitId("gb-jw");       // 区纪委监委: accusations go there (Art. 22(2))

    static final OfficialId REGISTRAR_1 = new OfficialId("gb-xfj-djy1");
    static final OfficialId REGISTRAR_2 = new OfficialId("gb-xfj-djy2");
    static final OfficialId OFFICE_HEAD = new OfficialId("gb-xfj-jz");

    static final OfficialId SECRETARY = new OfficialId("gb-qw-sj");       // 区委书记, 县处级正职, principal
    static final OfficialId HEAD = new OfficialId("gb-zf-qz");            // 区长, 县处级正职, principal
    static final OfficialId EXECUTIVE = new OfficialId("gb-zf-cwfqz");    // 常务副区长, 县处级正职
    static final OfficialId DEPUTY_1 = new OfficialId("gb-zf-fqz1");      // 副区长 (城建, 自然资源, 交通, 生态): changes post
    static final OfficialId DEPUTY_2 = new OfficialId("gb-zf-fqz2");      // 副区长 (农业农村, 民政)
    static final OfficialId DEPUTY_3 = new OfficialId("gb-zf-fqz3");      // 副区长 (政法, 纪检, 其他)
    static final OfficialId DEPUTY_4 = new OfficialId("gb-zf-fqz4");      // 副区长 (劳动保障, 教育, 卫生, 市场)
    static final OfficialId SUCCESSOR = new OfficialId("gb-zf-fqz5");     // 副区长 who takes over DEPUTY_1's portfolio

    /** The package leaders the report lists, in rank order. */
    static final List<OfficialId> LEADERS = List.of(SECRETARY, HEAD, EXECUTIVE, DEPUTY_1, DEPUTY_2, DEPUTY_3, DEPUTY_4, SUCCESSOR);

    /** A unit that handles petitions (承办单位): a department or a township, with its clerk and its head. */
    record Handler(UnitId id, String name, boolean township, OfficialId clerk, OfficialId head) {
        Actor clerkActor() {
            return Actor.official(clerk, id);
        }

        Actor headActor() {
            return Actor.official(head, id);
        }
    }

    /** A subject area (内容分类): its share of first petitions in percent, the department, how often a township handles it, the deputy in charge. */
    record Subject(String name, int weight, UnitId department, int townshipPercent, OfficialId deputy) {}

    static final List<Handler> DEPARTMENTS = List.of(
            department("gb-zjj", "区住房和城乡建设局"),
            department("gb-gaj", "贵港市公安局港北分局"),
            department("gb-sfj", "区司法局"),
            department("gb-zrzyj", "区自然资源局"),
            department("gb-nyncj", "区农业农村局"),
            department("gb-rsj", "区人力资源和社会保障局"),
            department("gb-mzj", "区民政局"),
            department("gb-jyj", "区教育局"),
            department("gb-wjj", "区卫生健康局"),
            department("gb-sthj", "区生态环境局"),
            department("gb-scjgj", "区市场监督管理局"),
            department("gb-jtysj", "区交通运输局"),
            department("gb-zfb", "区政府办公室"),
            department("gb-jw", "区纪委监委"));

    /** The townships, with their share of petitioners in percent. */
    static final List<Handler> TOWNSHIPS = List.of(
            township("gb-guicheng", "贵城街道办事处"),
            township("gb-gangcheng", "港城街道办事处"),
            township("gb-dawei", "大圩镇人民政府"),
            township("gb-qingfeng", "庆丰镇人民政府"),
            township("gb-genzhu", "根竹镇人民政府"),
            township("gb-wule", "武乐镇人民政府"),
            township("gb-qishi", "奇石乡人民政府"),
            township("gb-zhongli", "中里乡人民政府"));
    static final int[] TOWNSHIP_WEIGHTS = {20, 22, 12, 12, 10, 10, 7, 7};
    /** 港城街道, where the estate of the cluster is. */
    static final Handler GANGCHENG = TOWNSHIPS.get(1);

    /** Five areas (城乡建设, 政法, 自然资源, 农业农村, 劳动保障) make 59 of 100 first petitions; with the estate
     * cluster and the repeats they come to about 60% of all petitions, as in the published figures. */
    static final List<Subject> SUBJECTS = List.of(
            new Subject("城乡建设", 17, new UnitId("gb-zjj"), 20, DEPUTY_1),
            new Subject("政法", 12, new UnitId("gb-gaj"), 20, DEPUTY_3),
            new Subject("自然资源", 11, new UnitId("gb-zrzyj"), 40, DEPUTY_1),
            new Subject("农业农村", 9, new UnitId("gb-nyncj"), 50, DEPUTY_2),
            new Subject("劳动保障", 10, new UnitId("gb-rsj"), 10, DEPUTY_4),
            new Subject("民政", 6, new UnitId("gb-mzj"), 40, DEPUTY_2),
            new Subject("教育", 6, new UnitId("gb-jyj"), 0, DEPUTY_4),
            new Subject("卫生健康", 5, new UnitId("gb-wjj"), 0, DEPUTY_4),
            new Subject("生态环境", 6, new UnitId("gb-sthj"), 20, DEPUTY_1),
            new Subject("市场监管", 5, new UnitId("gb-scjgj"), 0, DEPUTY_4),
            new Subject("交通运输", 4, new UnitId("gb-jtysj"), 20, DEPUTY_1),
            new Subject("纪检监察", 4, DISCIPLINE, 0, DEPUTY_3),
            new Subject("其他", 5, new UnitId("gb-zfb"), 30, DEPUTY_3));

    /** The five subject areas the published figures single out. */
    static final List<String> FIVE_AREAS = List.of("城乡建设", "政法", "自然资源", "农业农村", "劳动保障");

    private static final Map<String, Handler> HANDLERS = handlers();

    private District() {}

    private static Map<String, Handler> handlers() {
        Map<String, Handler> out = new LinkedHashMap<>();
        for (Handler h : DEPARTMENTS) out.put(h.id().value(), h);
        for (Handler h : TOWNSHIPS) out.put(h.id().value(), h);
        return Collections.unmodifiableMap(out);
    }

    private static Handler department(String id, String name) {
        return new Handler(new UnitId(id), name, false, new OfficialId(id + "-ky"), new OfficialId(id + "-jz"));
    }

    private static Handler township(String id, String name) {
        return new Handler(new UnitId(id), name, true, new OfficialId(id + "-ky"), new OfficialId(id + "-zz"));
    }

    /** @return the handling unit with this id */
    static Handler handler(UnitId id) {
        Handler h = HANDLERS.get(id.value());
        if (h == null) throw new IllegalArgumentException("id: not a handling unit of the district");
        return h;
    }

    /** @return the subject area of this name */
    static Subject subject(String name) {
        for (Subject s : SUBJECTS) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException("name: not a subject area of the district");
    }

    /** @return a unit's name for the report: a handler's, the bureau's or the district's, else the id */
    static String unitName(String id) {
        if (id == null || id.equals("-")) return "(未交办)";
        Handler h = HANDLERS.get(id);
        if (h != null) return h.name();
        if (id.equals(OFFICE.value())) return "区信访局";
        return id;
    }

    /** @return a package leader's post for the report (posts, never names) */
    static String post(String official) {
        switch (official) {
            case "gb-qw-sj": return "区委书记";
            case "gb-zf-qz": return "区长";
            case "gb-zf-cwfqz": return "常务副区长";
            case "gb-zf-fqz1": return "副区长(一, 调任)";
            case "gb-zf-fqz2": return "副区长(二)";
            case "gb-zf-fqz3": return "副区长(三)";
            case "gb-zf-fqz4": return "副区长(四)";
            case "gb-zf-fqz5": return "副区长(五, 接任)";
            default: return official;
        }
    }

    static Actor registrar(long serial) {
        return Actor.official(serial % 2 == 0 ? REGISTRAR_1 : REGISTRAR_2, OFFICE);
    }

    static Actor officeHead() {
        return Actor.official(OFFICE_HEAD, OFFICE);
    }

    /** @return the directory of the district's units and officials */
    static OrganisationDirectory directory() {
        List<OrganisationDirectory.Unit> units = new ArrayList<>();
        List<OrganisationDirectory.Official> officials = new ArrayList<>();
        units.add(unit(OFFICE, "港北区信访局", "petition-office"));
        units.add(unit(PARTY, "中共港北区委员会", "party-committee"));
        units.add(unit(GOVERNMENT, "港北区人民政府", "government"));
        officials.add(new OrganisationDirectory.Official(REGISTRAR_1, OFFICE, "登记员", "乡科级副职", false));
        officials.add(new OrganisationDirectory.Official(REGISTRAR_2, OFFICE, "登记员", "乡科级副职", false));
        officials.add(new OrganisationDirectory.Official(OFFICE_HEAD, OFFICE, "局长", "乡科级正职", true));
        officials.add(new OrganisationDirectory.Official(SECRETARY, PARTY, "区委书记", "县处级正职", true));
        officials.add(new OrganisationDirectory.Official(HEAD, GOVERNMENT, "区长", "县处级正职", true));
        officials.add(new OrganisationDirectory.Official(EXECUTIVE, GOVERNMENT, "常务副区长", "县处级正职", false));
        for (OfficialId deputy : List.of(DEPUTY_1, DEPUTY_2, DEPUTY_3, DEPUTY_4, SUCCESSOR)) {
            officials.add(new OrganisationDirectory.Official(deputy, GOVERNMENT, "副区长", "县处级副职", false));
        }
        for (Handler h : HANDLERS.values()) {
            units.add(new OrganisationDirectory.Unit(h.id(), h.name(), h.township() ? "township" : "department",
                    h.township() ? "township" : "county", REGION_CODE, null));
            officials.add(new OrganisationDirectory.Official(h.clerk(), h.id(), "科员", "乡科级副职", false));
            officials.add(new OrganisationDirectory.Official(h.head(), h.id(), h.township() ? "乡镇长" : "局长", "乡科级正职", true));
        }
        return OrganisationDirectory.of(units, officials);
    }

    private static OrganisationDirectory.Unit unit(UnitId id, String name, String kind) {
        return new OrganisationDirectory.Unit(id, name, kind, "county", REGION_CODE, null);
    }
}
