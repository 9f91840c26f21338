package io.github.xinfang.time;

/**
 * A duty (something a unit must do: its breach is 超期) or a window (something the petitioner or a unit
 * may do: it lapses, never "overdue"). Immutable.
 *
 * @since 0.1
 */
public enum ClockKind {
    /** A unit's duty. */
    DUTY,
    /** A window that may lapse. */
    WINDOW
}
