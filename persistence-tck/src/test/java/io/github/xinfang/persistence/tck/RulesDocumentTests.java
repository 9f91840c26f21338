package io.github.xinfang.persistence.tck;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RULES.md} and the test interfaces do not drift apart: every {@code @Test} default method of every test
 * interface is named in the row of a rule its name carries ({@code required_S3_...} in row S3), and every name in
 * the document is such a method.
 */
class RulesDocumentTests {

    private static final Path SOURCES = Path.of("src/main/java/io/github/xinfang/persistence/tck");
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]\\d+) [^|]*\\|(.*)$");
    private static final Pattern NAME = Pattern.compile("`(required_\\w+)`");
    private static final Pattern RULE_IN_NAME = Pattern.compile("(?<=_)([A-Z]\\d+)(?=_)");

    @Test
    void everyTestMethodOfTheInterfacesIsNamedInTheRowOfItsRuleAndViceVersa() throws IOException {
        Map<String, Set<String>> rowsNaming = new TreeMap<>();   // method -> rule ids of the rows naming it
        for (String line : Files.readAllLines(base().resolve("RULES.md"), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) continue;
            Matcher name = NAME.matcher(row.group(2));
            while (name.find()) rowsNaming.computeIfAbsent(name.group(1), k -> new TreeSet<>()).add(row.group(1));
        }
        Map<String, Class<?>> methods = new LinkedHashMap<>();
        for (Class<?> tck : interfaces()) {
            for (Method m : tck.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    assertThat(m.isDefault()).as("%s.%s is a default method", tck.getSimpleName(), m.getName()).isTrue();
                    assertThat(methods.put(m.getName(), tck)).as("test method names are unique across the interfaces: %s",
                            m.getName()).isNull();
                }
            }
        }
        assertThat(rowsNaming.keySet()).as("the test methods RULES.md names are the @Test default methods of the"
                + " interfaces").containsExactlyInAnyOrderElementsOf(methods.keySet());
        for (String method : methods.keySet()) {
            Set<String> rules = new TreeSet<>();
            Matcher rule = RULE_IN_NAME.matcher(method);
            while (rule.find()) rules.add(rule.group(1));
            assertThat(rowsNaming.get(method)).as("the rows of RULES.md naming %s are rows of the rules its name"
                    + " carries", method).isSubsetOf(rules);
            assertThat(rules).as("every rule %s names has a row naming it", method).isSubsetOf(rowsNaming.get(method));
        }
    }

    @Test
    void everyInterfaceOfTheKitIsChecked() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(base().resolve(SOURCES))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Tck.java"))
                    .forEach(n -> sources.add(n.substring(0, n.length() - ".java".length())));
        }
        List<String> checked = new ArrayList<>();
        for (Class<?> tck : interfaces()) {
            assertThat(tck.isInterface()).as("%s is an interface", tck.getSimpleName()).isTrue();
            assertThat(StoreFactory.class).as("%s extends StoreFactory", tck.getSimpleName()).isAssignableFrom(tck);
            checked.add(tck.getSimpleName());
        }
        assertThat(checked).as("the *Tck files of the kit").containsExactlyInAnyOrderElementsOf(sources);
    }

    private static List<Class<?>> interfaces() {
        return List.of(CaseStoreTck.class, ChangeFeedTck.class, CaseQueryTck.class, WorkClaimsTck.class,
                IndexMaintenanceTck.class, ResolutionQueryTck.class, OverdueQueryTck.class,
                ReportQueryTck.class, ClusterQueryTck.class, ClusterWarningsTck.class, EventChainTck.class, SnapshotCadenceTck.class,
                AccessAuditTck.class, AccessScopeTck.class);
    }

    private static Path base() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }
}
