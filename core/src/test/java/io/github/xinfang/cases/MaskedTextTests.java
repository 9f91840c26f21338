package io.github.xinfang.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Commands carrying free text print every component as a record does, and the free text as its length only. */
class MaskedTextTests {
    private static final CaseId CASE = new CaseId("C-1");
    private static final IdempotencyKey KEY = new IdempotencyKey("k-1");
    private static final Actor CLERK = Actor.official(new OfficialId("o-1"), new UnitId("u-1"));

    @Test
    void freeTextShowsItsLengthOnly() {
        CaseCommand objection = new ProcedureCommand.RaiseObjection(CASE, KEY, CLERK, "拆迁补偿不公，要求重新评估", LocalDate.of(2026, 3, 2));
        assertThat(objection.toString()).isEqualTo("RaiseObjection[caseId=" + CASE + ", key=" + KEY + ", actor=" + CLERK
                + ", reason=(13 chars), objectedOn=2026-03-02]").doesNotContain("拆迁");
    }

    @Test
    void everyComponentIsPrintedInOrderAndANullTextSaysSo() {
        CaseCommand claim = new ResolutionCommand.ClaimResolution(CASE, KEY, CLERK, Resolution.ResolutionKind.values()[0], (String) null,
                LocalDate.of(2026, 5, 1));
        assertThat(claim.toString()).isEqualTo("ClaimResolution[caseId=" + CASE + ", key=" + KEY + ", actor=" + CLERK
                + ", kind=" + Resolution.ResolutionKind.values()[0] + ", evidence=null, claimedOn=2026-05-01]");
        CaseCommand feedback = new ActivityCommand.RecordSupervisionFeedback(CASE, KEY, CLERK, 2, "已于三日内书面反馈",
                LocalDate.of(2026, 5, 2));
        assertThat(feedback.toString()).isEqualTo("RecordSupervisionFeedback[caseId=" + CASE + ", key=" + KEY + ", actor="
                + CLERK + ", supervision=2, feedback=(9 chars), givenOn=2026-05-02]");
    }
}
