package io.github.xinfang.examples.portal;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.CrudRepository;

/** The portal's own registration receipts (登记回执), in its own table {@code portal_receipt}. */
interface Receipts extends CrudRepository<Receipts.Receipt, Long> {

    /**
     * A receipt handed to the petitioner at registration.
     *
     * @param id the row's id (null until saved)
     * @param receiptNo the receipt's number, unique
     * @param caseId the case registered
     */
    @Table("portal_receipt")
    record Receipt(@Id Long id, String receiptNo, String caseId) {}

    /**
     * @param caseId a case
     * @return its receipts (one, or none)
     */
    long countByCaseId(String caseId);
}
