package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.github.xinfang.testing.Org.HOUSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paging every listing of {@link CaseListings} with its opaque cursors: each case once, in order, the last page without
 * a next cursor; a damaged cursor, a cursor of another listing and a cursor of other filters are refused naming
 * {@code cursor}; the store sees the keys it always saw.
 */
class CaseListingsCursorTests {
    private static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");
    private static final int CASES = 7;

    private final TestClock clock = TestClock.at(NOW);
    private final CountingQueryStore store = CountingQueryStore.create();
    private final CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
    private final CaseListings listings = CaseListings.create(service);
    private final AtomicInteger keys = new AtomicInteger();
    private final List<String> ids = new ArrayList<>();

    private IdempotencyKey key() {
        return new IdempotencyKey("k" + keys.incrementAndGet());
    }

    private void applied(CaseCommand c) {
        assertThat(service.handle(c)).isInstanceOf(CommandResult.Applied.class);
    }

    /** Seven housing cases routed in March and never told (late on TELLING), four of them with the district deputy. */
    @BeforeEach
    void sevenLateCases() {
        for (int i = 0; i < CASES; i++) {
            CaseId id = new CaseId("XF-" + (char) ('A' + (i * 3) % CASES) + "-" + i);
            PetitionForm petition = new PetitionForm(LocalDate.parse("2026-03-02"), Channel.LETTER, Category.CLAIM, "城乡建设",
                    i % 2 == 0 ? "330106" : "330108", true, null, List.of(new PetitionForm.Petitioner("周建华", null, null, null)), null,
                    null, "拆迁补偿款未按协议支付。");
            applied(new ProcedureCommand.Register(id, key(), Org.clerk(), petition, null));
            applied(new ProcedureCommand.Route(id, key(), Org.clerk(), HOUSING, LocalDate.parse("2026-03-03")));
            if (i < 4) {
                applied(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP,
                        LocalDate.parse("2026-03-10")));
                applied(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                        List.of(Org.LAND_STAFF), List.of(), LocalDate.parse("2026-03-11")));
            }
            ids.add(id.value());
        }
        ids.sort(String::compareTo);
        store.reset();
    }

    /** Pages a listing to its end with page size n; @return the case ids of all pages, in order */
    private static List<String> all(Function<String, CaseListings.Page<? extends Object>> listing, Function<Object, String> caseId, int n,
                                    List<Integer> sizes) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 100; guard++) {
            CaseListings.Page<? extends Object> page = listing.apply(cursor);
            sizes.add(page.items().size());
            for (Object item : page.items()) seen.add(caseId.apply(item));
            if (page.next().isEmpty()) return seen;
            assertThat(page.items()).as("a page with a next cursor is full").hasSize(n);
            cursor = page.next().get();
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void overduePagesHoldEachCaseOnceInOrderAndTheLastHasNoNextCursor() {
        OverdueScope housing = OverdueScope.handlingUnit(HOUSING.value());
        List<Integer> sizes = new ArrayList<>();
        List<String> seen = all(c -> listings.overdue(housing, NOW, 3, c), o -> ((CaseListings.OverdueCase) o).caseId(), 3, sizes);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(listings.countOverdue(housing, NOW)).isEqualTo(CASES);
        assertThat(store.queries.get()).as("one query per page, one for the count").isEqualTo(4);
        assertThat(store.loads.get()).isZero();
        List<Integer> exact = new ArrayList<>();
        all(c -> listings.overdue(housing, NOW, 7, c), o -> ((CaseListings.OverdueCase) o).caseId(), 7, exact);
        assertThat(exact).as("a page that ends the listing exactly has no next cursor").containsExactly(7);
    }

    @Test
    void everyListingPagesWithCursors() {
        List<Integer> sizes = new ArrayList<>();
        assertThat(all(c -> listings.needingAttention(NOW, "33", HOUSING, 2, c), o -> ((IndexRow) o).caseId(), 2, sizes))
                .hasSize(CASES).doesNotHaveDuplicates();
        assertThat(all(c -> listings.needingAttention(NOW, null, null, 2, c), o -> ((IndexRow) o).caseId(), 2, sizes))
                .hasSize(CASES);
        List<String> deputy = all(c -> listings.byActiveLeader(Org.DISTRICT_DEPUTY, 3, c), o -> ((IndexRow) o).caseId(), 3, sizes);
        assertThat(deputy).hasSize(4).isSorted();
        assertThat(all(c -> listings.byLeadUnit(Org.LAND, 1, c), o -> ((IndexRow) o).caseId(), 1, sizes)).isEqualTo(deputy);
        assertThat(all(c -> listings.byBatch(new Resolution.BatchId("none"), 1, c), o -> ((IndexRow) o).caseId(), 1, sizes)).isEmpty();
        assertThat(all(c -> listings.overdue(OverdueScope.regionPrefix("330106"), NOW, 2, c), o -> ((CaseListings.OverdueCase) o).caseId(),
                2, sizes)).hasSize(4).isSorted();
        assertThat(all(c -> listings.overdue(OverdueScope.activeLeader(Org.DISTRICT_DEPUTY.value()), NOW, 2, c),
                o -> ((CaseListings.OverdueCase) o).caseId(), 2, sizes)).isEqualTo(deputy);
        assertThat(store.loads.get()).isZero();
    }

    @Test
    void aCursorMayBeUsedWithALaterInstant() {
        OverdueScope housing = OverdueScope.handlingUnit(HOUSING.value());
        String cursor = listings.overdue(housing, NOW, 3, null).next().orElseThrow();
        CaseListings.Page<CaseListings.OverdueCase> later = listings.overdue(housing, NOW.plusSeconds(86_400), 3, cursor);
        assertThat(later.items()).extracting(CaseListings.OverdueCase::caseId).containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(later.items().get(0).lateClocks().get(0).daysLate())
                .isEqualTo(listings.overdue(housing, NOW, 3, cursor).items().get(0).lateClocks().get(0).daysLate() + 1);
    }

    @Test
    void aDamagedCursorIsRefusedNamingTheParameter() {
        OverdueScope housing = OverdueScope.handlingUnit(HOUSING.value());
        String cursor = listings.overdue(housing, NOW, 3, null).next().orElseThrow();
        for (int i = 0; i < cursor.length() - 1; i++) {
            char c = cursor.charAt(i);
            String damaged = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
            assertThatThrownBy(() -> listings.overdue(housing, NOW, 3, damaged)).as("changed at %d", i)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cursor");
        }
        for (String bad : List.of("", "not a cursor!", "AAAA", cursor + "AAAA", cursor.substring(0, cursor.length() - 2),
                "x".repeat(5000))) {
            assertThatThrownBy(() -> listings.overdue(housing, NOW, 3, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cursor");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[0] = 2;   // a format version this release does not know, with a valid checksum
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        java.nio.ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        String future = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> listings.overdue(housing, NOW, 3, future)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor has format version 2");
        assertThat(store.queries.get()).as("a refused cursor reads nothing").isEqualTo(1);
    }

    @Test
    void aCursorOfAnotherListingOrOfOtherFiltersIsRefused() {
        String overdueCursor = listings.overdue(OverdueScope.handlingUnit(HOUSING.value()), NOW, 3, null).next().orElseThrow();
        String leaderCursor = listings.byActiveLeader(Org.DISTRICT_DEPUTY, 1, null).next().orElseThrow();
        String attentionCursor = listings.needingAttention(NOW, null, null, 1, null).next().orElseThrow();
        assertThatThrownBy(() -> listings.overdue(OverdueScope.regionPrefix("33"), NOW, 3, overdueCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor belongs to another listing");
        assertThatThrownBy(() -> listings.overdue(OverdueScope.handlingUnit(Org.LABOUR.value()), NOW, 3, overdueCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor belongs to this listing with other filters");
        assertThatThrownBy(() -> listings.byLeadUnit(Org.LAND, 1, leaderCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor belongs to another listing");
        assertThatThrownBy(() -> listings.byActiveLeader(Org.CITY_DEPUTY, 1, leaderCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other filters");
        assertThatThrownBy(() -> listings.needingAttention(NOW, "33", null, 1, attentionCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other filters");
        assertThatThrownBy(() -> listings.byBatch(new Resolution.BatchId("b"), 1, attentionCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }

    @Test
    void badArgumentsAreRefusedNamingTheParameter() {
        OverdueScope housing = OverdueScope.handlingUnit(HOUSING.value());
        assertThatThrownBy(() -> listings.overdue(housing, NOW, 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> listings.overdue(housing, NOW, CaseListings.MAX_PAGE_SIZE + 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> listings.overdue(null, NOW, 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> listings.overdue(housing, null, 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> listings.countOverdue(housing, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> listings.byActiveLeader(null, 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("leader");
        assertThatThrownBy(() -> listings.needingAttention(NOW, "3a", null, 1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regionPrefix");
        assertThatThrownBy(() -> CaseListings.create(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("service");
    }

    @Test
    void aStoreWithoutTheQueryPortsIsToldSo() {
        CaseListings plain = CaseListings.create(CaseService.builder(new io.github.xinfang.testsupport.ForwardingStore<>(
                InMemoryCaseStore.create()), Org.DIRECTORY, clock).build());
        assertThatThrownBy(() -> plain.countOverdue(OverdueScope.handlingUnit("u"), NOW))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("OverdueQuery");
        assertThatThrownBy(() -> plain.byBatch(new Resolution.BatchId("b"), 1, null))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ResolutionQuery");
        assertThatThrownBy(() -> plain.needingAttention(NOW, null, null, 1, null))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("CaseQuery");
    }
}
