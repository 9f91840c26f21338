package io.github.xinfang.persistence.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules across the published modules whose classes this module's tests see (core, persistence-spi,
 * persistence-tck, persistence-jdbc): no module reaches into core's {@code internal} packages (the only internal
 * packages there are), and no packages form a cycle.
 */
class ModuleArchitectureTests {
    private static final JavaClasses PUBLISHED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.xinfang");

    /** Core's packages; its internal packages are core's alone. */
    private static final String[] CORE = {"io.github.xinfang.calendar..", "io.github.xinfang.cases..",
            "io.github.xinfang.directory..", "io.github.xinfang.internal..", "io.github.xinfang.petition..",
            "io.github.xinfang.service..", "io.github.xinfang.text..", "io.github.xinfang.time.."};

    @Test
    void theRulesSeeEveryPublishedModule() {
        assertThat(PUBLISHED.containPackage("io.github.xinfang.persistence.jdbc")).isTrue();
        assertThat(PUBLISHED.containPackage("io.github.xinfang.persistence.tck")).isTrue();
        assertThat(PUBLISHED.containPackage("io.github.xinfang.persistence.memory")).isTrue();
        assertThat(PUBLISHED.containPackage("io.github.xinfang.internal.codec")).isTrue();
    }

    @Test
    void noModuleImportsAnotherModulesInternalPackages() {
        noClasses().that().resideOutsideOfPackages(CORE)
                .should().dependOnClassesThat().resideInAPackage("io.github.xinfang.internal..")
                .check(PUBLISHED);
    }

    /** Every package of every published module is a slice ({@code persistence}, {@code persistence.memory}, …). */
    @Test
    void noPackagesFormACycleInAnyModule() {
        slices().matching("io.github.xinfang.(**)").should().beFreeOfCycles().check(PUBLISHED);
    }
}
