package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.CodecException.Problem;
import io.github.xinfang.cases.EventId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.testing.Org;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Examples of the stored format and of every way a stored record can be refused. */
class CaseCodecTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CaseCodec codec = CaseCodec.create();

    // Personal data of the example petition: none of it may appear in any exception message.
    private static final String NAME = "甄翊骞";
    private static final String OTHER_NAME = "司马琰";
    private static final String ID_NUMBER = "45080219850315123" + IdNumber.checkCharacter("45080219850315123");
    private static final String PHONE = "13912345678";
    private static final String ADDRESS = "广西贵港市港北区蕤珩路88号";
    private static final String SUMMARY = "反映拆迁补偿款未按协议足额发放问题，请求依法处理";
    private static final String OUTSIDE = "璩蒯房地产开发有限公司";
    private static final List<String> PERSONAL = List.of(NAME, OTHER_NAME, ID_NUMBER, PHONE, ADDRESS, SUMMARY, OUTSIDE);

    private static final CaseId CASE = new CaseId("case-1");
    private static final Instant AT = Instant.parse("2024-03-01T02:03:04.123456789Z");

    private static Petition petition() {
        return new Petition(LocalDate.of(2024, 3, 1), Channel.VISIT, Category.CLAIM, "住房保障", new RegionCode("450802"),
                false, new CaseId("case-0"),
                List.of(new Petition.Petitioner(new PersonName(NAME), new IdNumber(ID_NUMBER), new PhoneNumber(PHONE), new Address(ADDRESS)),
                        new Petition.Petitioner(new PersonName(OTHER_NAME), null, null, null)),
                3, List.of(new Petition.AccusedParty.AccusedUnit(Org.HOUSING), new Petition.AccusedParty.OutsideParty(new FreeText(OUTSIDE))),
                new FreeText(SUMMARY));
    }

    private static ProcedureEvent.Registered registered() {
        return new ProcedureEvent.Registered(new EventId(CASE, 1), Org.clerk(), AT, "national-2022", petition());
    }

    // ------------------------------------------------------------------ the format

    @Test
    void aRoutedEventIsStoredAsItsFieldsWithoutItsId() {
        var routed = new ProcedureEvent.Routed(new EventId(CASE, 2), Org.clerk(), AT, Org.HOUSING, LocalDate.of(2024, 3, 4));

        StoredEvent stored = codec.encode(routed);

        assertThat(stored).isEqualTo(new StoredEvent("case-1", 2, "case.routed", 1,
                "{\"actor\":{\"kind\":\"official\",\"official\":\"office-clerk\",\"unit\":\"office\"},"
                        + "\"recordedAt\":\"2024-03-01T02:03:04.123456789Z\",\"unit\":\"housing\",\"receivedOn\":\"2024-03-04\"}",
                AT));
        assertThat(codec.decode(stored)).isEqualTo(routed);
    }

    @Test
    void aRegisteredEventHoldsThePetitionWithPlainStringsAndKindsOfParties() throws Exception {
        StoredEvent stored = codec.encode(registered());

        JsonNode payload = JSON.readTree(stored.payload());
        assertThat(stored.type()).isEqualTo("case.registered");
        assertThat(payload.has("id")).isFalse();
        assertThat(payload.get("profile").textValue()).isEqualTo("national-2022");
        JsonNode petition = payload.get("petition");
        assertThat(petition.get("region").textValue()).isEqualTo("450802");
        assertThat(petition.get("repeatsCase").textValue()).isEqualTo("case-0");
        assertThat(petition.get("petitioners").get(0).get("idNumber").textValue()).isEqualTo(ID_NUMBER);
        assertThat(petition.get("petitioners").get(1).get("phone").isNull()).isTrue();
        assertThat(petition.get("accused").toString())
                .isEqualTo("[{\"kind\":\"unit\",\"unit\":\"housing\"},{\"kind\":\"outside\",\"name\":\"" + OUTSIDE + "\"}]");
        assertThat(codec.decode(stored)).isEqualTo(registered());
    }

    @Test
    void aSystemActorIsStoredWithItsJob() {
        var sweep = new ProcedureEvent.Accepted(new EventId(CASE, 3), Actor.system("deadline-sweep"), AT, LocalDate.of(2024, 3, 5));

        assertThat(codec.encode(sweep).payload()).startsWith("{\"actor\":{\"kind\":\"system\",\"job\":\"deadline-sweep\"},");
        assertThat(codec.decode(codec.encode(sweep))).isEqualTo(sweep);
    }

    @Test
    void theEventIdComesFromTheStoredColumns() {
        StoredEvent stored = codec.encode(registered());
        var moved = new StoredEvent("case-9", 7, stored.type(), 1, stored.payload(), stored.recordedAt());

        assertThat(codec.decode(moved).id()).isEqualTo(new EventId(new CaseId("case-9"), 7));
    }

    @Test
    void aSnapshotHoldsTheWholeState() {
        CaseState state = CaseState.replay(List.of(registered(),
                new ProcedureEvent.Routed(new EventId(CASE, 2), Org.clerk(), AT, Org.HOUSING, LocalDate.of(2024, 3, 4))));

        StoredSnapshot stored = codec.encodeSnapshot(state, 2);

        assertThat(stored.caseId()).isEqualTo("case-1");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.schemaVersion()).isEqualTo(4);
        assertThat(stored.payload()).startsWith("{\"caseId\":\"case-1\",\"lastSequence\":2,\"profile\":")
                .contains(",\"procedure\":{\"stage\":\"ROUTED\",\"handlingUnit\":\"housing\",\"unitReceivedOn\":\"2024-03-04\",");
        assertThat(codec.decodeSnapshot(stored)).isEqualTo(state);
    }

    // ------------------------------------------------------------------ digests

    @Test
    void theDigestHashesAVersionedCanonicalEncodingOfTheWholeCommand() {
        var propose = new ProcedureCommand.ProposeConclusion(CASE, new IdempotencyKey("k-1"), Org.staffOf(Org.HOUSING), null,
                SUMMARY, LocalDate.of(2024, 4, 1));

        assertThat(codec.canonicalJson(propose)).isEqualTo(
                "{\"actor\":{\"kind\":\"official\",\"official\":\"housing-staff\",\"unit\":\"housing\"},\"caseId\":\"case-1\","
                        + "\"key\":\"k-1\",\"outcome\":null,\"proposedOn\":\"2024-04-01\",\"replyText\":\"" + SUMMARY + "\"}");
        assertThat(codec.digest(propose)).isEqualTo(sha256Hex("xinfang-command/1\ncase.propose-conclusion\n" + codec.canonicalJson(propose)));
    }

    @Test
    void theDigestOfAFixedCommandNeverChanges() {
        var route = new ProcedureCommand.Route(CASE, new IdempotencyKey("k-2"), Actor.system("handover"), Org.LAND, LocalDate.of(2024, 4, 2));

        assertThat(codec.canonicalJson(route)).isEqualTo("{\"actor\":{\"job\":\"handover\",\"kind\":\"system\"},"
                + "\"caseId\":\"case-1\",\"key\":\"k-2\",\"receivedOn\":\"2024-04-02\",\"unit\":\"land\"}");
        assertThat(codec.digest(route)).isEqualTo(PINNED_ROUTE_DIGEST);
    }

    @Test
    void aFormsSubjectTagsAreLeftOutOfTheCanonicalJsonOnlyWhileAbsentOrEmpty() {
        var register = GoldenSamples.of(io.github.xinfang.cases.ProcedureCommand.Register.class);
        var form = register.petition();
        assertThat(form.subjectTags()).isNull();
        var empty = new io.github.xinfang.cases.ProcedureCommand.Register(register.caseId(), register.key(), register.actor(),
                form.withSubjectTags(), register.profile());
        var tagged = new io.github.xinfang.cases.ProcedureCommand.Register(register.caseId(), register.key(), register.actor(),
                form.withSubjectTags("estate:金港华府"), register.profile());

        assertThat(codec.canonicalJson(register)).doesNotContain("subjectTags");
        assertThat(codec.digest(empty)).isEqualTo(codec.digest(register));
        assertThat(codec.canonicalJson(tagged)).contains("\"subjectTags\":[\"estate:金港华府\"]");
        assertThat(codec.digest(tagged)).isNotEqualTo(codec.digest(register));
    }

    /** Computed independently (Python hashlib) from the canonical text above; pins the encoding across releases. */
    private static final String PINNED_ROUTE_DIGEST = "d1e86b11829cc2aca77de64172ce0ff1ed785cbba800d4a4a6892bdb76ca1300";

    @Test
    void aCommandWithNullFieldsHasADigestAndNullsAreWrittenExplicitly() {
        var empty = new ProcedureCommand.Reopen(null, null, null, (FormText) null, null);

        assertThat(codec.canonicalJson(empty))
                .isEqualTo("{\"actor\":null,\"caseId\":null,\"key\":null,\"reason\":null,\"reopenedOn\":null}");
        assertThat(codec.digest(empty)).isEqualTo(codec.digest(new ProcedureCommand.Reopen(null, null, null, (FormText) null, null)));
    }

    // ------------------------------------------------------------------ refusals: the record

    @Test
    void anUnknownTypeNameIsRefused() {
        StoredEvent stored = codec.encode(registered());

        CodecException e = refused(new StoredEvent("case-1", 1, "case.teleported", 1, stored.payload(), AT),
                Problem.UNKNOWN_TYPE, null);

        assertThat(e.typeName()).isEqualTo("case.teleported");
        assertThat(e.getMessage()).isEqualTo("cannot decode case.teleported v1: unknown type name");
    }

    @Test
    void aTypeNameThatIsNotAnIdentifierIsNotRepeated() {
        CodecException e = refused(new StoredEvent("case-1", 1, NAME, 1, "{}", AT), Problem.UNKNOWN_TYPE, null);

        assertThat(e.typeName()).isEqualTo("(unprintable type name)");
    }

    @Test
    void anUnsupportedSchemaVersionIsRefused() {
        StoredEvent stored = codec.encode(registered());

        CodecException e = refusedRegistered(new StoredEvent("case-1", 1, stored.type(), 3, stored.payload(), AT),
                Problem.UNSUPPORTED_SCHEMA_VERSION, null);

        assertThat(e.schemaVersion()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("cannot decode case.registered v3: unsupported schema version (supported: 1 to 2)");
    }

    @Test
    void aStoredCaseIdThatIsNotACaseIdIsRefused() {
        StoredEvent stored = codec.encode(registered());

        refusedRegistered(new StoredEvent("c".repeat(65), 1, stored.type(), 1, stored.payload(), AT), Problem.INVALID_VALUE, "id");
    }

    // ------------------------------------------------------------------ refusals: malformed JSON and limits

    @Test
    void aTruncatedPayloadIsMalformedAndSaysWhereItStopped() {
        StoredEvent stored = codec.encode(registered());
        String payload = stored.payload();
        String cut = payload.substring(0, payload.indexOf(SUMMARY) + 5);

        CodecException e = refusedRegistered(with(stored, cut), Problem.MALFORMED_JSON, "petition.summary");

        assertThat(e.getMessage()).contains("line 1, column");
    }

    @Test
    void anEmptyPayloadIsMalformed() {
        refusedRegistered(with(codec.encode(registered()), ""), Problem.MALFORMED_JSON, null);
        refusedRegistered(with(codec.encode(registered()), "   "), Problem.MALFORMED_JSON, null);
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        StoredEvent stored = codec.encode(registered());

        refusedRegistered(with(stored, stored.payload() + "{}"), Problem.MALFORMED_JSON, null);
    }

    @Test
    void aDuplicateKeyIsMalformed() {
        StoredEvent stored = codec.encode(registered());

        refusedRegistered(with(stored, stored.payload().replace("{\"actor\":", "{\"profile\":\"x\",\"actor\":")),
                Problem.MALFORMED_JSON, "profile");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsTheWrongType() {
        refusedRegistered(with(codec.encode(registered()), "[\"" + NAME + "\"]"), Problem.WRONG_TYPE, null);
    }

    @Test
    void anOversizeStringIsRefusedByTheParser() {
        StoredEvent stored = edit(codec.encode(registered()),
                root -> petitionOf(root).put("summary", "长".repeat(CaseCodec.MAX_STRING_LENGTH + 1)));

        CodecException e = refusedRegistered(stored, Problem.LIMIT_EXCEEDED, "petition.summary");

        assertThat(e.getMessage()).doesNotContain("长长");
    }

    @Test
    void aStringWithinTheParserLimitButOverTheDomainLimitIsAnInvalidValue() {
        StoredEvent stored = edit(codec.encode(registered()),
                root -> petitionOf(root).put("summary", "长".repeat(FreeText.MAX_LENGTH + 1)));

        refusedRegistered(stored, Problem.INVALID_VALUE, "petition.summary");
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        StoredEvent stored = codec.encode(registered());
        String deep = "[".repeat(CaseCodec.MAX_NESTING_DEPTH + 10) + "]".repeat(CaseCodec.MAX_NESTING_DEPTH + 10);
        String payload = stored.payload().replace("\"summary\":\"" + SUMMARY + "\"", "\"summary\":" + deep);

        CodecException e = refusedRegistered(with(stored, payload), Problem.LIMIT_EXCEEDED, null, false);

        assertThat(e.fieldPath()).hasValueSatisfying(p -> assertThat(p).startsWith("petition.summary[0][0]"));
    }

    @Test
    void anOversizeDocumentIsRefusedBeforeParsing() {
        StoredEvent stored = codec.encode(registered());
        String payload = stored.payload().substring(0, stored.payload().length() - 1)
                + ",\"padding\":\"" + " ".repeat(CaseCodec.MAX_DOCUMENT_LENGTH) + "\"}";

        refusedRegistered(with(stored, payload), Problem.LIMIT_EXCEEDED, null);
    }

    // ------------------------------------------------------------------ refusals: fields

    @Test
    void aMissingRequiredFieldIsNamedByItsPath() {
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).remove("summary")),
                Problem.MISSING_FIELD, "petition.summary");
        refusedRegistered(edit(codec.encode(registered()), root -> root.remove("actor")), Problem.MISSING_FIELD, "actor");
        refusedRegistered(edit(codec.encode(registered()), root -> ((ObjectNode) root.get("actor")).remove("kind")),
                Problem.MISSING_FIELD, "actor.kind");
    }

    @Test
    void aNullWhereTheConstructorRequiresAValueIsAMissingField() {
        CodecException e = refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).putNull("summary")),
                Problem.MISSING_FIELD, "petition.summary");

        assertThat(e.getCause()).isInstanceOf(NullPointerException.class);
        refusedRegistered(edit(codec.encode(registered()), root -> petitioner(root, 1).putNull("name")),
                Problem.MISSING_FIELD, "petition.petitioners[1].name");
        refusedRegistered(edit(codec.encode(registered()), root -> ((ArrayNode) petitionOf(root).get("accused")).addNull()),
                Problem.MISSING_FIELD, "petition.accused[2]");
    }

    @Test
    void anOptionalFieldMustStillBePresentAsNull() {
        refusedRegistered(edit(codec.encode(registered()), root -> petitioner(root, 1).remove("phone")),
                Problem.MISSING_FIELD, "petition.petitioners[1].phone");
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsNamed() {
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("headcount", "3")),
                Problem.WRONG_TYPE, "petition.headcount");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("firstPetition", 0)),
                Problem.WRONG_TYPE, "petition.firstPetition");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("petitioners", NAME)),
                Problem.WRONG_TYPE, "petition.petitioners");
        refusedRegistered(edit(codec.encode(registered()), root -> petitioner(root, 0).put("name", 42)),
                Problem.WRONG_TYPE, "petition.petitioners[0].name");
        refusedRegistered(edit(codec.encode(registered()), root -> root.put("actor", "office-clerk")),
                Problem.WRONG_TYPE, "actor");
        refusedRegistered(edit(codec.encode(registered()), root -> root.put("profile", 2022)),
                Problem.WRONG_TYPE, "profile");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("channel", 1)),
                Problem.WRONG_TYPE, "petition.channel", false);
        refusedRegistered(edit(codec.encode(registered()), root -> root.put("recordedAt", 1700000000)),
                Problem.WRONG_TYPE, "recordedAt", false);
    }

    @Test
    void aNumberOutOfRangeIsTheWrongType() {
        var extended = new ProcedureEvent.Extended(new EventId(CASE, 4), Org.clerk(), AT, 10, new FreeText(SUMMARY),
                LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6));

        CodecException e = refused(edit(codec.encode(extended), root -> root.put("days", 3_000_000_000L)),
                Problem.WRONG_TYPE, "days");

        assertThat(e.typeName()).isEqualTo("case.extended");
    }

    @Test
    void anInvalidIdNumberIsNamedByItsPathAndNotQuoted() {
        String wrongCheck = ID_NUMBER.substring(0, 17) + (ID_NUMBER.charAt(17) == '0' ? '1' : '0');
        StoredEvent stored = edit(codec.encode(registered()), root -> petitioner(root, 0).put("idNumber", wrongCheck));

        CodecException e = refusedRegistered(stored, Problem.INVALID_VALUE, "petition.petitioners[0].idNumber");

        assertThat(e.getMessage()).doesNotContain(wrongCheck).contains("IdNumber");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueItsDomainTypeRefusesIsNamedByItsPath() {
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("channel", "CARRIER_PIGEON")),
                Problem.INVALID_VALUE, "petition.channel");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("receivedOn", "2024-02-30")),
                Problem.INVALID_VALUE, "petition.receivedOn");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("region", "000000")),
                Problem.INVALID_VALUE, "petition.region");
        refusedRegistered(edit(codec.encode(registered()), root -> petitioner(root, 0).put("phone", "0")),
                Problem.INVALID_VALUE, "petition.petitioners[0].phone");
        refusedRegistered(edit(codec.encode(registered()), root -> ((ObjectNode) root.get("actor")).put("kind", "robot")),
                Problem.INVALID_VALUE, "actor.kind");
        refusedRegistered(edit(codec.encode(registered()), root -> root.put("recordedAt", "yesterday")),
                Problem.INVALID_VALUE, "recordedAt");
    }

    @Test
    void aProblemInsideAnActorOrAnAccusedPartyIsNamedThroughIt() {
        refusedRegistered(edit(codec.encode(registered()), root -> ((ObjectNode) root.get("actor")).put("unit", 5)),
                Problem.WRONG_TYPE, "actor.unit");
        refusedRegistered(edit(codec.encode(registered()), root -> ((ObjectNode) root.get("actor")).put("official", " ")),
                Problem.INVALID_VALUE, "actor.official");
        refusedRegistered(edit(codec.encode(registered()), root -> ((ObjectNode) root.get("actor")).put("job", "sweep")),
                Problem.UNKNOWN_FIELD, "actor.job");
        refusedRegistered(edit(codec.encode(registered()),
                        root -> ((ObjectNode) petitionOf(root).get("accused").get(1)).put("name", " ")),
                Problem.INVALID_VALUE, "petition.accused[1].name");
        refusedRegistered(edit(codec.encode(registered()),
                        root -> ((ObjectNode) petitionOf(root).get("accused").get(0)).remove("unit")),
                Problem.MISSING_FIELD, "petition.accused[0].unit");
    }

    @Test
    void aRuleAcrossFieldsIsBlamedOnTheFieldItsConstructorNames() {
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("headcount", 1)),
                Problem.INVALID_VALUE, "petition.headcount");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("firstPetition", true)),
                Problem.INVALID_VALUE, "petition.repeatsCase");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).putArray("petitioners")),
                Problem.INVALID_VALUE, "petition.petitioners");
    }

    @Test
    void anUnknownFieldIsRefusedAndItsNameShownOnlyIfTheSchemaKnowsIt() {
        refusedRegistered(edit(codec.encode(registered()), root -> root.put("id", "case-1#1")), Problem.UNKNOWN_FIELD, "id");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put("unit", "housing")),
                Problem.UNKNOWN_FIELD, "petition.unit");
        refusedRegistered(edit(codec.encode(registered()), root -> petitionOf(root).put(PHONE, NAME)),
                Problem.UNKNOWN_FIELD, "petition.?");
    }

    // ------------------------------------------------------------------ snapshots

    @Test
    void aSnapshotIsRefusedForItsVersionItsCaseAndItsPayload() {
        StoredSnapshot stored = codec.encodeSnapshot(CaseState.replay(List.of(registered())), 1);

        CodecException version = refusedSnapshot(new StoredSnapshot("case-1", 1, 5, stored.payload()), Problem.UNSUPPORTED_SCHEMA_VERSION, null);
        assertThat(version.typeName()).isEqualTo("case.snapshot");
        refusedSnapshot(new StoredSnapshot("case-2", 1, stored.schemaVersion(), stored.payload()), Problem.INVALID_VALUE, "caseId");
        refusedSnapshot(new StoredSnapshot("case-1", 1, stored.schemaVersion(), stored.payload().substring(0, 300)), Problem.MALFORMED_JSON, null, false);
        refusedSnapshot(new StoredSnapshot("case-1", 1, stored.schemaVersion(), stored.payload().replace("\"stage\":\"REGISTERED\"", "\"stage\":null")),
                Problem.MISSING_FIELD, "procedure.stage");
        refusedSnapshot(new StoredSnapshot("case-1", 1, stored.schemaVersion(), stored.payload().replace("\"lastSequence\":1", "\"lastSequence\":0")),
                Problem.INVALID_VALUE, "lastSequence");
    }

    // ------------------------------------------------------------------ encoding limits

    @Test
    void encodingRefusesAStringThatDecodingWouldRefuse() {
        var huge = new ProcedureEvent.TransferredOut(new EventId(CASE, 2), Org.clerk(), AT, "长".repeat(CaseCodec.MAX_STRING_LENGTH + 1),
                LocalDate.of(2024, 3, 4));

        Throwable thrown = catchThrowable(() -> codec.encode(huge));

        assertThat(thrown).isInstanceOf(CodecException.class);
        CodecException e = (CodecException) thrown;
        assertThat(e.problem()).isEqualTo(Problem.NOT_ENCODABLE);
        assertThat(e.typeName()).isEqualTo("case.transferred-out");
        assertThat(e.fieldPath()).hasValue("organ");
        assertThat(e.getMessage()).startsWith("cannot encode case.transferred-out at field organ");
    }

    @Test
    void aLongButAllowedStringRoundTrips() {
        var large = new ProcedureEvent.TransferredOut(new EventId(CASE, 2), Org.clerk(), AT, "长".repeat(CaseCodec.MAX_STRING_LENGTH),
                LocalDate.of(2024, 3, 4));

        assertThat(codec.decode(codec.encode(large))).isEqualTo(large);
    }

    // ------------------------------------------------------------------ helpers

    private CodecException refusedRegistered(StoredEvent stored, Problem problem, String field) {
        return refusedRegistered(stored, problem, field, true);
    }

    private CodecException refusedRegistered(StoredEvent stored, Problem problem, String field, boolean exactField) {
        CodecException e = refused(stored, problem, field, exactField);
        assertThat(e.typeName()).isEqualTo("case.registered");
        return e;
    }

    private CodecException refused(StoredEvent stored, Problem problem, String field) {
        return refused(stored, problem, field, true);
    }

    private CodecException refused(StoredEvent stored, Problem problem, String field, boolean exactField) {
        return check(catchThrowable(() -> codec.decode(stored)), problem, field, exactField);
    }

    private CodecException refusedSnapshot(StoredSnapshot stored, Problem problem, String field) {
        return refusedSnapshot(stored, problem, field, true);
    }

    private CodecException refusedSnapshot(StoredSnapshot stored, Problem problem, String field, boolean exactField) {
        CodecException e = check(catchThrowable(() -> codec.decodeSnapshot(stored)), problem, field, exactField);
        assertThat(e.typeName()).isEqualTo("case.snapshot");
        return e;
    }

    private static CodecException check(Throwable thrown, Problem problem, String field, boolean exactField) {
        assertThat(thrown).isInstanceOf(CodecException.class);
        CodecException e = (CodecException) thrown;
        assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
        if (exactField) {
            if (field == null) assertThat(e.fieldPath()).as(e.getMessage()).isEmpty();
            else assertThat(e.fieldPath()).as(e.getMessage()).hasValue(field);
        }
        if (e.fieldPath().isPresent()) assertThat(e.getMessage()).contains(" at field " + e.fieldPath().get());
        assertNoPersonalData(e);
        return e;
    }

    /** No message in the chain quotes personal data or any CJK text, nor a run of digits as long as a phone number. */
    private static void assertNoPersonalData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.toString();
            for (String secret : PERSONAL) assertThat(text).doesNotContain(secret);
            assertThat(text).doesNotContainPattern("[\\u4e00-\\u9fff]").doesNotContainPattern("\\d{11,}");
            assertThat(t.getClass().getName()).doesNotStartWith("com.fasterxml");
        }
    }

    private static StoredEvent with(StoredEvent s, String payload) {
        return new StoredEvent(s.caseId(), s.sequence(), s.type(), s.schemaVersion(), payload, s.recordedAt());
    }

    private static StoredEvent edit(StoredEvent s, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(s.payload());
            change.accept(root);
            return with(s, JSON.writeValueAsString(root));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode petitionOf(ObjectNode root) {
        return (ObjectNode) root.get("petition");
    }

    private static ObjectNode petitioner(ObjectNode root, int i) {
        return (ObjectNode) petitionOf(root).get("petitioners").get(i);
    }

    private static String sha256Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
