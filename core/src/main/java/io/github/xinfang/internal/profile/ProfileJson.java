package io.github.xinfang.internal.profile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
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

/** Reads one profile from its JSON text. Stateless; thread-safe. */
public final class ProfileJson {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(1L << 20).maxStringLength(10_000).maxNestingDepth(16).build())
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
        JsonNode root;
        try {
            root = MAPPER.readTree(reader);
        } catch (JacksonException e) {
            throw new ProfileDataException(source, "malformed JSON at line " + e.getLocation().getLineNr(), null);
        } catch (IOException e) {
            throw new ProfileDataException(source, "could not be read", e);
        }
        if (root == null || !root.isObject()) throw new ProfileDataException(source, "the document must be an object", null);
        unknownFields(root, PROFILE_FIELDS, source, "$");
        String id = text(root, "id", source, "$");
        String name = text(root, "name", source, "$");
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
            String count = text(c, "count", source, at);
            DayCount dayCount;
            if (count.equals("days")) dayCount = DayCount.CALENDAR_DAYS;
            else if (count.equals("working-days")) dayCount = DayCount.WORKING_DAYS;
            else throw new ProfileDataException(source, at + ".count must be days or working-days", null);
            int warn = c.has("warnDays") ? integer(c, "warnDays", source, at) : 0;
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
            throw new ProfileDataException(source, "$: " + e.getMessage(), null);
        }
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
}
