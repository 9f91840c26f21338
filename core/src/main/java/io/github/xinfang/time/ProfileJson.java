package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.text.TextRule;
import io.github.xinfang.internal.json.JsonTree;
import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.petition.Category;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one profile from its JSON text. Limits: a document of at most {@value #MAX_DOCUMENT_CHARS} characters,
 * strings of at most {@value #MAX_STRING_CHARS} characters, nesting at most {@value #MAX_DEPTH} deep, one JSON
 * value and nothing after it; an id of at most {@value #MAX_ID_CHARS} characters without whitespace or control
 * characters, a name of at most {@value #MAX_NAME_CHARS} characters and a source note of at most
 * {@value #MAX_NOTE_CHARS}. A refusal names the field or the line, never the offending value.
 * Stateless; thread-safe.
 */
final class ProfileJson {
    /** The longest profile document read, in characters. */
    public static final long MAX_DOCUMENT_CHARS = 1L << 20;
    /** The longest string in a profile document, in characters. */
    public static final int MAX_STRING_CHARS = 10_000;
    /** The deepest nesting of arrays and objects in a profile document. */
    public static final int MAX_DEPTH = 16;
    /** The longest profile id. */
    public static final int MAX_ID_CHARS = Profile.MAX_ID_LENGTH;
    /** The longest profile name. */
    public static final int MAX_NAME_CHARS = Profile.MAX_NAME_LENGTH;
    /** The longest {@code source} note of a clock. */
    public static final int MAX_NOTE_CHARS = 500;

    private static final JsonTree JSON = JsonTree.withLimits(MAX_DOCUMENT_CHARS, MAX_STRING_CHARS, MAX_DEPTH);

    private static final Set<String> PROFILE_FIELDS = Set.of("id", "name", "terminationProvided", "maxExtensionDays", "clocks");
    private static final Set<String> CLOCK_FIELDS = Set.of("clock", "length", "count", "warnDays", "categories",
            "countsStartDay", "rollsToWorkingDay", "source");

    private ProfileJson() {}

    /**
     * Parses a profile.
     *
     * @param reader the JSON text
     * @param source a name for messages
     * @return the profile
     * @throws ProfileCatalogue.ProfileDataException on any problem, naming the source and the field
     */
    public static Profile read(Reader reader, String source) {
        if (!(parse(reader, source) instanceof Map<?, ?> root)) {
            throw new ProfileCatalogue.ProfileDataException(source, "the document must be an object", null);
        }
        unknownFields(root, PROFILE_FIELDS, source, "$");
        String id = text(root, "id", source, "$");
        textRule(TextRule.ID, id, MAX_ID_CHARS, source, "$.id");
        String name = text(root, "name", source, "$");
        textRule(TextRule.LINE, name, MAX_NAME_CHARS, source, "$.name");
        boolean termination = bool(root, "terminationProvided", false, source, "$");
        int maxExtension = integer(root, "maxExtensionDays", source, "$");
        if (!(root.get("clocks") instanceof List<?> clocks)) throw new ProfileCatalogue.ProfileDataException(source, "$.clocks must be an array", null);
        List<Profile.ClockRule> rules = new ArrayList<>();
        for (int i = 0; i < clocks.size(); i++) {
            String at = "$.clocks[" + i + "]";
            if (!(clocks.get(i) instanceof Map<?, ?> c)) throw new ProfileCatalogue.ProfileDataException(source, at + " must be an object", null);
            unknownFields(c, CLOCK_FIELDS, source, at);
            ClockId clock;
            try {
                clock = ClockId.valueOf(text(c, "clock", source, at));
            } catch (IllegalArgumentException e) {
                throw new ProfileCatalogue.ProfileDataException(source, at + ".clock is not a known clock", null);
            }
            int length = integer(c, "length", source, at);
            if (length < 1) throw new ProfileCatalogue.ProfileDataException(source, at + ".length must be at least 1 day", null);
            String count = text(c, "count", source, at);
            TimeLimit.DayCount dayCount;
            if (count.equals("days")) dayCount = TimeLimit.DayCount.CALENDAR_DAYS;
            else if (count.equals("working-days")) dayCount = TimeLimit.DayCount.WORKING_DAYS;
            else throw new ProfileCatalogue.ProfileDataException(source, at + ".count must be days or working-days", null);
            int warn = c.containsKey("warnDays") ? integer(c, "warnDays", source, at) : 0;
            if (warn >= length) {
                throw new ProfileCatalogue.ProfileDataException(source, at + ".warnDays must be less than the length (" + length + ")", null);
            }
            if (c.containsKey("source") && (!(c.get("source") instanceof String note) || note.length() > MAX_NOTE_CHARS)) {
                throw new ProfileCatalogue.ProfileDataException(source, at + ".source must be a string of at most " + MAX_NOTE_CHARS + " characters", null);
            }
            Set<Category> categories = EnumSet.allOf(Category.class);
            if (c.containsKey("categories")) {
                if (!(c.get("categories") instanceof List<?> cats) || cats.isEmpty()) {
                    throw new ProfileCatalogue.ProfileDataException(source, at + ".categories must be a non-empty array", null);
                }
                categories = EnumSet.noneOf(Category.class);
                for (Object cat : cats) {
                    try {
                        categories.add(Category.valueOf(cat instanceof String categoryName ? categoryName : ""));
                    } catch (IllegalArgumentException e) {
                        throw new ProfileCatalogue.ProfileDataException(source, at + ".categories holds an unknown category", null);
                    }
                }
            }
            try {
                TimeLimit limit = new TimeLimit(length, dayCount, bool(c, "countsStartDay", false, source, at),
                        bool(c, "rollsToWorkingDay", true, source, at));
                rules.add(new Profile.ClockRule(clock, limit, warn, categories));
            } catch (IllegalArgumentException e) {
                throw new ProfileCatalogue.ProfileDataException(source, at + ": " + e.getMessage(), null);
            }
        }
        try {
            return new Profile(id, name, termination, maxExtension, rules);
        } catch (IllegalArgumentException e) {
            throw new ProfileCatalogue.ProfileDataException(source, "$." + e.getMessage(), null);
        }
    }

    /** One JSON value and nothing after it, or a refusal naming the line and what is wrong. */
    private static Object parse(Reader reader, String source) {
        try {
            return JSON.read(reader);
        } catch (JsonTree.Problem p) {
            String where = p.where("line ?");
            throw switch (p.kind()) {
                case EMPTY -> new ProfileCatalogue.ProfileDataException(source, "the document must be an object", null);
                case TOO_LARGE -> new ProfileCatalogue.ProfileDataException(source, "too large at " + where + ": " + p.detail(), null);
                case MALFORMED, UNREADABLE -> new ProfileCatalogue.ProfileDataException(source, "malformed JSON at " + where, null);
                case CONTENT_AFTER -> new ProfileCatalogue.ProfileDataException(source, "malformed JSON at " + where + ": content after the document", null);
                case IO -> new ProfileCatalogue.ProfileDataException(source, "could not be read", p.getCause());
            };
        }
    }

    private static void unknownFields(Map<?, ?> node, Set<String> known, String source, String at) {
        for (Object f : node.keySet()) {
            if (!known.contains(f)) throw new ProfileCatalogue.ProfileDataException(source, at + " has an unknown field", null);
        }
    }

    private static String text(Map<?, ?> node, String field, String source, String at) {
        if (!(node.get(field) instanceof String v) || v.isBlank()) {
            throw new ProfileCatalogue.ProfileDataException(source, at + "." + field + " must be a non-blank string", null);
        }
        return v;
    }

    private static int integer(Map<?, ?> node, String field, String source, String at) {
        if (!(node.get(field) instanceof Integer v) || v < 0 || v > 3650) {
            throw new ProfileCatalogue.ProfileDataException(source, at + "." + field + " must be a whole number from 0 to 3650", null);
        }
        return v;
    }

    private static boolean bool(Map<?, ?> node, String field, boolean fallback, String source, String at) {
        if (!node.containsKey(field)) return fallback;
        if (!(node.get(field) instanceof Boolean v)) {
            throw new ProfileCatalogue.ProfileDataException(source, at + "." + field + " must be true or false", null);
        }
        return v;
    }

    /** A string of the file under a kind of the text rule; the problem is named, the value never quoted. */
    private static void textRule(TextRule rule, String value, int max, String source, String path) {
        java.util.Optional<TextRule.Problem> problem = rule.check(value, max);
        if (problem.isPresent()) throw new ProfileCatalogue.ProfileDataException(source, path + " " + problem.get().english(), null);
    }
}
