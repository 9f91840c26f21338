package io.github.xinfang.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.xinfang.service.CaseService;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** Architecture rules of core, as tests (STYLE.md "Build guards"). */
class ArchitectureTests {
    private static final JavaClasses CORE = CoreClasses.ALL;

    @Test
    void coreNeverReadsTheWallClock() {
        noClasses().that().resideInAPackage("io.github.xinfang..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.time.InstantSource.class, "system")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(CORE);
    }

    /**
     * {@code System.nanoTime} is a monotonic timer, not a clock: the one reference to it is the default ticker of the
     * case service's observer timings ({@code CaseService.Builder#ticker}); nothing else in core may reach it, by a
     * call or by a method reference.
     */
    @Test
    void onlyTheServiceDefaultTickerReferencesTheMonotonicTimer() {
        DescribedPredicate<JavaAccess<?>> nanoTime = DescribedPredicate.describe("System.nanoTime",
                a -> a.getTargetOwner().isEquivalentTo(System.class) && a.getName().equals("nanoTime"));
        assertThat(CORE.get(CaseService.class).getAccessesFromSelf()).as("the rule sees method references")
                .anyMatch(nanoTime::test);
        noClasses().that().resideInAPackage("io.github.xinfang..")
                .and().doNotHaveFullyQualifiedName(CaseService.class.getName())
                .should().accessTargetWhere(nanoTime)
                .check(CORE);
    }

    @Test
    void coreDoesNoFileOrNetworkIo() {
        noClasses().that().resideInAPackage("io.github.xinfang..")
                .should().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*")
                .orShould().dependOnClassesThat().resideInAPackage("java.nio.file..")
                .orShould().dependOnClassesThat().resideInAPackage("java.net..")
                .check(CORE);
    }

    @Test
    void jacksonAndGuavaStayInInternalPackages() {
        noClasses().that().resideInAPackage("io.github.xinfang..").and().resideOutsideOfPackage("..internal..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "com.google.common..")
                .check(CORE);
    }

    @Test
    void noJacksonOrGuavaTypeInAPublicSignature() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should(notExpose("com.fasterxml.jackson", "com.google.common"))
                .check(CORE);
    }

    private static ArchCondition<JavaMethod> notExpose(String... prefixes) {
        return new ArchCondition<>("not expose " + String.join(" or ", prefixes) + " types") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass t : method.getRawParameterTypes()) report(method, t, events);
                report(method, method.getRawReturnType(), events);
            }

            private void report(JavaMethod method, JavaClass type, ConditionEvents events) {
                for (String p : prefixes) {
                    if (type.getName().startsWith(p)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }

    /** Every package of core is a slice; no slice reaches itself again through others. */
    @Test
    void corePackagesAreFreeOfCycles() {
        slices().matching("io.github.xinfang.(**)").should().beFreeOfCycles().check(CORE);
    }

    /**
     * The internal packages serve the public ones and use none of theirs but the domain values they encode: the JSON
     * reader uses no xinfang package at all, and nothing outside the service and the internal packages reaches the
     * codec.
     */
    @Test
    void internalPackagesStayBehindTheirUsers() {
        noClasses().that().resideInAPackage("io.github.xinfang.internal.json..")
                .should().dependOnClassesThat(DescribedPredicate.describe("a xinfang class outside internal.json",
                        c -> c.getPackageName().startsWith("io.github.xinfang.")
                                && !c.getPackageName().startsWith("io.github.xinfang.internal.json")))
                .check(CORE);
        noClasses().that().resideOutsideOfPackages("io.github.xinfang.service..", "io.github.xinfang.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.github.xinfang.internal.codec..")
                .check(CORE);
    }

    /** A portal never needs an internal type: no public method of a public type takes or returns one. */
    @Test
    void noInternalTypeInAPublicSignature() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.github.xinfang.internal..")
                .should(notExpose("io.github.xinfang.internal."))
                .check(CORE);
    }

    @Test
    void noStaticMutableState() {
        noClasses().that().resideInAPackage("io.github.xinfang..")
                .should(haveNonFinalStaticFields())
                .check(CORE);
    }

    private static ArchCondition<JavaClass> haveNonFinalStaticFields() {
        return new ArchCondition<>("have a non-final static field") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getFields().stream()
                        .filter(f -> f.getModifiers().contains(JavaModifier.STATIC) && !f.getModifiers().contains(JavaModifier.FINAL))
                        .filter(f -> !f.getName().startsWith("$"))
                        .forEach(f -> events.add(SimpleConditionEvent.satisfied(f, f.getFullName() + " is static and not final")));
            }
        };
    }
}
