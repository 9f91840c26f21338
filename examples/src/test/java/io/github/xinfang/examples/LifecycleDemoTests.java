package io.github.xinfang.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleDemoTests {

    @Test
    void theDemoWalksItsCasesAndPrintsNoPersonalData() {
        DemoRun<Integer> run = DemoRun.of(LifecycleDemo::run);
        int applied = run.result();
        String out = run.out();

        assertThat(applied).isEqualTo(25);
        assertThat(out).contains("GB-2025-000101", "stage FINAL", "stage CONCLUDED", "stage DECLINED")
                .contains("REJECTED ACCUSED_PARTY", "REJECTED WINDOW_EXPIRED")
                .contains("25 commands applied, 2 rejected.")
                .contains("TELLING", "OVERDUE", "REVIEW_REQUEST", "LAPSED")
                .contains("Deadline sweep: 0 warnings, 1 breaches, 1 lapses recorded; a second sweep records 0.");
        assertThat(out).contains("the stored registration holds the name in clear: false; the petitioner's own copy shows it (韦**)")
                .contains("the name reads [erased], the summary still reads (FreeText[17 chars]), and the history verifies: true.");
        assertThat(out).doesNotContain("韦明华", "450802198807150015", "13877512345", "中山北路");
    }
}
