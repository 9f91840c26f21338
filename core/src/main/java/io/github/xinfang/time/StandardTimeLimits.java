package io.github.xinfang.time;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.petition.RegionCode;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TimeLimits} from a {@link ProfileCatalogue} and the official work calendar, with the shipped regional
 * overlays (e.g. Guangxi's 壮族三月三 for region codes starting 45), as {@link TimeLimits#standard()} and
 * {@link TimeLimits#builder()} make them. Immutable and thread-safe.
 *
 * <p>{@link TimeLimits#standard()} uses the shipped profiles and the national calendar with
 * {@link WorkCalendar.UncoveredDatePolicy#WEEKENDS_ONLY}: a due date beyond the last loaded notice is computed on
 * Saturday/Sunday rules and reported provisional ({@link TimeLimits.ObligationStatus#dueIsFinal()} false), so cases near the
 * end of a year keep working; build with {@link WorkCalendar.UncoveredDatePolicy#FAIL} to get a
 * {@code WorkCalendar.CoverageException} instead.
 */
final class StandardTimeLimits implements TimeLimits {
    private final ProfileCatalogue profiles;
    private final WorkCalendar national;
    private final Map<String, WorkCalendar> byPrefix;
    private final String defaultProfile;
    private final ZoneId zone;

    StandardTimeLimits(ProfileCatalogue profiles, WorkCalendar national, Map<String, WorkCalendar> byPrefix,
                       String defaultProfile, ZoneId zone) {
        this.profiles = profiles;
        this.national = national;
        this.byPrefix = byPrefix;
        this.defaultProfile = defaultProfile;
        this.zone = zone;
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
}
