package io.github.xinfang.report;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Published figures of petition bureaus (shared/data/bureau-figures.md), reproduced through the case service. */
class FiguresExamplesTests {
    private final TestClock clock = TestClock.at("2026-01-05T02:00:00Z");
    private final CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock)
            .timeLimits(TimeLimits.standard()).build();
    private final List<CaseId> ids = new ArrayList<>();
    private int keys;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private void apply(CaseCommand c) {
        CommandResult r = service.handle(c);
        assertThat(r).as("%s: %s", c, r).isInstanceOf(CommandResult.Applied.class);
    }

    /** Moves the clock to 10:00 of a day, so that no fact is recorded before its date. */
    private void at(LocalDate day) {
        clock.set(day.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private IdempotencyKey key() {
        return new IdempotencyKey("k" + keys++);
    }

    private CaseId register(String region, boolean first, Category category, LocalDate on) {
        CaseId id = new CaseId("E-" + ids.size());
        at(on);
        apply(new ProcedureCommand.Register(id, key(), Org.clerk(), new PetitionForm(on, Channel.LETTER, category, "城乡建设", region,
                first, first ? null : ids.get(0), List.of(new PetitionForm.Petitioner("韦秀英", null, null, null)), 1, null, "房屋质量。"), null));
        ids.add(id);
        return id;
    }

    private void conclude(CaseId id, LocalDate routedOn, LocalDate approvedOn) {
        at(routedOn);
        apply(new ProcedureCommand.Route(id, key(), Org.clerk(), Org.HOUSING, routedOn));
        apply(new ProcedureCommand.Accept(id, key(), Org.staffOf(Org.HOUSING), routedOn));
        at(approvedOn);
        apply(new ProcedureCommand.ProposeConclusion(id, key(), Org.staffOf(Org.HOUSING), service.history(id).orElseThrow().state().petition().category() == Category.CLAIM ? Outcome.SUPPORTED : null, "已答复。", approvedOn));
        apply(new ProcedureCommand.ApproveConclusion(id, key(), Org.headOf(Org.HOUSING), approvedOn));
    }

    private List<List<CaseEvent>> histories() {
        List<List<CaseEvent>> out = new ArrayList<>();
        for (CaseId id : ids) out.add(service.history(id).orElseThrow().events());
        return out;
    }

    @Test
    void nineHundredOfNineHundredTwentyFourClaimedIs97Point4PercentAnd42Of126SubstantivelyResolvedIs33Point3() {
        Resolution.BatchId third = new Resolution.BatchId("第三批"), second = new Resolution.BatchId("第二批");
        for (int i = 0; i < 924 + 126; i++) {
            boolean inThird = i < 924;
            CaseId id = register("450802", true, Category.CLAIM, d("2025-12-01"));
            at(d("2026-03-10"));
            apply(new ResolutionCommand.EnrolInBatch(id, key(), Org.officeHead(), inThird ? third : second, Resolution.IssuingLevel.CITY,
                    "重复信访积案", d("2026-06-30"), d("2026-03-10")));
            if (inThird && i >= 900) continue;
            at(d("2026-03-20"));
            apply(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.CITY_DEPUTY, Org.HOUSING, List.of(Org.HOUSING_STAFF), List.of(),
                    d("2026-03-20")));
            at(d("2026-06-10"));
            apply(new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.HOUSING), !inThird && i - 924 < 42
                    ? Resolution.ResolutionKind.SUBSTANTIVE : Resolution.ResolutionKind.PROCEDURAL, "已化解", d("2026-06-10")));
            at(d("2026-06-20"));
            if (!inThird) apply(new ResolutionCommand.ApproveResolution(id, key(), Org.officeHead(), d("2026-06-20")));
        }
        clock.set(Instant.parse("2026-07-01T01:00:00Z"));
        Figures.Report june = Figures.of(TimeLimits.standard(), Period.month(YearMonth.of(2026, 6)), clock.instant(),
                Figures.Grouping.batch()).acceptAll(histories()).report();

        Figures.Change claimed = june.figure(Figures.Metric.CLAIMED_RESOLUTION, third.value());
        assertThat(claimed.current()).isEqualTo(new Ratio(900, 924, Ratio.Unit.CASES));
        assertThat(claimed.current().percent()).hasValue(new BigDecimal("97.4"));
        assertThat(claimed.previous()).as("in May nothing was claimed yet").isEqualTo(new Ratio(0, 924, Ratio.Unit.CASES));
        assertThat(claimed.pointsSincePrevious()).hasValue(new BigDecimal("97.40"));
        assertThat(claimed.yearEarlier().isEmpty()).as("the batch did not exist a year earlier").isTrue();
        assertThat(claimed.pointsSinceYearEarlier()).isEmpty();

        assertThat(june.figure(Figures.Metric.SUBSTANTIVE_RESOLUTION, second.value()).current())
                .isEqualTo(new Ratio(42, 126, Ratio.Unit.CASES));
        assertThat(june.figure(Figures.Metric.SUBSTANTIVE_RESOLUTION, second.value()).current().percent()).hasValue(new BigDecimal("33.3"));
        assertThat(june.figure(Figures.Metric.RESOLUTION, second.value()).current().percent()).hasValue(new BigDecimal("100.0"));
        assertThat(june.total(Figures.Metric.CLAIMED_RESOLUTION).current()).isEqualTo(new Ratio(1026, 1050, Ratio.Unit.CASES));
        // the second batch's claims were approved, so both tracks' return rates are zero of their claims
        assertThat(june.total(Figures.Metric.RESOLUTION_RETURNS).current()).isEqualTo(new Ratio(0, 1026, Ratio.Unit.PETITIONS));

        // as known on 15 June, the second batch was claimed but not yet approved
        Figures.Report early = Figures.of(TimeLimits.standard(), Period.month(YearMonth.of(2026, 6)), Instant.parse("2026-06-15T01:00:00Z"),
                Figures.Grouping.batch()).acceptAll(histories()).report();
        assertThat(early.figure(Figures.Metric.RESOLUTION, second.value()).current()).isEqualTo(new Ratio(0, 126, Ratio.Unit.CASES));
    }

    @Test
    void firstContactResolutionOf94Point65PercentCountsOnlyConclusionsWhoseWindowHasClosed() {
        // 187 first petitions concluded in March 2026; 10 petitioned again within 90 days, one only after 100 days
        for (int i = 0; i < 187; i++) {
            CaseId id = register("450821", true, Category.SUGGESTION, d("2026-02-20"));
            conclude(id, d("2026-02-21"), d("2026-03-02").plusDays(i % 28));
            if (i < 10) {
                at(d("2026-04-20"));
                apply(new ActivityCommand.RecordRepeatPetition(id, key(), Org.clerk(), d("2026-04-20"), Channel.VISIT, 1,
                        CaseActivity.SkippedLevel.NONE));
            }
        }
        CaseId late = ids.get(28); // concluded on 2 March: its window ended on 31 May
        clock.set(Instant.parse("2026-06-20T01:00:00Z"));
        apply(new ActivityCommand.RecordRepeatPetition(late, key(), Org.clerk(), d("2026-06-20"), Channel.VISIT, 1, CaseActivity.SkippedLevel.NONE));
        clock.set(Instant.parse("2026-07-10T01:00:00Z"));
        Figures.Report march = Figures.of(TimeLimits.standard(), Period.month(YearMonth.of(2026, 3)), clock.instant(),
                Figures.Grouping.handlingUnit()).acceptAll(histories()).report();
        Ratio firstContact = march.total(Figures.Metric.FIRST_CONTACT_RESOLUTION).current();
        assertThat(firstContact).isEqualTo(new Ratio(177, 187, Ratio.Unit.CASES));
        assertThat(firstContact.percent(2)).hasValue(new BigDecimal("94.65"));
        assertThat(march.figure(Figures.Metric.FIRST_CONTACT_RESOLUTION, Org.HOUSING.value()).current()).isEqualTo(firstContact);

        // on 15 June the windows of the conclusions after 16 March were still open: only the earlier ones count
        Figures.Report june = Figures.of(TimeLimits.standard(), Period.month(YearMonth.of(2026, 3)), Instant.parse("2026-06-15T01:00:00Z"),
                Figures.Grouping.none()).acceptAll(histories()).report();
        long closed = 0;
        for (int i = 0; i < 187; i++) if (d("2026-03-02").plusDays(i % 28).plusDays(90).isBefore(d("2026-06-15"))) closed++;
        assertThat(june.total(Figures.Metric.FIRST_CONTACT_RESOLUTION).current().denominator()).isEqualTo(closed).isLessThan(187);
        // no petition arrived in March; the 187 registrations of February are the previous period's
        assertThat(march.volumes(Figures.Dimension.CHANNEL, Ratio.Unit.PETITIONS, null))
                .containsExactly(Map.entry("LETTER", new Figures.Volume(0, 187, 0)));
    }

    @Test
    void sixCountiesOnTheBlackListOfAHalfYearAndTheFastestOnTheRedList() {
        // county code, cases, of which concluded on time (the national handling limit is 60 days)
        Object[][] counties = {{"450881", 10, 10}, {"450802", 10, 9}, {"450803", 8, 7}, {"450804", 5, 2}, {"450821", 6, 2},
                {"450822", 10, 6}, {"450823", 5, 3}, {"450824", 8, 6}, {"450825", 10, 8}, {"450826", 3, 0}};
        for (Object[] c : counties) {
            for (int i = 0; i < (int) c[1]; i++) {
                CaseId id = register((String) c[0], true, Category.CLAIM, d("2026-01-05"));
                conclude(id, d("2026-01-06"), i < (int) c[2] ? d("2026-02-20") : d("2026-04-20"));
            }
        }
        clock.set(Instant.parse("2026-07-01T01:00:00Z"));
        Figures.Report half = Figures.of(TimeLimits.standard(), Period.halfYear(d("2026-03-01")), clock.instant(),
                Figures.Grouping.region(6)).acceptAll(histories()).report();
        Ranking ranking = Ranking.of(half, Figures.Metric.ON_TIME_CONCLUSION, 5);

        assertThat(ranking.top(1)).extracting(Ranking.Entry::id).containsExactly("450881");          // 桂平市
        assertThat(ranking.bottom(6)).extracting(Ranking.Entry::id)
                .containsExactly("450821", "450804", "450822", "450823", "450824", "450825");          // 平南县, 覃塘区, ...
        assertThat(ranking.red()).extracting(Ranking.Entry::id).containsExactly("450881", "450802", "450803", "450825", "450824",
                "450822", "450823", "450804", "450821");
        assertThat(ranking.belowMinimum()).extracting(Ranking.Entry::id).containsExactly("450826");
        assertThat(ranking.black().get(0).ratio()).isEqualTo(new Ratio(2, 6, Ratio.Unit.CASES));
        assertThatThrownBy(() -> Ranking.of(half, Figures.Metric.ON_TIME_CONCLUSION, 0)).hasMessageContaining("minimumVolume");
    }

    @Test
    void misuseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Figures.of(TimeLimits.standard(), null, Instant.EPOCH, Figures.Grouping.none()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> Figures.Grouping.region(3)).hasMessageContaining("regionDigits");
        assertThatThrownBy(() -> new Figures.Options(0, true)).hasMessageContaining("firstContactWindowDays");
        Figures f = Figures.of(TimeLimits.standard(), Period.year(2026), Instant.EPOCH, Figures.Grouping.none());
        assertThatThrownBy(() -> f.accept(List.of())).hasMessageContaining("history");
        assertThatThrownBy(() -> Ranking.of(f.report(), Figures.Metric.RESOLUTION, 1)).hasMessageContaining("report");
    }

    /** Every figure and volume of a report, comparable with equals. */
    static Map<String, Object> everything(Figures.Report r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cases", r.cases());
        List<String> groups = new ArrayList<>(r.groups());
        groups.add(null);
        for (String g : groups) {
            for (Figures.Metric m : Figures.Metric.values()) out.put(g + "/" + m, g == null ? r.total(m) : r.figure(m, g));
            for (Figures.Dimension d : Figures.Dimension.values()) {
                for (Ratio.Unit u : List.of(Ratio.Unit.PETITIONS, Ratio.Unit.PERSONS, Ratio.Unit.GROUP_VISITS)) {
                    out.put(g + "/" + d + "/" + u, r.volumes(d, u, g));
                }
            }
        }
        return out;
    }
}
