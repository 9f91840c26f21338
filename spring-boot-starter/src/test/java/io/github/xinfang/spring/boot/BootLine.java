package io.github.xinfang.spring.boot;

/** What the shared tests need that differs on Spring Boot 4.0: the auto-configurations of a DataSource and its transactions. */
final class BootLine {
    private BootLine() {}

    /** The Boot line these tests run on. */
    static final String NAME = "4.0";

    /** The DataSource and DataSource transaction manager auto-configurations of Boot 4.0 (in spring-boot-jdbc). */
    static final Class<?>[] JDBC = {
            org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
            org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration.class};

    /** The Flyway auto-configuration of Boot 4.0 (in spring-boot-flyway; the application's own migrations). */
    static final Class<?> FLYWAY = org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration.class;
}
