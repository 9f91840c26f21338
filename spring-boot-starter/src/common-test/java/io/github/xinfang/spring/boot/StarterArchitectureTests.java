package io.github.xinfang.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of persistence-jdbc's {@code ModuleArchitectureTests}, for the modules only this one sees:
 * the starter and {@code xinfang-testing} reach no internal package of core, and no packages form a cycle.
 */
class StarterArchitectureTests {
    private static final JavaClasses PUBLISHED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.xinfang");

    @Test
    void theRulesSeeTheStarterAndTheTestingModule() {
        assertThat(PUBLISHED.containPackage("io.github.xinfang.spring.boot")).isTrue();
        assertThat(PUBLISHED.containPackage("io.github.xinfang.spring.boot.test")).isTrue();
        assertThat(PUBLISHED.containPackage("io.github.xinfang.testing")).isTrue();
        assertThat(PUBLISHED.containPackage("io.github.xinfang.internal.codec")).isTrue();
    }

    @Test
    void noModuleImportsCoresInternalPackages() {
        noClasses().that().resideInAnyPackage("io.github.xinfang.spring..", "io.github.xinfang.testing..")
                .should().dependOnClassesThat().resideInAPackage("io.github.xinfang.internal..")
                .check(PUBLISHED);
    }

    @Test
    void noPackagesFormACycleInAnyModule() {
        slices().matching("io.github.xinfang.(**)").should().beFreeOfCycles().check(PUBLISHED);
    }
}
