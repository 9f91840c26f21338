/**
 * The official work calendar: which dates are working days under the State Council's yearly holiday
 * notices (国务院办公厅关于部分节假日安排的通知), regional overlays, and time limits counted on it.
 *
 * <p>Entry point: {@link io.github.xinfang.calendar.WorkCalendar}, built with
 * {@link io.github.xinfang.calendar.WorkCalendar#chinaNational()},
 * {@link io.github.xinfang.calendar.WorkCalendar#forRegion(String)} or
 * {@link io.github.xinfang.calendar.WorkCalendar#builder()}. Data comes from the notices shipped with the
 * library ({@link io.github.xinfang.calendar.CalendarSource#national()}) and from files a portal supplies
 * in the holiday-cn JSON format ({@link io.github.xinfang.calendar.CalendarSource#holidayCn(java.io.Reader,
 * String)}). A {@link io.github.xinfang.calendar.TimeLimit} computes a due date on a calendar following
 * Chinese counting rules.
 *
 * <p>A calendar knows which dates it covers and which of its answers are final
 * ({@link io.github.xinfang.calendar.Coverage}); what it does for a date it does not cover is decided when
 * it is built ({@link io.github.xinfang.calendar.WorkCalendar.UncoveredDatePolicy}).
 *
 * @since 0.1
 */
package io.github.xinfang.calendar;
