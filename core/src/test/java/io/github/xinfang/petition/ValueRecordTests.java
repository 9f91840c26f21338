package io.github.xinfang.petition;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Value records throw {@code NullPointerException}/{@code IllegalArgumentException} naming the parameter. */
class ValueRecordTests {

    private static void npe(String parameter, Executable e) {
        assertThat(assertThrows(NullPointerException.class, e).getMessage()).isEqualTo(parameter);
    }

    private static void iae(String parameter, Executable e) {
        assertThat(assertThrows(IllegalArgumentException.class, e).getMessage()).startsWith(parameter);
    }

    @Test
    void nullsAreRefusedNamingTheParameter() {
        npe("value", () -> new RegionCode(null));
        npe("value", () -> new PersonName(null));
        npe("value", () -> new IdNumber(null));
        npe("value", () -> new PhoneNumber(null));
        npe("value", () -> new Address(null));
        npe("value", () -> new FreeText(null));
        npe("value", () -> new CaseId(null));
        npe("value", () -> new IdempotencyKey(null));
        npe("value", () -> new UnitId(null));
        npe("value", () -> new OfficialId(null));
    }

    @Test
    void badValuesAreRefusedNamingTheParameterButNotTheValue() {
        iae("value", () -> new RegionCode("44010"));
        iae("value", () -> new RegionCode("00ab12"));
        iae("value", () -> new RegionCode("001234"));
        iae("value", () -> new PersonName(" "));
        iae("value", () -> new IdNumber("440103199001011235"));
        iae("value", () -> new PhoneNumber("1381234567"));
        iae("value", () -> new FreeText(""));
        iae("value", () -> new CaseId(""));
        iae("value", () -> new CaseId("a\nb"));
        iae("value", () -> new IdempotencyKey("x".repeat(129)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("139-7751-2345"));
        assertThat(e.getMessage()).doesNotContain("7751");
    }

    @Test
    void personalDataIsMaskedInToString() {
        assertThat(new PersonName("张三丰")).hasToString("张**");
        String body = "44010319900101123";
        IdNumber id = new IdNumber(body + IdNumber.checkCharacter(body));
        assertThat(id.toString()).startsWith("4401").endsWith(id.value().substring(14)).contains("**********");
        assertThat(new PhoneNumber("13812345678")).hasToString("138****5678");
        assertThat(new Address("港北区中山北路1号").toString()).doesNotContain("中山");
        assertThat(new FreeText("房屋征收补偿").toString()).doesNotContain("征收");
    }

    @Test
    void regionCodesNestByTheirNonZeroPrefix() {
        RegionCode district = new RegionCode("450802");
        assertThat(district.isWithin(new RegionCode("450800"))).isTrue();
        assertThat(district.isWithin(new RegionCode("450000"))).isTrue();
        assertThat(district.isWithin(district)).isTrue();
        assertThat(district.isWithin(new RegionCode("450803"))).isFalse();
        assertThat(district.isWithin(new RegionCode("440000"))).isFalse();
    }

    @Test
    void theIdNumberCheckCharacterFollowsIso7064() {
        // 11010519491231002X is the standard's own example.
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(new IdNumber("11010519491231002X").value()).endsWith("X");
    }
}
