package io.github.xinfang.spring.boot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;

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

    /** The Jackson auto-configuration of this line (the application's own JSON mapper). */
    static final Class<?> JACKSON = org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration.class;

    /** @return the value as the application's own mapper (Jackson 2) writes it: masked */
    static String write(ApplicationContext context, Object value) throws JsonProcessingException {
        return context.getBean(ObjectMapper.class).writeValueAsString(value);
    }

    /** @return the value as the per-call in-clear writer of the application's mapper writes it */
    static String writeInClear(ApplicationContext context, Object value) throws JsonProcessingException {
        return XinfangJacksonModule.inClear(context.getBean(ObjectMapper.class)).writeValueAsString(value);
    }

    /** @return the value the application's mapper reads; a refused input throws Jackson 2's JsonMappingException */
    static <T> T read(ApplicationContext context, String json, Class<T> type) throws JsonProcessingException {
        return context.getBean(ObjectMapper.class).readValue(json, type);
    }

    /** The type of a failed read on this line. */
    static final Class<? extends Exception> READ_FAILURE = com.fasterxml.jackson.databind.JsonMappingException.class;
}
