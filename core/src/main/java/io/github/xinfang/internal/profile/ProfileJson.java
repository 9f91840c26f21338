package io.github.xinfang.internal.profile;

import io.github.xinfang.text.TextRule;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.xinfang.calendar.DayCount;
import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.petition.Category;
import io.github.xinfang.time.ClockId;
import io.github.xinfang.time.ClockRule;
import io.github.xinfang.time.Profile;
import io.github.xinfang.time.ProfileDataException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one profile from its JSON text. Limits: a document of at most {@value #MAX_DOCUMENT_CHARS} characters,
 * strings of at most {@value #MAX_STRING_CHARS} characters, nesting at most {@value #MAX_DEPTH} deep, one JSON
 * value and nothing after it; an id of at most {@value #MAX_ID_CHARS} characters without whitespace or control
 * characters, a name of at most {@value #MAX_NAME_CHARS} characters and a source note of at most
 * {@value #MAX_NOTE_CHARS}. A refusal names the field or the line, never the offending value.
 * Stateless; thread-safe.
 */
public final class ProfileJson {
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

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_CHARS).maxStringLength(MAX_STRING_CHARS).maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

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
     * @throws ProfileDataException on any problem, naming the source and the field
     */
    public static Profile read(Reader reader, String source) {
        JsonNode root = parse(reader, source);
        if (root == null || !root.isObject()) throw new ProfileDataException(source, "the document must be an object", null);
        unknownFields(root, PROFILE_FIELDS, source, "$");
        String id = text(root, "id", source, "$");
        textRule(TextRule.ID, id, MAX_ID_CHARS, source, "$.id");
        String name = text(root, "name", source, "$");
        textRule(TextRule.LINE, name, MAX_NAME_CHARS, source, "$.name");
        boolean termination = bool(root, "terminationProvided", false, source, "$");
        int maxExtension = integer(root, "maxExtensionDays", source, "$");
        JsonNode clocks = root.get("clocks");
        if (clocks == null || !clocks.isArray()) throw new ProfileDataException(source, "$.clocks must be an array", null);
        List<ClockRule> rules = new ArrayList<>();
        for (int i = 0; i < clocks.size(); i++) {
            String at = "$.clocks[" + i + "]";
            JsonNode c = clocks.get(i);
            if (!c.isObject()) throw new ProfileDataException(source, at + " must be an object", null);
            unknownFields(c, CLOCK_FIELDS, source, at);
            ClockId clock;
            try {
                clock = ClockId.valueOf(text(c, "clock", source, at));
            } catch (IllegalArgumentException e) {
                throw new ProfileDataException(source, at + ".clock is not a known clock", null);
            }
            int length = integer(c, "length", source, at);
            if (length < 1) throw new ProfileDataException(source, at + ".length must be at least 1 day", null);
            String count = text(c, "count", source, at);
            DayCount dayCount;
            if (count.equals("days")) dayCount = DayCount.CALENDAR_DAYS;
            else if (count.equals("working-days")) dayCount = DayCount.WORKING_DAYS;
            else throw new ProfileDataException(source, at + ".count must be days or working-days", null);
            int warn = c.has("warnDays") ? integer(c, "warnDays", source, at) : 0;
            if (warn >= length) {
                throw new ProfileDataException(source, at + ".warnDays must be less than the length (" + length + ")", null);
            }
            if (c.has("source") && (!c.get("source").isTextual() || c.get("source").asText().length() > MAX_NOTE_CHARS)) {
                throw new ProfileDataException(source, at + ".source must be a string of at most " + MAX_NOTE_CHARS + " characters", null);
            }
            Set<Category> categories = EnumSet.allOf(Category.class);
            if (c.has("categories")) {
                JsonNode cats = c.get("categories");
                if (!cats.isArray() || cats.isEmpty()) throw new ProfileDataException(source, at + ".categories must be a non-empty array", null);
                categories = EnumSet.noneOf(Category.class);
                for (JsonNode cat : cats) {
                    try {
                        categories.add(Category.valueOf(cat.asText()));
                    } catch (IllegalArgumentException e) {
                        throw new ProfileDataException(source, at + ".categories holds an unknown category", null);
                    }
                }
            }
            try {
                TimeLimit limit = new TimeLimit(length, dayCount, bool(c, "countsStartDay", false, source, at),
                        bool(c, "rollsToWorkingDay", true, source, at));
                rules.add(new ClockRule(clock, limit, warn, categories));
            } catch (IllegalArgumentException e) {
                throw new ProfileDataException(source, at + ": " + e.getMessage(), null);
            }
        }
        try {
            return new Profile(id, name, termination, maxExtension, rules);
        } catch (IllegalArgumentException e) {
            throw new ProfileDataException(source, "$." + e.getMessage(), null);
        }
    }

    /** One JSON value and nothing after it, or a refusal naming the line and what is wrong. */
    private static JsonNode parse(Reader reader, String source) {
        try (JsonParser parser = MAPPER.createParser(reader)) {
            try {
                JsonNode root = MAPPER.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw new ProfileDataException(source, "malformed JSON at " + where(parser.currentLocation())
                            + ": content after the document", null);
                }
                return root;
            } catch (StreamConstraintsException e) {
                throw new ProfileDataException(source, "too large at " + where(location(e, parser)) + ": " + limit(e), null);
            } catch (JacksonException e) {
                throw new ProfileDataException(source, "malformed JSON at " + where(location(e, parser)), null);
            }
        } catch (IOException e) {
            throw new ProfileDataException(source, "could not be read", e);
        }
    }

    /** Where a parser failure happened: the exception's location, or the parser's when the exception has none. */
    private static JsonLocation location(JacksonException e, JsonParser parser) {
        return e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) return "line ?";
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's description of the exceeded limit (numbers only), without its pointer into Jackson's API. */
    private static String limit(StreamConstraintsException e) {
        String m = e.getOriginalMessage();
        return m == null ? "a size limit is exceeded" : m.replaceAll(", from `[^`]*`", "");
    }

    private static void unknownFields(JsonNode node, Set<String> known, String source, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) throw new ProfileDataException(source, at + " has an unknown field", null);
        }
    }

    private static String text(JsonNode node, String field, String source, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ProfileDataException(source, at + "." + field + " must be a non-blank string", null);
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field, String source, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isInt() || v.asInt() < 0 || v.asInt() > 3650) {
            throw new ProfileDataException(source, at + "." + field + " must be a whole number from 0 to 3650", null);
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode node, String field, boolean fallback, String source, String at) {
        JsonNode v = node.get(field);
        if (v == null) return fallback;
        if (!v.isBoolean()) throw new ProfileDataException(source, at + "." + field + " must be true or false", null);
        return v.asBoolean();
    }

    /** A string of the file under a kind of the text rule; the problem is named, the value never quoted. */
    private static void textRule(TextRule rule, String value, int max, String source, String path) {
        java.util.Optional<TextRule.Problem> problem = rule.check(value, max);
        if (problem.isPresent()) throw new ProfileDataException(source, path + " " + problem.get().english(), null);
    }
}
