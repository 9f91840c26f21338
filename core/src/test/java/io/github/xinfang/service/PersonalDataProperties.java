package io.github.xinfang.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.Withheld;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.InMemoryKeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.privacy.PersonalDataException;
import io.github.xinfang.testing.CapturedLogs;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Personal data at rest (PIPL Art. 45, 47, 51), model-based: a group petition's case goes through generated sequences
 * of commands, restrictions, lifted restrictions, erasures, reads, exports and petitioners' own copies, with AES-GCM or
 * SM4-GCM, against a model of each key's status. After every step each read shows exactly what the model says (the
 * clear value, {@code RESTRICTED}, {@code ERASED} or, in another petitioner's copy, {@code MASKED}), and no stored
 * record holds a personal value in clear; at the end the chain verifies and the events replay to the snapshot. A
 * second property looks for the generated values everywhere else they could leak: log lines, exception messages,
 * Java-serialised exceptions and values, Jackson-serialised (application JSON) values.
 */
class PersonalDataProperties {
    private static final CaseId ID = new CaseId("PD-2026-0001");
    private static final Actor READER = Org.officeHead();

    /** One step of a sequence: what it does and to whom (a petitioner's or accused party's position). */
    record Step(int kind, int who) {
        static final int COMMAND = 0, RESTRICT = 1, LIFT = 2, ERASE = 3, READ = 4, OWN_COPY = 5, EXPORT = 6;

        @Override
        public String toString() {
            return List.of("command", "restrict", "lift", "erase", "read", "own copy", "export").get(kind) + " " + who;
        }
    }

    static Gen<Step> steps() {
        return integers().between(0, 6).zip(integers().between(0, 3), Step::new);
    }

    /** The model: each key's status, for petitioners 0..n-1 and the accused outside party (index {@code n}). */
    static final class Model {
        final boolean[] restricted;
        final boolean[] erased;

        Model(int n) {
            restricted = new boolean[n + 1];
            erased = new boolean[n + 1];
        }

        /** @return what a read shows for a person: null for the clear value */
        Withheld read(int person) {
            return erased[person] ? Withheld.ERASED : restricted[person] ? Withheld.RESTRICTED : null;
        }

        /** @return what petitioner {@code own}'s copy shows for a person */
        Withheld ownCopy(int own, int person) {
            if (erased[person]) return Withheld.ERASED;
            return person == own ? null : Withheld.MASKED;
        }
    }

    @Test
    void everyReadShowsWhatTheKeysStatusesSayAndNothingIsStoredInClear() {
        qt().withExamples(60)
                .forAll(lists().of(CaseInvariantProperties.people()).ofSizeBetween(3, 4), lists().of(steps()).ofSizeBetween(1, 40),
                        booleans().all())
                .checkAssert((people, steps, sm4) -> {
                    int n = people.size() - 1;   // the last person is accused, the others petition together
                    InMemoryCaseStore store = InMemoryCaseStore.create();
                    PersonalDataCipher cipher = sm4 ? PersonalDataCipher.sm4Gcm(new BouncyCastleProvider()) : PersonalDataCipher.aesGcm();
                    CaseService service = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z"))
                            .personalData(InMemoryKeyProvider.create(cipher), cipher).accessAudit(store).build();
                    assertThat(service.handle(register(people)).isApplied()).isTrue();
                    List<CaseCommand> lifecycle = ChangeFeedFixtures.lifecycle(ID).subList(1, 14);
                    Model model = new Model(n);
                    int next = 0;
                    for (Step step : steps) {
                        int who = step.who() % (n + 1);
                        DataKey key = who == n ? DataKey.accused(ID, 1) : DataKey.petitioner(ID, who);
                        switch (step.kind()) {
                            case Step.COMMAND -> {
                                if (next < lifecycle.size()) assertThat(service.handle(lifecycle.get(next++)).isApplied()).isTrue();
                            }
                            case Step.RESTRICT -> {
                                service.restrictPersonalData(key);
                                model.restricted[who] = !model.erased[who];
                            }
                            case Step.LIFT -> {
                                service.liftRestriction(key);
                                model.restricted[who] = false;
                            }
                            case Step.ERASE -> {
                                List<StoredEvent> before = store.load(ID.value()).orElseThrow().events();
                                service.erasePersonalData(key);
                                model.erased[who] = true;
                                model.restricted[who] = false;
                                assertThat(store.load(ID.value()).orElseThrow().events()).as("erasure rewrites nothing").isEqualTo(before);
                            }
                            case Step.READ -> assertShows(service.history(ID).orElseThrow(), people, p -> model.read(p), true);
                            case Step.EXPORT -> assertShows(service.export(READER, ID).orElseThrow(), people, p -> model.read(p), true);
                            case Step.OWN_COPY -> {
                                Optional<CaseHistory> copy = service.ownCopy(ID, step.who());
                                if (step.who() < n) {
                                    assertShows(copy.orElseThrow(), people, p -> model.ownCopy(step.who(), p), true);
                                } else {
                                    assertThat(copy).as("no petitioner %d", step.who()).isEmpty();
                                }
                            }
                            default -> throw new AssertionError(step);
                        }
                        assertNothingInClear(store, people);
                    }
                    // the history still verifies and replays, whatever was erased
                    assertThat(ChainVerifier.of(store, EventChain.sha256()).verifyCase(ID.value()).intact()).isTrue();
                    assertThat(service.rebuildSnapshot(ID)).isEqualTo(service.state(ID));
                    // erasing the case's own key erases its free text and nobody's else
                    service.erasePersonalData(DataKey.ofCase(ID));
                    CaseHistory after = service.history(ID).orElseThrow();
                    assertThat(after.state().petition().summary().withheld()).contains(Withheld.ERASED);
                    assertShows(after, people, p -> model.read(p), false);
                    assertThat(ChainVerifier.of(store, EventChain.sha256()).verifyCase(ID.value()).intact()).isTrue();
                });
    }

    @Test
    void noPersonalValueLeaksIntoLogsMessagesOrSerialisedObjects() {
        ObjectMapper mapper = new ObjectMapper();
        ApplicationJson json = ApplicationJson.create();
        qt().withExamples(40).forAll(lists().of(CaseInvariantProperties.people()).ofSizeBetween(2, 3), integers().between(1, 13))
                .checkAssert((people, commands) -> {
                    InMemoryCaseStore store = InMemoryCaseStore.create();
                    InMemoryKeyProvider keys = InMemoryKeyProvider.create(PersonalDataCipher.aesGcm());
                    List<String> texts = new ArrayList<>();
                    List<Object> serialised = new ArrayList<>();
                    CapturedLogs.Captured<Void> captured = CapturedLogs.during(() -> {
                        CaseService service = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z"))
                                .personalData(keys).accessAudit(store)
                                .listener((caseId, version, events) -> {
                                    throw new IllegalStateException("listener fails on purpose");
                                })
                                .build();
                        service.handle(register(people));
                        for (CaseCommand c : ChangeFeedFixtures.lifecycle(ID).subList(1, 1 + commands)) service.handle(c);
                        CaseHistory h = service.history(ID).orElseThrow();
                        serialised.add(h);
                        serialised.add(h.state());
                        serialised.addAll(h.events());
                        texts.add(string(mapper, json.write(h, false)));
                        texts.add(String.valueOf(h));
                        service.restrictPersonalData(DataKey.petitioner(ID, 0));
                        service.erasePersonalData(DataKey.petitioner(ID, 1 % (people.size() - 1)));
                        texts.add(string(mapper, json.write(service.history(ID).orElseThrow(), false)));
                        // failures: a reader without keys, a tampered value, new data under a destroyed key
                        CaseService keyless = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
                        serialised.add(failure(() -> keyless.history(ID)));
                        StoredEvent first = store.load(ID.value()).orElseThrow().events().get(0);
                        String tampered = first.payload().replaceFirst("\"ct\":\"(.)", "\"ct\":\"$1$1");
                        serialised.add(failure(() -> service.codec().decode(new StoredEvent(first.caseId(), first.sequence(),
                                first.type(), first.schemaVersion(), tampered, first.recordedAt()))));
                        // the registration as read before the erasure brings the erased petitioner's data again
                        serialised.add(failure(() -> service.codec().encode(h.events().get(0))));
                        return null;
                    });
                    texts.addAll(captured.lines());
                    assertThat(captured.lines()).as("the erasure is logged").anyMatch(l -> l.contains("erased"));
                    for (Object o : serialised) {
                        texts.add(String.valueOf(o));
                        if (o instanceof Throwable t) {
                            texts.add(t.getMessage());
                            assertThat(t).isInstanceOfAny(CodecException.class, PersonalDataException.class);
                        }
                        texts.add(javaSerialised(o));
                    }
                    StoredCase stored = store.load(ID.value()).orElseThrow();
                    for (StoredEvent e : stored.events()) texts.add(e.payload());
                    texts.add(stored.snapshot().payload());
                    texts.add(String.valueOf(store.indexRow(ID.value()).orElseThrow()));
                    for (CaseInvariantProperties.Person p : people) {
                        for (String value : List.of(p.name(), p.id(), p.phone(), p.address(), p.summary())) {
                            for (String t : texts) assertThat(t).doesNotContain(value);
                        }
                    }
                });
    }

    // ------------------------------------------------------------------ helpers

    /** A group petition of every person but the last, who is accused (as an outside party, after a unit). */
    static CaseCommand register(List<CaseInvariantProperties.Person> people) {
        List<PetitionForm.Petitioner> petitioners = new ArrayList<>();
        for (CaseInvariantProperties.Person p : people.subList(0, people.size() - 1)) {
            petitioners.add(new PetitionForm.Petitioner(p.name(), p.id(), p.phone(), p.address()));
        }
        CaseInvariantProperties.Person accused = people.get(people.size() - 1);
        PetitionForm form = new PetitionForm(LocalDate.parse("2026-03-02"), Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true,
                null, petitioners, null, List.of(PetitionForm.AccusedParty.unit(Org.LAND), PetitionForm.AccusedParty.outside(accused.name())),
                people.get(0).summary());
        return new ProcedureCommand.Register(ID, new IdempotencyKey("register"), Org.clerk(), form, null);
    }

    /**
     * Checks one read against the model: each petitioner's four values and the accused party's name show clear or as
     * the model's placeholder, in the state and in the registration event; the summary shows clear when asked.
     */
    private static void assertShows(CaseHistory h, List<CaseInvariantProperties.Person> people, Function<Integer, Withheld> expected,
                                    boolean summaryClear) {
        int n = people.size() - 1;
        Petition registered = ((ProcedureEvent.Registered) h.events().get(0)).petition();
        for (Petition petition : List.of(h.state().petition(), registered)) {
            for (int i = 0; i < n; i++) {
                Petition.Petitioner shown = petition.petitioners().get(i);
                CaseInvariantProperties.Person p = people.get(i);
                Withheld w = expected.apply(i);
                assertThat(shown.name().withheld()).as("petitioner %d's name", i).isEqualTo(Optional.ofNullable(w));
                assertThat(shown.idNumber().withheld()).isEqualTo(Optional.ofNullable(w));
                assertThat(shown.phone().withheld()).isEqualTo(Optional.ofNullable(w));
                assertThat(shown.address().withheld()).isEqualTo(Optional.ofNullable(w));
                if (w == null) {
                    assertThat(List.of(shown.name().value(), shown.idNumber().value(), shown.phone().value(), shown.address().value()))
                            .containsExactly(p.name(), p.id(), p.phone(), p.address());
                }
            }
            Petition.AccusedParty.OutsideParty outside = (Petition.AccusedParty.OutsideParty) petition.accused().get(1);
            Withheld w = expected.apply(n);
            assertThat(outside.name().withheld()).as("the accused party's name").isEqualTo(Optional.ofNullable(w));
            if (w == null) assertThat(outside.name().value()).isEqualTo(people.get(n).name());
            assertThat(petition.accused().get(0)).isEqualTo(new Petition.AccusedParty.AccusedUnit(Org.LAND));
            if (summaryClear) assertThat(petition.summary().value()).isEqualTo(people.get(0).summary());
        }
    }

    private static void assertNothingInClear(InMemoryCaseStore store, List<CaseInvariantProperties.Person> people) {
        StoredCase stored = store.load(ID.value()).orElseThrow();
        List<String> payloads = new ArrayList<>();
        for (StoredEvent e : stored.events()) payloads.add(e.payload());
        payloads.add(stored.snapshot().payload());
        for (CaseInvariantProperties.Person p : people) {
            for (String value : List.of(p.name(), p.id(), p.phone(), p.address(), p.summary())) {
                for (String payload : payloads) assertThat(payload).doesNotContain(value);
            }
        }
    }

    private static Throwable failure(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private static String string(ObjectMapper mapper, Object tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The Java serialisation of an object as text (or nothing, when its type cannot be serialised at all). */
    private static String javaSerialised(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (NotSerializableException e) {
            assertThat(e.getMessage()).as("only a type is named").startsWith("io.github.xinfang.");
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
