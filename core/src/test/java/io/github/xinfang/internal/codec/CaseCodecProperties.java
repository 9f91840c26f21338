package io.github.xinfang.internal.codec;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.testing.DomainGenerators;
import io.github.xinfang.testing.Org;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** Properties of the codec: round trips, the completeness and stability of the type tables, digests. */
class CaseCodecProperties {
    private final CaseCodec codec = CaseCodec.create();

    /** The stored type names: part of the format; changing one breaks every store. */
    private static final List<String> EVENT_TYPE_NAMES = List.of(
            "case.registered", "case.routed", "case.objection-raised", "case.transferred-out", "case.redirected",
            "case.declined", "case.petitioner-informed", "case.accepted", "case.extended", "case.conclusion-proposed",
            "case.conclusion-approved", "case.returned-for-rework", "case.reply-served", "case.review-requested",
            "case.review-concluded", "case.review-opinion-served", "case.re-review-requested",
            "case.re-review-concluded", "case.reopened", "case.withdrawn",
            "case.imported", "case.contact-recorded", "case.stage-reply-given", "case.hearing-opened", "case.hearing-closed",
            "case.petition-corrected", "case.profile-changed", "case.terminated", "case.warning-recorded",
            "case.breach-recorded", "case.lapse-recorded",
            "case.backlog-designated", "case.batch-enrolled", "case.hard-case-flagged", "case.package-leader-assigned", "case.package-leader-replaced", "case.plan-recorded", "case.plan-step-done", "case.resolution-claimed", "case.resolution-approved", "case.resolution-rejected", "case.rebound-reported", "case.required-rank-raised",
            "case.merged", "case.merged-case-recorded", "case.repeat-petition-recorded", "case.follow-up-visit-recorded",
            "case.supervision-issued", "case.supervision-feedback-recorded", "case.replacement-clock-started",
            "case.handling-rated", "case.subject-tags-corrected");

    /** The retired event names: no event is written under them any more, and they are never used again. */
    private static final List<String> RETIRED_EVENT_TYPE_NAMES = List.of("case.duty-warning-recorded", "case.duty-breach-recorded");

    /** The command type names: part of every digest; changing one makes retried commands mismatch. */
    private static final List<String> COMMAND_TYPE_NAMES = List.of(
            "case.register", "case.route", "case.raise-objection", "case.transfer-out", "case.redirect",
            "case.decline", "case.inform-petitioner", "case.accept", "case.extend", "case.propose-conclusion",
            "case.approve-conclusion", "case.return-for-rework", "case.serve-reply", "case.request-review",
            "case.conclude-review", "case.serve-review-opinion", "case.request-re-review", "case.conclude-re-review",
            "case.reopen", "case.withdraw",
            "case.import", "case.record-contact", "case.give-stage-reply", "case.open-hearing", "case.close-hearing",
            "case.correct-petition", "case.change-profile", "case.terminate", "case.record-warning", "case.record-breach",
            "case.record-lapse",
            "case.designate-backlog", "case.enrol-in-batch", "case.flag-hard-case", "case.assign-package-leader", "case.replace-package-leader", "case.record-plan", "case.mark-plan-step-done", "case.claim-resolution", "case.approve-resolution", "case.reject-resolution", "case.report-rebound",
            "case.merge", "case.record-merged-case", "case.record-repeat-petition", "case.record-follow-up-visit",
            "case.issue-supervision", "case.record-supervision-feedback",
            "case.reassess-escalation", "case.rate-handling", "case.correct-subject-tags");

    // ------------------------------------------------------------------ events

    @Test
    void everyEventSurvivesARoundTrip() {
        qt().forAll(DomainGenerators.events()).checkAssert(event -> {
            StoredEvent stored = codec.encode(event);
            assertThat(codec.decode(stored)).isEqualTo(event);
        });
    }

    @Test
    void aStoredEventCarriesTheTableNameVersionAndTheEventsColumns() {
        qt().forAll(DomainGenerators.events()).checkAssert(event -> {
            StoredEvent stored = codec.encode(event);
            assertThat(stored.type()).isEqualTo(CaseCodec.eventTypeNames().get(event.getClass()));
            assertThat(stored.schemaVersion()).isEqualTo(TypeTable.PETITION_EVENTS.contains(stored.type()) ? 2 : 1);
            assertThat(stored.caseId()).isEqualTo(event.caseId().value());
            assertThat(stored.sequence()).isEqualTo(event.sequence());
            assertThat(stored.recordedAt()).isEqualTo(event.recordedAt());
        });
    }

    @Test
    void reEncodingADecodedEventGivesTheSamePayloadByteForByte() {
        CaseCodec other = CaseCodec.create();
        qt().forAll(DomainGenerators.events()).checkAssert(event -> {
            StoredEvent stored = codec.encode(event);
            assertThat(codec.encode(codec.decode(stored)).payload()).isEqualTo(stored.payload());
            assertThat(other.encode(event)).isEqualTo(stored);
        });
    }

    @Test
    void everyTruncatedPayloadIsACodecException() {
        qt().forAll(DomainGenerators.events(), integers().between(0, 1_000_000)).checkAssert((event, cut) -> {
            StoredEvent stored = codec.encode(event);
            String payload = stored.payload().substring(0, cut % stored.payload().length());
            Throwable thrown = catchThrowable(() -> codec.decode(withPayload(stored, payload)));
            assertThat(thrown).isInstanceOf(CodecException.class);
            assertThat(((CodecException) thrown).typeName()).isEqualTo(stored.type());
        });
    }

    @Test
    void aCorruptedPayloadGivesAnEventOrACodecExceptionAndNothingElse() {
        qt().forAll(DomainGenerators.events(), integers().between(0, 1_000_000), integers().between(0, 12))
                .checkAssert((event, at, replacement) -> {
                    StoredEvent stored = codec.encode(event);
                    String p = stored.payload();
                    int i = at % p.length();
                    String corrupted = p.substring(0, i) + "{}[]:,\"0-9ntx\\".charAt(replacement) + p.substring(i + 1);
                    Throwable thrown = catchThrowable(() -> codec.decode(withPayload(stored, corrupted)));
                    if (thrown != null) assertThat(thrown).isInstanceOf(CodecException.class);
                });
    }

    @Test
    void everyEventTypeHasATypeNameAndAGenerator() {
        Set<Class<?>> permitted = Set.of(io.github.xinfang.testing.Sealed.leaves(CaseEvent.class));
        assertThat(Set.<Class<?>>copyOf(CaseCodec.eventTypeNames().keySet())).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(Set.<Class<?>>copyOf(DomainGenerators.eventsByType().keySet())).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void eventTypeNamesAreUniqueAndStable() {
        assertThat(new ArrayList<>(CaseCodec.eventTypeNames().values())).containsExactlyElementsOf(EVENT_TYPE_NAMES);
        for (String retired : RETIRED_EVENT_TYPE_NAMES) {
            assertThat(TypeTable.event(retired)).as("%s is retired, never reused", retired).isNull();
            assertThat(TypeTable.retired(retired)).as("%s still reads", retired).isNotNull();
            assertThat(TypeTable.event(TypeTable.retired(retired).becomes())).as("%s reads as a current type", retired).isNotNull();
        }
        assertThat(new HashSet<>(EVENT_TYPE_NAMES)).hasSize(io.github.xinfang.testing.Sealed.leaves(CaseEvent.class).length);
        for (TypeTable.EventType row : TypeTable.events()) {
            assertThat(TypeTable.event(row.name())).isEqualTo(row);
            // version 2 of the events holding a petition added its subject tags; every other type is at its first
            assertThat(row.schemaVersion()).isEqualTo(TypeTable.PETITION_EVENTS.contains(row.name()) ? 2 : 1);
            assertThat(row.name()).doesNotContain(row.type().getSimpleName());
        }
    }

    @Test
    void everySealedValueVariantHasAKind() {
        for (Class<?> sealed : List.of(Actor.class, io.github.xinfang.cases.Petition.AccusedParty.class)) {
            assertThat(TypeTable.variants(sealed).values())
                    .containsExactlyInAnyOrder(sealed.getPermittedSubclasses());
        }
    }

    // ------------------------------------------------------------------ snapshots

    @Test
    void everySnapshotSurvivesARoundTrip() {
        qt().forAll(DomainGenerators.caseStates(), integers().between(1, 10_000)).checkAssert((state, version) -> {
            StoredSnapshot stored = codec.encodeSnapshot(state, version);
            assertThat(stored.caseId()).isEqualTo(state.caseId().value());
            assertThat(stored.version()).isEqualTo((long) version);
            assertThat(stored.schemaVersion()).isEqualTo(4);
            assertThat(codec.decodeSnapshot(stored)).isEqualTo(state);
        });
    }

    // ------------------------------------------------------------------ digests

    @Test
    void everyCommandTypeHasATypeNameAndAGenerator() {
        Set<Class<?>> permitted = Set.of(io.github.xinfang.testing.Sealed.leaves(CaseCommand.class));
        assertThat(Set.<Class<?>>copyOf(CaseCodec.commandTypeNames().keySet())).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(new ArrayList<>(CaseCodec.commandTypeNames().values())).containsExactlyElementsOf(COMMAND_TYPE_NAMES);
        assertThat(Set.<Class<?>>copyOf(DomainGenerators.commandsByType().keySet())).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void equalCommandsHaveEqualDigests() {
        CaseCodec other = CaseCodec.create();
        qt().forAll(DomainGenerators.commands()).checkAssert(command -> {
            CaseCommand copy = (CaseCommand) deepCopy(command);
            assertThat(copy).isEqualTo(command).isNotSameAs(command);
            String digest = codec.digest(command);
            assertThat(digest).matches("[0-9a-f]{64}");
            assertThat(codec.digest(copy)).isEqualTo(digest);
            assertThat(other.digest(command)).isEqualTo(digest);
        });
    }

    @Test
    void changingAnyFieldOfACommandChangesItsDigest() {
        qt().forAll(DomainGenerators.commands(), integers().between(0, Integer.MAX_VALUE)).checkAssert((command, choice) -> {
            CaseCommand changed = (CaseCommand) Mutation.change(command, choice);
            assertThat(changed).isNotEqualTo(command);
            assertThat(codec.digest(changed)).isNotEqualTo(codec.digest(command));
        });
    }

    @Test
    void commandsOfDifferentTypesWithTheSameFieldsHaveDifferentDigests() {
        qt().forAll(DomainGenerators.commands(ProcedureCommand.Accept.class)).checkAssert(a -> {
            var served = new ProcedureCommand.ServeReply(a.caseId(), a.key(), a.actor(), a.acceptedOn());
            var informed = new ProcedureCommand.InformPetitioner(a.caseId(), a.key(), a.actor(), a.acceptedOn());
            assertThat(Set.of(codec.digest(a), codec.digest(served), codec.digest(informed))).hasSize(3);
        });
    }

    // ------------------------------------------------------------------ helpers

    private static StoredEvent withPayload(StoredEvent s, String payload) {
        return new StoredEvent(s.caseId(), s.sequence(), s.type(), s.schemaVersion(), payload, s.recordedAt());
    }

    /** A structurally equal copy: new record instances, new strings, new lists. */
    static Object deepCopy(Object v) {
        if (v == null) return null;
        if (v instanceof String s) return new String(s.toCharArray());
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (Object o : l) copy.add(deepCopy(o));
            return copy;
        }
        if (v.getClass().isRecord()) {
            RecordComponent[] rcs = v.getClass().getRecordComponents();
            Object[] args = new Object[rcs.length];
            for (int i = 0; i < rcs.length; i++) args[i] = deepCopy(Mutation.get(rcs[i], v));
            return Mutation.construct(v.getClass(), args);
        }
        return v;
    }

    /**
     * Changes one field of a command, chosen by an integer: at the top level or inside a form, a value is
     * either changed (text appended, number incremented, date moved, enum advanced, list shortened) or
     * replaced by null (or null by a value).
     */
    static final class Mutation {
        private Mutation() {}

        private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
                Map.entry(String.class, "甄翊"),
                Map.entry(io.github.xinfang.cases.PetitionForm.FormText.class, new io.github.xinfang.cases.PetitionForm.FormText("甄翊")),
                Map.entry(Integer.class, 7),
                Map.entry(Boolean.class, Boolean.TRUE),
                Map.entry(LocalDate.class, LocalDate.of(2020, 2, 29)),
                Map.entry(CaseId.class, new CaseId("case-sample")),
                Map.entry(UnitId.class, Org.LAND),
                Map.entry(OfficialId.class, Org.LAND_HEAD),
                Map.entry(Actor.class, Actor.system("sample")),
                Map.entry(List.class, List.of()),
                Map.entry(PetitionForm.Petitioner.class, new PetitionForm.Petitioner("甄翊", null, null, null)),
                Map.entry(PetitionForm.AccusedParty.class, PetitionForm.AccusedParty.unit(Org.LAND)));

        static Object change(Object record, int choice) {
            RecordComponent[] rcs = record.getClass().getRecordComponents();
            int i = choice % rcs.length;
            int rest = choice / rcs.length;
            Object[] args = new Object[rcs.length];
            for (int j = 0; j < rcs.length; j++) args[j] = get(rcs[j], record);
            boolean none = args[i] == null || args[i] instanceof List<?> l && l.isEmpty();
            if (record instanceof PetitionForm && rcs[i].getName().equals("subjectTags") && none) {
                // a form's later component: null and empty both mean none (and digest alike), so a change adds a tag
                args[i] = List.of("estate:甄翊");
            } else {
                args[i] = changeValue(args[i], rcs[i].getType(), rest);
            }
            return construct(record.getClass(), args);
        }

        private static Object changeValue(Object v, Class<?> type, int choice) {
            boolean nullable = !type.isPrimitive();
            if (v == null) {
                if (type.isEnum()) return type.getEnumConstants()[0];
                Object sample = SAMPLES.get(type);
                if (sample == null) throw new AssertionError("no sample for " + type);
                return sample;
            }
            if (nullable && choice % 4 == 0 && !(v instanceof Actor)) return null;
            int next = choice / 4;
            if (v instanceof String s) return s + "x";
            if (v instanceof Integer n) return n + 1;
            if (v instanceof Boolean b) return !b;
            if (v instanceof LocalDate d) return d.plusDays(1);
            if (v instanceof java.time.Instant i) return i.plusNanos(1);
            if (v instanceof Enum<?> e) {
                Object[] constants = e.getDeclaringClass().getEnumConstants();
                return constants[(e.ordinal() + 1) % constants.length];
            }
            if (v instanceof CaseId c) return new CaseId(c.value() + "x");
            if (v instanceof io.github.xinfang.time.Obligation.DutyId d) {
                return next % 2 == 0 ? new io.github.xinfang.time.Obligation.DutyId(d.kind(), d.ref() + "x")
                        : new io.github.xinfang.time.Obligation.DutyId(changeValue(d.kind(), io.github.xinfang.time.Obligation.DutyId.Kind.class, 1) instanceof
                        io.github.xinfang.time.Obligation.DutyId.Kind k ? k : d.kind(), d.ref());
            }
            if (v instanceof io.github.xinfang.cases.IdempotencyKey k) return new io.github.xinfang.cases.IdempotencyKey(k.value() + "x");
            if (v instanceof UnitId u) return new UnitId(u.value() + "x");
            if (v instanceof OfficialId o) return new OfficialId(o.value() + "x");
            if (v instanceof Actor.SystemActor a) return Actor.system(a.job() + "x");
            if (v instanceof Actor.OfficialActor a) {
                return next % 2 == 0 ? Actor.official(new OfficialId(a.official().value() + "x"), a.unit())
                        : Actor.official(a.official(), new UnitId(a.unit().value() + "x"));
            }
            if (v instanceof List<?> l) {
                if (l.isEmpty()) return null;
                List<Object> copy = new ArrayList<>(l);
                int at = next % l.size();
                if ((next / l.size()) % 2 == 0) copy.remove(at);
                else copy.set(at, isId(l.get(at)) || l.get(at) instanceof String ? changeValue(l.get(at), l.get(at).getClass(), 1)
                        : change(l.get(at), next / l.size() / 2));
                return copy;
            }
            if (isId(v)) return construct(v.getClass(), new Object[] {get(v.getClass().getRecordComponents()[0], v) + "x"});
            if (v.getClass().isRecord()) return change(v, next);
            throw new AssertionError("cannot change a " + v.getClass());
        }

        /** A record whose only component is a String value (an id): its value is never null. */
        static boolean isId(Object v) {
            RecordComponent[] parts = v.getClass().isRecord() ? v.getClass().getRecordComponents() : null;
            return parts != null && parts.length == 1 && parts[0].getType() == String.class;
        }

        static Object get(RecordComponent rc, Object record) {
            try {
                return rc.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        static Object construct(Class<?> type, Object[] args) {
            Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
