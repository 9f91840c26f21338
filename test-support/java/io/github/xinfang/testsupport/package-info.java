/**
 * Test helpers several modules share, compiled into each one's test sources (build-helper's add-test-source): a
 * module cannot depend on another's tests, and these need nothing beyond the persistence SPI and AssertJ.
 */
package io.github.xinfang.testsupport;
