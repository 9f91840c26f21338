package io.github.xinfang.examples.portal;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.CrudRepository;

import java.util.List;

/**
 * The portal's activity log ({@code portal_case_log}): a projection of xinfang's change feed, one row per committed
 * change, written by the {@code portal-case-log} handler in the starter's feed runner's transaction.
 */
interface CaseLog extends CrudRepository<CaseLog.Entry, Long> {

    /**
     * One committed change of a case.
     *
     * @param id the row's id (null until saved)
     * @param position the change's position in the feed, unique
     * @param caseId the case
     * @param version the case's version after the change
     * @param events the stored type names of its events, comma-separated
     */
    @Table("portal_case_log")
    record Entry(@Id Long id, long position, String caseId, long version, String events) {}

    /**
     * @param caseId a case
     * @return its changes, oldest first
     */
    List<Entry> findByCaseIdOrderByPosition(String caseId);

    /**
     * @param position a position in the feed
     * @return whether its change is logged
     */
    boolean existsByPosition(long position);
}
