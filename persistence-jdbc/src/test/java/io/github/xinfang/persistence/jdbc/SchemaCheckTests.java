package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.StoreException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-only schema check and the detected dialect, on H2, PostgreSQL and MariaDB (through both drivers). */
class SchemaCheckTests {
    @Test
    void theSchemaVersionIsReadWithoutChangingAnythingAndValidateSaysWhatIsFoundAndNeeded() {
        for (TestDatabase.Kind kind : List.of(TestDatabase.Kind.H2_MEMORY, TestDatabase.Kind.POSTGRESQL,
                TestDatabase.Kind.MARIADB, TestDatabase.Kind.MARIADB_MYSQL_DRIVER)) {
            try (TestDatabase db = TestDatabase.open(kind)) {
                DataSource pool = db.pool(2);
                JdbcCaseStore store = JdbcCaseStore.create(pool);
                assertThat(store.dialect()).isEqualTo(db.dialect());

                assertThat(store.schemaVersion()).as("%s, fresh", kind).isZero();
                assertThatThrownBy(store::validate).isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("no xinfang schema found (no xf_schema_version table), this library needs "
                                + JdbcCaseStore.SCHEMA_VERSION);
                assertThat(store.schemaVersion()).as("validate created nothing").isZero();

                SchemaMigrator.migrate(pool, db.dialect(), 2, null);
                assertThat(store.schemaVersion()).isEqualTo(2);
                assertThatThrownBy(store::validate).isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("xinfang schema 2 found, this library needs " + JdbcCaseStore.SCHEMA_VERSION + ": call migrate() or apply "
                                + db.dialect().migrationScript(3));

                store.migrate();
                assertThat(store.schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
                assertThat(store.validate()).isSameAs(store);
            }
        }
    }

    @Test
    void anUnsupportedDatabaseIsRefusedAtCreateNamingTheSupportedOnes() {
        assertThatThrownBy(() -> JdbcCaseStore.create(claiming("Oracle"))).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("unsupported database Oracle: xinfang-persistence-jdbc supports PostgreSQL (10 or later),"
                        + " H2 (2.x), MySQL (8.0 or later) and MariaDB (10.11 or later)");
        assertThat(Dialect.forProductName("PostgreSQL")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.forProductName("H2")).contains(Dialect.H2);
        assertThat(Dialect.forProductName("MySQL")).contains(Dialect.MYSQL);
        assertThat(Dialect.forProductName("MariaDB")).contains(Dialect.MYSQL);
        assertThat(Dialect.forProductName("Oracle")).isEmpty();
    }

    /** A data source whose connections say they are the given product, and do nothing else. */
    private static DataSource claiming(String product) {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(SchemaCheckTests.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> {
                    if (m.getName().equals("getDatabaseProductName")) return product;
                    throw new UnsupportedOperationException(m.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(SchemaCheckTests.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> {
                    if (m.getName().equals("getMetaData")) return meta;
                    if (m.getName().equals("close")) return null;
                    throw new UnsupportedOperationException(m.getName());
                });
        return (DataSource) Proxy.newProxyInstance(SchemaCheckTests.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> {
                    if (m.getName().equals("getConnection")) return connection;
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
