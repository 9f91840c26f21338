package io.github.xinfang.examples;

import io.github.xinfang.service.BatchReports;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BacklogCampaignDemoTests {

    @Test
    void theCampaignEscalatesHandsOverAndReportsTheBatchWithoutPersonalData() {
        DemoRun<BatchReports.Progress> run = DemoRun.of(BacklogCampaignDemo::run);
        BatchReports.Progress p = run.result();
        String out = run.out();

        assertThat(new long[] {p.cases(), p.claimed(), p.resolved(), p.substantivelyResolved(), p.returned(), p.overdue()})
                .containsExactly(12, 5, 5, 4, 1, 0);
        assertThat(out).contains("REJECTED RANK_TOO_LOW", "required rank 县处级正职 (principal) by [repeat-3]",
                "replacement clock started", "REPLACEMENT:1          met 2026-04-02  MET")
                .contains("9 cases moved, 0 not moved; run again: 0 moved.")
                .contains("实体化解率 4/12 件 (33.3%)", "申请化解率 5/12 件 (41.7%)")
                .contains("as of 2026-07-01: 7 cases overdue");
        assertThat(out).doesNotContain("黄志强", "征地补偿争议");
    }
}
