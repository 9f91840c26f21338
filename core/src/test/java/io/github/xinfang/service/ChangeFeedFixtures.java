package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testsupport.ForwardingStore;

import java.time.LocalDate;
import java.util.List;

/** Shared by the change-feed tests: one case's lifecycle as fixed commands, and a store without a feed. */
final class ChangeFeedFixtures {
    private ChangeFeedFixtures() {}

    /**
     * The commands of a lifecycle that reaches re-review, each with a key derived from the case and the step, so
     * that the same step sent twice (by two threads) is the same command: the second is an idempotent replay.
     */
    static List<CaseCommand> lifecycle(CaseId id) {
        Actor staff = Org.staffOf(Org.HOUSING);
        Actor head = Org.headOf(Org.HOUSING);
        PetitionForm form = new PetitionForm(d("2026-03-02"), Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true, null,
                List.of(new PetitionForm.Petitioner("测试甲", null, "13800000000", null)), null, null, "样例：虚构的信访事项。");
        return List.of(
                new ProcedureCommand.Register(id, key(id, 1), Org.clerk(), form, null),
                new ProcedureCommand.Route(id, key(id, 2), Org.clerk(), Org.HOUSING, d("2026-03-04")),
                new ProcedureCommand.InformPetitioner(id, key(id, 3), staff, d("2026-03-06")),
                new ProcedureCommand.Accept(id, key(id, 4), staff, d("2026-03-06")),
                new ProcedureCommand.ProposeConclusion(id, key(id, 5), staff, Outcome.SUPPORTED, "样例：予以支持。", d("2026-04-20")),
                new ProcedureCommand.ReturnForRework(id, key(id, 6), head, "样例：证据不足。"),
                new ProcedureCommand.ProposeConclusion(id, key(id, 7), staff, Outcome.EXPLAINED, "样例：解释说明。", d("2026-04-28")),
                new ProcedureCommand.ApproveConclusion(id, key(id, 8), head, d("2026-04-29")),
                new ProcedureCommand.ServeReply(id, key(id, 9), staff, d("2026-04-30")),
                new ProcedureCommand.RequestReview(id, key(id, 10), Org.officeHead(), d("2026-05-15")),
                new ProcedureCommand.ConcludeReview(id, key(id, 11), Org.officeHead(), "样例：维持。", d("2026-06-05")),
                new ProcedureCommand.ServeReviewOpinion(id, key(id, 12), Org.officeHead(), d("2026-06-08")),
                new ProcedureCommand.RequestReReview(id, key(id, 13), Org.officeHead(), d("2026-06-20")),
                new ProcedureCommand.ConcludeReReview(id, key(id, 14), Org.officeHead(), "样例：复核维持。", d("2026-06-29")));
    }

    private static IdempotencyKey key(CaseId id, int step) {
        return new IdempotencyKey(id.value() + "-s" + step);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** A store that implements {@link CaseStore} only: no change feed. */
    static CaseStore withoutFeed(CaseStore delegate) {
        return new ForwardingStore<>(delegate);
    }
}
