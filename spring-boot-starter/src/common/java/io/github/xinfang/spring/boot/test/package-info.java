/**
 * The {@link io.github.xinfang.spring.boot.test.XinfangTest} slice for a portal's tests without a database, and its
 * settable clock. Needs spring-boot-test-autoconfigure and JUnit Jupiter on the test classpath (spring-boot-starter-test
 * brings both).
 */
package io.github.xinfang.spring.boot.test;
