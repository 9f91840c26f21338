package io.github.xinfang.petition;

/**
 * How a petition reached the office (信访渠道). Immutable.
 *
 * @since 0.1
 */
public enum Channel {
    /** 来信: a letter. */
    LETTER,
    /** 来访: a visit in person. */
    VISIT,
    /** 网上信访: an online form. */
    ONLINE,
    /** 12345 热线: the citizen hotline. */
    HOTLINE_12345,
    /** 书记信箱/区长信箱: a leader's mailbox. */
    LEADER_MAILBOX,
    /** 信访代办: filed by an agent on the petitioner's behalf. */
    AGENT
}
