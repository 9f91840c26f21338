package io.github.xinfang.spring.boot;

import io.github.xinfang.calendar.Coverage;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.time.TimeLimits;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import java.time.InstantSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds {@code xinfang} to the actuator's info: the library's and the schema's versions, and the official work
 * calendar's coverage, with a warning when its final part ends within {@code xinfang.calendar.warn-days} days (load the
 * next State Council notice before then: due dates after it are provisional). Thread-safe.
 *
 * @since 0.4
 */
public final class XinfangInfoContributor implements InfoContributor {
    /** A region of the national calendar without regional overlays, for its coverage. */
    private static final RegionCode NATIONAL = new RegionCode("110000");

    private final CaseStore store;
    private final TimeLimits limits;
    private final InstantSource clock;
    private final int warnDays;

    /**
     * @param store the case store
     * @param limits the time limits
     * @param clock the application's clock
     * @param warnDays how many days before the end of final coverage to warn
     */
    public XinfangInfoContributor(CaseStore store, TimeLimits limits, InstantSource clock, int warnDays) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.warnDays = warnDays;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> info = new LinkedHashMap<>();
        String version = TimeLimits.class.getPackage().getImplementationVersion();
        info.put("version", version == null ? "unknown" : version);
        if (store instanceof JdbcCaseStore jdbc) {
            try {
                info.put("schemaVersion", jdbc.schemaVersion());
            } catch (RuntimeException e) {
                info.put("schemaVersion", "unreadable: " + e.getClass().getName());
            }
        }
        info.put("calendar", calendar());
        builder.withDetail("xinfang", info);
    }

    /** @return the calendar's coverage, and a warning when its final part ends soon */
    Map<String, Object> calendar() {
        Coverage coverage = limits.calendar(NATIONAL).coverage();
        LocalDate today = LocalDate.ofInstant(clock.instant(), limits.zone());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("first", coverage.first().toString());
        out.put("last", coverage.last().toString());
        out.put("finalThrough", coverage.finalThrough().toString());
        long left = coverage.finalThrough().toEpochDay() - today.toEpochDay();
        if (left < warnDays) {
            out.put("warning", "the official work calendar is final only through " + coverage.finalThrough()
                    + (left < 0 ? " (passed)" : " (" + left + " days left)")
                    + ": load the next State Council holiday notice; later due dates are provisional");
        }
        return out;
    }
}
