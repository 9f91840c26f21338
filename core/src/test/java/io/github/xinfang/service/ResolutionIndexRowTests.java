package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The index row carries the resolution track's columns: track state, active leader, lead unit, batches, units involved. */
class ResolutionIndexRowTests {
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
    private final AtomicInteger keys = new AtomicInteger();
    private final CaseId id = new CaseId("XF-2019-0077");

    private IdempotencyKey key() {
        return new IdempotencyKey("k" + keys.incrementAndGet());
    }

    private void ok(CaseCommand c) {
        assertThat(service.handle(c).isApplied()).as("%s", c).isTrue();
    }

    private IndexRow row() {
        return store.indexRow(id.value()).orElseThrow();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theRowFollowsTheTrackTheLeaderTheLeadUnitAndTheBatches() {
        PetitionForm form = new PetitionForm(d("2019-03-02"), Channel.VISIT, Category.CLAIM, "土地征收", "450802", true, null,
                List.of(new PetitionForm.Petitioner("覃建国", null, null, null)), 1, null, "征地补偿多年未到位。");
        ok(new ProcedureCommand.Register(id, key(), Org.clerk(), form, null));
        assertThat(row().trackState()).isEmpty();
        ok(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));
        ok(new ResolutionCommand.EnrolInBatch(id, key(), Org.officeHead(), new Resolution.BatchId("gg-2026-1"), Resolution.IssuingLevel.CITY,
                "第一批积案", d("2026-09-30"), d("2026-05-06")));
        assertThat(row().trackState()).contains("OPEN");
        assertThat(row().batches()).containsExactly("gg-2026-1");
        assertThat(row().activeLeader()).isEmpty();

        ok(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(Org.HOUSING), d("2026-05-08")));
        assertThat(row().trackState()).contains("IN_RESOLUTION");
        assertThat(row().activeLeader()).contains(Org.DISTRICT_DEPUTY.value());
        assertThat(row().leadUnit()).contains(Org.LAND.value());
        assertThat(row().unitsInvolved()).contains(Org.LAND.value(), Org.HOUSING.value());

        ok(new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.LAND), Resolution.ResolutionKind.SUBSTANTIVE, "已化解。", d("2026-05-26")));
        ok(new ResolutionCommand.ApproveResolution(id, key(), Org.officeHead(), d("2026-05-29")));
        assertThat(row().trackState()).contains("RESOLVED");
        assertThat(row().activeLeader()).isEmpty();
        assertThat(row().leadUnit()).isEmpty();
        assertThat(row().batches()).containsExactly("gg-2026-1");
    }
}
