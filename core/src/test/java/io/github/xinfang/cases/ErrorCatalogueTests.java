package io.github.xinfang.cases;

import com.tngtech.archunit.core.domain.JavaClass;
import io.github.xinfang.architecture.CoreClasses;
import io.github.xinfang.persistence.XinfangException;
import io.github.xinfang.testing.CommittedDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error catalogue, {@code docs/errors.md}: the committed file is the rendering of the code (regenerate with
 * {@code -Dxinfang.writeErrorsDoc=true}); every rejection code is answered somewhere; every exception under
 * {@link XinfangException} in core and the storage SPI is listed, and nothing else.
 */
class ErrorCatalogueTests {
    static final Path COMMITTED = Path.of("..", "docs", "errors.md");

    @Test
    void theCommittedCatalogueIsTheRenderingOfTheCode() throws IOException {
        CommittedDocs.assertIsRendering(COMMITTED, ErrorCatalogue.toMarkdown(), "xinfang.writeErrorsDoc", ErrorCatalogueTests.class);
    }

    @Test
    void everyCodeIsAnsweredByAGuardOrTheServiceAndEveryExceptionIsListed() {
        String doc = ErrorCatalogue.toMarkdown();
        for (Rejection.Code code : Rejection.Code.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + code.name() + "` |")).findFirst().orElseThrow();
            assertThat(row).as("who answers %s", code).doesNotEndWith("| — |").contains(code.chinese());
        }
        Set<String> thrown = new TreeSet<>();
        thrown.add(XinfangException.class.getName());
        for (JavaClass c : CoreClasses.in("io.github.xinfang").get(XinfangException.class).getAllSubclasses()) {
            if (c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) thrown.add(c.getName());
        }
        assertThat(ErrorCatalogue.EXCEPTIONS.keySet()).containsExactlyInAnyOrderElementsOf(thrown);
    }
}
