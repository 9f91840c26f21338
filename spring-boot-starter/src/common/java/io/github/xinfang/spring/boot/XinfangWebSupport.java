package io.github.xinfang.spring.boot;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.persistence.TransientStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.Objects;

/**
 * The starter's Spring MVC support: the {@code Idempotency-Key} header as a controller parameter of type
 * {@link IdempotencyKey} ({@code 400} when it is missing or not a valid key), the acting {@link Actor} from the
 * application's {@link ActorResolver} ({@code 401} when nobody acts), and problems for the library's infrastructure
 * failures: a transient store failure is {@code 503} ({@code TRANSIENT_STORE_FAILURE}), corrupt stored data {@code 500}
 * ({@code CORRUPT_STORED_DATA}); neither echoes its message, which may quote the database. Thread-safe.
 */
final class XinfangWebSupport {
    /** The header that carries a command's idempotency key. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private XinfangWebSupport() {}

    /** Resolves {@link IdempotencyKey} parameters from the {@code Idempotency-Key} header. */
    static final class KeyResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == IdempotencyKey.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) throws Exception {
            String value = request.getHeader(IDEMPOTENCY_KEY);
            if (value == null) throw new MissingRequestHeaderException(IDEMPOTENCY_KEY, parameter);
            try {
                return new IdempotencyKey(value);
            } catch (IllegalArgumentException e) {
                throw new ServletRequestBindingException(IDEMPOTENCY_KEY + ": " + e.getMessage());
            }
        }
    }

    /** Resolves {@link Actor} parameters through the application's {@link ActorResolver}. */
    static final class ActorArgumentResolver implements HandlerMethodArgumentResolver {
        private final ActorResolver actors;

        ActorArgumentResolver(ActorResolver actors) {
            this.actors = Objects.requireNonNull(actors, "actors");
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Actor.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            return actors.actor(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "nobody acts"));
        }
    }

    /** Problems for the library's infrastructure failures; after the application's own advice. */
    @RestControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static final class Advice {
        private static final Logger log = LoggerFactory.getLogger(Advice.class);

        @ExceptionHandler(TransientStoreException.class)
        ResponseEntity<ProblemDetail> transientFailure(TransientStoreException e) {
            log.warn("xinfang store failed transiently: {}", e.getClass().getName());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "TRANSIENT_STORE_FAILURE", "the case store is briefly unavailable; try again");
        }

        @ExceptionHandler(CodecException.class)
        ResponseEntity<ProblemDetail> corruptData(CodecException e) {
            log.error("xinfang could not read stored data: type {} version {} problem {}", e.typeName(), e.schemaVersion(), e.problem());
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "CORRUPT_STORED_DATA", "stored case data could not be read");
        }

        /**
         * A request parameter or path variable that does not make one of xinfang's value types (a blank case id, a
         * region code that is not one): 400 naming the parameter and the type, without echoing the value. Any other
         * type mismatch is left to Spring's own handling.
         */
        @ExceptionHandler(MethodArgumentTypeMismatchException.class)
        ResponseEntity<ProblemDetail> invalidValue(MethodArgumentTypeMismatchException e, NativeWebRequest request)
                throws MethodArgumentTypeMismatchException {
            Class<?> type = e.getRequiredType();
            if (type == null || !type.getName().startsWith("io.github.xinfang.")) throw e;
            ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                    "parameter '" + e.getName() + "' is not a valid " + type.getSimpleName());
            answer.getBody().setProperty("field", e.getName());
            // the request's own path holds the refused value: name the route's pattern instead
            Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                    NativeWebRequest.SCOPE_REQUEST);
            answer.getBody().setInstance(URI.create(pattern instanceof String p ? p.replace("{", "%7B").replace("}", "%7D") : "about:blank"));
            return answer;
        }

        /** A listing's cursor from the request that the listing did not make: 400, naming the parameter, not its text. */
        @ExceptionHandler(io.github.xinfang.service.CaseListings.InvalidCursorException.class)
        ResponseEntity<ProblemDetail> invalidCursor(io.github.xinfang.service.CaseListings.InvalidCursorException e) {
            ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                    "the cursor is not one of this listing's: pass back the next cursor of a page of the same listing");
            answer.getBody().setProperty("field", "cursor");
            answer.getBody().setInstance(URI.create("about:blank"));
            return answer;
        }

        private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
            p.setTitle(code);
            p.setType(URI.create("urn:xinfang:failure:" + code));
            p.setProperty("code", code);
            return ResponseEntity.status(status).body(p);
        }
    }
}
