package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.IndexRow;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The ten index columns of {@code xf_case}, in schema order: the one table from which the adapter builds the column
 * lists of its statements (insert, update, index-row replacement, every select of rows) and binds and reads the
 * columns, in every dialect. The schema scripts declare the columns; this table names them, says their JDBC type
 * (the one a null is bound as) and how an {@link IndexRow} is bound to and read from them. Instants are stored as
 * exact decimals of epoch seconds ({@link Instants}); days as {@code DATE}, bound and read as {@link java.time.LocalDate}
 * (JDBC 4.2).
 */
enum IndexColumn {
    INDEX_SCHEMA_VERSION("index_schema_version", Types.INTEGER,
            (ps, i, type, row) -> ps.setInt(i, row.schemaVersion()), (rs, i, b) -> b.schemaVersion(rs.getInt(i))),
    STAGE("stage", Types.VARCHAR,
            (ps, i, type, row) -> ps.setString(i, row.stage()), (rs, i, b) -> b.stage(rs.getString(i))),
    REGION_CODE("region_code", Types.VARCHAR,
            (ps, i, type, row) -> ps.setString(i, row.regionCode()), (rs, i, b) -> b.regionCode(rs.getString(i))),
    HANDLING_UNIT("handling_unit", Types.VARCHAR,
            string(IndexRow::handlingUnit), (rs, i, b) -> b.handlingUnit(rs.getString(i))),
    NEXT_ATTENTION_AT("next_attention_at", Types.DECIMAL,
            instant(IndexRow::nextAttentionAt), (rs, i, b) -> readInstant(rs, i).ifPresent(b::nextAttentionAt)),
    TRACK_STATE("track_state", Types.VARCHAR,
            string(IndexRow::trackState), (rs, i, b) -> b.trackState(rs.getString(i))),
    ACTIVE_LEADER("active_leader", Types.VARCHAR,
            string(IndexRow::activeLeader), (rs, i, b) -> b.activeLeader(rs.getString(i))),
    LEAD_UNIT("lead_unit", Types.VARCHAR,
            string(IndexRow::leadUnit), (rs, i, b) -> b.leadUnit(rs.getString(i))),
    EARLIEST_DUE_AT("earliest_due_at", Types.DECIMAL,
            instant(IndexRow::earliestDueAt), (rs, i, b) -> readInstant(rs, i).ifPresent(b::earliestDueAt)),
    LAST_PETITION_ON("last_petition_on", Types.DATE,
            (ps, i, type, row) -> {
                if (row.lastPetitionOn().isPresent()) ps.setObject(i, row.lastPetitionOn().get(), type);
                else ps.setNull(i, type);
            }, (rs, i, b) -> b.lastPetitionOn(rs.getObject(i, java.time.LocalDate.class)));

    /** Binds a row's value of the column to a statement parameter; a null as the column's JDBC type. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, int index, int sqlType, IndexRow row) throws SQLException;
    }

    /** Reads the column of a result row into a row builder. */
    @FunctionalInterface
    interface Reader {
        void read(ResultSet rs, int index, IndexRow.Builder row) throws SQLException;
    }

    /** How many index columns there are (and parameters {@link #bindAll} binds). */
    static final int COUNT = values().length;

    private final String column;
    private final int sqlType;
    private final Binder binder;
    private final Reader reader;

    IndexColumn(String column, int sqlType, Binder binder, Reader reader) {
        this.column = column;
        this.sqlType = sqlType;
        this.binder = binder;
        this.reader = reader;
    }

    /** @return the column's name in {@code xf_case} */
    String column() {
        return column;
    }

    /** @return the JDBC type (from {@link Types}) a null of this column is bound as */
    int sqlType() {
        return sqlType;
    }

    /**
     * @param prefix put before each name: {@code "c."} for the table alias, or {@code ""}
     * @return the columns in schema order, comma-separated ({@code c.index_schema_version, c.stage, ...})
     */
    static String names(String prefix) {
        StringJoiner names = new StringJoiner(", ");
        for (IndexColumn c : values()) names.add(prefix + c.column);
        return names.toString();
    }

    /** @return the columns in schema order as assignments of parameters ({@code index_schema_version = ?, ...}) */
    static String assignments() {
        StringJoiner set = new StringJoiner(", ");
        for (IndexColumn c : values()) set.add(c.column + " = ?");
        return set.toString();
    }

    /** Binds every index column of a row, in schema order, from parameter {@code first} on. */
    static void bindAll(PreparedStatement ps, int first, IndexRow row) throws SQLException {
        for (IndexColumn c : values()) c.binder.bind(ps, first + c.ordinal(), c.sqlType, row);
    }

    /** Reads every index column, in schema order, from result column {@code first} on, into a row builder. */
    static IndexRow.Builder readAll(ResultSet rs, int first, IndexRow.Builder row) throws SQLException {
        for (IndexColumn c : values()) c.reader.read(rs, first + c.ordinal(), row);
        return row;
    }

    private static Binder string(Function<IndexRow, Optional<String>> value) {
        return (ps, i, type, row) -> {
            Optional<String> v = value.apply(row);
            if (v.isPresent()) {
                ps.setString(i, v.get());
            } else {
                ps.setNull(i, type);
            }
        };
    }

    private static Binder instant(Function<IndexRow, Optional<Instant>> value) {
        return (ps, i, type, row) -> {
            Optional<Instant> v = value.apply(row);
            if (v.isPresent()) {
                ps.setBigDecimal(i, Instants.toDecimal(v.get()));
            } else {
                ps.setNull(i, type);
            }
        };
    }

    private static Optional<Instant> readInstant(ResultSet rs, int index) throws SQLException {
        BigDecimal at = rs.getBigDecimal(index);
        return at == null ? Optional.empty() : Optional.of(Instants.fromDecimal(at));
    }
}
