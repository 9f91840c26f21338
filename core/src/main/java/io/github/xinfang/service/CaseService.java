package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ActivityEvent;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.CaseDecider;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.EscalationPolicy;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.petition.Withheld;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.KeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.privacy.PersonalDataException;
import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.CommandLookup;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.chain.AccessAudit;
import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.time.TimeLimits;
import io.github.xinfang.text.TextRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The entry point portals call: {@link #handle} checks a command, keeps it idempotent, loads the case,
 * decides, commits at the expected version and notifies listeners.
 *
 * <p>Order of work in {@code handle}: shape checks → digest → idempotency lookup → directory checks → load
 * → decide → commit. A version conflict starts again at the lookup, at most {@code maxRetries} times, then
 * answers {@link Rejection.Code#VERSION_CONFLICT}. Idempotency (DESIGN invariant 8): a key already applied
 * with the same command returns the earlier result and appends nothing; with a different command it is
 * {@link Rejection.Code#IDEMPOTENCY_MISMATCH}; a rejected command records nothing.
 *
 * <p>{@code handle} never throws for the content of a command. Infrastructure failures (the store, a
 * stored record that does not decode) are thrown as {@code XinfangException}s. Time comes from the injected
 * {@link InstantSource}; within a case {@code recordedAt} never goes backwards. {@link CommandObserver}s see how
 * each command ended, timed with a monotonic ticker (not a clock). Thread-safe: any number of
 * threads (and of service instances over one store) may call it at once.
 *
 * @since 0.1
 */
public final class CaseService {
    private static final Logger log = LoggerFactory.getLogger(CaseService.class);
    /** The job name of the system actor that records merge links on surviving cases (并入). */
    public static final String MERGE_JOB = "merge";
    /** How many cases' decoded states a service keeps by default ({@link Builder#stateCache}). */
    public static final int DEFAULT_STATE_CACHE = 1024;
    /**
     * Every how many commits of a case a snapshot is written, by default ({@link Builder#snapshotEvery}), to a store
     * that takes commits without one. Chosen by measurement (bench/RESULTS.md, "Snapshot cadence").
     */
    public static final int DEFAULT_SNAPSHOT_EVERY = 8;
    /** The job name of the system actor the audit trail records a petitioner's own copy under ({@link #ownCopy}). */
    public static final String OWN_COPY_JOB = "petitioner-copy";
    /** The default ticker: a monotonic timer for the observers' timings, never read as a clock. */
    private static final LongSupplier MONOTONIC = System::nanoTime;

    private final CaseStore store;
    private final InstantSource clock;
    private final TimeLimits limits;
    private final CaseDecider decider;
    private final CaseCodec codec;
    private final int maxRetries;
    private final List<CaseListener> listeners;
    private final Observers observers;
    /** The event chain the service links each new event into, or null when the store keeps none. */
    private final EventChain chain;
    /** Where the index row's access columns look up officials' units. */
    private final OrganisationDirectory directory;
    /** Who may read and act: null when unrestricted (nothing is checked, nothing extra is loaded). */
    private final AccessPolicy access;
    /** Where reads, exports and refused attempts are recorded, or null. */
    private final AccessAudit audit;
    /** The chain the audit trail's records are linked with (the event chain's digest). */
    private final EventChain auditChain;
    /** The keys of personal data, or null when it is stored in clear. */
    private final KeyProvider keys;
    /** The decoded states of the cases touched last. */
    private final StateCache states;
    private final int snapshotEvery;

    private CaseService(Builder b) {
        this.store = b.store;
        this.clock = b.clock;
        this.limits = b.limits == null ? TimeLimits.standard() : b.limits;
        this.decider = CaseDecider.create(limits, b.directory, b.ladder, b.escalation, b.approval);
        this.directory = b.directory;
        this.keys = b.keys;
        this.states = new StateCache(b.stateCache);
        this.snapshotEvery = b.snapshotEvery;
        this.codec = b.keys == null ? CaseCodec.create() : CaseCodec.create(b.keys, b.cipher);
        this.maxRetries = b.maxRetries;
        this.listeners = List.copyOf(b.listeners);
        this.observers = new Observers(b.observers, b.ticker);
        this.chain = b.store.keepsEventChain() ? b.chain : null;
        this.access = b.access == AccessPolicy.unrestricted() ? null : b.access;
        this.audit = b.audit;
        this.auditChain = b.chain;
    }

    /**
     * Starts building a service.
     *
     * @param store where cases are kept (e.g. {@code InMemoryCaseStore.create()})
     * @param directory the organisation directory
     * @param clock the source of {@code recordedAt}
     * @return a builder
     */
    public static Builder builder(CaseStore store, OrganisationDirectory directory, InstantSource clock) {
        return new Builder(store, directory, clock);
    }

    /**
     * Handles one command.
     *
     * @param command the command
     * @return applied (with the new version and events) or rejected (with a typed reason)
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public CommandResult handle(CaseCommand command) {
        CommandResult result = observed(command);
        if (command instanceof ActivityCommand.Merge merge && result instanceof CommandResult.Applied applied) {
            recordMergeOnSurvivor(merge, applied);
        }
        return result;
    }

    /**
     * 并入: records the link on the surviving case, keyed by the merge event, so a retried merge (answered as a
     * replay) completes a link that an earlier failure left out, and never records it twice.
     */
    private void recordMergeOnSurvivor(ActivityCommand.Merge merge, CommandResult.Applied applied) {
        for (CaseEvent e : applied.events()) {
            if (!(e instanceof ActivityEvent.Merged m)) continue;
            CaseCommand link = new ActivityCommand.RecordMergedCase(m.into(),
                    new IdempotencyKey("merge:" + merge.caseId().value() + ":" + m.sequence()), Actor.system(MERGE_JOB),
                    merge.caseId(), m.mergedOn());
            CommandResult r = observed(link);
            if (r instanceof CommandResult.Rejected rejected) {
                log.warn("case {} merged into {}, but the link on the surviving case was refused: {}", merge.caseId(), m.into(),
                        rejected.rejection().code());
            }
        }
    }

    /** Handles one command and reports its outcome to the observers; with none, it neither reads the ticker nor allocates. */
    private CommandResult observed(CaseCommand command) {
        if (observers.none()) return handleOne(command, null);
        return observers.observe(command, attempts -> handleOne(command, attempts));
    }

    /** The stage of another case of the store (the case a merge goes into), for the decider's guards. */
    private Optional<Stage> stageOf(CaseId id) {
        return store.loadFromSnapshot(id.value()).map(other -> state(other).stage());
    }

    /**
     * A stored case's current state: from the cache when it holds exactly that version, else {@linkplain #current
     * decoded}.
     */
    private CaseState state(StoredCase stored) {
        return states.decoded(stored, this::current);
    }

    /**
     * A stored case's current state, decoded: its snapshot, and the events after it (rule S10 of {@link CaseStore})
     * replayed. Events the snapshot already holds are skipped, so a whole history serves as well as its tail.
     */
    private CaseState current(StoredCase stored) {
        CaseState state = codec.decodeSnapshot(stored.snapshot());
        for (StoredEvent e : stored.events()) {
            if (e.sequence() > state.lastSequence()) state = CaseState.evolve(state, codec.decode(e));
        }
        return state;
    }

    /** The earlier result of a command applied before under the same key: its version and events, nothing appended. */
    private CommandResult.Applied replay(CaseCommand command, AppliedCommand earlier) {
        return new CommandResult.Applied(command.caseId(), earlier.versionAfter(), decodeAll(earlier.events()), true);
    }

    /**
     * The answer to a command on a case its actor may not read: exactly what the service answers when no such case
     * exists (a command that needs the case: {@code CASE_NOT_FOUND}; one that would create it: the policy's refusal, or
     * {@code CASE_EXISTS} without the stage, as the id is taken), so that nothing tells the actor the case is there.
     */
    private CommandResult hidden(CaseCommand command, Instant now) {
        audit(command.actor(), command.caseId(), AuditEntry.Action.COMMAND, AuditEntry.Outcome.HIDDEN);
        if (!access.mayIssue(command.actor(), command, null)) return notAuthorised(command, null);
        CaseDecider.Decision absent = decider.decide(null, command, now, this::stageOf);
        if (absent instanceof CaseDecider.Decision.Rejected r) return rejected(command, r.rejection());
        return rejected(command, Rejection.of(Rejection.Code.CASE_EXISTS, null));
    }

    /** The access policy's refusal ({@code NOT_AUTHORISED}), recorded in the audit trail. */
    private CommandResult notAuthorised(CaseCommand command, CaseState state) {
        if (state != null) audit(command.actor(), command.caseId(), AuditEntry.Action.COMMAND, AuditEntry.Outcome.REFUSED);
        return rejected(command, Rejection.of(Rejection.Code.NOT_AUTHORISED, state == null ? null : state.stage(),
                "the access policy does not let this actor issue " + command.getClass().getSimpleName(),
                "访问规则不允许该操作人办理此操作"));
    }

    /** @param attempts where to count retries, or null when nobody observes */
    private CommandResult handleOne(CaseCommand command, Observers.Attempts attempts) {
        Instant now = clock.instant();
        // A resend of a command applied before is answered from its key before any check runs, so a command that
        // an older release accepted stays a replay after the input rules tightened.
        boolean looked = command != null && command.caseId() != null && command.key() != null;
        // The case as read with the look-up (rule S11: one call), for the first attempt; null when not read.
        Optional<StoredCase> preloaded = null;
        if (looked) {
            CommandLookup lookup = store.loadForCommand(command.caseId().value(), command.key().value());
            Optional<AppliedCommand> earlier = lookup.applied();
            if (earlier.isPresent() && earlier.get().commandDigest().equals(codec.digest(command))) {
                if (access != null && command.actor() != null) {
                    Optional<CaseState> seen = store.loadFromSnapshot(command.caseId().value()).map(this::state);
                    if (seen.isPresent() && !access.mayRead(command.actor(), seen.get())) return hidden(command, now);
                }
                return replay(command, earlier.get());
            }
            looked = earlier.isEmpty();
            if (looked) preloaded = lookup.current();
        }
        Optional<Rejection> badField = decider.checkFields(command, LocalDate.ofInstant(now, limits.zone()));
        if (badField.isPresent()) return rejected(command, badField.get());
        String caseId = command.caseId().value();
        String key = command.key().value();
        String digest = codec.digest(command);
        boolean decodedAfresh = false;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            if (attempts != null) attempts.retries = attempt;
            // The first attempt reuses the look-up made before the checks when it found nothing.
            Optional<AppliedCommand> earlier = attempt == 0 && looked ? Optional.empty() : store.findApplied(caseId, key);
            if (earlier.isPresent()) {
                if (access != null) {
                    Optional<CaseState> seen = store.loadFromSnapshot(caseId).map(this::state);
                    if (seen.isPresent() && !access.mayRead(command.actor(), seen.get())) return hidden(command, now);
                }
                if (!earlier.get().commandDigest().equals(digest)) {
                    return rejected(command, Rejection.of(Rejection.Code.IDEMPOTENCY_MISMATCH, null));
                }
                return replay(command, earlier.get());
            }
            Optional<Rejection> unknown = decider.checkDirectory(command);
            if (unknown.isPresent()) return rejected(command, unknown.get());
            Optional<StoredCase> stored = preloaded != null ? preloaded : store.loadFromSnapshot(caseId);
            preloaded = null;
            CaseState state = stored.map(this::state).orElse(null);
            long version = stored.map(StoredCase::version).orElse(0L);
            if (access != null) {
                if (state != null && !access.mayRead(command.actor(), state)) return hidden(command, now);
                if (!access.mayIssue(command.actor(), command, state)) return notAuthorised(command, state);
            }
            Instant recordedAt = state == null || !state.timing().lastRecordedAt().isAfter(now) ? now : state.timing().lastRecordedAt();
            CaseDecider.Decision decision = decider.decide(state, command, recordedAt, this::stageOf);
            if (decision instanceof CaseDecider.Decision.Rejected r) {
                // The same command may have been committed by another caller between the lookup and the load:
                // its key now answers (replay or mismatch) rather than a rejection decided on a state that already holds it.
                Optional<AppliedCommand> meanwhile = store.findApplied(caseId, key);
                if (meanwhile.isPresent()) {
                    if (!meanwhile.get().commandDigest().equals(digest)) {
                        return rejected(command, Rejection.of(Rejection.Code.IDEMPOTENCY_MISMATCH, null));
                    }
                    return replay(command, meanwhile.get());
                }
                return rejected(command, r.rejection());
            }
            List<CaseEvent> events = ((CaseDecider.Decision.Accepted) decision).events();
            CaseState next = state;
            List<StoredEvent> storedEvents = new ArrayList<>(events.size());
            long newVersion = version + 1;
            StoredSnapshot snapshot;
            try {
                for (CaseEvent e : events) {
                    next = CaseState.evolve(next, e);
                    storedEvents.add(codec.encode(e));
                }
                // A snapshot is a cache: written at a case's first commit and every snapshotEvery commits after the
                // stored one, or at every commit to a store that needs one (rule S10).
                boolean due = stored.isEmpty() || !store.snapshotsOptional()
                        || newVersion - stored.get().snapshot().version() >= snapshotEvery;
                snapshot = due ? codec.encodeSnapshot(next, newVersion) : null;
            } catch (PersonalDataException e) {
                // A person's key was destroyed since this state was cached, here or on another node: decode afresh
                // (the erased values read as placeholders) and decide again.
                if (stored.isEmpty() || decodedAfresh) throw e;
                states.evict(caseId);
                decodedAfresh = true;
                attempt--;
                continue;
            }
            CaseCommit commit = new CaseCommit(caseId, version, storedEvents, snapshot,
                    indexRow(next, newVersion), key, digest, links(stored.orElse(null), storedEvents, key));
            try {
                store.commit(commit);
            } catch (VersionConflictException | DuplicateCommandException e) {
                log.debug("case {} conflict at version {} (attempt {}): {}", caseId, version, attempt + 1,
                        e.getClass().getSimpleName());
                if (attempts != null && attempt < maxRetries) observers.retrying(command, attempt + 1);
                continue;
            }
            if (log.isDebugEnabled()) {
                log.debug("case {} v{} {} -> {}", caseId, newVersion, command.getClass().getSimpleName(), next.stage());
            }
            CaseState committed = next;
            StoredEvent last = storedEvents.get(storedEvents.size() - 1);
            String head = commit.links().isEmpty() ? null : commit.links().get(commit.links().size() - 1);
            store.afterCommit(() -> states.put(caseId, newVersion, last, head, committed));
            if (!listeners.isEmpty()) store.afterCommit(() -> notifyListeners(command.caseId(), newVersion, events));
            return new CommandResult.Applied(command.caseId(), newVersion, events, false);
        }
        if (attempts != null) attempts.gaveUp = true;
        return rejected(command, Rejection.of(Rejection.Code.VERSION_CONFLICT, null,
                "still conflicting after " + maxRetries + " retries", "重试" + maxRetries + "次后仍冲突"));
    }

    /**
     * The chain links of a commit's events (rule S9 of {@link CaseStore}), continuing from the loaded case's head; none
     * when the store keeps no chain. A history stored before the chain was kept has no head: its new events stay
     * unchained too, until the adapter's upgrade links the whole history (until then it verifies as unchained).
     */
    private List<String> links(StoredCase stored, List<StoredEvent> events, String key) {
        if (chain == null || stored != null && stored.chainHead() == null) return List.of();
        List<String> links = new ArrayList<>(events.size());
        String previous = stored == null ? null : stored.chainHead();
        for (StoredEvent e : events) {
            previous = chain.link(previous, e, key);
            links.add(previous);
        }
        return links;
    }

    /**
     * Loads a case with its whole history.
     *
     * @param caseId the case
     * @return the case, or empty if it does not exist
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public Optional<CaseHistory> history(CaseId caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return load(caseId).map(this::restricted);
    }

    private Optional<CaseHistory> load(CaseId caseId) {
        return store.load(caseId.value()).map(s -> {
            List<CaseEvent> events = decodeAll(s.events());
            CaseState state = codec.decodeSnapshot(s.snapshot());
            for (CaseEvent e : events) {
                if (e.sequence() > state.lastSequence()) state = CaseState.evolve(state, e);
            }
            return new CaseHistory(s.version(), state, events);
        });
    }

    /** A history as reads show it: each restricted person's values (and the case's, if restricted) as placeholders. */
    private CaseHistory restricted(CaseHistory h) {
        if (keys == null) return h;
        Map<DataKey, Withheld> reasons = new HashMap<>();
        for (DataKey key : dataKeys(h)) {
            if (keys.isRestricted(key)) reasons.put(key, Withheld.RESTRICTED);
        }
        return reasons.isEmpty() ? h : withhold(h, reasons::get);
    }

    private CaseHistory withhold(CaseHistory h, Function<DataKey, Withheld> reasons) {
        List<CaseEvent> events = new ArrayList<>(h.events().size());
        for (CaseEvent e : h.events()) events.add(codec.withhold(e, reasons));
        return new CaseHistory(h.version(), codec.withhold(h.state(), reasons), events);
    }

    /** Every key a case's data is under: the case's own, and each petitioner's and accused party's of any petition it held. */
    private static List<DataKey> dataKeys(CaseHistory h) {
        int petitioners = h.state().petition().petitioners().size();
        int accused = h.state().petition().accused().size();
        for (CaseEvent e : h.events()) {
            Petition p = e instanceof ProcedureEvent.Registered r ? r.petition()
                    : e instanceof ProcedureEvent.Imported i ? i.petition()
                    : e instanceof ProcedureEvent.PetitionCorrected c ? c.petition() : null;
            if (p != null) {
                petitioners = Math.max(petitioners, p.petitioners().size());
                accused = Math.max(accused, p.accused().size());
            }
        }
        CaseId id = h.state().caseId();
        List<DataKey> all = new ArrayList<>(1 + petitioners + accused);
        all.add(DataKey.ofCase(id));
        for (int i = 0; i < petitioners; i++) all.add(DataKey.petitioner(id, i));
        for (int i = 0; i < accused; i++) all.add(DataKey.accused(id, i));
        return all;
    }

    /**
     * The petitioner's own copy of a case (信访人查询, PIPL Art. 45): the whole history with that petitioner's own
     * data in clear, even while its processing is restricted, and every other party's (the other petitioners of a
     * group petition, accused parties outside the directory) as {@link Withheld#MASKED}; the case's own free text
     * shows unless restricted. Recorded in the audit trail as an export by the system actor
     * {@value #OWN_COPY_JOB}. The portal authenticates the petitioner before it asks.
     *
     * @param caseId the case
     * @param petitioner the petitioner's position in the case's petition, from 0
     * @return the copy, or empty if the case does not exist or has no such petitioner
     * @throws NullPointerException if caseId is null
     * @throws IllegalArgumentException if petitioner is negative
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @since 0.9
     */
    public Optional<CaseHistory> ownCopy(CaseId caseId, int petitioner) {
        Objects.requireNonNull(caseId, "caseId");
        if (petitioner < 0) throw new IllegalArgumentException("petitioner must not be negative");
        Optional<CaseHistory> found = load(caseId)
                .filter(h -> petitioner < h.state().petition().petitioners().size());
        audit(Actor.system(OWN_COPY_JOB), caseId, AuditEntry.Action.EXPORT,
                found.isPresent() ? AuditEntry.Outcome.SHOWN : AuditEntry.Outcome.NOT_FOUND);
        return found.map(h -> withhold(h, key -> switch (key.kind()) {
            case PETITIONER -> key.index() == petitioner ? null : Withheld.MASKED;
            case ACCUSED -> Withheld.MASKED;
            case CASE -> keys != null && keys.isRestricted(key) ? Withheld.RESTRICTED : null;
        }));
    }

    /**
     * Restricts processing of a person's data (PIPL Art. 47: a deletion request while a retention period runs): from
     * now on every read and export shows it as {@link Withheld#RESTRICTED}; it stays stored, encrypted.
     *
     * @param key the person's (or the case's) key
     * @throws NullPointerException if key is null
     * @throws IllegalStateException if the service stores personal data in clear (no key provider)
     * @throws io.github.xinfang.persistence.XinfangException if the key service fails
     * @since 0.9
     */
    public void restrictPersonalData(DataKey key) {
        requireKeys(key).restrict(key);
        log.info("personal data under {} restricted", key);
    }

    /**
     * Lifts a restriction ({@link #restrictPersonalData}): the deletion request was withdrawn or refused.
     *
     * @param key the person's (or the case's) key
     * @throws NullPointerException if key is null
     * @throws IllegalStateException if the service stores personal data in clear (no key provider)
     * @throws io.github.xinfang.persistence.XinfangException if the key service fails
     * @since 0.9
     */
    public void liftRestriction(DataKey key) {
        requireKeys(key).liftRestriction(key);
        log.info("restriction of personal data under {} lifted", key);
    }

    /**
     * Erases a person's data for good (PIPL Art. 47: the retention period ended or a deletion ground applies) by
     * destroying its key: every value under it reads as {@link Withheld#ERASED} from now on, in every event and
     * snapshot, while the history still replays and its chain still verifies (the stored bytes do not change). The
     * case's other persons are unaffected. A later command bringing new data for that person fails with a
     * {@link io.github.xinfang.privacy.PersonalDataException}.
     *
     * @param key the person's (or the case's) key
     * @throws NullPointerException if key is null
     * @throws IllegalStateException if the service stores personal data in clear (no key provider)
     * @throws io.github.xinfang.persistence.XinfangException if the key service fails
     * @since 0.9
     */
    public void erasePersonalData(DataKey key) {
        requireKeys(key).destroy(key);
        states.evict(key.caseId().value());
        log.info("personal data under {} erased (key destroyed)", key);
    }

    private KeyProvider requireKeys(DataKey key) {
        Objects.requireNonNull(key, "key");
        if (keys == null) throw new IllegalStateException("this service stores personal data in clear: build it with personalData(keys)");
        return keys;
    }

    /**
     * Loads a case with its whole history for an actor: empty, exactly as for a case that does not exist, when the
     * access policy does not let the actor read it ({@link AccessPolicy#mayRead}).
     *
     * @param actor who reads
     * @param caseId the case
     * @return the case, or empty if it does not exist or the actor may not read it
     * @throws NullPointerException naming a null argument
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @since 0.7
     */
    public Optional<CaseHistory> history(Actor actor, CaseId caseId) {
        return read(actor, caseId, AuditEntry.Action.READ);
    }

    /**
     * Loads a case for an export (a report, a file, a copy for the petitioner): as {@link #history(Actor, CaseId)}, and
     * recorded in the audit trail as an export.
     *
     * @param actor who exports
     * @param caseId the case
     * @return the case, or empty if it does not exist or the actor may not read it
     * @throws NullPointerException naming a null argument
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure (the audit's included: nothing
     *     is shown that could not be recorded)
     * @since 0.7
     */
    public Optional<CaseHistory> export(Actor actor, CaseId caseId) {
        return read(actor, caseId, AuditEntry.Action.EXPORT);
    }

    private Optional<CaseHistory> read(Actor actor, CaseId caseId, AuditEntry.Action action) {
        Objects.requireNonNull(actor, "actor");
        Optional<CaseHistory> found = load(caseId);
        boolean shown = found.isPresent() && (access == null || access.mayRead(actor, found.get().state()));
        audit(actor, caseId, action, found.isEmpty() ? AuditEntry.Outcome.NOT_FOUND
                : shown ? AuditEntry.Outcome.SHOWN : AuditEntry.Outcome.HIDDEN);
        return shown ? found.map(this::restricted) : Optional.empty();
    }

    /** Records an access in the audit trail, when there is one. */
    private void audit(Actor actor, CaseId caseId, AuditEntry.Action action, AuditEntry.Outcome outcome) {
        if (audit == null || actor == null || caseId == null) return;
        audit.record(new AuditEntry(actorName(actor), caseId.value(), action, outcome, clock.instant()), auditChain);
    }

    /**
     * How the audit trail names an actor: {@code official:<official id>@<unit id>} or {@code system:<job>}, the form
     * {@link AccessAudit#byActor} takes.
     *
     * @param actor the actor
     * @return its name in the trail
     * @throws NullPointerException if actor is null
     * @since 0.7
     */
    public static String actorName(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor instanceof Actor.OfficialActor a) return "official:" + a.official().value() + "@" + a.unit().value();
        return "system:" + ((Actor.SystemActor) actor).job();
    }

    /**
     * Deletes the access audit records older than the retention period (GB/T 22239-2019 and the Cybersecurity Law
     * Art. 21: at least six months).
     *
     * @param now the instant to count back from (the portal's clock)
     * @param retention how long records are kept, at least six months
     * @return how many records were deleted
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if retention is shorter than six months
     * @throws IllegalStateException if the service records no audit trail
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @since 0.7
     */
    public long purgeAudit(Instant now, java.time.Period retention) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retention, "retention");
        java.time.ZonedDateTime at = now.atZone(limits.zone());
        if (at.minus(retention).isAfter(at.minusMonths(6))) {
            throw new IllegalArgumentException("retention must be at least six months (Cybersecurity Law Art. 21), was " + retention);
        }
        if (audit == null) throw new IllegalStateException("this service records no access audit trail");
        return audit.purgeBefore(at.minus(retention).toInstant());
    }

    private List<CaseEvent> decodeAll(List<StoredEvent> stored) {
        List<CaseEvent> events = new ArrayList<>(stored.size());
        for (StoredEvent e : stored) events.add(codec.decode(e));
        return events;
    }

    /** Computes a case's index row (see {@link IndexRows}). */
    IndexRow indexRow(CaseState s, long version) {
        return IndexRows.of(s, version, limits, decider, directory);
    }

    /**
     * The cases an actor may read, as a data-level scope for the store's queries ({@link AccessPolicy#scope}):
     * {@link AccessScope#everything()} when the service has no access rules.
     *
     * @param actor who reads
     * @return the actor's scope
     * @throws NullPointerException if actor is null
     * @since 0.7
     */
    public AccessScope accessScope(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return access == null ? AccessScope.everything() : access.scope(actor);
    }

    /**
     * The clocks of a case as of an instant, each a profile clock's run or a duty from the case's facts (replacement of
     * a package leader, plan steps, batch targets, supervision feedback): due dates (final or provisional), states,
     * lateness ({@link TimeLimits#obligations}).
     *
     * @param caseId the case
     * @param at the instant
     * @return the clocks, or empty if the case does not exist
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @since 0.4
     */
    public Optional<List<TimeLimits.ObligationStatus>> obligations(CaseId caseId, Instant at) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        return store.loadFromSnapshot(caseId.value()).map(s -> obligations(current(s), at));
    }

    /** The status of every clock and duty of a case's state at an instant. */
    List<TimeLimits.ObligationStatus> obligations(CaseState state, Instant at) {
        return limits.obligations(state.timing().obligations(), state.profile(), state.petition().category(),
                state.petition().region(), at);
    }

    /**
     * @param caseId a case
     * @return its current state (from its stored snapshot and the events after it), or empty if it does not exist
     */
    Optional<CaseState> state(CaseId caseId) {
        return store.loadFromSnapshot(caseId.value()).map(this::current);
    }

    /**
     * @param caseId a case
     * @return the instant a days-overdue escalation rule starts to fire on it ({@link CaseDecider#nextEscalationCheck}),
     *     or empty (also when the case does not exist)
     */
    Optional<Instant> escalationCheck(CaseId caseId) {
        return store.loadFromSnapshot(caseId.value()).flatMap(s -> decider.nextEscalationCheck(current(s)));
    }

    /** @return the instant a days-overdue escalation rule starts to fire on a case's state, or empty */
    Optional<Instant> escalationCheck(CaseState state) {
        return decider.nextEscalationCheck(state);
    }

    /**
     * Recomputes every stored index row (after the work calendar or a profile changed, e.g. a new holiday
     * notice was loaded) and stores it at the case's current version. Nothing else in the stored history
     * changes. A case committed to concurrently keeps the row of that commit, which was computed fresh.
     *
     * @return how many rows were replaced
     * @throws UnsupportedOperationException if the store does not implement {@link IndexMaintenance}
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public int reindex() {
        IndexMaintenance maintenance = StoredCases.maintenance(store);
        int[] replaced = {0};
        StoredCases.forEach(store, maintenance, stored -> {
            CaseState state = current(stored);
            if (maintenance.replaceIndexRow(indexRow(state, stored.version()))) replaced[0]++;
        });
        log.info("reindexed {} cases", replaced[0]);
        return replaced[0];
    }

    /**
     * Lists the stored events whose text breaks today's text rule ({@link io.github.xinfang.text.TextRule}): text
     * that a release before the rule accepted (an id with a zero-width space, a summary of no-break spaces).
     * Such events keep decoding and their cases keep working; this scan is for the portal to find them and
     * correct what it can with its correction commands ({@link ProcedureCommand.CorrectPetition}). Reads every case;
     * writes nothing.
     *
     * @return one finding per such event, by case id (code-point order) and sequence; empty when all stored text
     *     satisfies the rule
     * @throws UnsupportedOperationException if the store does not implement {@link IndexMaintenance} (which
     *     lists the case ids)
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure, or a stored event that
     *     does not decode at all
     * @since 0.3
     */
    public List<TextRule.Finding> textFindings() {
        return StoredCases.textFindings(store, codec);
    }

    /** @return the time-limit rules this service counts with */
    public TimeLimits timeLimits() {
        return limits;
    }

    /** @return the store this service writes to */
    CaseStore store() {
        return store;
    }

    /**
     * @return the store's resolution queries
     * @throws UnsupportedOperationException if the store does not offer them
     */
    io.github.xinfang.persistence.ResolutionQuery resolutionQuery() {
        if (store instanceof io.github.xinfang.persistence.ResolutionQuery q) return q;
        throw new UnsupportedOperationException("the store does not implement ResolutionQuery: " + store.getClass().getName());
    }

    /** @return how many times a command found its case's state decoded already (for tests) */
    long stateCacheHits() {
        return states.hits();
    }

    /** @return the codec */
    CaseCodec codec() {
        return codec;
    }

    private void notifyListeners(CaseId caseId, long version, List<CaseEvent> events) {
        for (CaseListener l : listeners) {
            try {
                l.committed(caseId, version, events);
            } catch (RuntimeException e) {
                log.warn("listener {} failed for case {} v{}: {}", l.getClass().getName(), caseId, version,
                        e.getClass().getName());
            }
        }
    }

    private static CommandResult rejected(CaseCommand command, Rejection r) {
        if (log.isDebugEnabled()) {
            log.debug("case {} {} rejected: {} {}", command == null || command.caseId() == null ? "?" : command.caseId(),
                    command == null ? "null" : command.getClass().getSimpleName(), r.code(),
                    r.stage().map(Stage::name).orElse("-"));
        }
        return new CommandResult.Rejected(r);
    }

    /**
     * Builds a {@link CaseService}. Not thread-safe; the service it builds is.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final CaseStore store;
        private final OrganisationDirectory directory;
        private final InstantSource clock;
        private TimeLimits limits;
        private RankLadder ladder = RankLadder.civilService();
        private EscalationPolicy escalation = EscalationPolicy.standard();
        private RankLadder.ApprovalRule approval = RankLadder.ApprovalRule.standard();
        private int maxRetries = 3;
        private final List<CaseListener> listeners = new ArrayList<>();
        private final List<CommandObserver> observers = new ArrayList<>();
        private LongSupplier ticker = MONOTONIC;
        private EventChain chain = EventChain.sha256();
        private AccessPolicy access = AccessPolicy.unrestricted();
        private AccessAudit audit;
        private KeyProvider keys;
        private PersonalDataCipher cipher;
        private int stateCache = DEFAULT_STATE_CACHE;
        private int snapshotEvery = DEFAULT_SNAPSHOT_EVERY;

        private Builder(CaseStore store, OrganisationDirectory directory, InstantSource clock) {
            this.store = Objects.requireNonNull(store, "store");
            this.directory = Objects.requireNonNull(directory, "directory");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * @param limits the time-limit rules (default: {@link TimeLimits#standard()}, the shipped profiles on the
         *     official work calendar)
         * @return this builder
         */
        public Builder timeLimits(TimeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @param ladder the portal's rank ladder (default: {@link RankLadder#civilService()})
         * @return this builder
         * @since 0.2
         */
        public Builder rankLadder(RankLadder ladder) {
            this.ladder = Objects.requireNonNull(ladder, "ladder");
            return this;
        }

        /**
         * @param escalation the portal's escalation policy, its ranks on the ladder (default: {@link EscalationPolicy#standard()})
         * @return this builder
         * @since 0.2
         */
        public Builder escalationPolicy(EscalationPolicy escalation) {
            this.escalation = Objects.requireNonNull(escalation, "escalation");
            return this;
        }

        /**
         * @param approval who may approve a resolution (default: {@link RankLadder.ApprovalRule#standard()})
         * @return this builder
         * @since 0.2
         */
        public Builder approvalRule(RankLadder.ApprovalRule approval) {
            this.approval = Objects.requireNonNull(approval, "approval");
            return this;
        }

        /**
         * @param cases how many cases' decoded states the service keeps so that a command does not decode its case's
         *     snapshot again (default {@value CaseService#DEFAULT_STATE_CACHE}; 0 keeps none). An entry answers only for the
         *     exact stored version it came from (its version, last event and chain head), so the store's version check
         *     still decides; it is made from a commit
         *     only once the commit's transaction committed (in the participating mode, the caller's)
         * @return this builder
         * @throws IllegalArgumentException if cases is negative
         * @since 0.9
         */
        public Builder stateCache(int cases) {
            if (cases < 0) throw new IllegalArgumentException("cases must not be negative");
            this.stateCache = cases;
            return this;
        }

        /**
         * @param commits every how many commits of a case a snapshot is written (default
         *     {@value CaseService#DEFAULT_SNAPSHOT_EVERY}; 1 writes one at every commit), to a store that takes commits
         *     without one ({@link CaseStore#snapshotsOptional()}; any other store gets one at every commit). A case's
         *     first commit always writes one. Between snapshots a load replays the events after the latest one: fewer
         *     snapshots make commits cheaper and loads of a case not in the {@linkplain #stateCache cache} dearer
         * @return this builder
         * @throws IllegalArgumentException if commits is below 1
         * @since 0.9
         */
        public Builder snapshotEvery(int commits) {
            if (commits < 1) throw new IllegalArgumentException("commits must be at least 1");
            this.snapshotEvery = commits;
            return this;
        }

        /**
         * @param maxRetries how many times a version conflict is retried (default 3, at least 0)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param listener told after each commit, in registration order
         * @return this builder
         */
        public Builder listener(CaseListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param observer told how each command handled ended, with its timing, in registration order (see
         *     {@link CommandObserver} for its rules)
         * @return this builder
         * @since 0.3
         */
        public Builder observer(CommandObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * @param nanoTime a monotonic timer in nanoseconds for the observers' timings (default {@code System::nanoTime}):
         *     only differences between two readings are used, never a value as a date, so this is not a clock; it is
         *     read twice per command handled, and not at all when no observer is registered
         * @return this builder
         * @since 0.3
         */
        public Builder ticker(LongSupplier nanoTime) {
            this.ticker = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * @param chain the digest of the tamper-evident event chain (default {@link EventChain#sha256()}; SM3 through a
         *     JCA provider, {@code EventChain.of("SM3", new BouncyCastleProvider())}), used when the store keeps the chain
         *     ({@link CaseStore#keepsEventChain()}); choose it once for a store: the verifier and the checkpoints name it
         * @return this builder
         * @since 0.7
         */
        public Builder eventChain(EventChain chain) {
            this.chain = Objects.requireNonNull(chain, "chain");
            return this;
        }

        /**
         * @param access who may read each case and issue each command (default {@link AccessPolicy#unrestricted()}:
         *     the portal checks access itself); {@link AccessPolicy#standard} gives the regulation's rules. Checked before
         *     any other rule of a command (after its input rules); a case the actor may not read answers as one that does
         *     not exist
         * @return this builder
         * @since 0.7
         */
        public Builder accessPolicy(AccessPolicy access) {
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * @param audit where every read ({@link CaseService#history(Actor, CaseId)}), export ({@link CaseService#export})
         *     and attempt the access policy refuses or hides is recorded, chained with the event chain's digest (default:
         *     none); the in-memory store and the JDBC adapter offer it ({@code store} itself)
         * @return this builder
         * @since 0.7
         */
        public Builder accessAudit(AccessAudit audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /**
         * Encrypts personal data at rest with AES-256-GCM: see {@link #personalData(KeyProvider, PersonalDataCipher)}.
         *
         * @param keys the portal's key provider
         * @return this builder
         * @since 0.9
         */
        public Builder personalData(KeyProvider keys) {
            return personalData(keys, PersonalDataCipher.aesGcm());
        }

        /**
         * Encrypts personal data at rest (default: stored in clear): every name, ID number, phone, address and free text
         * of each stored event and snapshot, under the key of its petitioner, accused party or case
         * ({@link io.github.xinfang.privacy.DataKey}). Choose it before the first case is stored: a store written in
         * clear still reads, its new records are encrypted. Keys must be created with the same cipher.
         *
         * @param keys the portal's key provider
         * @param cipher the cipher ({@link PersonalDataCipher#aesGcm()}, or {@link PersonalDataCipher#sm4Gcm} for SM4)
         * @return this builder
         * @since 0.9
         */
        public Builder personalData(KeyProvider keys, PersonalDataCipher cipher) {
            this.keys = Objects.requireNonNull(keys, "keys");
            this.cipher = Objects.requireNonNull(cipher, "cipher");
            return this;
        }

        /**
         * @return the service
         * @throws IllegalArgumentException if a rule of the escalation policy requires a rank that is not on the ladder
         */
        public CaseService build() {
            return new CaseService(this);
        }
    }

    // ------------------------------------------------------------------ durability: snapshot rebuild, change feed

    /**
     * Rebuilds a case's state from its stored events alone, ignoring the stored snapshot: the tool for
     * checking a snapshot, or for replacing snapshots of a schema version a release no longer reads. Nothing
     * is written. Every event is decoded (and upcast, if it was written by an older release) and replayed
     * with {@link CaseState#replay}; for a store that obeys its contract the result equals the decoded stored
     * snapshot, and encodes to the same payload.
     *
     * @param caseId the case
     * @return the state replayed from the case's events, or empty if the case does not exist
     * @throws io.github.xinfang.cases.CodecException if a stored event does not decode
     * @throws io.github.xinfang.persistence.StoreException if the stored events do not form a history (a corrupt store)
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @since 0.1
     */
    public Optional<CaseState> rebuildSnapshot(CaseId caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return store.load(caseId.value()).map(s -> replayed(caseId.value(), s.events()));
    }

    /** The state the stored events replay to; a history that does not replay is a corrupt store. */
    private CaseState replayed(String caseId, List<StoredEvent> events) {
        try {
            return CaseState.replay(decodeAll(events));
        } catch (IllegalArgumentException e) {
            throw new io.github.xinfang.persistence.StoreException("stored events of case " + caseId + " do not replay", e);
        }
    }

    /**
     * The rebuilder a storage adapter's maintenance calls for a snapshot it cannot read (for example
     * {@code JdbcCaseStore.migrate(SnapshotRebuilder)} over an H2 database whose large objects were damaged). It
     * decodes the events (upcasting those of older releases), replays them with {@link CaseState#replay} and
     * encodes the state with this release's codec at the version given: the snapshot a commit of that version
     * stores (rules B1 to B5 of {@link io.github.xinfang.persistence.SnapshotRebuilder}). It uses neither the store
     * nor the clock. Thread-safe.
     *
     * @return the rebuilder
     * @since 0.3
     */
    public io.github.xinfang.persistence.SnapshotRebuilder snapshotRebuilder() {
        return (caseId, version, events) -> {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(events, "events");
            if (version < 1) throw new IllegalArgumentException("version must be at least 1, was " + version);
            CaseState state = replayed(caseId, events);
            if (!state.caseId().value().equals(caseId)) {
                throw new io.github.xinfang.persistence.StoreException("stored events of case " + caseId
                        + " replay to case " + state.caseId().value());
            }
            return codec.encodeSnapshot(state, version);
        };
    }

    /**
     * Reads the store's change feed after a position and decodes it: the reliable way for a portal's
     * projections, notifications and search indexes to learn about commits (listeners are a convenience that a
     * crash can skip). Persist the position of the last change you processed and pass it back here; see
     * {@link ChangeFollower} for a poller that does this in batches. The feed's rules F1 to F4
     * ({@link io.github.xinfang.persistence.ChangeFeed}) apply: positions start at 1, are gap-free and
     * ascending, and each change holds exactly one commit's events.
     *
     * @param position the position of the last change already processed (0 to read from the start)
     * @param limit the most changes to return, at least 1
     * @return the changes after {@code position}, ascending, at most {@code limit}; empty when none is there yet
     * @throws UnsupportedOperationException if the store does not implement {@link io.github.xinfang.persistence.ChangeFeed}
     * @throws IllegalArgumentException if position is negative or limit below 1
     * @throws io.github.xinfang.cases.CodecException if a stored event does not decode
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @since 0.1
     */
    public List<CaseChange> changesAfter(long position, int limit) {
        if (position < 0) throw new IllegalArgumentException("position must not be negative");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        List<io.github.xinfang.persistence.Change> raw = feed().changesAfter(position, limit);
        List<CaseChange> changes = new ArrayList<>(raw.size());
        for (io.github.xinfang.persistence.Change c : raw) {
            changes.add(new CaseChange(c.position(), new CaseId(c.caseId()), c.version(), decodeAll(c.events())));
        }
        return changes;
    }

    /** @return whether the store offers a change feed (for {@link ChangeFollower}) */
    boolean hasChangeFeed() {
        return store instanceof io.github.xinfang.persistence.ChangeFeed;
    }

    private io.github.xinfang.persistence.ChangeFeed feed() {
        if (store instanceof io.github.xinfang.persistence.ChangeFeed f) return f;
        throw new UnsupportedOperationException("the store " + store.getClass().getName() + " does not implement ChangeFeed");
    }
}
