package io.github.xinfang.examples.portal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A portal test's application runs on a new, empty database of the embedded server ({@link PortalDatabase}). */
abstract class OnAFreshDatabase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PortalDatabase.fresh();
        registry.add("spring.datasource.url", () -> url);
    }
}
