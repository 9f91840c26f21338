package io.github.xinfang.examples.portal;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration at the petition office: the case and its receipt in one transaction, both or neither. */
@Service
public class Intake {
    private final CaseService cases;
    private final Receipts receipts;

    Intake(CaseService cases, Receipts receipts) {
        this.cases = cases;
        this.receipts = receipts;
    }

    /**
     * Registers the petition and files its receipt; a receipt number already taken fails the whole transaction, the
     * case included.
     *
     * @param receiptNo the receipt's number
     * @param register the registration
     * @return what the case service answered
     */
    @Transactional
    public CommandResult register(String receiptNo, ProcedureCommand.Register register) {
        CommandResult result = cases.handle(register);
        if (result instanceof CommandResult.Applied applied && !applied.replayed()) {
            receipts.save(new Receipts.Receipt(null, receiptNo, applied.caseId().value()));
        }
        return result;
    }
}
