package io.github.xinfang.examples.portal;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.spring.boot.RejectionProblems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The portal's case API. Commands take the acting official from {@code X-Official} and the idempotency key from
 * {@code Idempotency-Key}; legal dates come from the request, never from the clock. The starter answers results
 * ({@code 200} or a problem), reads and writes the values, and masks personal data in every answer.
 */
@RestController
class CaseController {
    /** A proposed conclusion (办理意见). */
    record Conclusion(Outcome outcome, String replyText, LocalDate proposedOn) {}

    /** A package leader (包案领导) with the lead unit and task force. */
    record Leader(OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits, LocalDate assignedOn) {}

    private final CaseService cases;
    private final CaseListings lists;
    private final CaseLog log;
    private final Intake intake;
    private final RejectionProblems problems;
    private final InstantSource clock;

    CaseController(CaseService cases, CaseLog log, Intake intake, RejectionProblems problems, InstantSource clock) {
        this.cases = cases;
        this.lists = CaseListings.create(cases);
        this.log = log;
        this.intake = intake;
        this.problems = problems;
        this.clock = clock;
    }

    @PostMapping("/cases/{id}")
    ResponseEntity<Object> register(@PathVariable CaseId id, @RequestParam String receipt, @RequestBody PetitionForm petition,
                                    IdempotencyKey key, Actor actor, Locale locale) {
        return problems.respond(intake.register(receipt, new ProcedureCommand.Register(id, key, actor, petition, null)), locale);
    }

    @PostMapping("/cases/{id}/route")
    ResponseEntity<Object> route(@PathVariable CaseId id, @RequestParam UnitId unit, @RequestParam LocalDate receivedOn,
                                 IdempotencyKey key, Actor actor, Locale locale) {
        return handle(new ProcedureCommand.Route(id, key, actor, unit, receivedOn), locale);
    }

    @PostMapping("/cases/{id}/accept")
    ResponseEntity<Object> accept(@PathVariable CaseId id, @RequestParam LocalDate acceptedOn, IdempotencyKey key, Actor actor, Locale locale) {
        return handle(new ProcedureCommand.Accept(id, key, actor, acceptedOn), locale);
    }

    @PostMapping("/cases/{id}/conclusion")
    ResponseEntity<Object> propose(@PathVariable CaseId id, @RequestBody Conclusion c, IdempotencyKey key, Actor actor, Locale locale) {
        return handle(new ProcedureCommand.ProposeConclusion(id, key, actor, c.outcome(), c.replyText(), c.proposedOn()), locale);
    }

    @PostMapping("/cases/{id}/conclusion/approval")
    ResponseEntity<Object> approve(@PathVariable CaseId id, @RequestParam LocalDate approvedOn, IdempotencyKey key, Actor actor, Locale locale) {
        return handle(new ProcedureCommand.ApproveConclusion(id, key, actor, approvedOn), locale);
    }

    @PostMapping("/cases/{id}/backlog")
    ResponseEntity<Object> designateBacklog(@PathVariable CaseId id, @RequestParam LocalDate designatedOn, IdempotencyKey key,
                                            Actor actor, Locale locale) {
        return handle(new ResolutionCommand.DesignateBacklog(id, key, actor, Resolution.BacklogSource.OWN_SWEEP, designatedOn), locale);
    }

    @PostMapping("/cases/{id}/hard")
    ResponseEntity<Object> flagHard(@PathVariable CaseId id, @RequestParam String reason, @RequestParam LocalDate flaggedOn, IdempotencyKey key,
                                    Actor actor, Locale locale) {
        return handle(new ResolutionCommand.FlagHardCase(id, key, actor, reason, flaggedOn), locale);
    }

    @PostMapping("/cases/{id}/leader")
    ResponseEntity<Object> assignLeader(@PathVariable CaseId id, @RequestBody Leader l, IdempotencyKey key, Actor actor, Locale locale) {
        return handle(new ResolutionCommand.AssignPackageLeader(id, key, actor, l.leader(), l.leadUnit(), l.taskForce(),
                l.coUnits() == null ? List.of() : l.coUnits(), l.assignedOn()), locale);
    }

    @GetMapping("/cases/{id}")
    ResponseEntity<CaseHistory> history(@PathVariable CaseId id) {
        return ResponseEntity.of(cases.history(id));
    }

    @GetMapping("/cases/{id}/log")
    List<CaseLog.Entry> log(@PathVariable CaseId id) {
        return log.findByCaseIdOrderByPosition(id.value());
    }

    @GetMapping("/units/{unit}/overdue")
    CaseListings.Page<CaseListings.OverdueCase> overdue(@PathVariable UnitId unit, @RequestParam(required = false) String cursor) {
        return lists.overdue(OverdueScope.handlingUnit(unit.value()), clock.instant(), 20, cursor);
    }

    @GetMapping("/leaders/{leader}/cases")
    CaseListings.Page<IndexRow> ledBy(@PathVariable OfficialId leader, @RequestParam(required = false) String cursor) {
        return lists.byActiveLeader(leader, 20, cursor);
    }

    private ResponseEntity<Object> handle(CaseCommand command, Locale locale) {
        return problems.respond(cases.handle(command), locale);
    }
}
