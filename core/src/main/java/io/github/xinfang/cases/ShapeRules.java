package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.text.TextRule;
import io.github.xinfang.time.TimeLimits;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the shape walk ({@link CommandChecks}), by the type of a command's component: every rule a field's
 * own value must meet, in one place, each with its rejection. What a type alone does not say sits in small tables
 * keyed by the component's name (the bounds of a count or of a list, the rule of a {@code String}, which dates are
 * planned) or by its record and name (which components may be absent). Rules between fields are
 * {@link CrossFieldRule}s. Rendered into {@code docs/validation.md} by {@link #toMarkdown()}. Stateless.
 */
final class ShapeRules {
    /** Facts dated before this day are out of range. */
    static final LocalDate EARLIEST_FACT = LocalDate.of(1980, 1, 1);
    /** Planned dates (due, target) after this day are out of range. */
    static final LocalDate LATEST_PLANNED = LocalDate.of(2199, 12, 31);
    /** The longest short text: a subject area, an organ, a batch name, an outside party. */
    static final int MAX_SHORT_TEXT = 200;
    /** The longest extension a command may ask for before the profile's cap is even looked at. */
    static final int MAX_EXTENSION_SHAPE = 365;
    /** The most steps a plan may have. */
    static final int MAX_PLAN_STEPS = 100;
    /** The most task-force members or co-units an assignment may name. */
    static final int MAX_ASSIGNEES = 100;
    /** The most petitioners a form names, and the largest headcount of a repeat petition. */
    static final int MAX_PETITIONERS = 1_000;
    /** The most accused parties a form names. */
    static final int MAX_ACCUSED = 100;
    /** The most dated facts an imported case may bring. */
    static final int MAX_IMPORTED_FACTS = 500;

    private ShapeRules() {}

    /** What the walk knows besides the value: the day the command is handled, and the profiles. */
    record Context(LocalDate today, TimeLimits limits) {}

    /** A rule on one component's value (never null here: absence is decided before). */
    @FunctionalInterface
    interface Check<T> {
        void check(T value, String path, Context context) throws FieldProblem;
    }

    /** A rule with its description for the docs: what it asks, and the rejections it answers with. */
    record Rule<T>(String asks, String rejections, Check<T> check) {}

    // ------------------------------------------------------------------ by type

    /** Every component that is not {@linkplain #OPTIONAL optional}. */
    static final String MISSING = "must not be null (不得缺失)";

    /** A {@link FormText}: free text under {@link TextRule#TEXT}. */
    static final Rule<FormText> TEXT = new Rule<>("free text under TextRule.TEXT, at most " + FreeText.MAX_LENGTH
            + " code points", "the text rule's problem, e.g. must not be blank (不得为空白)",
            (t, path, c) -> problem(t.problem(), path));

    /** A {@link LocalDate} that is a fact: not in the future, not before {@link #EARLIEST_FACT}. */
    static final Rule<LocalDate> FACT_DATE = new Rule<>("a fact's date: not after today (the case's zone), not before "
            + EARLIEST_FACT, "must not be in the future (不得晚于今天); must not be before " + EARLIEST_FACT,
            (d, path, c) -> {
                if (d.isAfter(c.today())) throw new FieldProblem(path, "must not be in the future", "不得晚于今天");
                notBeforeEarliest(d, path);
            });

    /** The names of the date components that are planned rather than facts. */
    static final Set<String> PLANNED = Set.of("targetDate", "feedbackDueOn", "dueOn");

    /** A {@link LocalDate} that is {@linkplain #PLANNED planned}: may lie ahead. */
    static final Rule<LocalDate> PLANNED_DATE = new Rule<>("a planned date (components " + String.join(", ", new java.util.TreeSet<>(PLANNED))
            + "): between " + EARLIEST_FACT + " and " + LATEST_PLANNED, "must not be before " + EARLIEST_FACT
            + "; must not be after " + LATEST_PLANNED, (d, path, c) -> {
                notBeforeEarliest(d, path);
                if (d.isAfter(LATEST_PLANNED)) throw new FieldProblem(path, "must not be after " + LATEST_PLANNED, "不得晚于" + LATEST_PLANNED);
            });

    /** The components that may be absent (null), as {@code Record.component}; every other one is required. */
    static final Set<String> OPTIONAL = Set.of("Register.profile", "Import.profile", "Import.handlingUnit",
            "ProposeConclusion.outcome", "PetitionForm.repeatsCase", "PetitionForm.headcount", "PetitionForm.accused", "PetitionForm.subjectTags",
            "PetitionForm.Petitioner.idNumber", "PetitionForm.Petitioner.phone", "PetitionForm.Petitioner.address",
            "PetitionForm.AccusedParty.unit", "PetitionForm.AccusedParty.official", "PetitionForm.AccusedParty.outsideName",
            "Procedure.ImportedFact.days");

    /**
     * The name a type's components are listed under: a command's simple name ({@code Register}); a form nested in the
     * type it belongs to, with that type's name ({@code PetitionForm.Petitioner}).
     */
    static String typeName(Class<?> type) {
        Class<?> owner = type.getEnclosingClass();
        return owner == null || CaseCommand.class.isAssignableFrom(type) ? type.getSimpleName()
                : owner.getSimpleName() + "." + type.getSimpleName();
    }

    // ------------------------------------------------------------------ by name

    /** The bounds of an {@code int} component, by its name. */
    static final Map<String, Bounds> COUNTS = Map.of(
            "days", new Bounds(1, MAX_EXTENSION_SHAPE), "step", new Bounds(1, MAX_PLAN_STEPS),
            "headcount", new Bounds(1, MAX_PETITIONERS), "round", new Bounds(1, Integer.MAX_VALUE),
            "supervision", new Bounds(1, Integer.MAX_VALUE));

    /** The bounds of a list component's size, by its name. */
    static final Map<String, Bounds> LISTS = Map.of(
            "petitioners", new Bounds(1, MAX_PETITIONERS), "accused", new Bounds(0, MAX_ACCUSED),
            "facts", new Bounds(0, MAX_IMPORTED_FACTS), "steps", new Bounds(1, MAX_PLAN_STEPS),
            "subjectTags", new Bounds(0, Petition.MAX_SUBJECT_TAGS),
            "taskForce", new Bounds(1, MAX_ASSIGNEES, "must name at least one official", "须至少有一名工作人员"), "coUnits", new Bounds(0, MAX_ASSIGNEES));

    /** The rule of a {@code String} component, by its name. */
    static final Map<String, Rule<String>> STRINGS = strings();

    private static Map<String, Rule<String>> strings() {
        Map<String, Rule<String>> m = new LinkedHashMap<>();
        for (String name : List.of("organ", "batchName", "subjectArea", "outsideName")) m.put(name, line(MAX_SHORT_TEXT));
        m.put("name", line(PersonName.MAX_LENGTH));
        m.put("subjectTags", line(Petition.MAX_SUBJECT_TAG_LENGTH));
        m.put("address", line(Address.MAX_LENGTH));
        m.put("profile", new Rule<>("an id under TextRule.ID, at most 64 code points, naming a profile of the time limits",
                "the text rule's problem; unknown profile (时限方案不存在)", (s, path, c) -> {
                    problem(TextRule.ID.check(s, 64), path);
                    if (!c.limits().knowsProfile(s)) throw new FieldProblem(path, "unknown profile", "时限方案不存在");
                }));
        m.put("regionCode", parsed("a six-digit region code (GB/T 2260) of a province or below", RegionCode::new,
                "must be six digits naming a province or below", "须为六位数字的省级及以下行政区划代码"));
        m.put("idNumber", parsed("an 18-character resident ID number (GB 11643)", IdNumber::new,
                "must be an 18-character resident ID number with a valid check character", "须为校验码正确的18位居民身份证号码"));
        m.put("phone", parsed("a mobile or landline number", PhoneNumber::new,
                "must be a mobile or landline number", "须为手机或固定电话号码"));
        return Map.copyOf(m);
    }

    /**
     * Inclusive bounds of a count or of a list's size.
     *
     * @param min the least
     * @param max the most
     * @param tooFew what a list below min is, in English
     * @param tooFewChinese and in Chinese
     */
    record Bounds(int min, int max, String tooFew, String tooFewChinese) {
        Bounds(int min, int max) {
            this(min, max, "must not be empty", "不得为空");
        }

        void check(int n, String path) throws FieldProblem {
            if (n >= min && n <= max) return;
            if (max == Integer.MAX_VALUE) throw new FieldProblem(path, "must be at least " + min, "须至少为" + min);
            throw new FieldProblem(path, "must be between " + min + " and " + max, "须在" + min + "到" + max + "之间");
        }

        void checkSize(int n, String path) throws FieldProblem {
            if (n < min) throw new FieldProblem(path, tooFew, tooFewChinese);
            if (n > max) throw new FieldProblem(path, "must hold at most " + max, "最多" + max + "项");
        }

        String text() {
            return max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
        }
    }

    // ------------------------------------------------------------------ helpers

    static void problem(Optional<TextRule.Problem> problem, String path) throws FieldProblem {
        if (problem.isPresent()) throw new FieldProblem(path, problem.get().english(), problem.get().chinese());
    }

    private static Rule<String> line(int max) {
        return new Rule<>("one line under TextRule.LINE, at most " + max + " code points", "the text rule's problem",
                (s, path, c) -> problem(TextRule.LINE.check(s, max), path));
    }

    /** A value record's constructor as a check. */
    @FunctionalInterface
    private interface Parser {
        Object parse(String s);
    }

    private static Rule<String> parsed(String asks, Parser parser, String english, String chinese) {
        return new Rule<>(asks, english + " (" + chinese + ")", (s, path, c) -> {
            try {
                parser.parse(s);
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(path, english, chinese);
            }
        });
    }

    private static void notBeforeEarliest(LocalDate d, String path) throws FieldProblem {
        if (d.isBefore(EARLIEST_FACT)) throw new FieldProblem(path, "must not be before " + EARLIEST_FACT, "不得早于" + EARLIEST_FACT);
    }

    // ------------------------------------------------------------------ the docs

    /** @return the rules as Markdown: by type, by name, the optional components, the cross-field rules */
    static String toMarkdown() {
        StringBuilder md = new StringBuilder("# Validation rules\n\n")
                .append("Generated from `ShapeRules` and `CrossFieldRule` by `ShapeRulesTests`; do not edit by hand.\n\n")
                .append("The case service walks a command's record components in their declared order, by type, and answers the\n")
                .append("first bad one with a `VALIDATION` rejection naming its path (`reason`, `petition.petitioners[0].phone`,\n")
                .append("`steps[2].description`), never an exception. A form (a record of the `cases` package with more than one\n")
                .append("component) is walked component by component, then its cross-field rules run; a list's elements are walked\n")
                .append("as `name[i]`. Then the directory: an official actor acts for the official's own unit (`actor.official`,\n")
                .append("`actor.unit`), and every other `UnitId` must name a unit and every `OfficialId` an official.\n\n")
                .append("## By type\n\n| Type | Rule | Rejection |\n|---|---|---|\n")
                .append("| any | present, unless listed as optional below | ").append(MISSING).append(" |\n");
        row(md, "`FormText`", TEXT);
        row(md, "`LocalDate`", FACT_DATE);
        row(md, "`LocalDate` (planned)", PLANNED_DATE);
        md.append("| `int` | within the bounds of its name (below) | must be between m and n (须在m到n之间); must be at least m |\n")
                .append("| `Integer` | optional; bounded by its record's cross-field rule | (see the cross-field rules) |\n")
                .append("| `String` | the rule of its name (below) | (see below) |\n")
                .append("| `List` | size within the bounds of its name (below); every element present and walked | must not be empty (不得为空); must hold at most n (最多n项) |\n")
                .append("| a form | walked component by component, then its cross-field rules | (its components' and rules') |\n")
                .append("| ids, enums, `Actor`, `Instant`, `Boolean` | present | ").append(MISSING).append(" |\n")
                .append("| `UnitId`, `OfficialId` (directory) | names a unit or official of the directory | unknown unit (单位不存在); unknown official (工作人员不存在) |\n\n")
                .append("## Counts (`int`), by name\n\n| Component | Bounds |\n|---|---|\n");
        COUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(e.getValue().text()).append(" |\n"));
        md.append("\n## Lists, by name\n\n| Component | Size |\n|---|---|\n");
        LISTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(e.getValue().text()).append(" |\n"));
        md.append("\n## Strings, by name\n\n| Component | Rule | Rejection |\n|---|---|---|\n");
        STRINGS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> row(md, "`" + e.getKey() + "`", e.getValue()));
        md.append("\n## Optional components\n\n");
        OPTIONAL.stream().sorted().forEach(o -> md.append("- `").append(o).append("`\n"));
        md.append("\n## Cross-field rules\n\n| Rule | On | Asks | Rejection |\n|---|---|---|---|\n");
        for (CrossFieldRule r : CrossFieldRule.values()) {
            md.append("| `").append(r.name()).append("` | ").append(r.owners()).append(" | ").append(r.asks())
                    .append(" | ").append(r.rejections()).append(" |\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String type, Rule<?> rule) {
        md.append("| ").append(type).append(" | ").append(rule.asks()).append(" | ").append(rule.rejections()).append(" |\n");
    }
}
