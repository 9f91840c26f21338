package io.github.xinfang.cases;

/**
 * How a unit contacted the petitioner (联系方式). Immutable.
 *
 * @since 0.1
 */
public enum ContactKind {
    /** 电话联系: a phone call; meets the "1-2-3" contact clock. */
    PHONE,
    /** 见面: a meeting; meets the contact and meeting clocks. */
    MEETING,
    /** 走访: a home visit; meets the contact and meeting clocks. */
    HOME_VISIT,
    /** 约访: an appointment at the office; meets the contact and meeting clocks. */
    APPOINTMENT
}
