package io.github.xinfang.spring.boot.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.github.xinfang.testsupport.DocRegions.javaBlocks;
import static io.github.xinfang.testsupport.DocRegions.read;
import static io.github.xinfang.testsupport.DocRegions.regions;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs/spring-boot.md} shows only code that compiles: its Java blocks are the regions of {@link SpringBootDocSnippets}. */
class SpringBootDocTests {
    /** Relative to either starter module: both see the shared sources here. */
    private static final Path SNIPPETS = Path.of("..", "spring-boot-starter", "src", "common-test", "java", "io", "github", "xinfang",
            "spring", "boot", "docs", "SpringBootDocSnippets.java");
    private static final Path DOC = Path.of("..", "docs", "spring-boot.md");

    @Test
    void everyJavaBlockOfTheDocumentIsACompiledRegionInOrder() throws IOException {
        List<String> blocks = javaBlocks(read(DOC));
        List<String> regions = regions(read(SNIPPETS));
        assertThat(blocks).as("the Java blocks of %s", DOC).hasSameSizeAs(regions);
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i)).as("Java block %d of %s: copy it from SpringBootDocSnippets", i + 1, DOC).isEqualTo(regions.get(i));
        }
    }
}
