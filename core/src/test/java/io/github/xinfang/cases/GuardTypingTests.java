package io.github.xinfang.cases;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guard is typed to the commands it reads, so a row cannot list a guard of another command: the rows take
 * {@code List<Guard<? super C>>} for their command {@code C}, and javac refuses anything else. Proved by compiling
 * a row's guard list against the real classes.
 */
class GuardTypingTests {

    @Test
    void aRowTakesTheGuardsOfItsCommandAndOfItsCommandsParents() {
        assertThat(compile("List.of(LifecycleTable.UNIT_NOT_ACCUSED, LifecycleTable.ACTOR_NOT_ACCUSED)",
                "ProcedureCommand.Route")).isEmpty();
        assertThat(compile("List.of(LifecycleTable.CLAIM_CATEGORY_ONLY, LifecycleTable.INSIDE_REVIEW_WINDOW)",
                "ProcedureCommand.RequestReview")).isEmpty();
        assertThat(compile("List.of(ResolutionTable.ASSIGNEES_NOT_ACCUSED, ResolutionTable.LEADER_RANK_SUFFICIENT)",
                "ResolutionCommand.AssignPackageLeader")).isEmpty();
    }

    @Test
    void aGuardOfAnotherCommandDoesNotCompileOnARow() {
        assertThat(compile("List.of(LifecycleTable.UNIT_NOT_ACCUSED, LifecycleTable.EXTENSION_WITHIN_MAXIMUM)",
                "ProcedureCommand.Route")).isNotEmpty();
        assertThat(compile("List.of(LifecycleTable.CLAIM_CATEGORY_ONLY)", "ResolutionCommand.FlagHardCase")).isNotEmpty();
        assertThat(compile("List.of(ResolutionTable.RANK_RISES)", "ActivityCommand.Merge")).isNotEmpty();
    }

    /** Compiles a guard list for a row of {@code command}; returns javac's errors. */
    private static List<String> compile(String guards, String command) {
        String source = "package io.github.xinfang.cases;\nimport java.util.List;\nclass RowOfGuards {\n"
                + "    static final List<Guard<? super " + command + ">> GUARDS = " + guards + ";\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out;
        try {
            out = Files.createTempDirectory("guard-typing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///RowOfGuards.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                "-proc:none");
        javac.getTask(Writer.nullWriter(), null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null)).toList();
    }
}
