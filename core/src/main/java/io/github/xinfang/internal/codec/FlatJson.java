package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal: a flat JSON object of strings, integers, nulls and lists of strings, for small stored payloads (a cluster
 * warning) that are not case events and need no codec of their own.
 *
 * <p>Not API; may change without notice. Stateless and thread-safe.
 */
public final class FlatJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlatJson() {}

    /**
     * @param fields the properties in order: each a {@link String}, an {@link Integer}, null, or a {@link List} of strings
     * @return the JSON object
     * @throws IllegalArgumentException naming a property of another type
     */
    public static String write(Map<String, ?> fields) {
        ObjectNode o = MAPPER.createObjectNode();
        fields.forEach((name, value) -> {
            if (value == null) o.putNull(name);
            else if (value instanceof String s) o.put(name, s);
            else if (value instanceof Integer i) o.put(name, i);
            else if (value instanceof List<?> list) {
                ArrayNode a = o.putArray(name);
                for (Object item : list) a.add((String) item);
            } else throw new IllegalArgumentException(name + " is neither a string, an integer nor a list of strings");
        });
        return o.toString();
    }

    /**
     * @param json a flat JSON object as {@link #write} writes it
     * @return its properties in order: strings, integers, nulls and lists of strings
     * @throws IllegalArgumentException if it is not such an object
     */
    public static Map<String, Object> read(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) throw new IllegalArgumentException("not a JSON object");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) out.put(e.getKey(), null);
            else if (v.isTextual()) out.put(e.getKey(), v.asText());
            else if (v.isInt()) out.put(e.getKey(), v.asInt());
            else if (v.isArray()) {
                List<String> list = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!item.isTextual()) throw new IllegalArgumentException(e.getKey() + " holds a non-string");
                    list.add(item.asText());
                }
                out.put(e.getKey(), List.copyOf(list));
            } else throw new IllegalArgumentException(e.getKey() + " is neither a string, an integer nor a list of strings");
        }
        return out;
    }
}
