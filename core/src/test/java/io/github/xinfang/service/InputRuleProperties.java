package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.text.TextRule;
import io.github.xinfang.text.TextRuleProperties;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Any text in any text field of a registration: applied exactly when the field's kind of the text rule accepts it,
 * otherwise a {@code VALIDATION} rejection naming that field, whose Chinese message holds no Latin letter.
 */
class InputRuleProperties {
    private record Field(String path, TextRule rule, int max, Function<String, PetitionForm> form) {}

    private static final List<Field> FIELDS = List.of(
            new Field("petition.summary", TextRule.TEXT, FreeText.MAX_LENGTH, s -> InputRuleTests.ordinary(s)),
            new Field("petition.subjectArea", TextRule.LINE, 200,
                    s -> InputRuleTests.form(s, "450802", "覃建国", null, null, "诉求")),
            new Field("petition.petitioners[0].name", TextRule.LINE, PersonName.MAX_LENGTH,
                    s -> InputRuleTests.form("城乡建设", "450802", s, null, null, "诉求")),
            new Field("petition.petitioners[0].address", TextRule.LINE, Address.MAX_LENGTH,
                    s -> InputRuleTests.form("城乡建设", "450802", "覃建国", s, null, "诉求")),
            new Field("petition.accused[0].outsideName", TextRule.LINE, 200,
                    s -> InputRuleTests.form("城乡建设", "450802", "覃建国", null, s, "诉求")));

    @Test
    void aTextFieldTakesExactlyWhatItsKindOfTheRuleAccepts() {
        TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).build();
        int[] n = {0};
        qt().forAll(TextRuleProperties.texts().mix(TextRuleProperties.nearlyOrdinary()), integers().between(0, FIELDS.size() - 1))
                .checkAssert((text, f) -> {
                    Field field = FIELDS.get(f);
                    n[0]++;
                    CommandResult r = service.handle(new ProcedureCommand.Register(new CaseId("XF-" + n[0]),
                            new IdempotencyKey("k-" + n[0]), Org.clerk(), field.form().apply(text), null));
                    if (field.rule().check(text, field.max()).isEmpty()) {
                        assertThat(r).as("%s", field.path()).isInstanceOf(CommandResult.Applied.class);
                    } else {
                        assertThat(r).as("%s", field.path()).isInstanceOf(CommandResult.Rejected.class);
                        Rejection x = ((CommandResult.Rejected) r).rejection();
                        assertThat(x.code()).isEqualTo(Rejection.Code.VALIDATION);
                        assertThat(x.field()).hasValue(field.path());
                        assertThat(x.messageChinese()).doesNotContainPattern("[A-Za-z]");
                    }
                });
    }

    @Test
    void aDateInTheFutureIsRefusedInChineseThroughout() {
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
        service.handle(new ProcedureCommand.Register(new CaseId("XF-1"), new IdempotencyKey("k1"), Org.clerk(), InputRuleTests.ordinary("诉求"), null));
        CommandResult r = service.handle(new ProcedureCommand.Route(new CaseId("XF-1"), new IdempotencyKey("k2"), Org.clerk(), Org.HOUSING,
                LocalDate.parse("2026-07-30")));
        assertThat(((CommandResult.Rejected) r).rejection().messageChinese()).isEqualTo("操作字段无效：收到日期不得晚于今天");
    }
}
