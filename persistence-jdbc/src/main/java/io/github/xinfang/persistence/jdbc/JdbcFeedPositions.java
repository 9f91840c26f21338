package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.TransientStoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The positions of the change feed's followers (a projection, a notifier, a search index), one row per follower name
 * in xinfang's table {@code xf_feed_positions} (schema version 5, in the store's schema), read and written on the
 * connection of the caller's open transaction: so a follower's effects and its new position commit together or not at
 * all, and a follower's row stays locked while one node handles a batch, so two nodes never hand the same change on.
 *
 * <p>A follower's unit of work is one transaction of the caller's: {@link #lock} the row (inserted at position 0 the
 * first time), read the changes after that position ({@code CaseService.changesAfter} or {@link JdbcCaseStore#changesAfter}),
 * apply each change's effects on the same transaction's connection, {@link #save} the position of the last change
 * handled, commit. If anything fails, roll back: the effects and the position go together, and the next transaction
 * hands the same changes on again. Another node locking the same follower meanwhile waits for the commit (up to the
 * database's lock timeout) and then reads the saved position.
 *
 * <pre>{@code
 * JdbcTransactions transactions = new JdbcTransactions(pool);
 * JdbcCaseStore store = JdbcCaseStore.builder(pool).participating(transactions).build();
 * JdbcFeedPositions positions = JdbcFeedPositions.of(store);
 * transactions.inTransaction(connection -> {
 *     long from = positions.lock("search-index");           // other nodes wait here until this transaction ends
 *     List<CaseChange> changes = service.changesAfter(from, 100);
 *     for (CaseChange change : changes) index(connection, change);   // the portal's own writes
 *     if (!changes.isEmpty()) positions.save("search-index", changes.get(changes.size() - 1).position());
 *     return null;
 * });
 * }</pre>
 *
 * <p>Run these transactions at READ COMMITTED (PostgreSQL's and H2's default, and MySQL's with the README's settings):
 * on PostgreSQL a row saved since a REPEATABLE READ transaction began cannot be locked in it (a serialisation failure,
 * thrown as a {@link TransientStoreException}), and on MySQL REPEATABLE READ transactions inserting the same new
 * follower can deadlock.
 * Follower names are 1 to {@value #MAX_FOLLOWER_LENGTH} characters: ASCII letters, digits, {@code .}, {@code _},
 * {@code :} and {@code -}, starting with a letter or digit ({@link #checkFollower}); they compare exactly (case
 * matters). To replay a follower from the start or skip a change it cannot handle, update or delete its row by hand
 * while no node runs it.
 *
 * <p>Immutable and thread-safe; the transactions are the binding's, per thread.
 *
 * @since 0.4
 */
public final class JdbcFeedPositions {

    /** The longest follower name, in characters. */
    public static final int MAX_FOLLOWER_LENGTH = 100;

    private static final Pattern FOLLOWER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_FOLLOWER_LENGTH - 1) + "}");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;
    private final TransactionBinding transactions;

    private JdbcFeedPositions(JdbcCaseStore store, TransactionBinding transactions) {
        this.dataSource = store.dataSource();
        this.dialect = store.dialect();
        this.tables = store.tables();
        this.transactions = transactions;
    }

    /**
     * The positions in a participating store's schema, on the connections of the store's own {@link TransactionBinding}
     * (so in the same transactions as the store's commits).
     *
     * @param store a store built with {@link JdbcCaseStore.Builder#participating}
     * @return the positions
     * @throws NullPointerException if store is null
     * @throws IllegalArgumentException if the store runs its own transactions (use {@link #of(JdbcCaseStore, TransactionBinding)})
     */
    public static JdbcFeedPositions of(JdbcCaseStore store) {
        Objects.requireNonNull(store, "store");
        if (store.binding() == null) {
            throw new IllegalArgumentException("store runs transactions of its own (not participating): pass the"
                    + " TransactionBinding of the transactions the followers run in, of(store, binding)");
        }
        return new JdbcFeedPositions(store, store.binding());
    }

    /**
     * The positions in a store's schema (and dialect), on the connections of a binding's transactions; for a store
     * that runs its own transactions, or to follow in transactions other than the store's.
     *
     * @param store the store whose schema holds the positions
     * @param transactions the transactions the followers run in; over the store's database
     * @return the positions
     * @throws NullPointerException naming a null argument
     */
    public static JdbcFeedPositions of(JdbcCaseStore store, TransactionBinding transactions) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(transactions, "transactions");
        return new JdbcFeedPositions(store, transactions);
    }

    /**
     * Checks a follower name: 1 to {@value #MAX_FOLLOWER_LENGTH} characters, ASCII letters, digits, {@code .},
     * {@code _}, {@code :} and {@code -}, starting with a letter or digit (e.g. {@code search-index},
     * {@code portal.notifications:v2}).
     *
     * @param follower the name
     * @return the name
     * @throws NullPointerException if follower is null
     * @throws IllegalArgumentException naming the rule the name breaks
     */
    public static String checkFollower(String follower) {
        Objects.requireNonNull(follower, "follower");
        if (!FOLLOWER.matcher(follower).matches()) {
            throw new IllegalArgumentException("follower must be 1 to " + MAX_FOLLOWER_LENGTH + " characters: ASCII letters,"
                    + " digits, '.', '_', ':' and '-', starting with a letter or digit; got \"" + follower + "\"");
        }
        return follower;
    }

    /**
     * Locks a follower's row for the rest of the caller's transaction and reads its position. A follower without a row
     * gets one at position 0 first: at READ COMMITTED, inserted and committed at once on a connection of the store's
     * own (so a rolled-back transaction leaves it at 0, and when several nodes insert the same new follower at once, one
     * insert wins and the others find its row); above READ COMMITTED, which would not see that row, inserted in the
     * caller's transaction (there, nodes racing to insert the same new follower can meet a serialisation failure or a
     * deadlock: a {@link TransientStoreException}). The caller's transaction then locks it. Another transaction locking
     * the same follower waits until this one commits or rolls back, then reads what it saved.
     *
     * @param follower the follower's name ({@link #checkFollower})
     * @return the position of the last change the follower has handled, 0 for none
     * @throws NullPointerException if follower is null
     * @throws IllegalArgumentException if follower is not a valid name
     * @throws TransientStoreException if the lock was not granted in time, or the database rolled the caller's
     *     transaction back (a deadlock on MySQL): roll back and try again
     * @throws StoreException if no transaction is open on this thread, the connection is in auto-commit, a row another
     *     transaction inserted stays invisible to the caller's (which runs above READ COMMITTED: roll back and try
     *     again), or the database fails (the caller's transaction should then be rolled back)
     */
    public long lock(String follower) {
        checkFollower(follower);
        Connection c = transactionConnection("lock the position of follower " + follower);
        return onCaller(c, "locking the position of follower " + follower + " failed", tx -> {
            OptionalLong locked = selectForUpdate(tx, follower);
            if (locked.isPresent()) return locked.getAsLong();
            if (tx.getTransactionIsolation() <= Connection.TRANSACTION_READ_COMMITTED) {
                insertIfMissing(follower);
            } else {
                insertInTransaction(tx, follower);
            }
            locked = selectForUpdate(tx, follower);
            if (locked.isPresent()) return locked.getAsLong();
            throw new StoreException("the position row of follower " + follower + " was inserted by another transaction"
                    + " that this one, running above READ COMMITTED, does not see: roll back and try again (and run"
                    + " followers' transactions at READ COMMITTED)");
        });
    }

    /**
     * Inserts a follower's row at position 0 on a connection of the store's own, committed at once, unless another
     * node's insert got there first (it waits for that node's transaction if it has not committed yet). Not in the
     * caller's transaction: a duplicate key there would leave a shared lock on the row that, on MySQL, two waiting
     * nodes could not both upgrade (a deadlock).
     */
    private void insertIfMissing(String follower) throws SQLException {
        try (Connection own = dataSource.getConnection()) {
            boolean autoCommit = own.getAutoCommit();
            if (!autoCommit) own.setAutoCommit(true);
            try (PreparedStatement ps = tables.prepare(own, "INSERT INTO xf_feed_positions (follower, position) VALUES (?, 0)")) {
                ps.setString(1, follower);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!dialect.isUniqueViolation(e)) throw e;   // another node inserted it: lock theirs
            } finally {
                if (!autoCommit) own.setAutoCommit(false);
            }
        }
    }

    /**
     * Inserts a follower's row at position 0 in the caller's transaction (above READ COMMITTED), inside a savepoint: a
     * duplicate key (another node inserted it and committed) is undone to the savepoint and the row is then locked.
     */
    private void insertInTransaction(Connection c, String follower) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = tables.prepare(c, "INSERT INTO xf_feed_positions (follower, position) VALUES (?, 0)")) {
            ps.setString(1, follower);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (dialect.rolledBackTheTransaction(e)) throw e;
            try {
                c.rollback(savepoint);
            } catch (SQLException undo) {
                e.addSuppressed(undo);
                throw e;
            }
            if (dialect.isUniqueViolation(e)) return;   // another node's row: lock theirs
            throw e;
        }
        c.releaseSavepoint(savepoint);
    }

    private OptionalLong selectForUpdate(Connection c, String follower) throws SQLException {
        try (PreparedStatement ps = tables.prepare(c, "SELECT position FROM xf_feed_positions WHERE follower = ? FOR UPDATE")) {
            ps.setString(1, follower);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Saves a follower's position in the caller's transaction: it commits with the transaction's other writes (the
     * effects of the changes handled), or not at all. Lock the row first in the same transaction ({@link #lock}), so
     * no other node moved it meanwhile. A position only moves forward: saving one lower than the row holds is refused.
     *
     * @param follower the follower's name ({@link #checkFollower})
     * @param position the position of the last change handled, at least the one saved
     * @throws NullPointerException if follower is null
     * @throws IllegalArgumentException if follower is not a valid name or position is negative
     * @throws StoreException if no transaction is open on this thread, the follower has no row (lock it first), the row
     *     holds a higher position, or the database fails
     */
    public void save(String follower, long position) {
        checkFollower(follower);
        if (position < 0) throw new IllegalArgumentException("position must not be negative");
        Connection c = transactionConnection("save the position of follower " + follower);
        onCaller(c, "saving the position of follower " + follower + " failed", tx -> {
            int updated;
            try (PreparedStatement ps = tables.prepare(tx, "UPDATE xf_feed_positions SET position = ?, updated_at = CURRENT_TIMESTAMP"
                    + " WHERE follower = ? AND position <= ?")) {
                ps.setLong(1, position);
                ps.setString(2, follower);
                ps.setLong(3, position);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                OptionalLong held = read(tx, follower);
                throw new StoreException(held.isEmpty()
                        ? "follower " + follower + " has no position row: lock it first, in the same transaction"
                        : "follower " + follower + " is at position " + held.getAsLong() + ", after " + position
                                + ": a position only moves forward (was the row locked in this transaction?)");
            }
            return null;
        });
    }

    /**
     * Reads a follower's position without locking it: on the connection of the caller's transaction if one is open
     * (seeing its own saves), otherwise as last committed, on a connection of the store's own. For monitoring.
     *
     * @param follower the follower's name ({@link #checkFollower})
     * @return the position, or empty if the follower has no row yet
     * @throws NullPointerException if follower is null
     * @throws IllegalArgumentException if follower is not a valid name
     * @throws StoreException if the database fails
     */
    public OptionalLong position(String follower) {
        checkFollower(follower);
        return reading("reading the position of follower " + follower + " failed", c -> read(c, follower));
    }

    /**
     * Reads every follower's position without locking, as {@link #position} does. For monitoring.
     *
     * @return the positions by follower name, in name order; unmodifiable
     * @throws StoreException if the database fails
     */
    public Map<String, Long> positions() {
        return reading("reading the followers' positions failed", c -> {
            Map<String, Long> all = new TreeMap<>();
            try (PreparedStatement ps = tables.prepare(c, "SELECT follower, position FROM xf_feed_positions");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) all.put(rs.getString(1), rs.getLong(2));
            }
            return Collections.unmodifiableMap(all);
        });
    }

    private OptionalLong read(Connection c, String follower) throws SQLException {
        try (PreparedStatement ps = tables.prepare(c, "SELECT position FROM xf_feed_positions WHERE follower = ?")) {
            ps.setString(1, follower);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** A read on one connection. */
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T reading(String failure, Read<T> read) {
        Connection caller = currentConnection();
        if (caller == null) {
            try (Connection c = dataSource.getConnection()) {
                return read.run(c);
            } catch (SQLException e) {
                throw new StoreException(failure, e);
            }
        }
        return onCaller(caller, failure, read);
    }

    /**
     * Runs work on the connection of the caller's transaction and hands the connection back, telling the binding of a
     * failure (so that the caller's transaction is rolled back); an {@link SQLException} becomes a store exception.
     */
    private <T> T onCaller(Connection c, String failure, Read<T> work) {
        Throwable failed = null;
        try {
            return work.run(c);
        } catch (SQLException e) {
            failed = failed(failure, e);
            throw (RuntimeException) failed;
        } catch (RuntimeException | Error e) {
            failed = e;
            throw e;
        } finally {
            release(c, failed);
        }
    }

    /** @return the connection of the transaction open on this thread, or null */
    private Connection currentConnection() {
        try {
            return transactions.currentConnection().orElse(null);
        } catch (SQLException e) {
            throw new StoreException("could not get the connection of the caller's transaction", e);
        }
    }

    /** @return the connection of the caller's open transaction, not in auto-commit */
    private Connection transactionConnection(String what) {
        Connection c = currentConnection();
        if (c == null) {
            throw new StoreException("no transaction is open on this thread to " + what + ": a follower's position is locked"
                    + " and saved inside the transaction that handles its changes (JdbcTransactions.inTransaction, or the"
                    + " application's transaction manager over the same DataSource)");
        }
        Throwable failure = null;
        try {
            if (c.getAutoCommit()) {
                throw new StoreException("the connection of the caller's transaction is in auto-commit mode: cannot " + what
                        + " for the length of a transaction");
            }
            return c;
        } catch (SQLException e) {
            failure = new StoreException("could not read the caller's connection's auto-commit mode", e);
            throw (StoreException) failure;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (failure != null) release(c, failure);
        }
    }

    /** The exception for a failed statement: transient failures are {@link TransientStoreException}s. */
    private StoreException failed(String message, SQLException e) {
        if (dialect.rolledBackTheTransaction(e)) {
            return new TransientStoreException(message + " (a deadlock): the database rolled back the caller's whole"
                    + " transaction, which must be retried whole", e);
        }
        if (dialect.isTransient(e)) {
            return new TransientStoreException(message + " for a transient reason (a lock wait timed out or a deadlock):"
                    + " roll back and try again", e);
        }
        return new StoreException(message, e);
    }

    /** Hands the caller's connection back to the binding; a failure of that joins {@code failure}, or is thrown. */
    private void release(Connection c, Throwable failure) {
        try {
            transactions.release(c);
        } catch (SQLException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw new StoreException("handing the caller's connection back failed", e);
            }
        }
    }
}
