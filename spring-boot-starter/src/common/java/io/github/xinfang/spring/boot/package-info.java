/**
 * Spring Boot auto-configuration of xinfang: a {@link io.github.xinfang.service.CaseService} over the application's
 * {@code DataSource} (or the in-memory store without one), its schema, its transactions, its deadline sweep and its
 * change-feed followers, set
 * by the {@code xinfang.*} properties ({@link io.github.xinfang.spring.boot.XinfangProperties}). The same sources build
 * the starter of each Spring Boot line: {@code xinfang-spring-boot-starter} (Boot 4.0) and
 * {@code xinfang-spring-boot3-starter} (Boot 3.5).
 *
 * <p>Entry points: {@link io.github.xinfang.spring.boot.XinfangAutoConfiguration} (what it defines, each bean backing
 * off when the application defines its own), {@link io.github.xinfang.spring.boot.CaseServiceCustomizer} (a hook on the
 * service's builder), {@link io.github.xinfang.spring.boot.SweepRunner} (the sweep's background thread and its last
 * report), {@link io.github.xinfang.spring.boot.CaseChangeHandler} (a follower of the change feed, as a bean) and
 * {@link io.github.xinfang.spring.boot.FeedRunner} (the followers' background thread and their last polls).
 *
 * @since 0.4
 */
package io.github.xinfang.spring.boot;
