package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Internal: plain values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, null, as
 * {@link PlainJson} writes and reads them) to JSON text and back, for small stored payloads that are not case events
 * (a cluster warning).
 *
 * <p>Not API; may change without notice. Stateless and thread-safe.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {}

    /**
     * @param plain plain values
     * @return their JSON text
     * @throws IllegalArgumentException if they are not plain values
     */
    public static String write(Object plain) {
        try {
            return MAPPER.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not plain values: " + e.getOriginalMessage());
        }
    }

    /**
     * @param json JSON text
     * @return its plain values
     * @throws IllegalArgumentException if it is not JSON (the message does not echo the text)
     */
    public static Object read(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getClass().getSimpleName());
        }
    }
}
