package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped migration scripts: where they are, that each records its own version last, and that a released script never
 * changes (Flyway and Liquibase refuse a database whose applied script changed: a new version gets a new script).
 */
class MigrationScriptsTests {

    /** SHA-256 of every shipped script. Add a line for a new version; never edit one. */
    private static final Map<String, String> RELEASED = new TreeMap<>(Map.ofEntries(
            Map.entry("db/xinfang/h2/V1__xinfang_schema.sql", "d0d220d0e7e31f78d9b2b2872aeb7062b146588d54a93f475e2ed7554c21edf0"),
            Map.entry("db/xinfang/h2/V2__xinfang_schema.sql", "62e41c4ccfd8ac58ccecbc24708a30ac116378ebf371b152032a4932fb60c1cd"),
            Map.entry("db/xinfang/h2/V3__xinfang_schema.sql", "598228225e0b8f3c4e589e2b97a30214018c91a71f929348d7735aa246cc647c"),
            Map.entry("db/xinfang/h2/V4__xinfang_schema.sql", "9b30cdfc7ed70de7941295569a5784162cda24929759f60fbc8ca1b6abc0158e"),
            Map.entry("db/xinfang/h2/V5__xinfang_schema.sql", "6867556dfae5d4f2d5ce7b4f7510f6bf94de3f32de45dd559e775209c5abae83"),
            Map.entry("db/xinfang/h2/V6__xinfang_schema.sql", "28b49e8c95a983348c30d0853b6f26b710f7d8281b3cd452f247901aede093ec"),
            Map.entry("db/xinfang/h2/V7__xinfang_schema.sql", "44fddc8aafbe6e6237ede39d8fae284e94c154e12aa0c733949706ae7b0c7e16"),
            Map.entry("db/xinfang/h2/V8__xinfang_schema.sql", "2be2d3f6b63e28394689e39a95c196e27aa7c0bbf528ba96092ff7d0da97e591"),
            Map.entry("db/xinfang/postgresql/V1__xinfang_schema.sql", "58dfe67175b70c1bfab5de007be127e088576526ef23282929c7ba4df510625d"),
            Map.entry("db/xinfang/postgresql/V2__xinfang_schema.sql", "5c0e50ffb993c4e950996c76ade479154b5ddf9e0ba3cc11c9cb40b86a01cf0d"),
            Map.entry("db/xinfang/postgresql/V3__xinfang_schema.sql", "dd24a6bb912143dd5fe05b7a6342871db159286765ae6f79a61780c3e2f1a6e3"),
            Map.entry("db/xinfang/postgresql/V4__xinfang_schema.sql", "26e5f712012d91eca3b1ebae9a98f7480f653d4b33bc6ce281aa3d486e3cd653"),
            Map.entry("db/xinfang/postgresql/V5__xinfang_schema.sql", "b317cdafa8605f0f1147008225adb3730ea56d6a9f9371f6000a62bda89f3995"),
            Map.entry("db/xinfang/postgresql/V6__xinfang_schema.sql", "5b7cdb9c3ce45a6f16494b0cb6798de67ba02f4b2b234634febb970c3f846ff2"),
            Map.entry("db/xinfang/postgresql/V7__xinfang_schema.sql", "8c6f8cfe2c35348b2f32246752ad9443980211293ea6dddd8e8ad8ef5fb3cd02"),
            Map.entry("db/xinfang/postgresql/V8__xinfang_schema.sql", "c60aa97d749fa2b3f834ab0275d4f64c7fd2c030c3bdf590c7eca89f87f67a0b"),
            Map.entry("db/xinfang/mysql/V1__xinfang_schema.sql", "74672ce67c024544d192713829d8c58dcbfdbaa493476ff230131ca0e541f5ff"),
            Map.entry("db/xinfang/mysql/V2__xinfang_schema.sql", "8d85e0ebfa45f73e5dff87032424cf9a7ed0d432c994f1a6bf518cebf5a29495"),
            Map.entry("db/xinfang/mysql/V3__xinfang_schema.sql", "c893ad0a6c772b2a9a90bc5b0a671ae4e616f08419fadca5a1ef2860b0f9979b"),
            Map.entry("db/xinfang/mysql/V4__xinfang_schema.sql", "fb9d217afb55f46a09940651f57ab0b7a295bcfe41b1184389a87b3b65970c44"),
            Map.entry("db/xinfang/mysql/V5__xinfang_schema.sql", "c1e83ed6055dc76dbc9705ce5b8822ec02eb50141dbd86c77f710f3be6c60ecd"),
            Map.entry("db/xinfang/mysql/V6__xinfang_schema.sql", "6911ea036fae4ece85e54b1d229ddc57876e301b742b39bd3323f709e9cdeb4a"),
            Map.entry("db/xinfang/mysql/V7__xinfang_schema.sql", "33654217a0142c044faa8a24f118894217824a5ec9a9aef7882ac5345ebff49c"),
            Map.entry("db/xinfang/mysql/V8__xinfang_schema.sql", "30a6b16e4b5ae99191ddec7aabfbc221147d944782cd89907a4c1670c80bfdec")));

    @Test
    void everyVersionOfEveryDialectHasAScriptInXinfangsOwnLocationThatRecordsItsVersionLast() {
        for (Dialect d : Dialect.values()) {
            assertThat(d.flywayLocation()).isEqualTo("classpath:" + d.migrationScript(1).substring(0, d.migrationScript(1).lastIndexOf('/')));
            for (int v = 1; v <= JdbcCaseStore.SCHEMA_VERSION; v++) {
                assertThat(d.migrationScript(v)).startsWith("db/xinfang/").endsWith("/V" + v + "__xinfang_schema.sql");
                List<String> statements = d.migrationStatements(v);
                assertThat(statements.get(statements.size() - 1)).as("%s version %d", d, v)
                        .isEqualTo("INSERT INTO xf_schema_version (version, script) VALUES (" + v + ", 'V" + v + "__xinfang_schema.sql')");
                assertThat(statements).allSatisfy(sql -> assertThat(sql).doesNotEndWith(";").doesNotStartWith("--"));
            }
            assertThat(d.migrationStatements(1).get(0)).startsWith("CREATE TABLE IF NOT EXISTS xf_schema_version");
        }
        assertThatThrownBy(() -> Dialect.H2.migrationScript(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.H2.migrationStatements(JdbcCaseStore.SCHEMA_VERSION + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReleasedScriptNeverChanges() throws IOException, NoSuchAlgorithmException {
        Map<String, String> shipped = new TreeMap<>();
        for (Dialect d : Dialect.values()) {
            for (int v = 1; v <= JdbcCaseStore.SCHEMA_VERSION; v++) {
                String resource = d.migrationScript(v);
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    assertThat(in).as(resource).isNotNull();
                    shipped.put(resource, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
        }
        assertThat(shipped).containsAllEntriesOf(RELEASED);
        assertThat(shipped.keySet()).as("a script with no pinned digest: pin it here").isEqualTo(RELEASED.keySet());
    }

    @Test
    void theSplitterDropsCommentLinesAndEndsStatementsAtASemicolonEndingALine() {
        assertThat(SchemaMigrator.statements("-- a comment\nCREATE TABLE t (\n  a INT -- kept: not a whole line\n);\n\n"
                + "INSERT INTO t VALUES (1); \n-- the end\nSELECT 1"))
                .containsExactly("CREATE TABLE t (\n  a INT -- kept: not a whole line\n)", "INSERT INTO t VALUES (1)", "SELECT 1");
    }
}
