package io.github.xinfang.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import org.junit.jupiter.api.Test;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak test (issue 17, load and faults) on one database, in the store's own transactions and inside the caller's
 * (the participating mode): {@link Soak} under load, and for a server reached over TCP every connection cut at random
 * points of the run through a {@link CuttingProxy} on loopback. One subclass per database.
 */
abstract class SoakContract extends FreshDatabaseContract {
    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");

    SoakContract(TestDatabase.Kind kind) {
        super(kind);
    }

    /** Whether the database is a server reached over TCP, whose connections the proxy can cut. */
    private boolean networked() {
        return kind() == TestDatabase.Kind.POSTGRESQL || kind() == TestDatabase.Kind.MARIADB;
    }

    @Test
    void ownTransactionsUnderLoadAndCutConnections() throws Exception {
        soak(false);
    }

    @Test
    void participatingUnderLoadAndCutConnections() throws Exception {
        soak(true);
    }

    private void soak(boolean participating) throws Exception {
        db.store();   // the schema, migrated directly
        CuttingProxy proxy = null;
        String url = db.url();
        if (networked()) {
            Matcher m = HOST_PORT.matcher(url);
            assertThat(m.find()).as("a host and port in %s", url).isTrue();
            proxy = CuttingProxy.start(m.group(1), Integer.parseInt(m.group(2)));
            url = m.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(Soak.THREADS + 4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setPoolName("xf-soak");
        if (db.isMariaDb()) config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcTransactions transactions = new JdbcTransactions(pool);
            JdbcCaseStore.Builder builder = JdbcCaseStore.builder(pool).dialect(db.dialect());
            JdbcCaseStore store = participating ? builder.participating(transactions).build() : builder.build();
            CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
            Function<Supplier<CommandResult>, CommandResult> around = participating
                    ? command -> transactions.inTransaction(c -> command.get()) : Supplier::get;
            CuttingProxy cutter = proxy;
            Soak soak = new Soak(service, store, around).run(cutter == null ? null : cutter::cutAll);
            String figures = soak.check();
            if (networked()) assertThat(soak.faults.get()).as("connections cut").isPositive();
            System.out.println("soak " + kind() + (participating ? " participating" : " own transactions") + ": " + figures);
        } finally {
            if (proxy != null) proxy.close();
        }
    }
}
