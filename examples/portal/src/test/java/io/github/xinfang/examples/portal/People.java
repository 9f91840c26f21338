package io.github.xinfang.examples.portal;

import io.github.xinfang.testing.Choices;
import io.github.xinfang.testing.Petitions;

import java.util.Random;

/**
 * Generated personal data for the portal's requests: names, mobile phones and resident ID numbers from xinfang-testing's
 * generators, detailed addresses and text of its own.
 */
final class People {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华志建国庆红玉珍德海波";
    private static final String ROADS = "中山路解放路建设路人民路民主路新华路和平路城北路江北路荷城路";

    /** One generated petitioner. */
    record Person(String name, String idNumber, String phone, String address) {
        /** @return the petitioner as JSON (a {@code PetitionForm.Petitioner}) */
        String json() {
            return "{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"" + phone + "\",\"address\":\"" + address + "\"}";
        }
    }

    private final Random random;
    private final Choices draws;

    People(long seed) {
        random = new Random(seed);
        draws = Choices.from(random::nextInt);
    }

    Person next() {
        String name = Petitions.personNames().generate(draws);
        String phone = Petitions.phones().generate(draws);
        String address = "广西贵港市港北区" + road()
                + (1 + random.nextInt(998)) + "号" + (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(1800)) + "室";
        return new Person(name, Petitions.idNumbers().generate(draws), phone, address);
    }

    /**
     * @param receivedOn the day the office received it
     * @param summary its text
     * @param petitioners its petitioners
     * @return a {@code PetitionForm} as JSON: a claim about housing in 港北区, first petition
     */
    static String petition(String receivedOn, String summary, Person... petitioners) {
        StringBuilder list = new StringBuilder();
        for (Person p : petitioners) list.append(list.length() == 0 ? "" : ",").append(p.json());
        return "{\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"VISIT\",\"category\":\"CLAIM\",\"subjectArea\":\"城乡建设\","
                + "\"regionCode\":\"450802\",\"firstPetition\":true,\"repeatsCase\":null,\"petitioners\":[" + list + "],"
                + "\"headcount\":null,\"accused\":null,\"summary\":\"" + summary + "\"}";
    }

    /** @return a summary of the petition holding {@code marker}, a phrase that must not appear in any answer */
    String summary(String marker) {
        return "反映" + marker + "的住房补偿款至今未发放，请求依法处理。";
    }

    /** @return a phrase of {@code n} random Chinese characters */
    String phrase(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(pick(GIVEN)).append(pick(SURNAMES));
        return b.toString();
    }

    private String road() {
        int i = 3 * random.nextInt(ROADS.length() / 3);
        return ROADS.substring(i, i + 3);
    }

    private char pick(String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }
}
