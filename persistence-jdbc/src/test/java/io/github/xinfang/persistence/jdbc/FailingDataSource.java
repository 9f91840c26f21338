package io.github.xinfang.persistence.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source whose connections fail after a number of statement executions, as a connection dropping mid-commit
 * does: the failure hook of rule S8 in the conformance kit. It wraps a working pool; every {@code execute...} call of
 * a statement its connections create counts, and once the count is spent each further one throws
 * {@link SQLNonTransientConnectionException} without reaching the database. Everything else (commit, rollback,
 * close) goes through, so a failed transaction is rolled back for real and the pooled connection stays clean.
 */
final class FailingDataSource {

    private FailingDataSource() {}

    /**
     * @param pool the working data source
     * @param executions how many statement executions succeed (0: the first fails)
     * @return a data source over {@code pool} whose connections fail after that many executions, counted together
     */
    static DataSource failingAfter(DataSource pool, int executions) {
        AtomicInteger left = new AtomicInteger(executions);
        return watching(pool, c -> {
            if (left.getAndDecrement() <= 0) {
                throw new SQLNonTransientConnectionException("simulated: the connection dropped after " + executions
                        + " statements", "08006");
            }
        }, call -> { });
    }

    /**
     * Statement executions, told apart by whether their connection was in auto-commit (a read the store makes on its
     * own) or in a transaction (a commit's statements).
     */
    static final class Executions {
        final AtomicInteger autoCommit = new AtomicInteger();
        final AtomicInteger inTransaction = new AtomicInteger();
        /** Explicit {@code commit()} calls. */
        final AtomicInteger commits = new AtomicInteger();
        /** Reads and changes of a connection's isolation level (on pgjdbc, each is a statement of its own). */
        final AtomicInteger isolationCalls = new AtomicInteger();

        void reset() {
            autoCommit.set(0);
            inTransaction.set(0);
            commits.set(0);
            isolationCalls.set(0);
        }
    }

    /**
     * @param pool the working data source
     * @param executions where to count
     * @return a data source over {@code pool} that counts every statement execution, commit and isolation level call of
     *     its connections
     */
    static DataSource counting(DataSource pool, Executions executions) {
        return watching(pool, c -> (c.getAutoCommit() ? executions.autoCommit : executions.inTransaction).incrementAndGet(),
                call -> {
                    if (call.equals("commit")) executions.commits.incrementAndGet();
                    if (call.endsWith("TransactionIsolation")) executions.isolationCalls.incrementAndGet();
                });
    }

    /** Runs before each statement execution, with the statement's connection; throws to fail the execution. */
    private interface BeforeExecute {
        void run(Connection c) throws SQLException;
    }

    /**
     * A data source over {@code pool} whose connections run {@code beforeExecute} before every {@code execute...} call of
     * a statement they create, and {@code onCall} with the name of every method called on them; everything else goes
     * through.
     */
    private static DataSource watching(DataSource pool, BeforeExecute beforeExecute,
                                       java.util.function.Consumer<String> onCall) {
        return proxy(DataSource.class, pool, (target, m, a) -> {
            Object result = invoke(m, target, a);
            if (!m.getName().equals("getConnection")) return result;
            return proxy(Connection.class, (Connection) result, (c, cm, ca) -> {
                onCall.accept(cm.getName());
                Object made = invoke(cm, c, ca);
                if (made instanceof CallableStatement) return watched(CallableStatement.class, made, c, beforeExecute);
                if (made instanceof PreparedStatement) return watched(PreparedStatement.class, made, c, beforeExecute);
                if (made instanceof Statement) return watched(Statement.class, made, c, beforeExecute);
                return made;
            });
        });
    }

    private static <T> T watched(Class<T> type, Object statement, Connection c, BeforeExecute beforeExecute) {
        return proxy(type, type.cast(statement), (target, m, a) -> {
            if (m.getName().startsWith("execute")) beforeExecute.run(c);
            return invoke(m, target, a);
        });
    }

    /** A call on the proxied object, with the proxied object as its target. */
    private interface Call<T> {
        Object on(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (p, m, a) -> call.on(target, m, a);
        return type.cast(Proxy.newProxyInstance(FailingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
