package io.github.xinfang.spring.boot;

/** What the shared tests need that differs on Spring Boot 3.5: the auto-configurations of a DataSource and its transactions. */
final class BootLine {
    private BootLine() {}

    /** The Boot line these tests run on. */
    static final String NAME = "3.5";

    /** The DataSource and DataSource transaction manager auto-configurations of Boot 3.5. */
    static final Class<?>[] JDBC = {
            org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration.class,
            org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration.class};

    /** The Flyway auto-configuration of Boot 3.5 (the application's own migrations). */
    static final Class<?> FLYWAY = org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration.class;
}
