package io.github.xinfang.persistence;

/**
 * A commit the store refused under a rule of {@link CaseStore}, naming the case it was for: the common part of
 * {@link VersionConflictException} (S3) and {@link DuplicateCommandException} (S5). Nothing was written.
 */
abstract sealed class RefusedCommitException extends StoreException
        permits VersionConflictException, DuplicateCommandException {
    private static final long serialVersionUID = 1L;

    private final String caseId;

    RefusedCommitException(String caseId, String message) {
        super(message);
        this.caseId = caseId;
    }

    /** @return the case whose commit was refused */
    public String caseId() {
        return caseId;
    }
}
