package io.github.xinfang.service;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.petition.RegionCode;

import java.util.Objects;
import java.util.Set;

/**
 * Who may read a case and who may issue a command on it: the portal's access rules, checked by the case service before
 * any other rule ({@link CaseService.Builder#accessPolicy}). A command the policy refuses is rejected with
 * {@code NOT_AUTHORISED}; a case the actor may not read answers exactly as a case that does not exist
 * ({@code CASE_NOT_FOUND}, or an empty read), so an accused unit cannot learn that an accusation exists
 * (《信访工作条例》 Art. 30(3), 46(5)). Implementations are pure functions of their arguments and thread-safe.
 *
 * <p>{@link #standard} is the rule set the regulation and common portal practice give; {@link #unrestricted} (every
 * actor may do everything the lifecycle allows) is the service's default, so that a portal that checks access
 * itself keeps its behaviour.
 *
 * @since 0.7
 */
public interface AccessPolicy {

    /**
     * Whether an actor may read a case (its history, its state, its clocks).
     *
     * @param actor who reads
     * @param state the case
     * @return true if the case may be shown to the actor
     */
    boolean mayRead(Actor actor, CaseState state);

    /**
     * Whether an actor may issue a command. Called only for a case the actor may read, or with no state for a command
     * that would create the case.
     *
     * @param actor the command's actor
     * @param command the command
     * @param state the case, or null when it does not exist yet
     * @return true if the actor may issue it (the lifecycle's own rules are checked after)
     */
    boolean mayIssue(Actor actor, CaseCommand command, CaseState state);

    /**
     * The cases an actor may read, compiled into a data-level scope that the store's queries evaluate (never a filter
     * over their results): the listings, the figures and the cluster candidates of an actor ({@link CaseListings#create(
     * CaseService, Actor)}) carry it. It must agree with {@link #mayRead}: for every case's current index row,
     * {@code scope(actor).contains(row) == mayRead(actor, state)} (the access columns of the row are computed from the
     * state with the directory at commit time; a directory change reaches a row when the case is next written or
     * reindexed).
     *
     * @param actor who reads
     * @return the actor's scope; {@link AccessScope#everything()} for an actor who reads every case
     * @throws NullPointerException if actor is null
     */
    AccessScope scope(Actor actor);

    /** @return a policy that lets every actor read every case and issue every command (the service's default) */
    static AccessPolicy unrestricted() {
        return AccessPolicies.Unrestricted.INSTANCE;
    }

    /**
     * The standard rules, with the office kinds {@code petition-office} (信访局) and {@code joint-conference-office}
     * (联席办):
     * <ul>
     *   <li>a system actor (the sweep, the case service) reads and acts on every case;</li>
     *   <li>an accused party never reads an accusation, nor acts on it: an accused official, an official of an accused
     *       unit or of an accused official's unit, or anyone acting for such a unit;</li>
     *   <li>a petition office or the joint conference office reads and acts on every case whose region lies within its
     *       own ({@link RegionCode#isWithin}), and alone assigns and replaces package leaders and enrols cases in
     *       batches;</li>
     *   <li>any other unit reads and acts on a case routed to it, where it is the lead unit or a co-unit of the active
     *       package assignment, where one of its officials is the package leader or on the task force, or where it is
     *       the addressee of a supervision notice; a package leader and the task force's officials read and act on
     *       their case whatever unit they act for;</li>
     *   <li>a new case (registration, import) is created by an office whose region covers the petition's, or by a unit
     *       whose region does (a department taking a petition directly).</li>
     * </ul>
     * Approvals stay with the lifecycle's {@code ApprovalRule}: the policy lets the approver reach the case, the rule
     * decides whether the approval counts.
     *
     * @param directory the organisation directory: units' kinds and regions, officials' units
     * @return the policy
     * @throws NullPointerException if directory is null
     */
    static AccessPolicy standard(OrganisationDirectory directory) {
        return standard(directory, Set.of("petition-office", "joint-conference-office"));
    }

    /**
     * The standard rules with the portal's own unit kinds for offices.
     *
     * @param directory the organisation directory
     * @param officeKinds the {@link OrganisationDirectory.Unit#kind() kinds} of units that act as petition offices
     * @return the policy
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if officeKinds is empty
     */
    static AccessPolicy standard(OrganisationDirectory directory, Set<String> officeKinds) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(officeKinds, "officeKinds");
        if (officeKinds.isEmpty()) throw new IllegalArgumentException("officeKinds must not be empty");
        return new AccessPolicies.Standard(directory, Set.copyOf(officeKinds));
    }
}
