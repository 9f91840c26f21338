package io.github.xinfang.ledger;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.ledger.Ledger.Format;
import io.github.xinfang.ledger.Ledger.PersonalData;
import io.github.xinfang.ledger.Ledger.Selection;
import io.github.xinfang.persistence.XinfangException;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.testing.Journey;
import io.github.xinfang.testing.Journeys;
import io.github.xinfang.testing.Organisation;
import io.github.xinfang.testing.Organisations;
import io.github.xinfang.testing.SettableClock;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger over cases driven by generated journeys onto the resolution track, enrolled in one batch, with repeat
 * petitions, a batch id and a plan step whose text would be a formula. What a row must say comes from the commands sent (the
 * model), never from the library's own states; the XLSX is read back with Apache POI, the CSV with a parser of its own,
 * and the two must agree cell by cell.
 */
class LedgerTests {
    private static final Resolution.BatchId BATCH = new Resolution.BatchId("=第三批-2026");
    private static final LocalDate TARGET = LocalDate.of(2026, 12, 31);
    private static final LocalDate LATER = LocalDate.of(2026, 6, 1);
    private static final Instant AS_OF = Instant.parse("2026-07-01T02:00:00Z");
    private static final String FORMULA_TEXT = "=HYPERLINK(\"http://x\")走访核实";

    /** What the commands say each case's row must hold. */
    record Expected(OfficialId leader, int repeats, boolean skipped, List<String> names, List<String> idNumbers,
                    List<String> phones) {}

    private final Organisation org = Organisations.guigang();
    private final SettableClock clock = SettableClock.at(Instant.parse("2025-01-02T01:00:00Z"));
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, org.directory(), clock).build();
    private final Map<CaseId, Expected> expected = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    private final Ledger ledger = Ledger.create(service, store, org.directory());

    private void casesInTheBatch(int n) {
        SplittableRandom seeds = new SplittableRandom(20261207);
        for (int i = 0; i < n; i++) {
            CaseId id = new CaseId("XF-" + (char) ('a' + i % 3) + "-" + i);
            Journey journey = Journeys.toTrackState(org, id, Resolution.TrackState.IN_RESOLUTION, Journeys.DEFAULT_EARLIEST)
                    .next(seeds.split());
            clock.set(journey.steps().get(0).at());
            OfficialId leader = null;
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            List<CommandResult> results = journey.runOn(service, clock);
            for (int s = 0; s < results.size(); s++) {
                assertThat(results.get(s)).as(journey.toJava()).isInstanceOf(CommandResult.Applied.class);
                CaseCommand c = journey.steps().get(s).command();
                if (c instanceof ResolutionCommand.AssignPackageLeader a) leader = a.leader();
                if (c instanceof ProcedureCommand.Register r) {
                    for (PetitionForm.Petitioner p : r.petition().petitioners()) {
                        names.add(p.name());
                        if (p.idNumber() != null) ids.add(p.idNumber());
                        if (p.phone() != null) phones.add(p.phone());
                    }
                }
            }
            clock.set(LATER.atStartOfDay(Journeys.ZONE).toInstant());
            send(new ResolutionCommand.EnrolInBatch(id, key(), org.officeHeadActor(), BATCH, Resolution.IssuingLevel.CITY,
                    "第三批重复信访案件", TARGET, LATER));
            int repeats = i % 3;
            for (int r = 0; r < repeats; r++) {
                send(new ActivityCommand.RecordRepeatPetition(id, key(), org.registrarActor(), LATER, Channel.VISIT, 1,
                        r == 1 ? CaseActivity.SkippedLevel.TO_BEIJING : CaseActivity.SkippedLevel.NONE));
            }
            if (i == 0) {
                send(new ResolutionCommand.RecordPlan(id, key(), org.headOf(org.departments().get(0)),
                        List.of(new ResolutionCommand.PlanStepForm(FORMULA_TEXT, LATER.plusDays(20))), LATER));
            }
            expected.put(id, new Expected(leader, repeats, repeats > 1, names, ids, phones));
        }
    }

    private int keys;

    private IdempotencyKey key() {
        return new IdempotencyKey("ledger-test-" + keys++);
    }

    private void send(CaseCommand command) {
        assertThat(service.handle(command)).as("%s", command).isInstanceOf(CommandResult.Applied.class);
    }

    @Test
    void aBatchsRowsSayWhatTheCommandsDid() {
        casesInTheBatch(7);
        List<Ledger.Row> rows = new ArrayList<>();
        ledger.rows(Selection.batch(BATCH), AS_OF, rows::add);
        assertThat(rows).extracting(Ledger.Row::caseId).containsExactlyElementsOf(expected.keySet());
        long serial = 1;
        for (Ledger.Row row : rows) {
            Expected e = expected.get(row.caseId());
            assertThat(row.serial()).isEqualTo(serial++);
            assertThat(row.batch()).isEqualTo(BATCH.value());
            assertThat(row.targetDate()).isEqualTo(TARGET);
            assertThat(row.trackState()).isEqualTo(Resolution.TrackState.IN_RESOLUTION);
            assertThat(row.leader()).isEqualTo(e.leader());
            assertThat(row.leaderPost()).isEqualTo(org.directory().official(e.leader()).orElseThrow().post());
            assertThat(row.repeatCount()).isEqualTo(e.repeats());
            assertThat(row.skippedLevels()).isEqualTo(e.skipped() ? java.util.Set.of(CaseActivity.SkippedLevel.TO_BEIJING)
                    : java.util.Set.of());
            assertThat(row.lastProgressOn()).isEqualTo(LATER);
            assertThat(row.petitioners()).extracting(p -> p.name().value()).containsExactlyElementsOf(e.names());
        }
        assertThat(rows.get(0).planSteps()).extracting(s -> s.description().value()).containsExactly(FORMULA_TEXT);
    }

    /**
     * A ledger an actor exports lists only the batch's cases the standard access rules let it read (the store's scoped
     * listing), loads each through the audited export, and is the system ledger's rows for those cases.
     */
    @Test
    void aLedgerReadByAnActorListsExactlyTheCasesItMayRead() {
        casesInTheBatch(9);
        io.github.xinfang.service.AccessPolicy policy = io.github.xinfang.service.AccessPolicy.standard(org.directory());
        CaseService restricted = CaseService.builder(store, org.directory(), clock).accessPolicy(policy).accessAudit(store).build();
        Ledger ledger = Ledger.create(restricted, store, org.directory());
        List<Ledger.Row> all = new ArrayList<>();
        ledger.rows(Selection.batch(BATCH), AS_OF, all::add);
        assertThat(all).extracting(Ledger.Row::caseId).containsExactlyElementsOf(expected.keySet());
        List<io.github.xinfang.cases.Actor> readers = new ArrayList<>(List.of(org.officeHeadActor()));
        for (io.github.xinfang.directory.UnitId d : org.departments()) readers.add(org.headOf(d));
        int partial = 0;
        for (io.github.xinfang.cases.Actor reader : readers) {
            List<CaseId> visible = new ArrayList<>();
            for (CaseId id : expected.keySet()) {
                if (policy.mayRead(reader, service.history(id).orElseThrow().state())) visible.add(id);
            }
            if (visible.size() < expected.size()) partial++;
            List<Ledger.Row> rows = new ArrayList<>();
            ledger.readBy(reader).rows(Selection.batch(BATCH), AS_OF, rows::add);
            assertThat(rows).as("the batch ledger %s exports", reader).extracting(Ledger.Row::caseId).containsExactlyElementsOf(visible);
            List<Ledger.Row> chosen = new ArrayList<>();
            ledger.readBy(reader).rows(Selection.of(new ArrayList<>(expected.keySet())), AS_OF, chosen::add);
            assertThat(chosen).as("the selected cases' ledger %s exports", reader).extracting(Ledger.Row::caseId)
                    .containsExactlyElementsOf(visible);
            long exports = store.byActor(CaseService.actorName(reader), "", 0, 1_000).stream()
                    .filter(r -> r.entry().action() == io.github.xinfang.persistence.chain.AuditEntry.Action.EXPORT).count();
            assertThat(exports).as("every case %s asked for is an audited export", reader).isEqualTo(visible.size() + expected.size());
        }
        assertThat(partial).as("some departments see only some of the batch").isPositive();
    }

    @Test
    void theXlsxReadBackWithPoiEqualsTheCsvCellByCellAndNeverRunsAFormula() throws IOException {
        casesInTheBatch(5);
        for (PersonalData personal : PersonalData.values()) {
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            assertThat(ledger.write(Selection.batch(BATCH), AS_OF, Format.XLSX, personal, xlsx)).isEqualTo(5);
            assertThat(ledger.write(Selection.batch(BATCH), AS_OF, Format.CSV, personal, csv)).isEqualTo(5);
            List<List<String>> fromXlsx = readXlsx(xlsx.toByteArray()).get(0);
            List<List<String>> fromCsv = readCsv(csv.toByteArray());
            assertThat(fromXlsx).as(personal.name()).isEqualTo(fromCsv);
            assertThat(fromXlsx).hasSize(6);
            assertThat(fromXlsx.get(0)).startsWith("批次", "序号", "事项编号");
            String all = String.join("|", fromCsv.stream().map(r -> String.join("|", r)).toList());
            for (List<String> row : fromCsv.subList(1, fromCsv.size())) assertThat(row.get(0)).isEqualTo("'" + BATCH.value());
            if (personal == PersonalData.IN_CLEAR) {
                assertThat(all).contains("1. " + FORMULA_TEXT);
            } else {
                assertThat(all).doesNotContain(FORMULA_TEXT).contains("FreeText[" + FORMULA_TEXT.codePointCount(0, FORMULA_TEXT.length()) + " chars]");
            }
            for (Expected e : expected.values()) {
                for (String secret : concat(e.names(), e.idNumbers(), e.phones())) {
                    if (personal == PersonalData.MASKED) assertThat(all).doesNotContain(secret);
                    else assertThat(all).contains(secret);
                }
            }
        }
    }

    @Test
    void idNumbersAndPhonesAreTextCellsAndDatesAreDateCells() throws IOException {
        casesInTheBatch(3);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ledger.write(Selection.batch(BATCH), AS_OF, Format.XLSX, PersonalData.IN_CLEAR, xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> column = new LinkedHashMap<>();
            for (Cell c : sheet.getRow(0)) column.put(c.getStringCellValue(), c.getColumnIndex());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                for (String text : List.of("身份证号", "联系电话", "事项编号", "化解措施")) {
                    Cell c = row.getCell(column.get(text));
                    if (c != null) assertThat(c.getCellType()).as(text).isEqualTo(CellType.STRING);
                }
                Cell received = row.getCell(column.get("登记日期"));
                assertThat(received.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
                assertThat(row.getCell(column.get("序号")).getNumericCellValue()).isEqualTo(r);
            }
        }
    }

    @Test
    void aNewSheetStartsWhenASheetIsFullEachWithItsHeader() throws IOException {
        casesInTheBatch(7);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ledger.withRowsPerSheet(3).write(Selection.batch(BATCH), AS_OF, Format.XLSX, PersonalData.MASKED, xlsx);
        List<List<List<String>>> sheets = readXlsx(xlsx.toByteArray());
        assertThat(sheets).extracting(List::size).containsExactly(4, 4, 2);
        List<String> serials = new ArrayList<>();
        for (List<List<String>> s : sheets) {
            assertThat(s.get(0)).isEqualTo(sheets.get(0).get(0));
            for (List<String> row : s.subList(1, s.size())) serials.add(row.get(1));
        }
        assertThat(serials).containsExactly("1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void aCaseSheetHoldsItsRowAndEveryEventMasked() throws IOException {
        casesInTheBatch(1);
        CaseId id = expected.keySet().iterator().next();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        assertThat(ledger.writeCase(id, AS_OF, Format.CSV, PersonalData.MASKED, csv)).isTrue();
        List<List<String>> lines = readCsv(csv.toByteArray());
        int events = service.history(id).orElseThrow().events().size();
        int historyHeader = lines.indexOf(List.of("序号", "记录时间", "事件", "经办", "内容"));
        assertThat(lines.size() - historyHeader - 1).isEqualTo(events);
        String all = new String(csv.toByteArray(), StandardCharsets.UTF_8);
        for (String secret : concat(expected.get(id).names(), expected.get(id).idNumbers(), expected.get(id).phones())) {
            assertThat(all).doesNotContain(secret);
        }
        assertThat(ledger.writeCase(new CaseId("no-such-case"), AS_OF, Format.XLSX, PersonalData.MASKED,
                new ByteArrayOutputStream())).isFalse();
    }

    @Test
    void aFailingStreamIsATypedFailureAndBadArgumentsAreNamed() {
        casesInTheBatch(1);
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> ledger.write(Selection.batch(BATCH), AS_OF, Format.CSV, PersonalData.MASKED, broken))
                .isInstanceOf(Ledger.LedgerWriteException.class).isInstanceOf(XinfangException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> ledger.write(null, AS_OF, Format.CSV, PersonalData.MASKED, new ByteArrayOutputStream()))
                .isInstanceOf(NullPointerException.class).hasMessage("selection");
        assertThatThrownBy(() -> ledger.write(Selection.batch(BATCH), AS_OF, Format.CSV, null, new ByteArrayOutputStream()))
                .isInstanceOf(NullPointerException.class).hasMessage("personal");
        assertThatThrownBy(() -> Ledger.create(null, store, org.directory())).isInstanceOf(NullPointerException.class)
                .hasMessage("service");
    }

    @Test
    void csvCellsAreQuotedAndNeutralisedAsRfc4180AndSpreadsheetsWant() {
        assertThat(Sheets.neutralised("=1+1")).isEqualTo("'=1+1");
        assertThat(Sheets.neutralised("+86 138")).isEqualTo("'+86 138");
        assertThat(Sheets.neutralised("-5")).isEqualTo("'-5");
        assertThat(Sheets.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Sheets.neutralised("\tx")).isEqualTo("'\tx");
        assertThat(Sheets.neutralised("张三")).isEqualTo("张三");
        assertThat(readCsv(("\uFEFFa,\"b,\"\"c\"\"\",\"d\r\ne\"\r\n").getBytes(StandardCharsets.UTF_8)))
                .containsExactly(List.of("a", "b,\"c\"", "d\r\ne"));
    }

    // ------------------------------------------------------------------ independent readers

    /** Every sheet's rows as the texts a reader sees (dates ISO, numbers whole). */
    private static List<List<List<String>>> readXlsx(byte[] bytes) throws IOException {
        List<List<List<String>>> sheets = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : book) {
                List<List<String>> rows = new ArrayList<>();
                int width = sheet.getRow(0).getLastCellNum();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < width; c++) {
                        Cell cell = sheet.getRow(r).getCell(c);
                        if (cell == null) cells.add("");
                        else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                        } else {
                            assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC);
                            cells.add(text.formatCellValue(cell));
                        }
                    }
                    rows.add(cells);
                }
                sheets.add(rows);
            }
        }
        return sheets;
    }

    /** RFC 4180 with a UTF-8 byte order mark, as a spreadsheet program reads it. */
    private static List<List<String>> readCsv(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        assertThat(s).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row.size() == 1 && row.get(0).isEmpty() ? List.of() : row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell.length() + row.size()).as("the CSV ends with CRLF").isZero();
        return rows;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) all.addAll(l);
        return all;
    }
}
