package io.github.xinfang.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A leader's workload is a value that names its leader and instant and never counts more overdue than active cases. */
class LeaderWorkloadTests {
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aWorkloadKeepsItsCounts() {
        LeaderWorkload w = new LeaderWorkload("off-0417", AT, 5, 2);
        assertThat(w.leader()).isEqualTo("off-0417");
        assertThat(w.asOf()).isEqualTo(AT);
        assertThat(w.activeCases()).isEqualTo(5);
        assertThat(w.overdueCases()).isEqualTo(2);
        assertThat(new LeaderWorkload("off-0417", AT, 0, 0).activeCases()).isZero();
    }

    @Test
    void badCountsAndNullsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new LeaderWorkload(null, AT, 0, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("leader");
        assertThatThrownBy(() -> new LeaderWorkload("l", null, 0, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> new LeaderWorkload("l", AT, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activeCases");
        assertThatThrownBy(() -> new LeaderWorkload("l", AT, 1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overdueCases");
        assertThatThrownBy(() -> new LeaderWorkload("l", AT, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceed");
    }
}
