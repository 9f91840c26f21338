package io.github.xinfang.spring.boot.docs;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.EscalationPolicy;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.spring.boot.ActorResolver;
import io.github.xinfang.spring.boot.CaseChangeHandler;
import io.github.xinfang.spring.boot.CaseServiceCustomizer;
import io.github.xinfang.spring.boot.RejectionProblems;
import io.github.xinfang.spring.boot.test.XinfangTest;
import io.github.xinfang.spring.boot.test.XinfangTestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The Java snippets of {@code docs/spring-boot.md}, compiled on both Boot lines: each {@code ```java} block of the
 * document is one region of this file between {@code // tag::NAME[]} and {@code // end::NAME[]}, in the same order and
 * verbatim up to indentation ({@code SpringBootDocTests} checks it). The controller also answers the web support's tests
 * ({@code XinfangWebSupportTests}), so the document's controller is run, not only compiled.
 */
public final class SpringBootDocSnippets {
    private SpringBootDocSnippets() {}

    /** The portal's logged-in user, as a RuoYi-style portal keeps it in the request. */
    record LoginUser(String officialId, String deptId) {}

    @Configuration(proxyBeanMethods = false)
    static class PortalConfiguration {
        // tag::directory[]
        @Bean
        OrganisationDirectory organisationDirectory(JdbcTemplate jdbc) {   // over the portal's own tables
            return new OrganisationDirectory() {
                @Override
                public Optional<OrganisationDirectory.Unit> unit(UnitId id) {
                    return jdbc.query("SELECT dept_name, dept_kind, dept_level, region_code, parent_code FROM sys_dept WHERE dept_code = ?",
                            (rs, row) -> new OrganisationDirectory.Unit(id, rs.getString(1), rs.getString(2), rs.getString(3),
                                    new RegionCode(rs.getString(4)), rs.getString(5) == null ? null : new UnitId(rs.getString(5))),
                            id.value()).stream().findFirst();
                }

                @Override
                public Optional<OrganisationDirectory.Official> official(OfficialId id) {
                    return jdbc.query("SELECT dept_code, post_name, rank_name, is_principal FROM sys_user WHERE user_code = ?",
                            (rs, row) -> new OrganisationDirectory.Official(id, new UnitId(rs.getString(1)), rs.getString(2),
                                    rs.getString(3), rs.getBoolean(4)),
                            id.value()).stream().findFirst();
                }
            };
        }
        // end::directory[]

        // tag::actor[]
        @Bean
        ActorResolver actorResolver() {   // who acts: the portal's logged-in user (or Spring Security's principal)
            return request -> Optional.ofNullable((LoginUser) request.getAttribute("loginUser", RequestAttributes.SCOPE_REQUEST))
                    .map(user -> Actor.official(new OfficialId(user.officialId()), new UnitId(user.deptId())));
        }
        // end::actor[]

        // tag::customizer[]
        @Bean
        CaseServiceCustomizer rankRules() {   // anything CaseService.Builder offers: listeners, observers, rules, retries
            return builder -> builder.rankLadder(RankLadder.civilService()).escalationPolicy(EscalationPolicy.standard());
        }
        // end::customizer[]
    }

    /** The document's follower of the change feed (run by {@code FeedRunnerTests}). */
    @Configuration(proxyBeanMethods = false)
    public static class FeedConfiguration {
        // tag::handler[]
        @Bean
        CaseChangeHandler caseLog(JdbcTemplate jdbc) {   // a projection: one row per change, committed with the position
            return CaseChangeHandler.of("portal-case-log", change -> jdbc.update(
                    "INSERT INTO portal_case_log (position, case_id, version) VALUES (?, ?, ?)",
                    change.position(), change.caseId().value(), change.version()));
        }
        // end::handler[]
    }

    /** The document's controller. */
    @RestController
    public static class CaseController {
        private final CaseService cases;
        private final RejectionProblems problems;

        /**
         * @param cases the case service
         * @param problems the starter's answers
         */
        public CaseController(CaseService cases, RejectionProblems problems) {
            this.cases = cases;
            this.problems = problems;
        }

        // tag::controller[]
        @PostMapping("/cases/{id}/route")
        ResponseEntity<Object> route(@PathVariable String id, @RequestParam String unit, @RequestParam LocalDate routedOn,
                                     IdempotencyKey key, Actor actor, Locale locale) {
            // the legal date comes from the request (the day the unit received it), never from the clock
            return problems.respond(cases.handle(new ProcedureCommand.Route(new CaseId(id), key, actor, new UnitId(unit), routedOn)), locale);
        }
        // end::controller[]
    }

    /** The test slice: a portal's test of its xinfang code, without a database (compiled here, run as XinfangTestSliceTests). */
    // tag::slice[]
    @XinfangTest(classes = PortalConfiguration.class)
    class OverdueNoticeTests {
        @Autowired
        CaseService cases;        // over the in-memory store
        @Autowired
        XinfangTestClock clock;   // starts Monday 2 March 2026, 10:00 in Beijing; clock.advance(Duration.ofDays(30))
    }
    // end::slice[]
}
