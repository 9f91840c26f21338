package io.github.xinfang.spring.boot.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A test that brings its own clock keeps it; the slice's backs off. */
@XinfangTest(classes = {XinfangTestSliceTests.Portal.class, XinfangTestSliceTests.OwnClock.class})
class XinfangTestOwnClockTests {
    @Autowired
    InstantSource clock;
    @Autowired
    ApplicationContext context;

    @Test
    void theSlicesClockBacksOff() {
        assertThat(clock.instant()).isEqualTo(XinfangTestSliceTests.OwnClock.AT);
        assertThat(context.getBeanNamesForType(XinfangTestClock.class)).isEmpty();
    }
}
