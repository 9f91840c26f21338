package io.github.xinfang.time;

import io.github.xinfang.calendar.CalendarOverlay;
import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.petition.RegionCode;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TimeLimits} from a {@link ProfileCatalogue} and the official work calendar, with the shipped regional
 * overlays (e.g. Guangxi's 壮族三月三 for region codes starting 45). Immutable and thread-safe.
 *
 * <p>{@link #create()} uses the shipped profiles and the national calendar with
 * {@link WorkCalendar.UncoveredDatePolicy#WEEKENDS_ONLY}: a due date beyond the last loaded notice is computed on
 * Saturday/Sunday rules and reported provisional ({@link TimeLimits.ClockStatus#dueIsFinal()} false), so cases near the
 * end of a year keep working; build with {@link WorkCalendar.UncoveredDatePolicy#FAIL} to get a
 * {@code WorkCalendar.CoverageException} instead.
 *
 * @since 0.1
 */
public final class StandardTimeLimits implements TimeLimits {
    private final ProfileCatalogue profiles;
    private final WorkCalendar national;
    private final Map<String, WorkCalendar> byPrefix;
    private final String defaultProfile;
    private final ZoneId zone;

    private StandardTimeLimits(ProfileCatalogue profiles, WorkCalendar national, Map<String, WorkCalendar> byPrefix,
                               String defaultProfile, ZoneId zone) {
        this.profiles = profiles;
        this.national = national;
        this.byPrefix = byPrefix;
        this.defaultProfile = defaultProfile;
        this.zone = zone;
    }

    /** @return the shipped profiles on the official calendar, uncovered dates provisional on weekend rules */
    public static StandardTimeLimits create() {
        return builder().build();
    }

    /** @return a builder starting from the shipped profiles and calendar */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<Profile> profile(String id) {
        return profiles.get(id);
    }

    @Override
    public WorkCalendar calendar(RegionCode region) {
        Objects.requireNonNull(region, "region");
        String code = region.value();
        for (int len = 6; len >= 1; len--) {
            WorkCalendar c = byPrefix.get(code.substring(0, len));
            if (c != null) return c;
        }
        return national;
    }

    @Override
    public String defaultProfile() {
        return defaultProfile;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    /**
     * Builds {@link StandardTimeLimits}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private ProfileCatalogue profiles;
        private WorkCalendar.UncoveredDatePolicy policy = WorkCalendar.UncoveredDatePolicy.WEEKENDS_ONLY;
        private final List<io.github.xinfang.calendar.CalendarSource> sources = new ArrayList<>();
        private List<CalendarOverlay> overlays;
        private String defaultProfile = NATIONAL_2022;
        private ZoneId zone = WorkCalendar.DEFAULT_ZONE;

        private Builder() {}

        /**
         * @param profiles the profiles (default: {@link ProfileCatalogue#shipped()})
         * @return this builder
         */
        public Builder profiles(ProfileCatalogue profiles) {
            this.profiles = Objects.requireNonNull(profiles, "profiles");
            return this;
        }

        /**
         * @param policy what an uncovered date does (default {@link WorkCalendar.UncoveredDatePolicy#WEEKENDS_ONLY})
         * @return this builder
         */
        public Builder uncoveredDates(WorkCalendar.UncoveredDatePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param source an extra calendar source (e.g. next year's notice in holiday-cn format), overriding earlier ones
         * @return this builder
         */
        public Builder calendarSource(io.github.xinfang.calendar.CalendarSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * @param overlays the regional overlays (default: {@link CalendarOverlay#shipped()})
         * @return this builder
         */
        public Builder overlays(List<CalendarOverlay> overlays) {
            this.overlays = List.copyOf(overlays);
            return this;
        }

        /**
         * @param id the profile a case gets when registration names none (default {@code national-2022})
         * @return this builder
         */
        public Builder defaultProfile(String id) {
            this.defaultProfile = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param zone the zone in which instants become dates (default Asia/Shanghai)
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @return the time limits
         * @throws IllegalArgumentException if the default profile is not in the catalogue
         */
        public StandardTimeLimits build() {
            ProfileCatalogue p = profiles == null ? ProfileCatalogue.shipped() : profiles;
            if (p.get(defaultProfile).isEmpty()) throw new IllegalArgumentException("defaultProfile is not in the catalogue");
            List<CalendarOverlay> ov = overlays == null ? CalendarOverlay.shipped() : overlays;
            List<CalendarOverlay> everywhere = new ArrayList<>();
            Map<String, List<CalendarOverlay>> grouped = new LinkedHashMap<>();
            for (CalendarOverlay o : ov) {
                if (o.regionPrefix().isEmpty()) everywhere.add(o);
                else grouped.computeIfAbsent(o.regionPrefix(), k -> new ArrayList<>(everywhere)).add(o);
            }
            WorkCalendar national = calendar(everywhere);
            Map<String, WorkCalendar> byPrefix = new LinkedHashMap<>();
            grouped.forEach((prefix, list) -> {
                List<CalendarOverlay> all = new ArrayList<>(everywhere);
                for (CalendarOverlay o : list) if (!all.contains(o)) all.add(o);
                byPrefix.put(prefix, calendar(all));
            });
            return new StandardTimeLimits(p, national, Map.copyOf(byPrefix), defaultProfile, zone);
        }

        private WorkCalendar calendar(List<CalendarOverlay> overlays) {
            WorkCalendar.Builder b = WorkCalendar.builder().national().uncoveredDates(policy);
            for (io.github.xinfang.calendar.CalendarSource s : sources) b.withSource(s);
            for (CalendarOverlay o : overlays) b.withOverlay(o);
            return b.build();
        }
    }
}
