package io.github.xinfang.examples.year;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The year demo as a program: the same seed gives the same report, another seed another one; the HTML stands alone; the
 * ledger opens with a row per case and masks personal data; nothing personal is printed; the generator meets the bureau's
 * published shares at the default size; a resume needs a run to resume.
 */
class DistrictYearRunTests {

    @Test
    void theSameSeedGivesTheSameReportAndAnotherSeedAnotherOne(@TempDir Path again, @TempDir Path other) throws IOException {
        SmallYear first = SmallYear.shared();
        SmallYear second = SmallYear.run(again, first.seed(), first.petitions());
        assertThat(second.html()).isEqualTo(first.html());
        assertThat(report(second.out())).isEqualTo(report(first.out()));
        assertThat(second.result().commands()).isEqualTo(first.result().commands());

        SmallYear third = SmallYear.run(other, first.seed() + 1, first.petitions());
        assertThat(third.html()).isNotEqualTo(first.html());
    }

    @Test
    void theHtmlReportStandsAloneWithItsChartsInline() {
        Document doc = Jsoup.parse(SmallYear.shared().html());
        assertThat(doc.select("svg")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(doc.select("svg#chart-volumes rect.bar")).hasSize(12);
        assertThat(doc.select("script, link, img, iframe, object, embed")).isEmpty();
        for (Element e : doc.getAllElements()) {
            for (String attribute : List.of("src", "href", "xlink:href")) assertThat(e.attr(attribute)).as(e.tagName()).isEmpty();
        }
        assertThat(doc.select("style").html()).doesNotContain("url(", "@import");
    }

    @Test
    void theLedgerOpensWithARowPerCaseAndNoPersonalData() throws IOException {
        SmallYear run = SmallYear.shared();
        assertThat(run.out()).contains(run.result().ledger().toAbsolutePath().toString(), run.result().html().toAbsolutePath().toString());
        Set<String> names = new HashSet<>(PetitionGenerator.possibleNames());
        Set<String> ids = new HashSet<>();
        try (InputStream in = Files.newInputStream(run.result().ledger()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            int idColumn = -1;
            for (Cell c : sheet.getRow(0)) if (c.getStringCellValue().equals("事项编号")) idColumn = c.getColumnIndex();
            assertThat(idColumn).isNotNegative();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                ids.add(row.getCell(idColumn).getStringCellValue());
                for (Cell c : row) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) assertThat(names).doesNotContain(c.getStringCellValue());
                }
            }
        }
        assertThat(ids).hasSize((int) run.result().cases());
        assertThat(ids).allMatch(id -> id.startsWith("GB-" + DistrictYearDemo.YEAR + "-"));
    }

    @Test
    void nothingPersonalIsPrintedOrWrittenToTheReport() {
        SmallYear run = SmallYear.shared();
        for (String name : PetitionGenerator.possibleNames()) {
            assertThat(run.out()).doesNotContain(name);
            assertThat(run.html()).doesNotContain(name);
        }
    }

    @Test
    void theGeneratorMeetsTheBureausPublishedSharesAtTheDefaultSize() {
        WorkCalendar calendar = CaseService.builder(InMemoryCaseStore.create(), District.directory(), InstantSource.fixed(Instant.EPOCH))
                .build().timeLimits().calendar(District.REGION_CODE);
        List<GeneratedPetition> year = PetitionGenerator.generate(DistrictYearDemo.DEFAULT_SEED, DistrictYearDemo.YEAR,
                DistrictYearDemo.DEFAULT_PETITIONS, calendar);
        assertThat(year).hasSizeGreaterThanOrEqualTo(3000);
        double repeats = year.stream().filter(GeneratedPetition::isRepeat).count() / (double) year.size();
        double fiveAreas = year.stream().filter(p -> District.FIVE_AREAS.contains(p.subjectArea())).count() / (double) year.size();
        assertThat(repeats).as("repeat petitions (about 30%)").isBetween(0.27, 0.34);
        assertThat(fiveAreas).as("five subject areas (about 60%)").isBetween(0.55, 0.65);
        assertThat(year.stream().map(GeneratedPetition::channel).collect(Collectors.toSet())).containsExactlyInAnyOrder(Channel.values());
        assertThat(year.stream().map(GeneratedPetition::township).collect(Collectors.toSet())).hasSize(District.TOWNSHIPS.size());
        assertThat(year).anyMatch(GeneratedPetition::isGroup)
                .anyMatch(p -> p.skippedLevel() != io.github.xinfang.cases.CaseActivity.SkippedLevel.NONE);
        assertThat(year).allMatch(p -> p.receivedOn().getYear() == DistrictYearDemo.YEAR)
                .allMatch(p -> p.channel() != Channel.VISIT || calendar.isWorkingDay(p.receivedOn()));
        // the cluster: most of the estate's petitions fall within four weeks
        List<LocalDate> estate = year.stream().filter(p -> GeneratedPetition.CLUSTER_TAG.equals(p.tag())).map(GeneratedPetition::receivedOn).toList();
        GeneratedPetition.ClusterNote note = GeneratedPetition.clusterNote(year);
        assertThat(note.inWindow()).isGreaterThan(estate.size() / 2).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aResumeNeedsARunToResume(@TempDir Path empty) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DistrictYearDemo.run(new String[] {"--dir", empty.toString(), "--resume"}, out, System.nanoTime()))
                .isInstanceOf(YearDemoException.class).hasMessageContaining("nothing to resume");
        assertThatThrownBy(() -> DistrictYearDemo.run(new String[] {"--petitions", "10"}, out, System.nanoTime()))
                .isInstanceOf(YearDemoException.class);
    }

    @Test
    void aRunStoppedPartWayAndResumedEndsWithTheUninterruptedRunsReport(@TempDir Path stopped) {
        SmallYear whole = SmallYear.shared();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] common = {"--dir", stopped.toString(), "--seed", String.valueOf(whole.seed()), "--petitions",
                String.valueOf(whole.petitions())};
        // stopped after the city batch arrived and again after the leader's handover, resumed each time
        DistrictYearDemo.Result first = DistrictYearDemo.run(with(common, "--stop-after", "2025-04-17"), quiet, System.nanoTime());
        assertThat(first.html()).as("a stopped run writes no report").isNull();
        assertThatThrownBy(() -> DistrictYearDemo.run(with(common, "--resume", "--seed", "8"), quiet, System.nanoTime()))
                .isInstanceOf(YearDemoException.class).hasMessageContaining("seed");
        DistrictYearDemo.run(with(common, "--resume", "--stop-after", "2025-08-29"), quiet, System.nanoTime());
        SmallYear resumed = SmallYear.run(stopped, whole.seed(), whole.petitions(), "--resume");

        assertThat(resumed.out()).contains("Resuming after 2025-08-29");
        assertThat(bureauReport(resumed.out())).isEqualTo(bureauReport(whole.out()));
        assertThat(withoutRunNote(resumed.html())).isEqualTo(withoutRunNote(whole.html()));
        assertThat(resumed.result().cases()).isEqualTo(whole.result().cases());
    }

    private static String[] with(String[] common, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The bureau's report as printed: from its heading to the files' paths. */
    private static String bureauReport(String out) {
        int from = out.indexOf("== 港北区信访局");
        int to = out.indexOf("Report (HTML");
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return out.substring(from, to);
    }

    /** The HTML without its note on the run (its seed and how many commands this run handled). */
    private static String withoutRunNote(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("p.note").first().remove();
        return doc.outerHtml();
    }

    /** What a run printed, without the lines that name its directory or its time. */
    private static String report(String out) {
        return out.lines().filter(l -> !l.contains(" at /") && !l.contains(": /") && !l.startsWith("Done in"))
                .map(l -> l.replaceAll("\\s+\\[\\d+\\.\\d s]$", "")).collect(Collectors.joining("\n"));
    }
}
