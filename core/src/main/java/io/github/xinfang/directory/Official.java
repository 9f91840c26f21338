package io.github.xinfang.directory;

import io.github.xinfang.text.TextRule;

import java.util.Objects;

/**
 * An official of the organisation directory. The official's name is not held here: the directory works
 * with ids, so nothing personal travels through the case history. Immutable.
 *
 * @param id the official's id
 * @param unit the unit the official belongs to
 * @param post the post held (e.g. {@code 副县长}), portal-defined
 * @param rank the official's rank on the portal's ladder (e.g. {@code 县处级正职}), portal-defined
 * @param principal whether the official is a principal leader (主要领导, 党政一把手)
 * @since 0.1
 */
public record Official(OfficialId id, UnitId unit, String post, String rank, boolean principal) {
    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if post or rank breaks {@link io.github.xinfang.text.TextRule#LINE} (at most 200)
     */
    public Official {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        TextRule.LINE.require(post, "post", 200);
        TextRule.LINE.require(rank, "rank", 200);
    }
}
