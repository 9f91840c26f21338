package io.github.xinfang.persistence.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
        return proxy(DataSource.class, pool, (target, m, a) -> {
            Object result = invoke(m, target, a);
            return m.getName().equals("getConnection") ? connection((Connection) result, left, executions) : result;
        });
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

        void reset() {
            autoCommit.set(0);
            inTransaction.set(0);
            commits.set(0);
        }
    }

    /**
     * @param pool the working data source
     * @param executions where to count
     * @return a data source over {@code pool} that counts every statement execution and commit of its connections
     */
    static DataSource counting(DataSource pool, Executions executions) {
        return proxy(DataSource.class, pool, (target, m, a) -> {
            Object result = invoke(m, target, a);
            if (!m.getName().equals("getConnection")) return result;
            Connection c = (Connection) result;
            return proxy(Connection.class, c, (conn, cm, ca) -> {
                if (cm.getName().equals("commit")) executions.commits.incrementAndGet();
                Object made = invoke(cm, conn, ca);
                if (!(made instanceof Statement)) return made;
                Class<? extends Statement> type = made instanceof CallableStatement ? CallableStatement.class
                        : made instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return counted(type, made, conn, executions);
            });
        });
    }

    private static <T extends Statement> T counted(Class<T> type, Object statement, Connection c, Executions executions) {
        return proxy(type, type.cast(statement), (target, m, a) -> {
            if (m.getName().startsWith("execute")) {
                (c.getAutoCommit() ? executions.autoCommit : executions.inTransaction).incrementAndGet();
            }
            return invoke(m, target, a);
        });
    }

    private static Connection connection(Connection c, AtomicInteger left, int executions) {
        return proxy(Connection.class, c, (target, m, a) -> {
            Object result = invoke(m, target, a);
            if (result instanceof CallableStatement) return statement(CallableStatement.class, result, left, executions);
            if (result instanceof PreparedStatement) return statement(PreparedStatement.class, result, left, executions);
            if (result instanceof Statement) return statement(Statement.class, result, left, executions);
            return result;
        });
    }

    private static <T> T statement(Class<T> type, Object statement, AtomicInteger left, int executions) {
        return proxy(type, type.cast(statement), (target, m, a) -> {
            if (m.getName().startsWith("execute") && left.getAndDecrement() <= 0) {
                throw new SQLNonTransientConnectionException("simulated: the connection dropped after " + executions
                        + " statements", "08006");
            }
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
