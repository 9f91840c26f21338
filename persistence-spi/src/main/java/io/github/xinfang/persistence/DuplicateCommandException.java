package io.github.xinfang.persistence;

/**
 * A commit carried an idempotency key already recorded for its case (rule S5 of {@link CaseStore}).
 * Nothing was written.
 *
 * @since 0.1
 */
public final class DuplicateCommandException extends RefusedCommitException {
    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;

    /**
     * Creates the error.
     *
     * @param caseId the case
     * @param idempotencyKey the key that was already applied
     */
    public DuplicateCommandException(String caseId, String idempotencyKey) {
        super(caseId, "idempotency key already applied on case " + caseId + ": " + idempotencyKey);
        this.idempotencyKey = idempotencyKey;
    }

    /** @return the duplicated key */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
