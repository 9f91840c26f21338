package io.github.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the shipped national calendar against an independent transcription of the notices: the
 * holiday-cn files in the folder named by the system property {@code xinfang.holidayCn}.
 *
 * <p>Not part of the normal build (the folder need not exist there): run it with the
 * {@code holiday-crosscheck} profile of core, e.g.
 * {@code mvn -B -pl core -am verify -Pholiday-crosscheck -Dxinfang.holidayCn=/abs/path/holiday-cn}.
 */
class HolidayCnCrossCheckTests {
    private static final int FIRST_YEAR = 2007;
    private static final int LAST_YEAR = 2026;

    private static Path folder() {
        String property = System.getProperty("xinfang.holidayCn");
        assertThat(property).as("system property xinfang.holidayCn (folder of holiday-cn year files)").isNotBlank();
        Path folder = Path.of(property);
        assertThat(folder).as("holiday-cn folder").isDirectory();
        return folder;
    }

    /** The oracle, read with plain Jackson (not xinfang's reader): every listed date, later files winning. */
    private static Map<LocalDate, Boolean> oracleListedOffDays(Path folder) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<LocalDate, Boolean> listed = new TreeMap<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR + 1; year++) {
            Path file = folder.resolve(year + ".json");
            if (year <= LAST_YEAR) {
                assertThat(file).as("holiday-cn file for " + year).isRegularFile();
            } else if (!Files.exists(file)) {
                continue;
            }
            JsonNode root = mapper.readTree(file.toFile());
            assertThat(root.get("year").intValue()).as(file + " year").isEqualTo(year);
            for (JsonNode day : root.get("days")) {
                listed.put(LocalDate.parse(day.get("date").textValue()), day.get("isOffDay").booleanValue());
            }
        }
        return listed;
    }

    private static boolean oracleIsWorkingDay(Map<LocalDate, Boolean> listed, LocalDate date) {
        Boolean off = listed.get(date);
        if (off != null) {
            return !off;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Test
    void everyDateOfEveryCoveredYearAgreesWithHolidayCn() throws IOException {
        Map<LocalDate, Boolean> listed = oracleListedOffDays(folder());
        WorkCalendar calendar = WorkCalendar.chinaNational();
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (LocalDate d = LocalDate.of(FIRST_YEAR, 1, 1); !d.isAfter(LocalDate.of(LAST_YEAR, 12, 31)); d = d.plusDays(1)) {
            boolean expected = oracleIsWorkingDay(listed, d);
            if (calendar.isWorkingDay(d) != expected) {
                disagreements.add(d + " " + d.getDayOfWeek() + ": holiday-cn says " + (expected ? "working" : "off"));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(7305);
        assertThat(disagreements).as("dates where the shipped calendar disagrees with holiday-cn").isEmpty();
    }

    @Test
    void theCalendarReadFromTheHolidayCnFilesEqualsTheShippedOne() throws IOException {
        Path folder = folder();
        WorkCalendar.Builder builder = WorkCalendar.builder();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            Path file = folder.resolve(year + ".json");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                builder.withHolidayCn(reader, file.getFileName().toString());
            }
        }
        WorkCalendar fromFiles = builder.build();
        WorkCalendar shipped = WorkCalendar.chinaNational();
        assertThat(fromFiles.coverage().last()).isEqualTo(shipped.coverage().last());
        List<LocalDate> disagreements = new ArrayList<>();
        for (LocalDate d = LocalDate.of(FIRST_YEAR, 1, 1); !d.isAfter(LocalDate.of(LAST_YEAR, 12, 31)); d = d.plusDays(1)) {
            if (fromFiles.isWorkingDay(d) != shipped.isWorkingDay(d)) {
                disagreements.add(d);
            }
        }
        assertThat(disagreements).isEmpty();
        LocalDate start = LocalDate.of(FIRST_YEAR, 1, 1);
        assertThat(fromFiles.workingDaysBetween(start, LocalDate.of(LAST_YEAR, 12, 31)))
                .isEqualTo(shipped.workingDaysBetween(start, LocalDate.of(LAST_YEAR, 12, 31)));
    }
}
