package io.github.xinfang.persistence;

/**
 * A commit's expected version was not the stored version of its case (rule S3 of {@link CaseStore}):
 * another writer committed first. Nothing was written.
 *
 * @since 0.1
 */
public final class VersionConflictException extends RefusedCommitException {
    private static final long serialVersionUID = 1L;

    private final long expectedVersion;
    private final long actualVersion;

    /**
     * Creates a conflict.
     *
     * @param caseId the case
     * @param expectedVersion the version the writer read
     * @param actualVersion the version stored, or -1 when the adapter cannot tell
     */
    public VersionConflictException(String caseId, long expectedVersion, long actualVersion) {
        super(caseId, "version conflict on case " + caseId + ": expected " + expectedVersion + ", stored " + actualVersion);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** @return the version the writer expected */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** @return the version found in the store, or -1 when the adapter cannot tell */
    public long actualVersion() {
        return actualVersion;
    }
}
