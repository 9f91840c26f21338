package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xinfang.cases.CodecException.Problem;

import java.io.IOException;
import java.util.Map;

/**
 * Reads a sealed value type ({@link io.github.xinfang.cases.Actor}, {@link io.github.xinfang.cases.Petition.AccusedParty})
 * from an object whose {@link TypeTable#DISCRIMINATOR} property names the variant, wherever it stands in the
 * object; the rest of the object is read as that variant record. Immutable and thread-safe.
 */
final class SealedDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, Class<?>> variants;

    SealedDeserializer(Class<?> sealedType, Map<String, Class<?>> variants) {
        super(sealedType);
        this.variants = variants;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (!(node instanceof ObjectNode object)) {
            throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected an object for " + handledType().getSimpleName());
        }
        JsonNode kind = object.get(TypeTable.DISCRIMINATOR);
        Class<?> variant;
        if (kind == null || kind.isNull()) {
            throw at(CodecProblem.reading(p, Problem.MISSING_FIELD, "the variant of " + handledType().getSimpleName()));
        } else if (!kind.isTextual()) {
            throw at(CodecProblem.reading(p, Problem.WRONG_TYPE, "expected a string"));
        } else if ((variant = variants.get(kind.textValue())) == null) {
            throw at(CodecProblem.reading(p, Problem.INVALID_VALUE, "not a variant of " + handledType().getSimpleName()));
        }
        ObjectNode rest = object.deepCopy();
        rest.remove(TypeTable.DISCRIMINATOR);
        return ctxt.readTreeAsValue(rest, variant);
    }

    private JsonMappingException at(CodecProblem problem) {
        problem.prependPath(handledType(), TypeTable.DISCRIMINATOR);
        return problem;
    }
}
