package io.github.xinfang.cases;

/**
 * A statutory channel a claim is redirected into (Art. 31(1) to (5)). Immutable.
 *
 * @since 0.1
 */
public enum LegalChannel {
    /** 诉讼. */
    LITIGATION,
    /** 仲裁. */
    ARBITRATION,
    /** 行政复议. */
    ADMINISTRATIVE_RECONSIDERATION,
    /** 党员申诉. */
    PARTY_MEMBER_APPEAL,
    /** 其他法定途径. */
    OTHER_STATUTORY
}
