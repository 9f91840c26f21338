package io.github.xinfang.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

/** Core's production classes (no tests), imported once for every architecture test of core. */
public final class CoreClasses {
    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.xinfang");

    private CoreClasses() {}

    /**
     * @param packageName a package of core
     * @return its production classes and those of its subpackages
     */
    public static JavaClasses in(String packageName) {
        return ALL.that(resideInAPackage(packageName + ".."));
    }
}
