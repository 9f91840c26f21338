package io.github.xinfang.spring.boot;

import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.ApplicationContext;

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

    /** The Jackson auto-configuration of this line (the application's own JSON mapper). */
    static final Class<?> JACKSON = org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class;

    /** @return the value as the application's own mapper (Jackson 3) writes it: masked */
    static String write(ApplicationContext context, Object value) {
        return context.getBean(JsonMapper.class).writeValueAsString(value);
    }

    /** @return the value as the per-call in-clear writer of the application's mapper writes it */
    static String writeInClear(ApplicationContext context, Object value) {
        return XinfangJacksonModule.inClear(context.getBean(JsonMapper.class)).writeValueAsString(value);
    }

    /** @return the value the application's mapper reads; a refused input throws Jackson 3's DatabindException */
    static <T> T read(ApplicationContext context, String json, Class<T> type) {
        return context.getBean(JsonMapper.class).readValue(json, type);
    }

    /** The type of a failed read on this line. */
    static final Class<? extends Exception> READ_FAILURE = tools.jackson.databind.DatabindException.class;
}
