package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.testing.CommittedDocs;
import io.github.xinfang.testing.DomainGenerators;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.Sealed;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

/** The shape walk's rules: rendered into docs/validation.md, complete for every component, and found by type. */
class ShapeRulesTests {
    /** The committed rendering, relative to the core module (surefire's working directory). */
    static final Path COMMITTED = Path.of("..", "docs", "validation.md");
    private static final LocalDate TODAY = DomainGenerators.LATEST;
    private static final CommandChecks CHECKS = new CommandChecks(TimeLimits.standard(), Org.DIRECTORY);

    @Test
    void theCommittedMarkdownIsTheRules() throws IOException {
        CommittedDocs.assertIsRendering(COMMITTED, ShapeRules.toMarkdown(), "xinfang.writeValidationDoc", ShapeRulesTests.class);
    }

    @Test
    void everyComponentOfEveryCommandAndFormHasARuleForItsType() {
        Set<String> components = new HashSet<>();
        Set<String> dates = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(Arrays.asList(Sealed.leaves(CaseCommand.class)));
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) continue;
            for (RecordComponent c : type.getRecordComponents()) {
                String name = c.getName();
                components.add(ShapeRules.typeName(type) + "." + name);
                Class<?> t = c.getType();
                if (t == List.class) {
                    assertThat(ShapeRules.LISTS).as("list %s.%s", type.getSimpleName(), name).containsKey(name);
                    t = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                }
                if (t == String.class) assertThat(ShapeRules.STRINGS).as("string %s.%s", type.getSimpleName(), name).containsKey(name);
                if (t == int.class) assertThat(ShapeRules.COUNTS).as("count %s.%s", type.getSimpleName(), name).containsKey(name);
                if (t == LocalDate.class) dates.add(name);
                if (CommandChecks.isForm(t)) todo.push(t);
            }
        }
        assertThat(seen).contains(PetitionForm.class, PetitionForm.Petitioner.class, PetitionForm.AccusedParty.class, ResolutionCommand.PlanStepForm.class, ImportedFact.class);
        assertThat(components).as("every optional component exists").containsAll(ShapeRules.OPTIONAL);
        assertThat(dates).as("every planned date exists").containsAll(ShapeRules.PLANNED);
    }

    /** A generated command meets every rule of its own components (cross-field rules come after them). */
    @Test
    void aBlankTextInAnyFreeTextComponentIsRejectedByItsComponentsName() {
        for (Gen<? extends CaseCommand> gen : DomainGenerators.commandsByType().values()) {
            qt().withExamples(20).forAll(gen).checkAssert(command -> {
                RecordComponent[] components = command.getClass().getRecordComponents();
                for (int i = 0; i < components.length; i++) {
                    if (components[i].getType() != FormText.class) continue;
                    CaseCommand blank = with(command, i, new FormText(" \u3000"));
                    FieldProblem p = catchThrowableOfType(() -> CHECKS.checkShape(blank, TODAY), FieldProblem.class);
                    assertThat(p).as("%s", blank).isNotNull();
                    assertThat(p.field()).isEqualTo(components[i].getName());
                    assertThat(p.problem()).isEqualTo("must not be blank");
                    assertThat(blank.toString()).doesNotContain("\u3000");
                }
            });
        }
    }

    @Test
    void aNestedComponentIsNamedByItsPath() {
        CaseId id = new CaseId("XF-1");
        LocalDate day = LocalDate.of(2024, 3, 2);
        CaseCommand plan = new ResolutionCommand.RecordPlan(id, new IdempotencyKey("k"), Org.clerk(),
                List.of(new ResolutionCommand.PlanStepForm("约谈信访人", day), new ResolutionCommand.PlanStepForm("\u3000", day)), day);
        FieldProblem p = catchThrowableOfType(() -> CHECKS.checkShape(plan, TODAY), FieldProblem.class);
        assertThat(p.field()).isEqualTo("steps[1].description");
        assertThat(p.problem()).isEqualTo("must not be blank");

        PetitionForm form = new PetitionForm(day, io.github.xinfang.petition.Channel.LETTER, io.github.xinfang.petition.Category.CLAIM,
                "城乡建设", "450802", true, null, List.of(new PetitionForm.Petitioner("覃建国", null, "12345", null)), null, null, "诉求");
        FieldProblem phone = catchThrowableOfType(() -> CHECKS.checkShape(
                new ProcedureCommand.Register(id, new IdempotencyKey("k"), Org.clerk(), form, null), TODAY), FieldProblem.class);
        assertThat(phone.field()).isEqualTo("petition.petitioners[0].phone");
    }

    private static CaseCommand with(CaseCommand command, int index, Object value) {
        RecordComponent[] components = command.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                args[i] = i == index ? value : components[i].getAccessor().invoke(command);
                types[i] = components[i].getType();
            }
            return (CaseCommand) command.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
