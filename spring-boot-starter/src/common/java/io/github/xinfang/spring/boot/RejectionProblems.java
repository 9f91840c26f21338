package io.github.xinfang.spring.boot;

import io.github.xinfang.cases.Rejection;
import io.github.xinfang.service.CommandResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Answers a command's result over HTTP: an applied command as {@code 200} with its case, version and whether it was
 * replayed (never its events, which hold personal data); a rejection as an RFC 9457 problem ({@link ProblemDetail})
 * whose title is the rejection's code, whose detail is its message in the request's language (Chinese for {@code zh},
 * English otherwise), with the properties {@code code}, {@code stage} and {@code field}, and the HTTP status of the
 * code: {@link #defaultStatuses()}, each overridable with {@code xinfang.web.status.<CODE>}. Immutable and
 * thread-safe.
 *
 * @since 0.4
 */
public final class RejectionProblems {
    private static final Map<Rejection.Code, Integer> DEFAULTS = defaults();

    private final Map<Rejection.Code, Integer> statuses;

    /**
     * @param overrides HTTP statuses that replace the defaults, by code
     * @throws IllegalArgumentException if a status is not between 400 and 599
     */
    public RejectionProblems(Map<Rejection.Code, Integer> overrides) {
        Map<Rejection.Code, Integer> m = new EnumMap<>(DEFAULTS);
        Objects.requireNonNull(overrides, "overrides").forEach((code, status) -> {
            if (status == null || status < 400 || status > 599) {
                throw new IllegalArgumentException("xinfang.web.status." + code + ": " + status + " is not an error status (400 to 599)");
            }
            m.put(code, status);
        });
        this.statuses = Collections.unmodifiableMap(m);
    }

    /**
     * The default HTTP status of each rejection code: {@code 404} for a case that does not exist; {@code 409} for a
     * conflict with the case's state or with another command ({@code ILLEGAL_TRANSITION}, {@code CASE_EXISTS},
     * {@code MERGED_INTO}, {@code IDEMPOTENCY_MISMATCH}, {@code VERSION_CONFLICT}); {@code 403} for who may not act
     * ({@code NOT_AUTHORISED}, {@code ACCUSED_PARTY}); {@code 400} for a field of the command ({@code VALIDATION}); and
     * {@code 422} for a rule of the statute or the profile that refuses a well-formed command (windows, categories,
     * extensions, ranks, the approver).
     *
     * @return the defaults, by code
     */
    public static Map<Rejection.Code, Integer> defaultStatuses() {
        return DEFAULTS;
    }

    /**
     * @param code a rejection code
     * @return its HTTP status
     */
    public int status(Rejection.Code code) {
        return statuses.get(Objects.requireNonNull(code, "code"));
    }

    /**
     * @param rejection a rejection
     * @param locale the request's locale (Chinese for {@code zh}, English otherwise)
     * @return the problem
     */
    public ProblemDetail problem(Rejection rejection, Locale locale) {
        Objects.requireNonNull(rejection, "rejection");
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status(rejection.code())),
                chinese ? rejection.messageChinese() : rejection.messageEnglish());
        p.setTitle(rejection.code().name());
        p.setType(URI.create("urn:xinfang:rejection:" + rejection.code().name()));
        p.setProperty("code", rejection.code().name());
        rejection.stage().ifPresent(s -> p.setProperty("stage", s.name()));
        rejection.field().ifPresent(f -> p.setProperty("field", f));
        return p;
    }

    /**
     * @param result what {@code CaseService.handle} answered
     * @param locale the request's locale
     * @return {@code 200} with {@code caseId}, {@code version} and {@code replayed}, or the rejection's problem
     */
    public ResponseEntity<Object> respond(CommandResult result, Locale locale) {
        Objects.requireNonNull(result, "result");
        if (result instanceof CommandResult.Rejected r) {
            ProblemDetail p = problem(r.rejection(), locale);
            return ResponseEntity.status(p.getStatus()).body(p);
        }
        CommandResult.Applied a = (CommandResult.Applied) result;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", a.caseId().value());
        body.put("version", a.version());
        body.put("replayed", a.replayed());
        return ResponseEntity.ok(body);
    }

    private static Map<Rejection.Code, Integer> defaults() {
        Map<Rejection.Code, Integer> m = new EnumMap<>(Rejection.Code.class);
        for (Rejection.Code c : Rejection.Code.values()) {
            m.put(c, switch (c) {
                case CASE_NOT_FOUND -> 404;
                case ILLEGAL_TRANSITION, CASE_EXISTS, MERGED_INTO, IDEMPOTENCY_MISMATCH, VERSION_CONFLICT -> 409;
                case NOT_AUTHORISED, ACCUSED_PARTY -> 403;
                case VALIDATION -> 400;
                case WINDOW_NOT_OPEN, WINDOW_EXPIRED, NOT_APPLICABLE_TO_CATEGORY, SAME_ACTOR, EXTENSION_ALREADY_GRANTED,
                     EXTENSION_TOO_LONG, NOT_PROVIDED_BY_PROFILE, RANK_TOO_LOW -> 422;
            });
        }
        return Collections.unmodifiableMap(m);
    }
}
