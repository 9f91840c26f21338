/**
 * A storage adapter on plain JDBC for PostgreSQL, H2, MySQL and MariaDB (with dialect notes for KingbaseES, openGauss,
 * DM, TiDB and OceanBase):
 * events, snapshots, index rows, idempotency records, the change feed and work claims in the adapter's own
 * schema. Entry point: {@link io.github.xinfang.persistence.jdbc.JdbcCaseStore}; the schema's migration
 * scripts live beside these classes as resources, one directory per {@link io.github.xinfang.persistence.jdbc.Dialect}.
 *
 * @since 0.1
 */
package io.github.xinfang.persistence.jdbc;
