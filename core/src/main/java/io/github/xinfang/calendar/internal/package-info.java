/**
 * Internals of the work calendar: parsers for the shipped text format and the holiday-cn JSON format,
 * the parsed notice records and the weekday arithmetic used outside coverage.
 *
 * <p>Not an API: types here may change in any release. Jackson is used only in this package.
 *
 * @since 0.1
 */
package io.github.xinfang.calendar.internal;
