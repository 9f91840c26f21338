package io.github.xinfang.cases;

/**
 * The state of a case on the resolution track (积案化解, DESIGN.md section 5). A case that was never
 * designated backlog has no track state. Immutable.
 *
 * @since 0.2
 */
public enum TrackState {
    /** 待包案: on the track, no package leader assigned. */
    OPEN("待包案"),
    /** 化解中: a package leader is assigned. */
    IN_RESOLUTION("化解中"),
    /** 已申请化解: a resolution was claimed and awaits approval. */
    CLAIMED("已申请化解"),
    /** 已化解销号: the resolution was approved (crossed off). */
    RESOLVED("已销号");

    private final String chinese;

    TrackState(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }
}
