package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.xinfang.cases.CodecException.Problem;

/**
 * A problem found by the codec's own serializers and deserializers. It travels through Jackson as a
 * {@link JsonMappingException} so that Jackson prepends the field path while it unwinds; {@link CaseCodec}
 * turns it into a {@link io.github.xinfang.cases.CodecException}. Its message and detail carry no payload text.
 */
final class CodecProblem extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final String detail;
    /** A cause whose message is known to carry no payload text (a domain constructor's), or null. */
    private final transient Throwable safeCause;

    private CodecProblem(java.io.Closeable processor, Problem problem, String detail, Throwable safeCause) {
        super(processor, problem.description() + (detail == null ? "" : " (" + detail + ")"));
        this.problem = problem;
        this.detail = detail;
        this.safeCause = safeCause;
    }

    static CodecProblem reading(JsonParser p, Problem problem, String detail) {
        return new CodecProblem(p, problem, detail, null);
    }

    static CodecProblem refused(JsonParser p, Class<?> type, Throwable domainException) {
        return new CodecProblem(p, Problem.INVALID_VALUE, "refused by " + type.getSimpleName(), domainException);
    }

    static CodecProblem refused(JsonParser p, Problem problem, Class<?> type, Throwable domainException) {
        return new CodecProblem(p, problem, "refused by " + type.getSimpleName(), domainException);
    }

    static CodecProblem writing(JsonGenerator g, String detail) {
        return new CodecProblem(g, Problem.NOT_ENCODABLE, detail, null);
    }

    Problem problem() {
        return problem;
    }

    String detail() {
        return detail;
    }

    Throwable safeCause() {
        return safeCause;
    }
}
