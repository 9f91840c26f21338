package io.github.xinfang.spring.boot;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.persistence.TransientStoreException;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseService;
import org.junit.jupiter.api.Test;
import io.github.xinfang.spring.boot.docs.SpringBootDocSnippets;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Spring MVC support, on each Boot line: results and rejections as HTTP answers, the key and actor parameters, failures. */
class XinfangWebSupportTests {
    private final XinfangAutoConfigurationTests.MovableClock clock = new XinfangAutoConfigurationTests.MovableClock();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(XinfangAutoConfiguration.class))
            .withBean(OrganisationDirectory.class, () -> XinfangAutoConfigurationTests.DIRECTORY)
            .withBean(InstantSource.class, () -> clock)
            .withBean(ActorResolver.class, () -> request -> Optional.ofNullable(request.getHeader("X-Official"))
                    .map(o -> Actor.official(new OfficialId(o), XinfangAutoConfigurationTests.OFFICE)))
            .withPropertyValues("xinfang.sweep.enabled=false");

    /** A portal's controller: no error mapping, no header parsing, no actor lookup of its own (routing: the guide's own). */
    @RestController
    static final class Cases {
        private final CaseService service;
        private final RejectionProblems problems;

        Cases(CaseService service, RejectionProblems problems) {
            this.service = service;
            this.problems = problems;
        }

        @PostMapping("/cases/{id}")
        ResponseEntity<Object> register(@PathVariable("id") String id, IdempotencyKey key, Actor actor, Locale locale) {
            return problems.respond(service.handle(new ProcedureCommand.Register(new CaseId(id), key, actor,
                    new PetitionForm(XinfangAutoConfigurationTests.DAY, Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                            List.of(new PetitionForm.Petitioner("覃某", null, "13907751234", null)), null, null, "内容"), null)), locale);
        }

        @GetMapping("/cases/{id}/version")
        long version(@PathVariable("id") CaseId id) {
            return service.history(id).map(h -> h.version()).orElse(0L);
        }

        @GetMapping("/overdue")
        int overdue(@org.springframework.web.bind.annotation.RequestParam("cursor") String cursor) {
            return io.github.xinfang.service.CaseListings.create(service).byLeadUnit(new io.github.xinfang.directory.UnitId("housing"),
                    10, cursor).items().size();
        }

        @GetMapping("/count")
        int count(@org.springframework.web.bind.annotation.RequestParam("n") int n) {
            return n;
        }

        @GetMapping("/broken")
        void broken() {
            throw new TransientStoreException("connection to db.internal:5432 refused", new java.sql.SQLTransientConnectionException("refused"));
        }
    }

    /** A request to the guide's route endpoint, to the housing unit on the day of the tests' petitions. */
    private static MockHttpServletRequestBuilder route(String id) {
        return post("/cases/" + id + "/route").param("unit", XinfangAutoConfigurationTests.HOUSING.value())
                .param("routedOn", XinfangAutoConfigurationTests.DAY.toString());
    }

    private static MockMvc mvc(ApplicationContext context) {
        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
        context.getBean("xinfangWebMvcConfigurer", WebMvcConfigurer.class).addArgumentResolvers(resolvers);
        CaseService service = context.getBean(CaseService.class);
        RejectionProblems problems = context.getBean(RejectionProblems.class);
        return MockMvcBuilders.standaloneSetup(new Cases(service, problems), new SpringBootDocSnippets.CaseController(service, problems))
                .setControllerAdvice(context.getBean(XinfangWebSupport.Advice.class))
                .setCustomArgumentResolvers(resolvers.toArray(new HandlerMethodArgumentResolver[0]))
                .build();
    }

    @Test
    void anAppliedCommandAnswersItsVersionAndARejectionAProblemInTheRequestsLanguage() {
        runner.run(context -> {
            MockMvc mvc = mvc(context);
            mvc.perform(post("/cases/C-1").header("Idempotency-Key", "k-1").header("X-Official", "clerk"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.caseId").value("C-1")).andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.replayed").value(false));
            String body = mvc.perform(post("/cases/C-1").header("Idempotency-Key", "k-1").header("X-Official", "clerk"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(true))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as("no personal data in the answer").doesNotContain("覃某").doesNotContain("13907751234");
            mvc.perform(route("C-1").header("Idempotency-Key", "k-2").header("X-Official", "clerk"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));

            mvc.perform(route("NOPE").header("Idempotency-Key", "k-3").header("X-Official", "clerk")
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("CASE_NOT_FOUND")).andExpect(jsonPath("$.title").value("CASE_NOT_FOUND"))
                    .andExpect(jsonPath("$.detail").value(Rejection.Code.CASE_NOT_FOUND.chinese()));
            mvc.perform(route("NOPE").header("Idempotency-Key", "k-4").header("X-Official", "clerk")
                            .header("Accept-Language", "en"))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(Rejection.Code.CASE_NOT_FOUND.english()));
            // routing a registered case twice: the stage refuses it, a conflict with the case's state
            mvc.perform(route("C-1").header("Idempotency-Key", "k-5").header("X-Official", "clerk"))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"))
                    .andExpect(jsonPath("$.stage").value("ROUTED"));
        });
    }

    @Test
    void theKeyAndTheActorComeFromTheRequestOrItIsRefused() {
        runner.run(context -> {
            MockMvc mvc = mvc(context);
            mvc.perform(post("/cases/C-1").header("X-Official", "clerk")).andExpect(status().isBadRequest());
            mvc.perform(post("/cases/C-1").header("Idempotency-Key", "two words").header("X-Official", "clerk"))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/cases/C-1").header("Idempotency-Key", "k-1")).andExpect(status().isUnauthorized());
        });
    }

    @Test
    void aStatusCanBeOverriddenAndAnInvalidOverrideStopsTheStart() {
        runner.withPropertyValues("xinfang.web.status.CASE_NOT_FOUND=410").run(context ->
                mvc(context).perform(route("NOPE").header("Idempotency-Key", "k").header("X-Official", "clerk"))
                        .andExpect(status().isGone()));
        runner.withPropertyValues("xinfang.web.status.CASE_NOT_FOUND=200").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("xinfang.web.status.CASE_NOT_FOUND");
        });
    }

    @Test
    void aValueTypeThatDoesNotReadIsABadRequestNamingTheParameterWithoutItsValue() {
        runner.run(context -> {
            MockMvc mvc = mvc(context);
            mvc.perform(get("/cases/C-1/version")).andExpect(status().isOk());
            String body = mvc.perform(get("/cases/{id}/version", "覃 某 13907751234"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                    .andExpect(jsonPath("$.field").value("id"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(body).contains("CaseId").doesNotContain("13907751234");
            String cursorBody = mvc.perform(get("/overdue").param("cursor", "覃某13907751234"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                    .andExpect(jsonPath("$.field").value("cursor")).andReturn().getResponse().getContentAsString();
            assertThat(cursorBody).doesNotContain("13907751234");
            // a mismatch of the application's own types stays Spring's
            mvc.perform(get("/count").param("n", "x")).andExpect(status().isBadRequest())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("INVALID_PARAMETER"));
        });
    }

    @Test
    void infrastructureFailuresAreProblemsThatDoNotEchoTheirMessage() {
        runner.run(context -> {
            String body = mvc(context).perform(get("/broken"))
                    .andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.code").value("TRANSIENT_STORE_FAILURE"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("db.internal");
        });
    }

    @Test
    void everyCodeHasAnErrorStatusAndTheSupportIsOnlyInAServletApplicationThatWantsIt() {
        Map<Rejection.Code, Integer> defaults = RejectionProblems.defaultStatuses();
        assertThat(defaults.keySet()).containsExactlyInAnyOrder(Rejection.Code.values());
        assertThat(defaults.values()).allSatisfy(s -> assertThat(s).isBetween(400, 499));
        runner.withPropertyValues("xinfang.web.enabled=false").run(context -> assertThat(context).doesNotHaveBean(RejectionProblems.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(XinfangAutoConfiguration.class))
                .withBean(OrganisationDirectory.class, () -> XinfangAutoConfigurationTests.DIRECTORY)
                .withPropertyValues("xinfang.sweep.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RejectionProblems.class));
    }
}
