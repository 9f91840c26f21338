package io.github.xinfang.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where xinfang's tables are: every statement the store prepares names them through this, qualified with the
 * configured schema, so a store never reads or writes a same-named table of another schema on the connection's search
 * path. Immutable.
 */
final class Tables {
    /** Every table of the adapter's schema is named {@code xf_...}; no column or alias is. */
    private static final Pattern TABLE = Pattern.compile("(?<![A-Za-z0-9_.\"])xf_");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String schema;

    /** @param schema the schema name (already checked), or null for the connection's current schema */
    Tables(String schema) {
        this.schema = schema;
    }

    /** @return the schema name, or null for the connection's current schema */
    String schema() {
        return schema;
    }

    /** @return the statement with its {@code xf_} table names qualified by the schema, if one is configured */
    String sql(String sql) {
        return schema == null ? sql : TABLE.matcher(sql).replaceAll(schema + ".xf_");
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql(sql));
    }

    static String checkSchemaName(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be an unquoted SQL identifier (a letter or underscore, then"
                    + " letters, digits or underscores, at most 63 characters), got \"" + schema + "\"");
        }
        return schema;
    }
}
