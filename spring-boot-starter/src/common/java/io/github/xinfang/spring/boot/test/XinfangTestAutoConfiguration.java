package io.github.xinfang.spring.boot.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.InstantSource;

/**
 * The {@link XinfangTest} slice's own part: its settable clock, unless the test brings an {@code InstantSource}. Only
 * the slice imports it; an application never does.
 *
 * @since 0.4
 */
@AutoConfiguration(beforeName = "io.github.xinfang.spring.boot.XinfangAutoConfiguration")
public class XinfangTestAutoConfiguration {
    /** Creates the configuration; Spring calls this. */
    public XinfangTestAutoConfiguration() {}

    /** @return the clock the test sets */
    @Bean
    @ConditionalOnMissingBean(InstantSource.class)
    XinfangTestClock xinfangTestClock() {
        return new XinfangTestClock();
    }
}
