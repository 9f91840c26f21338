package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.AccessScope;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An {@link AccessScope} as a SQL condition over {@code xf_case c} and its access rows ({@code xf_case_access}, schema
 * version 8): what every scoped query appends to its {@code WHERE} before ordering and limiting, so that the database
 * evaluates the scope and a page holds only rows in it. {@link AccessScope#everything()} adds nothing. Ids that cannot be
 * stored (a NUL, a lone surrogate) match no stored row and are left out. Immutable.
 *
 * <p>The condition: no access row of kind {@code X} (an accused unit) or {@code Y} (an accused official) names an excluded
 * party; and the region code starts with one of the prefixes (a {@code LIKE} over digits, nothing to escape), or an access
 * row of kind {@code U} or {@code O} names one of the scope's units or officials (over the primary key
 * {@code (case_id, kind, party_id)}, by case).
 */
final class ScopeSql {
    private static final ScopeSql NONE = new ScopeSql("", List.of());

    private final String condition;
    private final List<String> parameters;

    private ScopeSql(String condition, List<String> parameters) {
        this.condition = condition;
        this.parameters = parameters;
    }

    /**
     * @param scope the scope
     * @param storable which ids a store can hold
     * @return the scope's condition
     */
    static ScopeSql of(AccessScope scope, Predicate<String> storable) {
        if (scope.isEverything()) return NONE;
        StringBuilder sql = new StringBuilder();
        List<String> params = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        kind("X", scope.excludedUnits(), storable, "x", excluded, params);
        kind("Y", scope.excludedOfficials(), storable, "x", excluded, params);
        if (!excluded.isEmpty()) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM xf_case_access x WHERE x.case_id = c.case_id AND (")
                    .append(String.join(" OR ", excluded)).append("))");
        }
        List<String> any = new ArrayList<>();
        for (String prefix : scope.regionPrefixes()) {
            any.add("c.region_code LIKE ?");
            params.add(prefix + "%");
        }
        List<String> parties = new ArrayList<>();
        kind("U", scope.units(), storable, "a", parties, params);
        kind("O", scope.officials(), storable, "a", parties, params);
        if (!parties.isEmpty()) {
            any.add("EXISTS (SELECT 1 FROM xf_case_access a WHERE a.case_id = c.case_id AND (" + String.join(" OR ", parties) + "))");
        }
        sql.append(any.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", any) + ")");
        return new ScopeSql(sql.toString(), List.copyOf(params));
    }

    private static void kind(String kind, Set<String> ids, Predicate<String> storable, String alias, List<String> terms,
                             List<String> params) {
        List<String> kept = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (storable.test(id)) kept.add(id);
        }
        if (kept.isEmpty()) return;
        StringBuilder term = new StringBuilder("(").append(alias).append(".kind = '").append(kind).append("' AND ")
                .append(alias).append(".party_id IN (");
        for (int i = 0; i < kept.size(); i++) term.append(i == 0 ? "?" : ", ?");
        terms.add(term.append("))").toString());
        params.addAll(kept);
    }

    /** @return the condition to append to a {@code WHERE} over {@code xf_case c}: empty, or starting with {@code " AND "} */
    String condition() {
        return condition;
    }

    /**
     * Binds the condition's parameters.
     *
     * @param ps the statement
     * @param first the index of the condition's first parameter
     * @return the index after the condition's last parameter
     */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (String p : parameters) ps.setString(i++, p);
        return i;
    }
}
