package io.github.xinfang.testing;

import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generators of valid petition values as a portal's form gives them: realistic Chinese names, real region codes
 * (GB/T 2260, a shipped list of districts and counties), mobile phones, ID numbers with valid check characters
 * (GB 11643), addresses, summaries, and whole {@link PetitionForm}s whose accused parties are never the units a
 * journey routes to; plus hostile text for input-handling tests. Draw 0 is the simplest value of each. Stateless.
 *
 * @since 0.4
 */
public final class Petitions {
    private Petitions() {}

    /** Real county-level region codes (GB/T 2260) and their names; the first is the simplest. */
    public static final List<String> REGION_CODES = List.of(
            "450802", "450803", "450804", "450821", "450881", "330402", "330411", "441602",
            "110101", "110102", "310101", "440103", "440104", "440106", "330102", "330106", "450102", "450103");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红海燕春梅德永玉珍文辉";
    private static final List<String> ROADS = List.of("人民路", "中山路", "建设路", "解放路", "和平路", "新华路", "民主路", "江北大道");
    private static final List<String> SUMMARIES = List.of(
            "反映房屋征收补偿款未足额发放，要求依法兑现。",
            "反映用人单位拖欠工资三个月，要求协调支付。",
            "反映宅基地使用权纠纷，请求重新确权。",
            "反映小区物业维修基金使用不透明，要求公开账目。",
            "反映社保待遇核定有误，请求复核。",
            "反映医疗费用报销被拒，要求说明依据。");

    /** @return names of two or three characters: a common surname and one or two given characters */
    public static Gen<String> personNames() {
        return c -> {
            StringBuilder sb = new StringBuilder().append(SURNAMES.charAt(c.draw(SURNAMES.length())));
            int given = c.between(1, 2);
            for (int i = 0; i < given; i++) sb.append(GIVEN.charAt(c.draw(GIVEN.length())));
            return sb.toString();
        };
    }

    /** @return real region codes from {@link #REGION_CODES} */
    public static Gen<String> regionCodes() {
        return Gen.oneOf(REGION_CODES);
    }

    /** @return mainland mobile numbers: 1, a second digit 3 to 9, nine more digits */
    public static Gen<String> phones() {
        return c -> "1" + c.between(3, 9) + digits(c, 9);
    }

    /** @return 18-character resident ID numbers of a region in the list, born 1940 to 2005, with a valid check character */
    public static Gen<String> idNumbers() {
        return c -> idNumber(REGION_CODES.get(c.draw(REGION_CODES.size())), c);
    }

    /**
     * @param region a six-digit region code
     * @param c the draws
     * @return an ID number of that region with a valid check character
     */
    static String idNumber(String region, Choices c) {
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(c.draw(365 * 65));
        String body = region + String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth()) + digits(c, 3);
        return body + io.github.xinfang.petition.IdNumber.checkCharacter(body);
    }

    /** @return addresses: a district, a road and a number */
    public static Gen<String> addresses() {
        return c -> "港北区" + ROADS.get(c.draw(ROADS.size())) + c.between(1, 300) + "号";
    }

    /** @return petitions' summaries, as petitioners write them */
    public static Gen<String> summaries() {
        return Gen.oneOf(SUMMARIES);
    }

    /** @return a petitioner: always a name, and with some chance an ID number, a phone and an address */
    public static Gen<PetitionForm.Petitioner> petitioners() {
        return c -> new PetitionForm.Petitioner(personNames().generate(c),
                c.chance(50) ? idNumbers().generate(c) : null,
                c.chance(70) ? phones().generate(c) : null,
                c.chance(40) ? addresses().generate(c) : null);
    }

    /**
     * A petition as a form gives it.
     *
     * @param org the organisation the petition reaches (its region; its units and officials the accused are drawn from)
     * @param receivedOn the day it was received
     * @param category its category
     * @param notAccused units the petition must not accuse (the units a journey will route it to)
     * @return the generator
     */
    public static Gen<PetitionForm> forms(Organisation org, LocalDate receivedOn, Category category, List<io.github.xinfang.directory.UnitId> notAccused) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(category, "category");
        return c -> {
            Channel channel = Channel.values()[c.draw(Channel.values().length)];
            List<PetitionForm.Petitioner> petitioners = Gen.listOf(petitioners(), 1, 3).generate(c);
            Integer headcount = c.chance(20) ? petitioners.size() + c.between(0, 20) : null;
            List<PetitionForm.AccusedParty> accused = null;
            if (c.chance(30)) {
                List<io.github.xinfang.directory.UnitId> candidates = new ArrayList<>(org.departments());
                candidates.removeAll(notAccused);
                int kind = c.draw(3);
                if (kind == 0 || candidates.isEmpty()) {
                    accused = List.of(PetitionForm.AccusedParty.outside(personNames().generate(c)));
                } else if (kind == 1) {
                    accused = List.of(PetitionForm.AccusedParty.unit(candidates.get(c.draw(candidates.size()))));
                } else {
                    accused = List.of(PetitionForm.AccusedParty.official(org.staff().get(candidates.get(c.draw(candidates.size())))));
                }
            }
            return new PetitionForm(receivedOn, channel, category, "城乡建设", org.region().value(), true, null,
                    petitioners, headcount, accused, summaries().generate(c));
        };
    }

    /**
     * Hostile text for input-handling tests: control and format characters, bidirectional overrides, lone surrogates,
     * over-long and blank strings, markup and SQL, mixed with ordinary words. A portal's input handling must answer each
     * with a value or a {@code VALIDATION} rejection, never an exception or a changed meaning.
     *
     * @return the generator
     */
    public static Gen<String> hostileText() {
        List<String> nasty = List.of("", " ", "\u0000", "\u202Eabc", "\uD800", "\u200B", "'; DROP TABLE xf_events; --",
                "<script>alert(1)</script>", "\r\n\t", "覃\u0301", "x".repeat(5000), "😀", "\u3000");
        return c -> {
            StringBuilder sb = new StringBuilder();
            int parts = c.between(1, 3);
            for (int i = 0; i < parts; i++) {
                sb.append(c.chance(50) ? nasty.get(c.draw(nasty.size())) : personNames().generate(c));
            }
            return sb.toString();
        };
    }

    private static String digits(Choices c, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append((char) ('0' + c.draw(10)));
        return sb.toString();
    }
}
