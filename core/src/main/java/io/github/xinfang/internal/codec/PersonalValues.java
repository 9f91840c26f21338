package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.CodecException.Problem;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.Withheld;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.KeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How personal values (names, ID numbers, phones, addresses, free text) are stored: in clear, or sealed under the key
 * of their person or case. A sealed value takes the place of the JSON string as
 * {@code {"$enc": ref, "alg": cipher, "ct": base64(nonce || ciphertext || tag)}}, where {@code ref} names the key
 * ({@link DataKey#ref()}: {@code pN} inside {@code petitioners[N]}, {@code aN} inside {@code accused[N]}, else
 * {@code case}), and the associated data is the UTF-8 of
 * {@code "xinfang-personal/1\n" + caseId + "\n" + record + "\n" + number + "\n" + path + "\n" + ref} (record: the
 * event's type name or {@code case.snapshot}; number: the event's sequence or the snapshot's version; path: the
 * value's place in the stored payload, as {@code petition.petitioners[0].name}). A {@link Withheld} placeholder is
 * always stored as its marker string.
 *
 * <p>Decoding opens every sealed value in the parsed tree before any upcaster runs, so paths are those of the stored
 * payload; a value whose key was destroyed becomes {@link Withheld#ERASED}'s marker. Stateless apart from the caches
 * of one call.
 */
final class PersonalValues {
    /** The attribute of an {@code ObjectWriter} carrying the {@link Writer} of one encoding. */
    static final Object WRITER = PersonalValues.class;
    /** The property that marks a sealed value. */
    static final String SEALED = "$enc";
    static final String FORMAT = "xinfang-personal/1";
    private static final Set<Class<?>> PERSONAL = Set.of(PersonName.class, IdNumber.class, PhoneNumber.class,
            Address.class, FreeText.class);

    private PersonalValues() {}

    /** @return whether values of a type are personal data */
    static boolean personal(Class<?> type) {
        return PERSONAL.contains(type);
    }

    /** Writes one personal value's text in place of a JSON string. */
    interface Writer {
        void write(JsonGenerator gen, String clear) throws IOException;
    }

    /** @return a writer sealing every value under its key, for one record */
    static Writer sealing(KeyProvider keys, PersonalDataCipher cipher, CaseId caseId, String record, long number) {
        Map<String, SecretKey> cache = new HashMap<>(4);
        return (gen, clear) -> {
            JsonStreamContext here = gen.getOutputContext();
            String ref = ref(here);
            SecretKey key = cache.computeIfAbsent(ref, r -> keys.keyForWriting(DataKey.parse(caseId, r)));
            byte[] sealed = cipher.seal(key, associatedData(caseId.value(), record, number, path(here), ref),
                    clear.getBytes(StandardCharsets.UTF_8));
            gen.writeStartObject();
            gen.writeStringField(SEALED, ref);
            gen.writeStringField("alg", cipher.name());
            gen.writeStringField("ct", Base64.getEncoder().encodeToString(sealed));
            gen.writeEndObject();
        };
    }

    /** @return a writer putting a placeholder in place of every value whose key {@code reasons} maps to one */
    static Writer withholding(CaseId caseId, Function<DataKey, Withheld> reasons) {
        return (gen, clear) -> {
            Withheld reason = reasons.apply(DataKey.parse(caseId, ref(gen.getOutputContext())));
            gen.writeString(reason == null ? clear : reason.marker());
        };
    }

    static byte[] associatedData(String caseId, String record, long number, String path, String ref) {
        return (FORMAT + "\n" + caseId + "\n" + record + "\n" + number + "\n" + path + "\n" + ref).getBytes(StandardCharsets.UTF_8);
    }

    /** The key reference of the value about to be written in {@code here}. */
    private static String ref(JsonStreamContext here) {
        for (JsonStreamContext c = here; c != null; c = c.getParent()) {
            JsonStreamContext parent = c.getParent();
            if (c.inArray() && parent != null && parent.inObject()) {
                String field = parent.getCurrentName();
                if ("petitioners".equals(field) || "accused".equals(field)) {
                    return (field.charAt(0) == 'p' ? "p" : "a") + index(c, here);
                }
            }
        }
        return "case";
    }

    /**
     * The position in an array context of the value being written: the next entry when the value is written straight
     * into it, else the entry already started that holds it.
     */
    private static int index(JsonStreamContext array, JsonStreamContext here) {
        return array == here ? array.getEntryCount() : array.getEntryCount() - 1;
    }

    /** The path of the value about to be written in {@code here}: field names and indices from the root. */
    private static String path(JsonStreamContext here) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = here; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                segments.add("." + c.getCurrentName());
            } else if (c.inArray()) {
                segments.add("[" + index(c, here) + "]");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) sb.append(segments.get(i));
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    /**
     * Opens every sealed value of a parsed payload in place.
     *
     * @param tree the payload
     * @param keys the keys, or null when the codec has none (then a sealed value is an error)
     * @param cipher the cipher, or null with keys
     * @param caseId the stored record's case id
     * @param record the stored type name
     * @param number the sequence or snapshot version
     * @param version the stored schema version (for errors)
     * @return the tree, with the clear text or a placeholder in place of each sealed value
     * @throws CodecException if a sealed value is malformed, does not authenticate, or cannot be opened without keys
     */
    static JsonNode open(JsonNode tree, KeyProvider keys, PersonalDataCipher cipher, CaseId caseId, String record,
                         long number, int version) {
        Opening opening = new Opening(keys, cipher, caseId, record, number, version);
        opening.walk(tree, "", "");
        return tree;
    }

    private static final class Opening {
        private final KeyProvider keys;
        private final PersonalDataCipher cipher;
        private final CaseId caseId;
        private final String record;
        private final long number;
        private final int version;
        private final Map<String, Optional<SecretKey>> cache = new HashMap<>(4);

        Opening(KeyProvider keys, PersonalDataCipher cipher, CaseId caseId, String record, long number, int version) {
            this.keys = keys;
            this.cipher = cipher;
            this.caseId = caseId;
            this.record = record;
            this.number = number;
            this.version = version;
        }

        /** @param safe the path with every name that is not a schema name shown as {@code ?}, for errors */
        void walk(JsonNode node, String path, String safe) {
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String name = field.getKey();
                    String at = path.isEmpty() ? name : path + "." + name;
                    String shown = (safe.isEmpty() ? "" : safe + ".") + (TypeTable.isSchemaName(name) ? name : "?");
                    if (isSealed(field.getValue())) {
                        field.setValue(TextNode.valueOf(openValue((ObjectNode) field.getValue(), at, shown)));
                    } else {
                        walk(field.getValue(), at, shown);
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    String at = path + "[" + i + "]";
                    String shown = safe + "[" + i + "]";
                    if (isSealed(array.get(i))) {
                        array.set(i, TextNode.valueOf(openValue((ObjectNode) array.get(i), at, shown)));
                    } else {
                        walk(array.get(i), at, shown);
                    }
                }
            }
        }

        private static boolean isSealed(JsonNode node) {
            return node instanceof ObjectNode o && o.has(SEALED);
        }

        private String openValue(ObjectNode sealed, String path, String shown) {
            JsonNode ref = sealed.get(SEALED);
            JsonNode alg = sealed.get("alg");
            JsonNode ct = sealed.get("ct");
            if (sealed.size() != 3 || !ref.isTextual() || alg == null || !alg.isTextual() || ct == null || !ct.isTextual()) {
                throw problem(Problem.WRONG_TYPE, shown, "a sealed personal value must hold $enc, alg and ct as strings");
            }
            if (keys == null) {
                throw problem(Problem.INVALID_VALUE, shown, "an encrypted personal value, and the codec has no key provider");
            }
            if (!cipher.is(alg.textValue())) {
                throw problem(Problem.INVALID_VALUE, shown, "sealed with another cipher than " + cipher.name());
            }
            DataKey key;
            byte[] bytes;
            try {
                key = DataKey.parse(caseId, ref.textValue());
                bytes = Base64.getDecoder().decode(ct.textValue());
            } catch (IllegalArgumentException e) {
                throw problem(Problem.INVALID_VALUE, shown, "a sealed personal value's key reference or base64 is malformed");
            }
            Optional<SecretKey> secret = cache.computeIfAbsent(key.ref(), r -> keys.keyForReading(key));
            if (secret.isEmpty()) return Withheld.ERASED.marker();
            byte[] clear = cipher.open(secret.get(), associatedData(caseId.value(), record, number, path, key.ref()), bytes)
                    .orElseThrow(() -> problem(Problem.INVALID_VALUE, shown,
                            "a personal value does not authenticate (altered, moved, or sealed under another key)"));
            return new String(clear, StandardCharsets.UTF_8);
        }

        private CodecException problem(Problem problem, String path, String detail) {
            return new CodecException(record, version, problem, path.isEmpty() ? null : path, detail, null);
        }
    }
}
