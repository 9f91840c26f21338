package io.github.xinfang.time;

import io.github.xinfang.petition.Category;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time-limit rules decisions need: the last day of the objection, review and re-review windows, the
 * extension cap and which categories have a handling clock, per profile. Counting follows DESIGN.md
 * section 2: the day of the starting fact is not counted; a calendar-day limit ending on a non-working day
 * ends on the next working day; a working-day limit counts working days only.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface TimeLimits {

    /** The id of the national profile under the 2022 《信访工作条例》. */
    String NATIONAL_2022 = "national-2022";

    /**
     * @param profile a profile id
     * @return whether this object knows the profile
     */
    boolean knowsProfile(String profile);

    /** @return the profile a case gets when registration names none */
    default String defaultProfile() {
        return NATIONAL_2022;
    }

    /** @return the zone in which instants become dates (Asia/Shanghai by default) */
    default ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }

    /**
     * @param profile the case's profile
     * @param unitReceivedOn the day the handling unit received the matter
     * @return the last day an objection may be raised (Art. 23(3): 5 working days)
     */
    LocalDate objectionWindowLastDay(String profile, LocalDate unitReceivedOn);

    /**
     * @param profile the case's profile
     * @param replyServedOn the day the written reply was served
     * @return the last day a review may be requested (Art. 35: 30 days)
     */
    LocalDate reviewWindowLastDay(String profile, LocalDate replyServedOn);

    /**
     * @param profile the case's profile
     * @param opinionServedOn the day the review opinion was served
     * @return the last day a re-review may be requested (Art. 36: 30 days)
     */
    LocalDate reReviewWindowLastDay(String profile, LocalDate opinionServedOn);

    /**
     * @param profile the case's profile
     * @param category the case's category
     * @return whether the profile gives the category a handling clock (nationally: 申诉求决类 only)
     */
    boolean hasHandlingClock(String profile, Category category);

    /**
     * @param profile the case's profile
     * @return the longest extension of the handling limit, in days (nationally 30)
     */
    int maxExtensionDays(String profile);
}
