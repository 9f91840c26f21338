package io.github.xinfang.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import io.github.xinfang.architecture.CoreClasses;
import org.junit.jupiter.api.Test;

/** The calendar package keeps core's rules: no file system, network or wall clock, no Jackson. */
class CalendarArchitectureTests {
    private static final JavaClasses CALENDAR = CoreClasses.in("io.github.xinfang.calendar");

    @Test
    void theCalendarNeverTouchesFilesOrTheNetwork() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat(DescribedPredicate.describe("java.io.File*",
                        c -> c.getPackageName().equals("java.io") && c.getSimpleName().startsWith("File")))
                .check(CALENDAR);
    }

    @Test
    void theCalendarNeverReadsTheWallClock() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a wall-clock read",
                        (JavaMethodCall call) -> call.getName().equals("now")
                                && call.getTargetOwner().getPackageName().equals("java.time")
                                || call.getName().equals("currentTimeMillis")))
                .check(CALENDAR);
    }

    /** The calendar reads JSON through the internal JSON reader's plain values: no Jackson (or Guava) type in it at all. */
    @Test
    void theCalendarUsesNoJacksonOrGuava() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "com.google.common..")
                .check(CALENDAR);
    }
}
