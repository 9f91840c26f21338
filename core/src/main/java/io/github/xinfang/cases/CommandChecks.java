package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.time.TimeLimits;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape walk and the directory walk of a command. Both go over the command's record components in their declared
 * order and check each by its type, with the rules of {@link ShapeRules}; a component's path is its name, nested as
 * {@code petition.petitioners[0].phone} in forms and lists. A record's {@link CrossFieldRule}s run once its
 * components passed. No command type is named here: a new command needs no edit. Stateless apart from its
 * immutable collaborators; thread-safe. Every problem names the field's path and never its value.
 */
final class CommandChecks {
    private final TimeLimits limits;
    private final OrganisationDirectory directory;

    /**
     * @param limits the time-limit rules (to know profiles)
     * @param directory the organisation directory
     */
    CommandChecks(TimeLimits limits, OrganisationDirectory directory) {
        this.limits = limits;
        this.directory = directory;
    }

    /**
     * Checks every field of a command that can be checked without the case and the directory: presence, blanks,
     * ranges, formats, dates not in the future, and the cross-field rules.
     *
     * @param command the command (may be null)
     * @param today the current date in the case's zone
     * @throws FieldProblem naming the first bad field
     */
    void checkShape(CaseCommand command, LocalDate today) throws FieldProblem {
        if (command == null) throw missing("command");
        walk((Record) command, "", new ShapeRules.Context(today, limits));
    }

    /**
     * Checks a form on its own (with no profile in it), as {@link #checkShape} checks it inside a command.
     *
     * @param form the form, or null
     * @param path the form's path, e.g. {@code petition}
     * @param today the current date in the case's zone
     * @throws FieldProblem naming the first bad field
     */
    static void checkForm(Record form, String path, LocalDate today) throws FieldProblem {
        if (form == null) throw missing(path);
        walk(form, path + ".", new ShapeRules.Context(today, null));
    }

    /**
     * Checks that every unit and official a command names exists (every {@link UnitId} and {@link OfficialId}
     * component, in forms and lists too), and that an official actor acts for the official's own unit. Call after
     * {@link #checkShape}.
     *
     * @param command a command whose shape was checked
     * @throws FieldProblem naming the first unknown reference
     */
    void checkDirectory(CaseCommand command) throws FieldProblem {
        if (command.actor() instanceof Actor.OfficialActor a) {
            Optional<OrganisationDirectory.Official> official = directory.official(a.official());
            if (official.isEmpty()) throw new FieldProblem("actor.official", "unknown official", "工作人员不存在");
            if (!official.get().unit().equals(a.unit())) throw new FieldProblem("actor.unit", "is not the official's unit", "不是该工作人员所在单位");
        }
        directoryWalk((Record) command, "");
    }

    // ------------------------------------------------------------------ the shape walk

    private static void walk(Record r, String prefix, ShapeRules.Context context) throws FieldProblem {
        Class<?> type = r.getClass();
        for (Component c : COMPONENTS.get(type)) {
            String path = prefix + c.name();
            Object value = c.read(r);
            if (value == null) {
                if (c.type() == Integer.class || ShapeRules.OPTIONAL.contains(ShapeRules.typeName(type) + "." + c.name())) continue;
                throw missing(path);
            }
            check(c.name(), c.genericType(), value, path, context);
        }
        for (CrossFieldRule rule : CrossFieldRule.of(type)) rule.check(r, prefix);
    }

    /** Checks one present value by its type; {@code name} is its component's (a list's, for an element). */
    private static void check(String name, Type type, Object value, String path, ShapeRules.Context context) throws FieldProblem {
        if (value instanceof FormText t) {
            ShapeRules.TEXT.check().check(t, path, context);
        } else if (value instanceof LocalDate d) {
            (ShapeRules.PLANNED.contains(name) ? ShapeRules.PLANNED_DATE : ShapeRules.FACT_DATE).check().check(d, path, context);
        } else if (value instanceof String s) {
            named(ShapeRules.STRINGS, name, "String").check().check(s, path, context);
        } else if (value instanceof Integer n && type == int.class) {
            named(ShapeRules.COUNTS, name, "int").check(n, path);
        } else if (value instanceof List<?> list) {
            named(ShapeRules.LISTS, name, "List").checkSize(list.size(), path);
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) throw missing(path + "[" + i + "]");
                check(name, element, list.get(i), path + "[" + i + "]", context);
            }
        } else if (isForm(value.getClass())) {
            walk((Record) value, path + ".", context);
        }
        // any other type (ids, enums, actors, instants, Boolean, Integer): present is all it asks
    }

    // ------------------------------------------------------------------ the directory walk

    private void directoryWalk(Record r, String prefix) throws FieldProblem {
        for (Component c : COMPONENTS.get(r.getClass())) {
            Object value = c.read(r);
            if (value != null) inDirectory(value, prefix + c.name());
        }
    }

    private void inDirectory(Object value, String path) throws FieldProblem {
        if (value instanceof UnitId u) {
            if (directory.unit(u).isEmpty()) throw new FieldProblem(path, "unknown unit", "单位不存在");
        } else if (value instanceof OfficialId o) {
            if (directory.official(o).isEmpty()) throw new FieldProblem(path, "unknown official", "工作人员不存在");
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) inDirectory(list.get(i), path + "[" + i + "]");
        } else if (isForm(value.getClass())) {
            directoryWalk((Record) value, path + ".");
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A form: a record of this package with more than a single {@code String value}, other than an actor (whose
     * constructors check it) and a command.
     */
    static boolean isForm(Class<?> type) {
        return FORMS.get(type);
    }

    private static boolean form(Class<?> type) {
        if (!type.isRecord() || type.getPackage() != CommandChecks.class.getPackage()) return false;
        if (Actor.class.isAssignableFrom(type) || CaseCommand.class.isAssignableFrom(type)) return false;
        RecordComponent[] components = type.getRecordComponents();
        return !(components.length == 1 && components[0].getType() == String.class);
    }

    private static <T> T named(Map<String, T> rules, String name, String type) {
        T rule = rules.get(name);
        if (rule == null) throw new AssertionError("no shape rule for the " + type + " component " + name);
        return rule;
    }

    /**
     * A record component as the walks read it, looked up once per record type: {@link Class#getRecordComponents()}
     * builds new arrays and accessors at each call, and accessors never warm up.
     */
    private record Component(String name, Class<?> type, Type genericType, Method accessor) {
        Object read(Record r) {
            try {
                return accessor.invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError("the accessor " + name + " of " + r.getClass().getName() + " failed", e);
            }
        }
    }

    /** The components of each record type, in declaration order (computed once per type, never changed). */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new java.util.ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                components.add(new Component(c.getName(), c.getType(), c.getGenericType(), c.getAccessor()));
            }
            return List.copyOf(components);
        }
    };

    /** Whether each type is a form ({@link #isForm}), computed once per type. */
    private static final ClassValue<Boolean> FORMS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return form(type);
        }
    };

    private static FieldProblem missing(String path) {
        return new FieldProblem(path, "must not be null", "不得缺失");
    }
}
