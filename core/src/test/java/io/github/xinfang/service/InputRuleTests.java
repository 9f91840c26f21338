package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.text.TextRule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.xinfang.testing.Org.HOUSING;
import static org.assertj.core.api.Assertions.assertThat;

/** The text rule at the service: refusals naming the field in both languages, and text stored before the rule. */
class InputRuleTests {
    private final TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();

    static PetitionForm form(String subjectArea, String region, String name, String address, String outsideName, String summary) {
        return new PetitionForm(LocalDate.parse("2026-06-01"), Channel.LETTER, Category.CLAIM, subjectArea, region, true, null,
                List.of(new PetitionForm.Petitioner(name, null, "13977512345", address)), null,
                outsideName == null ? null : List.of(new PetitionForm.AccusedParty(null, null, outsideName)), summary);
    }

    static PetitionForm ordinary(String summary) {
        return form("城乡建设", "450802", "覃建国", "港北区建设路1号", null, summary);
    }

    private Rejection rejected(CaseCommand c) {
        CommandResult r = service.handle(c);
        assertThat(r).isInstanceOf(CommandResult.Rejected.class);
        return ((CommandResult.Rejected) r).rejection();
    }

    private ProcedureCommand.Register register(String id, String key, PetitionForm form) {
        return new ProcedureCommand.Register(new CaseId(id), new IdempotencyKey(key), Org.clerk(), form, null);
    }

    @Test
    void textThatIsBlankToAReaderIsRefusedNamingTheField() {
        for (String blank : List.of("\u00A0", "\u3000\u3000", "\u200B\u200E\u202E", " \t\r\n", "\uFEFF")) {
            Rejection r = rejected(register("XF-1", "k1", ordinary(blank)));
            assertThat(r.code()).isEqualTo(Rejection.Code.VALIDATION);
            assertThat(r.field()).hasValue("petition.summary");
            assertThat(r.messageEnglish()).isEqualTo("a field of the command is invalid: petition.summary: must not be blank");
            assertThat(r.messageChinese()).isEqualTo("操作字段无效：信访事项的主要诉求不得为空白");
        }
    }

    @Test
    void hostileTextInEachFieldIsRefusedThereInEnglishAndInChineseThroughout() {
        Map<String, PetitionForm> byField = Map.of(
                "petition.subjectArea", form("城乡\u0000建设", "450802", "覃建国", null, null, "诉求"),
                "petition.petitioners[0].name", form("城乡建设", "450802", "覃\uD800", null, null, "诉求"),
                "petition.petitioners[0].address", form("城乡建设", "450802", "覃建国", "建设路\n1号", null, "诉求"),
                "petition.accused[0].outsideName", form("城乡建设", "450802", "覃建国", null, "\u202E", "诉求"),
                "petition.summary", form("城乡建设", "450802", "覃建国", null, null, "诉求\u0085"),
                "petition.regionCode", form("城乡建设", "45O802", "覃建国", null, null, "诉求"));
        byField.forEach((field, form) -> {
            Rejection r = rejected(register("XF-2", "k-" + field, form));
            assertThat(r.code()).isEqualTo(Rejection.Code.VALIDATION);
            assertThat(r.field()).hasValue(field);
            assertThat(r.messageEnglish()).startsWith("a field of the command is invalid: " + field + ": ");
            assertThat(r.messageChinese()).as(field).startsWith("操作字段无效：信访事项的").doesNotContainPattern("[A-Za-z]");
        });
        assertThat(rejected(register("XF-3", "k3", form("城乡建设", "00802", "覃建国", null, null, "诉求"))).messageChinese())
                .isEqualTo("操作字段无效：信访事项的行政区划代码须为六位数字的省级及以下行政区划代码");
    }

    @Test
    void textOfOtherCommandsIsCheckedToo() {
        assertThat(service.handle(register("XF-4", "k1", ordinary("诉求")))).isInstanceOf(CommandResult.Applied.class);
        Rejection organ = rejected(new ProcedureCommand.TransferOut(new CaseId("XF-4"), new IdempotencyKey("k2"), Org.clerk(),
                "\u200B", LocalDate.parse("2026-06-02")));
        assertThat(organ.field()).hasValue("organ");
        assertThat(organ.messageChinese()).isEqualTo("操作字段无效：移送机关不得为空白");
        Rejection reason = rejected(new ProcedureCommand.RaiseObjection(new CaseId("XF-4"), new IdempotencyKey("k3"), Org.clerk(),
                "异议\uDC00", LocalDate.parse("2026-06-02")));
        assertThat(reason.field()).hasValue("reason");
        assertThat(reason.messageChinese()).isEqualTo("操作字段无效：理由的第3个字符是不成对的代理码元");
        Rejection profile = rejected(new ProcedureCommand.ChangeProfile(new CaseId("XF-4"), new IdempotencyKey("k4"), Org.clerk(),
                "national\u200B", "理由"));
        assertThat(profile.field()).hasValue("profile");
        assertThat(profile.messageChinese()).isEqualTo("操作字段无效：时限方案的第9个字符是不可见的格式字符");
    }

    @Test
    void textStoredBeforeTheRuleStillDecodesIsListedAndItsCommandsReplay() {
        // What a release before the rule stored: a summary of no-break spaces, a name holding a control character,
        // and a case id with a zero-width space.
        PetitionForm legacyForm = form("城乡建设", "450802", "覃\u0007建国", null, null, "\u00A0\u00A0");
        ProcedureCommand.Register original = register("XF-OLD", "old-key", ordinary("原文"));
        assertThat(service.handle(original)).isInstanceOf(CommandResult.Applied.class);
        StoredCase written = store.load("XF-OLD").orElseThrow();
        ProcedureCommand.Register legacyCommand = new ProcedureCommand.Register(new CaseId("XF-OLD"), new IdempotencyKey("old-key"),
                Org.clerk(), legacyForm, null);

        InMemoryCaseStore upgraded = InMemoryCaseStore.create();
        Map<String, String> edits = Map.of("原文", "\u00A0\u00A0", "覃建国", "覃\\u0007建国");
        upgraded.commit(legacyCommit(written, "XF-OLD", edits, service.codec().digest(legacyCommand)));
        upgraded.commit(legacyCommit(written, "E6\u200B", Map.of("XF-OLD", "E6\u200B"), "0".repeat(64)));
        CaseService after = CaseService.builder(upgraded, Org.DIRECTORY, clock).build();

        CaseState state = after.history(new CaseId("XF-OLD")).orElseThrow().state();
        assertThat(state.petition().summary().value()).isEqualTo("\u00A0\u00A0");
        assertThat(state.petition().petitioners().get(0).name().value()).isEqualTo("覃\u0007建国");

        List<TextRule.Finding> findings = after.textFindings();
        assertThat(findings).extracting(TextRule.Finding::caseId).containsExactly("E6\u200B", "XF-OLD");
        assertThat(findings.get(0).field()).isEqualTo("id");
        assertThat(findings.get(1).field()).startsWith("petition.");
        assertThat(findings.get(1).sequence()).isEqualTo(1);
        assertThat(findings.get(1).problem()).doesNotContain("覃").doesNotContain("\u00A0");

        // The resend answers from its key, although the command breaks today's rule.
        CommandResult replay = after.handle(legacyCommand);
        assertThat(replay).isInstanceOf(CommandResult.Applied.class);
        assertThat(((CommandResult.Applied) replay).replayed()).isTrue();
        assertThat(((CommandResult.Applied) replay).version()).isEqualTo(1);
        // The same text under a new key is refused.
        assertThat(after.handle(new ProcedureCommand.Register(new CaseId("XF-NEW"), new IdempotencyKey("new-key"), Org.clerk(),
                legacyForm, null))).isInstanceOf(CommandResult.Rejected.class);
        // The case goes on working, and a correction removes the finding.
        assertThat(after.handle(new ProcedureCommand.Route(new CaseId("XF-OLD"), new IdempotencyKey("r1"), Org.clerk(), HOUSING,
                LocalDate.parse("2026-06-02")))).isInstanceOf(CommandResult.Applied.class);
        assertThat(after.handle(new ProcedureCommand.CorrectPetition(new CaseId("XF-OLD"), new IdempotencyKey("c1"), Org.clerk(),
                ordinary("房屋征收补偿未到位。"), "更正录入错误"))).isInstanceOf(CommandResult.Applied.class);
        assertThat(after.history(new CaseId("XF-OLD")).orElseThrow().state().petition().summary().value()).isEqualTo("房屋征收补偿未到位。");
        assertThat(after.rebuildSnapshot(new CaseId("XF-OLD"))).isPresent();
    }

    @Test
    void aResendOfAnAppliedCommandIsAReplayEvenWhenTheDirectoryChangedSince() {
        ProcedureCommand.Register c = register("XF-5", "k1", ordinary("诉求"));
        assertThat(service.handle(c)).isInstanceOf(CommandResult.Applied.class);
        CommandResult again = service.handle(c);
        assertThat(again).isInstanceOf(CommandResult.Applied.class);
        assertThat(((CommandResult.Applied) again).replayed()).isTrue();
        // A different command under the same key stays a mismatch.
        assertThat(((CommandResult.Rejected) service.handle(register("XF-5", "k1", ordinary("另一诉求")))).rejection().code())
                .isEqualTo(Rejection.Code.IDEMPOTENCY_MISMATCH);
    }

    @Test
    void everyFieldNameOfTheChecksHasAChineseName() {
        // Spot-check a deep path: indexes become ordinals.
        Rejection r = Rejection.invalid("petition.petitioners[2].phone", "x", "须为手机或固定电话号码", null);
        assertThat(r.messageChinese()).isEqualTo("操作字段无效：信访事项的信访人（第3项）的联系电话须为手机或固定电话号码");
        assertThat(TextRule.isBlank("\u00A0\u200B")).isTrue();
    }

    private static CaseCommit legacyCommit(StoredCase written, String caseId, Map<String, String> edits, String digest) {
        List<StoredEvent> events = new ArrayList<>();
        for (StoredEvent e : written.events()) {
            events.add(new StoredEvent(caseId, e.sequence(), e.type(), e.schemaVersion(), edit(e.payload(), edits), e.recordedAt()));
        }
        StoredSnapshot s = written.snapshot();
        assertThat(s.payload()).contains(edits.keySet());
        StoredSnapshot snapshot = new StoredSnapshot(caseId, s.version(), s.schemaVersion(), edit(s.payload(), edits));
        return new CaseCommit(caseId, 0, events, snapshot,
                io.github.xinfang.persistence.IndexRow.builder(caseId).version(1).stage("REGISTERED").regionCode("450802").build(),
                "old-key", digest);
    }

    private static String edit(String payload, Map<String, String> edits) {
        String out = payload;
        for (Map.Entry<String, String> e : edits.entrySet()) out = out.replace(e.getKey(), e.getValue());
        return out;
    }
}
