package io.github.xinfang.service;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ReportQuery;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import io.github.xinfang.time.Obligation.ClockId;

/**
 * The keyset listings a portal pages through, with opaque string cursors: cases needing attention, a package
 * leader's, a lead unit's and a batch's cases, and the overdue cases (超期) of a handling unit, a region or a package
 * leader with their late clocks and days late, plus the overdue counts for page totals. Everything is answered from
 * the store's index rows through its optional query ports ({@link CaseQuery}, {@link ResolutionQuery},
 * {@link OverdueQuery}): a page costs one query of the store and never loads a case. Besides, the cases a report
 * counts, with their histories ({@link #forEachTouching}, through {@link ReportQuery}).
 *
 * <p><b>Cursors.</b> Each {@link Page} carries the cursor of the next page, or none on the last page. Pass it back
 * with the same listing and the same filters ({@code null} for the first page). The cursor encodes the store's
 * existing keyset position (the last item's case id, and for the attention listing its next attention instant) in a
 * small versioned format, base64url, bound to the listing and its filters: a cursor that is damaged, of another
 * listing or of other filters is refused with an {@link InvalidCursorException} (an {@link IllegalArgumentException})
 * naming {@code cursor}. The instants
 * ({@code before}, {@code asOf}) are not bound: a portal may ask each page "as of now". Paging is by keyset, so a row
 * that does not change while a client pages (and stays in the listing) appears exactly once. Adapters are not
 * involved: they see the same {@code afterCaseId} keys as before.
 *
 * <p><b>Days late</b> are calendar days in the zone of the service's time limits (see {@link LateClock}).
 *
 * <p>Thread-safe; holds no state of its own.
 *
 * @since 0.4
 */
public final class CaseListings {
    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 1_000;

    /** The cases of one page of a report's listing. */
    private static final int REPORT_PAGE = 200;

    private final CaseStore store;
    private final ZoneId zone;
    private final CaseCodec codec;
    private final AccessScope access;

    private CaseListings(CaseStore store, ZoneId zone, CaseCodec codec, AccessScope access) {
        this.store = store;
        this.zone = zone;
        this.codec = codec;
        this.access = access;
    }

    /**
     * The listings of every case: for system use (a sweep, an export job), or a portal that checks access itself.
     *
     * @param service the case service; its store answers the listings through whichever query ports it offers
     * @return the listings
     */
    public static CaseListings create(CaseService service) {
        Objects.requireNonNull(service, "service");
        return new CaseListings(service.store(), service.timeLimits().zone(), service.codec(), AccessScope.everything());
    }

    /**
     * The listings an actor may see: every listing, count and report feed answers only the cases the service's access
     * policy lets the actor read ({@link CaseService#accessScope}), evaluated by the store inside its queries (a page
     * holds {@code pageSize} cases the actor may read when that many exist; counts count only those). With the
     * standard policy an accused unit's listings never show, and never count, the accusation. A store that does not
     * evaluate access scopes answers a restricted actor's listing with {@link UnsupportedOperationException}, never
     * with cases the actor may not read.
     *
     * @param service the case service
     * @param actor who reads
     * @return the actor's listings
     * @throws NullPointerException naming a null argument
     * @since 0.7
     */
    public static CaseListings create(CaseService service, io.github.xinfang.cases.Actor actor) {
        Objects.requireNonNull(service, "service");
        AccessScope scope = service.accessScope(Objects.requireNonNull(actor, "actor"));
        return new CaseListings(service.store(), service.timeLimits().zone(), service.codec(), scope);
    }

    /** @return the access scope every listing of this instance is answered in */
    public AccessScope accessScope() {
        return access;
    }

    // ------------------------------------------------------------------------------------------ reports

    /**
     * Hands each case a report may count, from {@code since} on (rule P1 of {@link ReportQuery}: an event recorded since
     * then, or a duty still open), to the sink as its whole history, decoded, in case-id order, reading one keyset page
     * of {@value #REPORT_PAGE} cases at a time: what the figures of {@code io.github.xinfang.report} read, so a report
     * over a region never holds more than a page. Unlike the listings above it loads each case's events; the stored
     * snapshot is not read, so whether it is current does not matter.
     *
     * @param regionPrefix zero to six digits of a region code ({@code ""}: every region)
     * @param since the first instant of the report's earliest period (the previous period and the year before included)
     * @param sink takes each case's events, in sequence order
     * @return the number of cases handed to the sink
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits
     * @throws UnsupportedOperationException if the store does not implement {@link ReportQuery}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @since 0.6
     */
    public long forEachTouching(String regionPrefix, Instant since, Consumer<? super List<CaseEvent>> sink) {
        ReportQuery.checkArguments(regionPrefix, since, REPORT_PAGE);
        Objects.requireNonNull(sink, "sink");
        if (!(store instanceof ReportQuery query)) {
            throw new UnsupportedOperationException("the store does not implement ReportQuery: " + store.getClass().getName());
        }
        long count = 0;
        String after = null;
        List<StoredCase> page;
        do {
            page = query.touching(regionPrefix, since, after, REPORT_PAGE, access);
            for (StoredCase c : page) {
                List<CaseEvent> events = new ArrayList<>(c.events().size());
                for (StoredEvent e : c.events()) events.add(codec.decode(e));
                sink.accept(events);
                count++;
            }
            if (!page.isEmpty()) after = page.get(page.size() - 1).caseId();
        } while (page.size() == REPORT_PAGE);
        return count;
    }

    // ------------------------------------------------------------------------------------------ attention

    /**
     * One page of the cases needing attention before an instant (rule Q1 of {@link CaseQuery}), by next attention
     * instant then case id.
     *
     * @param before only cases whose next attention instant is strictly before this
     * @param regionPrefix only cases whose region code starts with this (one to six digits), or null for all
     * @param unitInvolved only cases this unit is involved in, or null for all
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param cursor the previous page's next cursor, or null for the first page
     * @return the page
     * @throws NullPointerException if before is null
     * @throws IllegalArgumentException naming {@code pageSize}, {@code regionPrefix} or {@code cursor}
     * @throws UnsupportedOperationException if the store does not implement {@link CaseQuery}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public Page<IndexRow> needingAttention(Instant before, String regionPrefix, UnitId unitInvolved, int pageSize, String cursor) {
        Objects.requireNonNull(before, "before");
        checkPageSize(pageSize);
        String unit = unitInvolved == null ? null : unitInvolved.value();
        String[] filters = {regionPrefix, unit};
        PageCursor.Position after = position(cursor, PageCursor.Listing.ATTENTION, filters);
        AttentionQuery query = new AttentionQuery(before, after == null ? null : after.at(), after == null ? null : after.caseId(),
                regionPrefix, unit, pageSize + 1);
        List<IndexRow> rows = port(CaseQuery.class).needingAttention(query, access);
        boolean more = rows.size() > pageSize;
        List<IndexRow> items = more ? rows.subList(0, pageSize) : rows;
        Optional<String> next = Optional.empty();
        if (more) {
            IndexRow last = items.get(items.size() - 1);
            Instant at = last.nextAttentionAt().orElseThrow(() -> new io.github.xinfang.persistence.StoreException(
                    "the attention query returned case " + last.caseId() + " without a next attention instant"));
            next = Optional.of(PageCursor.encode(PageCursor.Listing.ATTENTION, filters, at, last.caseId()));
        }
        return new Page<>(items, next);
    }

    // ------------------------------------------------------------------------------------------ resolution track

    /**
     * One page of a package leader's cases (rule R1 of {@link ResolutionQuery}), by case id.
     *
     * @param leader the package leader
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param cursor the previous page's next cursor, or null for the first page
     * @return the page
     * @throws NullPointerException if leader is null
     * @throws IllegalArgumentException naming {@code pageSize} or {@code cursor}
     * @throws UnsupportedOperationException if the store does not implement {@link ResolutionQuery}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public Page<IndexRow> byActiveLeader(OfficialId leader, int pageSize, String cursor) {
        String key = Objects.requireNonNull(leader, "leader").value();
        return byCaseId(PageCursor.Listing.BY_ACTIVE_LEADER, key, pageSize, cursor,
                (after, limit) -> port(ResolutionQuery.class).byActiveLeader(key, after, limit, access));
    }

    /**
     * One page of a lead unit's cases (rule R2 of {@link ResolutionQuery}), by case id.
     *
     * @param unit the lead unit
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param cursor the previous page's next cursor, or null for the first page
     * @return the page
     * @throws NullPointerException if unit is null
     * @throws IllegalArgumentException naming {@code pageSize} or {@code cursor}
     * @throws UnsupportedOperationException if the store does not implement {@link ResolutionQuery}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public Page<IndexRow> byLeadUnit(UnitId unit, int pageSize, String cursor) {
        String key = Objects.requireNonNull(unit, "unit").value();
        return byCaseId(PageCursor.Listing.BY_LEAD_UNIT, key, pageSize, cursor,
                (after, limit) -> port(ResolutionQuery.class).byLeadUnit(key, after, limit, access));
    }

    /**
     * One page of a batch's cases (rule R3 of {@link ResolutionQuery}), by case id.
     *
     * @param batch the batch
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param cursor the previous page's next cursor, or null for the first page
     * @return the page
     * @throws NullPointerException if batch is null
     * @throws IllegalArgumentException naming {@code pageSize} or {@code cursor}
     * @throws UnsupportedOperationException if the store does not implement {@link ResolutionQuery}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public Page<IndexRow> byBatch(Resolution.BatchId batch, int pageSize, String cursor) {
        String key = Objects.requireNonNull(batch, "batch").value();
        return byCaseId(PageCursor.Listing.BY_BATCH, key, pageSize, cursor,
                (after, limit) -> port(ResolutionQuery.class).byBatch(key, after, limit, access));
    }

    // ------------------------------------------------------------------------------------------ overdue

    /**
     * One page of the overdue cases of a scope as of an instant (rules O1 and O2 of {@link OverdueQuery}), by case id,
     * each with its late clocks and days late, computed from its index row alone.
     *
     * @param scope a handling unit's, a region prefix's or an active package leader's cases
     * @param asOf the instant (a clock due exactly then is late)
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @param cursor the previous page's next cursor, or null for the first page
     * @return the page
     * @throws NullPointerException if scope or asOf is null
     * @throws IllegalArgumentException naming {@code pageSize} or {@code cursor}
     * @throws UnsupportedOperationException if the store does not implement {@link OverdueQuery}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public Page<OverdueCase> overdue(OverdueScope scope, Instant asOf, int pageSize, String cursor) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        Page<IndexRow> rows = byCaseId(overdueListing(scope), scopeKey(scope), pageSize, cursor,
                (after, limit) -> port(OverdueQuery.class).overdue(scope, asOf, after, limit, access));
        List<OverdueCase> items = new ArrayList<>(rows.items().size());
        for (IndexRow row : rows.items()) items.add(overdueCase(row, asOf));
        return new Page<>(items, rows.next());
    }

    /**
     * Counts the overdue cases of a scope as of an instant (rule O3 of {@link OverdueQuery}): the total of
     * {@link #overdue}'s pages, for page totals.
     *
     * @param scope a handling unit's, a region prefix's or an active package leader's cases
     * @param asOf the instant
     * @return how many cases are overdue
     * @throws NullPointerException if scope or asOf is null
     * @throws UnsupportedOperationException if the store does not implement {@link OverdueQuery}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public long countOverdue(OverdueScope scope, Instant asOf) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        return port(OverdueQuery.class).countOverdue(scope, asOf, access);
    }

    /**
     * The late clocks of a row at an instant, with their last days and calendar days late in the service's zone.
     *
     * @throws io.github.xinfang.persistence.StoreException if the store returned a row that is not overdue then
     */
    OverdueCase overdueCase(IndexRow row, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, zone);
        List<LateClock> late = new ArrayList<>();
        for (ClockDue d : row.lateClocks(asOf)) {
            LocalDate dueOn = LocalDate.ofInstant(d.dueAt(), zone).minusDays(1);
            late.add(new LateClock(d.clock(), dueOn, d.dueAt(), Math.max(1, today.toEpochDay() - dueOn.toEpochDay())));
        }
        if (late.isEmpty()) {
            throw new io.github.xinfang.persistence.StoreException("the overdue query returned case " + row.caseId()
                    + ", which has no clock due at or before " + asOf + " (rule O1)");
        }
        return new OverdueCase(row, late);
    }

    private static PageCursor.Listing overdueListing(OverdueScope scope) {
        if (scope instanceof OverdueScope.HandlingUnit) return PageCursor.Listing.OVERDUE_BY_UNIT;
        if (scope instanceof OverdueScope.RegionPrefix) return PageCursor.Listing.OVERDUE_IN_REGION;
        if (scope instanceof OverdueScope.ActiveLeader) return PageCursor.Listing.OVERDUE_BY_LEADER;
        throw new AssertionError("unknown scope " + scope.getClass().getName());
    }

    private static String scopeKey(OverdueScope scope) {
        if (scope instanceof OverdueScope.HandlingUnit u) return u.unit();
        if (scope instanceof OverdueScope.RegionPrefix p) return p.prefix();
        if (scope instanceof OverdueScope.ActiveLeader l) return l.leader();
        throw new AssertionError("unknown scope " + scope.getClass().getName());
    }

    // ------------------------------------------------------------------------------------------ shared

    /** One page of a store listing keyed by case id. */
    private interface CaseIdListing {
        List<IndexRow> page(String afterCaseId, int limit);
    }

    /** Reads one more row than the page holds, to know whether a next page exists without a final empty page. */
    private static Page<IndexRow> byCaseId(PageCursor.Listing listing, String key, int pageSize, String cursor,
                                           CaseIdListing query) {
        checkPageSize(pageSize);
        String[] filters = {key};
        PageCursor.Position after = position(cursor, listing, filters);
        List<IndexRow> rows = query.page(after == null ? null : after.caseId(), pageSize + 1);
        boolean more = rows.size() > pageSize;
        List<IndexRow> items = more ? rows.subList(0, pageSize) : rows;
        Optional<String> next = more
                ? Optional.of(PageCursor.encode(listing, filters, null, items.get(items.size() - 1).caseId()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static PageCursor.Position position(String cursor, PageCursor.Listing listing, String[] filters) {
        return cursor == null ? null : PageCursor.decode(cursor, listing, filters);
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private <P> P port(Class<P> type) {
        if (type.isInstance(store)) return type.cast(store);
        throw new UnsupportedOperationException("the store does not implement " + type.getSimpleName() + ": "
                + store.getClass().getName());
    }

    /**
     * A cursor this listing did not make with these filters (damaged, truncated, of another listing or other filters):
     * input from a request, answered like any other invalid parameter (the starter's web support answers it 400). Its
     * message names {@code cursor} and never quotes the cursor's text.
     *
     * @since 0.4
     */
    public static final class InvalidCursorException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidCursorException(String message) {
            super(message);
        }
    }

    /**
     * One page of a keyset listing of {@link CaseListings}: its items, in the listing's order, and the opaque cursor of
     * the next page, if there is one. Pass the cursor back to the same listing, with the same filters, to read the next
     * page; its content is core's business (it encodes the last item's keyset position, see {@link CaseListings}).
     * Immutable if its items are.
     *
     * @param items the page's items, at most the page size asked for
     * @param next the cursor of the next page; empty on the last page
     * @param <T> the item type
     * @since 0.4
     */
    public record Page<T>(List<T> items, Optional<String> next) {

        /**
         * @throws NullPointerException naming a null items, element or next
         */
        public Page {
            Objects.requireNonNull(items, "items");
            Objects.requireNonNull(next, "next");
            items = List.copyOf(items);
        }

        /** @return whether a next page exists */
        public boolean hasNext() {
            return next.isPresent();
        }
    }

    /**
     * A case that is overdue (超期) at an instant: its index row and its late clocks, in clock-name order. Built from the
     * index alone, without loading the case. Immutable.
     *
     * @param row the case's index row (every column, all its clock dues)
     * @param lateClocks the clocks late at the instant asked, by clock name; never empty
     * @since 0.4
     */
    public record OverdueCase(IndexRow row, List<LateClock> lateClocks) {

        /**
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException if lateClocks is empty
         */
        public OverdueCase {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(lateClocks, "lateClocks");
            lateClocks = List.copyOf(lateClocks);
            if (lateClocks.isEmpty()) throw new IllegalArgumentException("lateClocks must not be empty");
        }

        /** @return the case id */
        public String caseId() {
            return row.caseId();
        }

        /** @return the most days one of its clocks is late */
        public long maxDaysLate() {
            long max = 0;
            for (LateClock c : lateClocks) max = Math.max(max, c.daysLate());
            return max;
        }
    }

    /**
     * One late duty clock or duty of an overdue case (超期), as of an instant, computed from the case's index row alone.
     *
     * <p>Days late are <b>calendar days</b> in the zone of the service's time limits: the instant's date minus the last
     * day of the limit ({@code dueOn}), as {@link io.github.xinfang.time.TimeLimits.ObligationStatus#daysLate()} counts them. A limit in
     * working days (the 5-working-day objection window, a regional 5-working-day acceptance clock) is still counted as
     * late by calendar days: LEGAL.md's counting rules say how a limit's last day falls, not how lateness is reported, and
     * the escalation policy's "days overdue" counts calendar days too. The day the limit ends is not late; the next day is
     * day 1. Immutable.
     *
     * @param clock the clock's name as the index stores it: a {@link ClockId} constant ({@code HANDLING}) or a duty
     *              ({@code PLAN_STEP:2.3}, see {@link io.github.xinfang.time.Obligation.DutyId})
     * @param dueOn the last day of the limit
     * @param dueAt the instant the clock became overdue (the start of the day after {@code dueOn})
     * @param daysLate calendar days past {@code dueOn}, at least 1
     * @since 0.4
     */
    public record LateClock(String clock, LocalDate dueOn, Instant dueAt, long daysLate) {

        /**
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException if clock is blank or daysLate is below 1
         */
        public LateClock {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(dueAt, "dueAt");
            if (clock.isBlank()) throw new IllegalArgumentException("clock must not be blank");
            if (daysLate < 1) throw new IllegalArgumentException("daysLate must be at least 1");
        }

        /** @return the procedure clock, if this is one (a duty such as {@code PLAN_STEP:2.3} is not) */
        public Optional<ClockId> clockId() {
            for (ClockId id : ClockId.values()) {
                if (id.name().equals(clock)) return Optional.of(id);
            }
            return Optional.empty();
        }
    }
}
