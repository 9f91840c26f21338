package io.github.xinfang.time;

/**
 * The status of one clock at an instant. Immutable.
 *
 * @since 0.1
 */
public enum ClockState {
    /** Running, outside its warning window. */
    RUNNING,
    /** Running, inside its warning window (预警). */
    DUE_SOON,
    /** A duty past its due instant (超期). */
    OVERDUE,
    /** Met on or before its due date. */
    MET,
    /** Met after its due date. */
    MET_LATE,
    /** Paused (a hearing in re-review). */
    PAUSED,
    /** A window past its end without being used. */
    LAPSED,
    /** Stopped without being met (terminal stage, objection, reopening, ...). */
    STOPPED
}
