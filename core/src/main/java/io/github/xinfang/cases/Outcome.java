package io.github.xinfang.cases;

/**
 * The outcome of a handling opinion for a 申诉求决类 matter (Art. 32). Immutable.
 *
 * @since 0.1
 */
public enum Outcome {
    /** 予以支持. */
    SUPPORTED,
    /** 解释说明: reasonable but without legal basis. */
    EXPLAINED,
    /** 不予支持. */
    NOT_SUPPORTED
}
