package io.github.xinfang.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds xinfang's values to the application's own JSON mapper: defines the {@link XinfangJacksonModule} of this Boot
 * line (Jackson 3 on Boot 4, Jackson 2 on Boot 3.5) as a bean, which Spring Boot's Jackson auto-configuration
 * registers in the mapper it builds. Personal data is then masked in every response; see the module for the one
 * per-call way to write it in clear. There is no property to switch masking off.
 *
 * @since 0.4
 */
@AutoConfiguration
@ConditionalOnClass(name = XinfangJacksonModule.JACKSON_API)
public class XinfangJsonAutoConfiguration {
    /** Creates the configuration; Spring calls this. */
    public XinfangJsonAutoConfiguration() {}

    /**
     * @return the module, unless the application defines its own
     */
    @Bean
    @ConditionalOnMissingBean
    XinfangJacksonModule xinfangJacksonModule() {
        return new XinfangJacksonModule();
    }
}
