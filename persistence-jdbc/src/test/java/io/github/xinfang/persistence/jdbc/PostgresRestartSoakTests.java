package io.github.xinfang.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak test with the PostgreSQL server restarted mid-run (a server of its own, on a fixed port and data directory,
 * stopped and started again while sixteen threads issue commands), in the store's own transactions and in the
 * participating mode. Commands that meet the stopped server fail typed and are in doubt; the same service and pool take
 * commands again once the server is back, without a restart of the portal; afterwards every claim of {@link Soak} holds.
 */
class PostgresRestartSoakTests {
    private static final long RUN_MILLIS = Math.max(6_000, Soak.MILLIS);

    @Test
    void ownTransactionsSurviveAServerRestart(@TempDir Path dir) throws Exception {
        soak(dir, false);
    }

    @Test
    void participatingSurvivesAServerRestart(@TempDir Path dir) throws Exception {
        soak(dir, true);
    }

    /** Starts the server on its data directory (created on the first start), never cleaned when it stops. */
    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("synchronous_commit", "on").start();
    }

    private static void soak(Path dir, boolean participating) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres[] server = {start(data, port)};
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server[0].getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(Soak.THREADS + 4);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(3_000);
            config.setPoolName("xf-restart");
            try (HikariDataSource pool = new HikariDataSource(config)) {
                JdbcCaseStore.create(pool, Dialect.POSTGRESQL).migrate();
                JdbcTransactions transactions = new JdbcTransactions(pool);
                JdbcCaseStore.Builder builder = JdbcCaseStore.builder(pool).dialect(Dialect.POSTGRESQL);
                JdbcCaseStore store = participating ? builder.participating(transactions).build() : builder.build();
                CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
                Function<Supplier<CommandResult>, CommandResult> around = participating
                        ? command -> transactions.inTransaction(c -> command.get()) : Supplier::get;
                long started = System.nanoTime();
                AtomicLong back = new AtomicLong(Long.MAX_VALUE);
                Soak soak = new Soak(service, store, around, RUN_MILLIS).run(() -> {
                    if (back.get() != Long.MAX_VALUE || System.nanoTime() - started < RUN_MILLIS * 200_000) return 0;
                    try {
                        server[0].close();                        // stopped mid-run, with commands in flight
                        server[0] = start(data, port);            // and started again on the same data
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    back.set(System.nanoTime());
                    return 1;
                });
                assertThat(soak.faults.get()).as("the server was restarted").isEqualTo(1);
                long appliedAfter = soak.appliedAfter(back.get());
                String figures = soak.check();
                // The portal is not restarted: the same service, store and pool take a new case.
                CommandResult fresh = around.apply(() -> service.handle(Domain.step(new io.github.xinfang.cases.CaseId(
                        "XF-450802-2026-999999"), 0, Domain.HOUSING, "after-the-restart")));
                assertThat(fresh.isApplied()).as("a command after the restart, same service and pool").isTrue();
                System.out.println("soak PostgreSQL restarted mid-run" + (participating ? " participating" : " own transactions")
                        + ": " + figures + "; " + appliedAfter + " applied after the restart");
            }
        } finally {
            server[0].close();
        }
    }
}
