package io.github.xinfang.testing;

import io.github.xinfang.cases.AccusedParty;
import io.github.xinfang.cases.AccusedPartyForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.AssignmentEnd;
import io.github.xinfang.cases.BacklogSource;
import io.github.xinfang.cases.BatchId;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.Satisfaction;
import io.github.xinfang.cases.SkippedLevel;
import io.github.xinfang.cases.SupervisionKind;
import io.github.xinfang.time.Duty;
import io.github.xinfang.time.DutyId;
import io.github.xinfang.time.DutyKind;
import io.github.xinfang.time.DutyLedger;
import io.github.xinfang.cases.IssuingLevel;
import io.github.xinfang.cases.PlanStepForm;
import io.github.xinfang.cases.RankLadder;
import io.github.xinfang.cases.ReplacementReason;
import io.github.xinfang.cases.RequiredRank;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionKind;
import io.github.xinfang.cases.TrackState;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.ContactKind;
import io.github.xinfang.cases.ImportedFact;
import io.github.xinfang.time.ClockId;
import io.github.xinfang.time.ClockLedger;
import io.github.xinfang.time.Fact;
import io.github.xinfang.cases.DeclineReason;
import io.github.xinfang.cases.EventId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.LegalChannel;
import io.github.xinfang.cases.Outcome;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Petitioner;
import io.github.xinfang.cases.PetitionerForm;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.time.TimeLimits;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * QuickTheories generators of core's domain: values, petitions and their forms, actors, every command,
 * every event, and case states. The one test-support class of generators for core (STYLE.md, "Tests").
 *
 * <p>Conventions, so that other tests can rely on them:
 * <ul>
 *   <li><b>Valid.</b> Every generated value satisfies its constructor; commands and forms are shaped so that
 *       {@code CommandChecks.checkShape} accepts them (dates between {@link #EARLIEST} and {@link #LATEST},
 *       text within limits, the profile known) and, where they name units or officials, these are in
 *       {@link Org#DIRECTORY}. Whether a command fits a case's stage is not considered.</li>
 *   <li><b>Distinctive personal data.</b> Names are 2 to 4 CJK characters from {@link #NAME_CHARACTERS},
 *       ID numbers have a correct check character, phones match {@code 1[3-9]\d{9}}, addresses and free text
 *       are long CJK strings. A test may assert that no {@code toString}, log line or exception message
 *       contains them; the raw-string generators ({@link #personNameStrings()}...) give the same values
 *       for forms.</li>
 *   <li><b>Complete.</b> {@link #commandsByType()} and {@link #eventsByType()} have a generator for every
 *       permitted subclass of {@link CaseCommand} and {@link CaseEvent}; tests walk
 *       {@code getPermittedSubclasses()} to keep it so.</li>
 *   <li>No fixed seed; shrinking works through QuickTheories' randomness source as usual.</li>
 * </ul>
 *
 * <p>Stateless; the generators are immutable and may be shared between threads.
 */
public final class DomainGenerators {
    private DomainGenerators() {}

    /** The earliest date generated for a legal fact. */
    public static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);
    /** The latest date generated for a legal fact; a test clock at or after it sees no future dates. */
    public static final LocalDate LATEST = LocalDate.of(2024, 12, 31);

    /** The characters names are drawn from: uncommon enough that a name never occurs in ordinary text. */
    public static final String NAME_CHARACTERS = "欧阳司马诸葛龚蔺翟邝瞿甄薛韦鞠禤覃蒯璩舜彧翊曦骞珩琰蕤";

    private static final List<String> SUBJECT_AREAS = List.of("住房保障", "劳动社保", "土地征收", "城乡建设", "生态环境", "教育", "医疗卫生");
    private static final List<String> SYSTEM_JOBS = List.of("deadline-sweep", "handover", "import", "escalation");
    private static final List<String> ORGANS = List.of("市中级人民法院", "市劳动人事争议仲裁委员会", "市纪委监委", "区人民检察院");
    private static final List<UnitId> HANDLING_UNITS = List.of(Org.HOUSING, Org.LABOUR, Org.LAND);

    // ------------------------------------------------------------------ building blocks

    /**
     * @param gen a generator
     * @return values of {@code gen}, or null about a quarter of the time
     */
    public static <T> Gen<T> nullable(Gen<T> gen) {
        return nullable(gen, 25);
    }

    /**
     * @param gen a generator
     * @param percentNull how often null comes, in percent (0 to 100)
     * @return values of {@code gen}, or null {@code percentNull} percent of the time
     */
    public static <T> Gen<T> nullable(Gen<T> gen, int percentNull) {
        return gen.toOptionals(percentNull).map(o -> o.orElse(null));
    }

    /**
     * @param gens generators of subtypes of {@code T}
     * @return a generator picking one of them, then a value from it (shrinks towards the first)
     */
    public static <T> Gen<T> anyOf(List<? extends Gen<? extends T>> gens) {
        List<Gen<? extends T>> copy = List.copyOf(gens);
        return Generate.pick(copy).flatMap(g -> g);
    }

    private static String cjk(int minLength, int maxLength, org.quicktheories.core.RandomnessSource in) {
        return strings().betweenCodePoints(0x4E00, 0x9FA5).ofLengthBetween(minLength, maxLength).generate(in);
    }

    private static String digits(int length, org.quicktheories.core.RandomnessSource in) {
        StringBuilder sb = new StringBuilder(length);
        Gen<Integer> digit = integers().between(0, 9);
        for (int i = 0; i < length; i++) sb.append(digit.generate(in));
        return sb.toString();
    }

    // ------------------------------------------------------------------ identifiers

    /** @return case ids such as {@code case-k3x9} (ASCII, 6 to 25 characters) */
    public static Gen<CaseId> caseIds() {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 20).map(s -> new CaseId("case-" + s));
    }

    /** @return idempotency keys such as {@code key-8a1f...} */
    public static Gen<IdempotencyKey> idempotencyKeys() {
        return strings().betweenCodePoints('0', 'z').ofLengthBetween(1, 36).map(s -> new IdempotencyKey("key-" + s));
    }

    /** @return event ids with a sequence between 1 and 10,000 */
    public static Gen<EventId> eventIds() {
        return caseIds().zip(longs().between(1, 10_000), EventId::new);
    }

    /** @return every unit of {@link Org#DIRECTORY} */
    public static Gen<UnitId> unitIds() {
        return arbitrary().pick(Org.UNITS);
    }

    /** @return the handling units of {@link Org#DIRECTORY} (not the petition office) */
    public static Gen<UnitId> handlingUnitIds() {
        return arbitrary().pick(HANDLING_UNITS);
    }

    /** @return officials of {@link Org#DIRECTORY} */
    public static Gen<OfficialId> officialIds() {
        return arbitrary().pick(Org.OFFICE_CLERK, Org.OFFICE_HEAD, Org.HOUSING_STAFF, Org.HOUSING_HEAD,
                Org.LABOUR_STAFF, Org.LABOUR_HEAD, Org.LAND_STAFF, Org.LAND_HEAD);
    }

    /** @return six-digit region codes below a province (11 to 65), such as {@code 450802} */
    public static Gen<RegionCode> regionCodes() {
        return regionCodeStrings().map(RegionCode::new);
    }

    /** @return the strings of {@link #regionCodes()} */
    public static Gen<String> regionCodeStrings() {
        return integers().between(11, 65).zip(integers().between(0, 20), integers().between(0, 30),
                (p, c, d) -> String.format("%02d%02d%02d", p, c, d));
    }

    // ------------------------------------------------------------------ time

    /** @return days between {@link #EARLIEST} and {@link #LATEST} */
    public static Gen<LocalDate> factDates() {
        return longs().between(EARLIEST.toEpochDay(), LATEST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /** @return instants in the same years as {@link #factDates()}, with nanoseconds */
    public static Gen<Instant> instants() {
        long from = EARLIEST.atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC);
        long to = LATEST.plusDays(1).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC) - 1;
        return longs().between(from, to).zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    // ------------------------------------------------------------------ personal data

    /** @return names of 2 to 4 characters from {@link #NAME_CHARACTERS} */
    public static Gen<String> personNameStrings() {
        return lists().of(integers().between(0, NAME_CHARACTERS.length() - 1)).ofSizeBetween(2, 4)
                .map(is -> is.stream().map(i -> String.valueOf(NAME_CHARACTERS.charAt(i))).collect(Collectors.joining()));
    }

    /** @return the values of {@link #personNameStrings()} */
    public static Gen<PersonName> personNames() {
        return personNameStrings().map(PersonName::new);
    }

    /** @return 18-character resident ID numbers (region, birth date 1940 to 2005, sequence, correct check character) */
    public static Gen<String> idNumberStrings() {
        return in -> {
            String region = regionCodeStrings().generate(in);
            LocalDate birth = LocalDate.ofEpochDay(longs().between(LocalDate.of(1940, 1, 1).toEpochDay(),
                    LocalDate.of(2005, 12, 31).toEpochDay()).generate(in));
            String seventeen = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth()) + digits(3, in);
            return seventeen + IdNumber.checkCharacter(seventeen);
        };
    }

    /** @return the values of {@link #idNumberStrings()} */
    public static Gen<IdNumber> idNumbers() {
        return idNumberStrings().map(IdNumber::new);
    }

    /** @return mobile numbers matching {@code 1[3-9]\d{9}} */
    public static Gen<String> phoneStrings() {
        return in -> "1" + integers().between(3, 9).generate(in) + digits(9, in);
    }

    /** @return the values of {@link #phoneStrings()} */
    public static Gen<PhoneNumber> phoneNumbers() {
        return phoneStrings().map(PhoneNumber::new);
    }

    /** @return addresses: 8 to 30 CJK characters, a house number and 号 */
    public static Gen<String> addressStrings() {
        return in -> cjk(8, 30, in) + integers().between(1, 999).generate(in) + "号";
    }

    /** @return the values of {@link #addressStrings()} */
    public static Gen<Address> addresses() {
        return addressStrings().map(Address::new);
    }

    /** @return free text (petition summaries, reasons, replies): 12 to 200 CJK characters */
    public static Gen<String> freeTextStrings() {
        return in -> cjk(12, 200, in);
    }

    /** @return the values of {@link #freeTextStrings()} */
    public static Gen<FreeText> freeTexts() {
        return freeTextStrings().map(FreeText::new);
    }

    // ------------------------------------------------------------------ enums and short codes

    /** @return every stage */
    public static Gen<Stage> stages() {
        return arbitrary().enumValues(Stage.class);
    }

    /** @return every Art. 32 outcome */
    public static Gen<Outcome> outcomes() {
        return arbitrary().enumValues(Outcome.class);
    }

    /** @return every statutory channel */
    public static Gen<LegalChannel> legalChannels() {
        return arbitrary().enumValues(LegalChannel.class);
    }

    /** @return every decline reason */
    public static Gen<DeclineReason> declineReasons() {
        return arbitrary().enumValues(DeclineReason.class);
    }

    /** @return every category */
    public static Gen<Category> categories() {
        return arbitrary().enumValues(Category.class);
    }

    /** @return every channel of receipt */
    public static Gen<Channel> channels() {
        return arbitrary().enumValues(Channel.class);
    }

    /** @return time-limit profile names known to the statutory time limits */
    public static Gen<String> profiles() {
        return arbitrary().constant(TimeLimits.NATIONAL_2022);
    }

    /** @return subject areas (业务领域) */
    public static Gen<String> subjectAreas() {
        return arbitrary().pick(SUBJECT_AREAS);
    }

    /** @return names of organs outside the portal, for transfers */
    public static Gen<String> organs() {
        return arbitrary().pick(ORGANS);
    }

    // ------------------------------------------------------------------ actors and parties

    /** @return officials of {@link Org#DIRECTORY}, each with their own unit */
    public static Gen<Actor> officialActors() {
        return arbitrary().pick(Org.clerk(), Org.officeHead(), Org.staffOf(Org.HOUSING), Org.headOf(Org.HOUSING),
                Org.staffOf(Org.LABOUR), Org.headOf(Org.LABOUR), Org.staffOf(Org.LAND), Org.headOf(Org.LAND));
    }

    /** @return system actors (a named job) */
    public static Gen<Actor> systemActors() {
        return arbitrary().pick(SYSTEM_JOBS).map(Actor::system);
    }

    /** @return officials four times out of five, else the system */
    public static Gen<Actor> actors() {
        return officialActors().mix(systemActors(), 20);
    }

    /** @return accused parties of every kind (units and officials of {@link Org#DIRECTORY}, outside parties) */
    public static Gen<AccusedParty> accusedParties() {
        return anyOf(List.of(
                unitIds().map(AccusedParty.AccusedUnit::new),
                officialIds().map(AccusedParty.AccusedOfficial::new),
                personNames().map(n -> new AccusedParty.OutsideParty(new FreeText(n.value() + "有限公司")))));
    }

    // ------------------------------------------------------------------ petitions

    /** @return petitioners; ID number, phone and address each absent about a quarter of the time */
    public static Gen<Petitioner> petitioners() {
        return personNames().zip(nullable(idNumbers()), nullable(phoneNumbers()), nullable(addresses()), Petitioner::new);
    }

    /** @return parsed petitions: 1 to 4 petitioners, 0 to 3 accused, first or repeat */
    public static Gen<Petition> petitions() {
        return in -> {
            List<Petitioner> petitioners = lists().of(petitioners()).ofSizeBetween(1, 4).generate(in);
            boolean first = booleans().all().generate(in);
            return new Petition(factDates().generate(in), channels().generate(in), categories().generate(in),
                    subjectAreas().generate(in), regionCodes().generate(in), first, first ? null : caseIds().generate(in),
                    petitioners, petitioners.size() + integers().between(0, 200).generate(in),
                    lists().of(accusedParties()).ofSizeBetween(0, 3).generate(in), freeTexts().generate(in));
        };
    }

    /** @return valid petitioner forms (optional parts null about a quarter of the time) */
    public static Gen<PetitionerForm> petitionerForms() {
        return personNameStrings().zip(nullable(idNumberStrings()), nullable(phoneStrings()), nullable(addressStrings()),
                PetitionerForm::new);
    }

    /** @return valid accused-party forms, exactly one part given */
    public static Gen<AccusedPartyForm> accusedPartyForms() {
        return anyOf(List.of(
                unitIds().map(AccusedPartyForm::unit),
                officialIds().map(AccusedPartyForm::official),
                personNameStrings().map(n -> AccusedPartyForm.outside(n + "有限公司"))));
    }

    /**
     * @return valid petition forms: 1 to 4 petitioners (at most 5, so visits pass), headcount given or null,
     *     accused list given (possibly empty) or null
     */
    public static Gen<PetitionForm> petitionForms() {
        return in -> {
            List<PetitionerForm> petitioners = lists().of(petitionerForms()).ofSizeBetween(1, 4).generate(in);
            boolean first = booleans().all().generate(in);
            Integer headcount = nullable(integers().between(0, 200)).generate(in);
            return new PetitionForm(factDates().generate(in), channels().generate(in), categories().generate(in),
                    subjectAreas().generate(in), regionCodeStrings().generate(in), first,
                    first ? null : caseIds().generate(in), petitioners,
                    headcount == null ? null : petitioners.size() + headcount,
                    nullable(lists().of(accusedPartyForms()).ofSizeBetween(0, 3)).generate(in),
                    freeTextStrings().generate(in));
        };
    }

    // ------------------------------------------------------------------ commands

    /** The generator of each command type, in declaration order; unmodifiable. */
    public static Map<Class<? extends CaseCommand>, Gen<? extends CaseCommand>> commandsByType() {
        Map<Class<? extends CaseCommand>, Gen<? extends CaseCommand>> m = new LinkedHashMap<>();
        Gen<CaseId> c = caseIds();
        Gen<IdempotencyKey> k = idempotencyKeys();
        Gen<Actor> a = actors();
        Gen<LocalDate> d = factDates();
        Gen<String> t = freeTextStrings();
        m.put(CaseCommand.Register.class, in -> new CaseCommand.Register(c.generate(in), k.generate(in), a.generate(in),
                petitionForms().generate(in), nullable(profiles()).generate(in)));
        m.put(CaseCommand.Route.class, in -> new CaseCommand.Route(c.generate(in), k.generate(in), a.generate(in),
                handlingUnitIds().generate(in), d.generate(in)));
        m.put(CaseCommand.RaiseObjection.class, in -> new CaseCommand.RaiseObjection(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.TransferOut.class, in -> new CaseCommand.TransferOut(c.generate(in), k.generate(in),
                a.generate(in), organs().generate(in), d.generate(in)));
        m.put(CaseCommand.Redirect.class, in -> new CaseCommand.Redirect(c.generate(in), k.generate(in), a.generate(in),
                legalChannels().generate(in), d.generate(in)));
        m.put(CaseCommand.Decline.class, in -> new CaseCommand.Decline(c.generate(in), k.generate(in), a.generate(in),
                declineReasons().generate(in), d.generate(in)));
        m.put(CaseCommand.InformPetitioner.class, in -> new CaseCommand.InformPetitioner(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(CaseCommand.Accept.class, in -> new CaseCommand.Accept(c.generate(in), k.generate(in), a.generate(in),
                d.generate(in)));
        m.put(CaseCommand.Extend.class, in -> new CaseCommand.Extend(c.generate(in), k.generate(in), a.generate(in),
                integers().between(1, 30).generate(in), t.generate(in), d.generate(in), d.generate(in)));
        m.put(CaseCommand.ProposeConclusion.class, in -> new CaseCommand.ProposeConclusion(c.generate(in),
                k.generate(in), a.generate(in), nullable(outcomes()).generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.ApproveConclusion.class, in -> new CaseCommand.ApproveConclusion(c.generate(in),
                k.generate(in), a.generate(in), d.generate(in)));
        m.put(CaseCommand.ReturnForRework.class, in -> new CaseCommand.ReturnForRework(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in)));
        m.put(CaseCommand.ServeReply.class, in -> new CaseCommand.ServeReply(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(CaseCommand.RequestReview.class, in -> new CaseCommand.RequestReview(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(CaseCommand.ConcludeReview.class, in -> new CaseCommand.ConcludeReview(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.ServeReviewOpinion.class, in -> new CaseCommand.ServeReviewOpinion(c.generate(in),
                k.generate(in), a.generate(in), d.generate(in)));
        m.put(CaseCommand.RequestReReview.class, in -> new CaseCommand.RequestReReview(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(CaseCommand.ConcludeReReview.class, in -> new CaseCommand.ConcludeReReview(c.generate(in),
                k.generate(in), a.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.Reopen.class, in -> new CaseCommand.Reopen(c.generate(in), k.generate(in), a.generate(in),
                t.generate(in), d.generate(in)));
        m.put(CaseCommand.Withdraw.class, in -> new CaseCommand.Withdraw(c.generate(in), k.generate(in), a.generate(in),
                d.generate(in)));
        m.put(CaseCommand.Import.class, in -> new CaseCommand.Import(c.generate(in), k.generate(in), a.generate(in),
                petitionForms().generate(in), nullable(profiles()).generate(in), stages().generate(in),
                nullable(handlingUnitIds()).generate(in), importedFacts().generate(in)));
        m.put(CaseCommand.RecordContact.class, in -> new CaseCommand.RecordContact(c.generate(in), k.generate(in),
                a.generate(in), contactKinds().generate(in), d.generate(in)));
        m.put(CaseCommand.GiveStageReply.class, in -> new CaseCommand.GiveStageReply(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.OpenHearing.class, in -> new CaseCommand.OpenHearing(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(CaseCommand.CloseHearing.class, in -> new CaseCommand.CloseHearing(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(CaseCommand.CorrectPetition.class, in -> new CaseCommand.CorrectPetition(c.generate(in), k.generate(in),
                a.generate(in), petitionForms().generate(in), t.generate(in)));
        m.put(CaseCommand.ChangeProfile.class, in -> new CaseCommand.ChangeProfile(c.generate(in), k.generate(in),
                a.generate(in), profiles().generate(in), t.generate(in)));
        m.put(CaseCommand.Terminate.class, in -> new CaseCommand.Terminate(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.RecordWarning.class, in -> new CaseCommand.RecordWarning(c.generate(in), k.generate(in),
                systemActors().generate(in), clockIds().generate(in), integers().between(1, 5).generate(in), instants().generate(in)));
        m.put(CaseCommand.RecordBreach.class, in -> new CaseCommand.RecordBreach(c.generate(in), k.generate(in),
                systemActors().generate(in), clockIds().generate(in), integers().between(1, 5).generate(in), instants().generate(in)));
        m.put(CaseCommand.RecordLapse.class, in -> new CaseCommand.RecordLapse(c.generate(in), k.generate(in),
                systemActors().generate(in), clockIds().generate(in), integers().between(1, 5).generate(in), instants().generate(in)));
        Gen<OfficialId> o = officialIds();
        Gen<UnitId> u = handlingUnitIds();
        m.put(CaseCommand.DesignateBacklog.class, in -> new CaseCommand.DesignateBacklog(c.generate(in), k.generate(in),
                a.generate(in), arbitrary().enumValues(BacklogSource.class).generate(in), d.generate(in)));
        m.put(CaseCommand.EnrolInBatch.class, in -> new CaseCommand.EnrolInBatch(c.generate(in), k.generate(in), a.generate(in),
                batchIds().generate(in), arbitrary().enumValues(IssuingLevel.class).generate(in), "第三批重复信访案件",
                d.generate(in), d.generate(in)));
        m.put(CaseCommand.FlagHardCase.class, in -> new CaseCommand.FlagHardCase(c.generate(in), k.generate(in), a.generate(in),
                t.generate(in), d.generate(in)));
        m.put(CaseCommand.AssignPackageLeader.class, in -> new CaseCommand.AssignPackageLeader(c.generate(in), k.generate(in),
                a.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in), d.generate(in)));
        m.put(CaseCommand.ReplacePackageLeader.class, in -> new CaseCommand.ReplacePackageLeader(c.generate(in), k.generate(in),
                a.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in),
                arbitrary().enumValues(ReplacementReason.class).generate(in), d.generate(in)));
        m.put(CaseCommand.RecordPlan.class, in -> new CaseCommand.RecordPlan(c.generate(in), k.generate(in), a.generate(in),
                lists().of(planStepForms()).ofSizeBetween(1, 4).generate(in), d.generate(in)));
        m.put(CaseCommand.MarkPlanStepDone.class, in -> new CaseCommand.MarkPlanStepDone(c.generate(in), k.generate(in),
                a.generate(in), integers().between(1, 4).generate(in), d.generate(in)));
        m.put(CaseCommand.ClaimResolution.class, in -> new CaseCommand.ClaimResolution(c.generate(in), k.generate(in),
                a.generate(in), arbitrary().enumValues(ResolutionKind.class).generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.ApproveResolution.class, in -> new CaseCommand.ApproveResolution(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(CaseCommand.RejectResolution.class, in -> new CaseCommand.RejectResolution(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.ReportRebound.class, in -> new CaseCommand.ReportRebound(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.Merge.class, in -> new CaseCommand.Merge(c.generate(in), k.generate(in), a.generate(in), c.generate(in),
                t.generate(in), d.generate(in)));
        m.put(CaseCommand.RecordMergedCase.class, in -> new CaseCommand.RecordMergedCase(c.generate(in), k.generate(in),
                systemActors().generate(in), c.generate(in), d.generate(in)));
        m.put(CaseCommand.RecordRepeatPetition.class, in -> new CaseCommand.RecordRepeatPetition(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in), arbitrary().enumValues(Channel.class).generate(in), integers().between(1, 80).generate(in),
                arbitrary().enumValues(SkippedLevel.class).generate(in)));
        m.put(CaseCommand.RecordFollowUpVisit.class, in -> new CaseCommand.RecordFollowUpVisit(c.generate(in), k.generate(in),
                a.generate(in), arbitrary().enumValues(Satisfaction.class).generate(in), d.generate(in)));
        m.put(CaseCommand.IssueSupervision.class, in -> {
            LocalDate issued = d.generate(in);
            return new CaseCommand.IssueSupervision(c.generate(in), k.generate(in), a.generate(in),
                    arbitrary().enumValues(SupervisionKind.class).generate(in), handlingUnitIds().generate(in), issued,
                    issued.plusDays(integers().between(0, 60).generate(in)));
        });
        m.put(CaseCommand.RecordSupervisionFeedback.class, in -> new CaseCommand.RecordSupervisionFeedback(c.generate(in),
                k.generate(in), a.generate(in), integers().between(1, 4).generate(in), t.generate(in), d.generate(in)));
        m.put(CaseCommand.RecordDutyWarning.class, in -> new CaseCommand.RecordDutyWarning(c.generate(in), k.generate(in),
                systemActors().generate(in), dutyIds().generate(in), instants().generate(in)));
        m.put(CaseCommand.RecordDutyBreach.class, in -> new CaseCommand.RecordDutyBreach(c.generate(in), k.generate(in),
                systemActors().generate(in), dutyIds().generate(in), instants().generate(in)));
        m.put(CaseCommand.ReassessEscalation.class, in -> new CaseCommand.ReassessEscalation(c.generate(in), k.generate(in),
                systemActors().generate(in)));
        return Collections.unmodifiableMap(m);
    }

    /** @return commands of every type, equally often */
    public static Gen<CaseCommand> commands() {
        return anyOf(new ArrayList<>(commandsByType().values()));
    }

    /**
     * @param type a command type
     * @return commands of that type
     */
    public static <C extends CaseCommand> Gen<C> commands(Class<C> type) {
        return byType(commandsByType(), type);
    }

    // ------------------------------------------------------------------ events

    /** The generator of each event type, in declaration order; unmodifiable. Ids, actors and instants are random. */
    public static Map<Class<? extends CaseEvent>, Gen<? extends CaseEvent>> eventsByType() {
        Map<Class<? extends CaseEvent>, Gen<? extends CaseEvent>> m = new LinkedHashMap<>();
        Gen<EventId> i = eventIds();
        Gen<Actor> a = actors();
        Gen<Instant> r = instants();
        Gen<LocalDate> d = factDates();
        Gen<FreeText> t = freeTexts();
        m.put(CaseEvent.Registered.class, in -> new CaseEvent.Registered(i.generate(in), a.generate(in), r.generate(in),
                profiles().generate(in), petitions().generate(in)));
        m.put(CaseEvent.Routed.class, in -> new CaseEvent.Routed(i.generate(in), a.generate(in), r.generate(in),
                handlingUnitIds().generate(in), d.generate(in)));
        m.put(CaseEvent.ObjectionRaised.class, in -> new CaseEvent.ObjectionRaised(i.generate(in), a.generate(in),
                r.generate(in), handlingUnitIds().generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.TransferredOut.class, in -> new CaseEvent.TransferredOut(i.generate(in), a.generate(in),
                r.generate(in), organs().generate(in), d.generate(in)));
        m.put(CaseEvent.Redirected.class, in -> new CaseEvent.Redirected(i.generate(in), a.generate(in), r.generate(in),
                legalChannels().generate(in), d.generate(in)));
        m.put(CaseEvent.Declined.class, in -> new CaseEvent.Declined(i.generate(in), a.generate(in), r.generate(in),
                declineReasons().generate(in), d.generate(in)));
        m.put(CaseEvent.PetitionerInformed.class, in -> new CaseEvent.PetitionerInformed(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(CaseEvent.Accepted.class, in -> new CaseEvent.Accepted(i.generate(in), a.generate(in), r.generate(in),
                d.generate(in)));
        m.put(CaseEvent.Extended.class, in -> new CaseEvent.Extended(i.generate(in), a.generate(in), r.generate(in),
                integers().between(1, 30).generate(in), t.generate(in), d.generate(in), d.generate(in)));
        m.put(CaseEvent.ConclusionProposed.class, in -> new CaseEvent.ConclusionProposed(i.generate(in), a.generate(in),
                r.generate(in), nullable(outcomes()).generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.ConclusionApproved.class, in -> new CaseEvent.ConclusionApproved(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(CaseEvent.ReturnedForRework.class, in -> new CaseEvent.ReturnedForRework(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in)));
        m.put(CaseEvent.ReplyServed.class, in -> new CaseEvent.ReplyServed(i.generate(in), a.generate(in), r.generate(in),
                d.generate(in)));
        m.put(CaseEvent.ReviewRequested.class, in -> new CaseEvent.ReviewRequested(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(CaseEvent.ReviewConcluded.class, in -> new CaseEvent.ReviewConcluded(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.ReviewOpinionServed.class, in -> new CaseEvent.ReviewOpinionServed(i.generate(in),
                a.generate(in), r.generate(in), d.generate(in)));
        m.put(CaseEvent.ReReviewRequested.class, in -> new CaseEvent.ReReviewRequested(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(CaseEvent.ReReviewConcluded.class, in -> new CaseEvent.ReReviewConcluded(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.Reopened.class, in -> new CaseEvent.Reopened(i.generate(in), a.generate(in), r.generate(in),
                t.generate(in), d.generate(in)));
        m.put(CaseEvent.Withdrawn.class, in -> new CaseEvent.Withdrawn(i.generate(in), a.generate(in), r.generate(in),
                d.generate(in)));
        m.put(CaseEvent.Imported.class, in -> new CaseEvent.Imported(i.generate(in), a.generate(in), r.generate(in),
                profiles().generate(in), petitions().generate(in), stages().generate(in),
                nullable(handlingUnitIds()).generate(in), importedFacts().generate(in)));
        m.put(CaseEvent.ContactRecorded.class, in -> new CaseEvent.ContactRecorded(i.generate(in), a.generate(in),
                r.generate(in), contactKinds().generate(in), d.generate(in)));
        m.put(CaseEvent.StageReplyGiven.class, in -> new CaseEvent.StageReplyGiven(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.HearingOpened.class, in -> new CaseEvent.HearingOpened(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(CaseEvent.HearingClosed.class, in -> new CaseEvent.HearingClosed(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(CaseEvent.PetitionCorrected.class, in -> new CaseEvent.PetitionCorrected(i.generate(in), a.generate(in),
                r.generate(in), petitions().generate(in), t.generate(in)));
        m.put(CaseEvent.ProfileChanged.class, in -> new CaseEvent.ProfileChanged(i.generate(in), a.generate(in),
                r.generate(in), profiles().generate(in), t.generate(in)));
        m.put(CaseEvent.Terminated.class, in -> new CaseEvent.Terminated(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.WarningRecorded.class, in -> new CaseEvent.WarningRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), clockIds().generate(in), integers().between(1, 5).generate(in), r.generate(in)));
        m.put(CaseEvent.BreachRecorded.class, in -> new CaseEvent.BreachRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), clockIds().generate(in), integers().between(1, 5).generate(in), r.generate(in)));
        m.put(CaseEvent.LapseRecorded.class, in -> new CaseEvent.LapseRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), clockIds().generate(in), integers().between(1, 5).generate(in), r.generate(in)));
        Gen<OfficialId> o = officialIds();
        Gen<UnitId> u = handlingUnitIds();
        m.put(CaseEvent.BacklogDesignated.class, in -> new CaseEvent.BacklogDesignated(i.generate(in), a.generate(in), r.generate(in),
                arbitrary().enumValues(BacklogSource.class).generate(in), d.generate(in)));
        m.put(CaseEvent.BatchEnrolled.class, in -> new CaseEvent.BatchEnrolled(i.generate(in), a.generate(in), r.generate(in),
                batchIds().generate(in), arbitrary().enumValues(IssuingLevel.class).generate(in), "第三批重复信访案件",
                d.generate(in), d.generate(in)));
        m.put(CaseEvent.HardCaseFlagged.class, in -> new CaseEvent.HardCaseFlagged(i.generate(in), a.generate(in), r.generate(in),
                t.generate(in), d.generate(in)));
        m.put(CaseEvent.PackageLeaderAssigned.class, in -> new CaseEvent.PackageLeaderAssigned(i.generate(in), a.generate(in),
                r.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in), d.generate(in)));
        m.put(CaseEvent.PackageLeaderReplaced.class, in -> new CaseEvent.PackageLeaderReplaced(i.generate(in), a.generate(in),
                r.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in),
                arbitrary().enumValues(ReplacementReason.class).generate(in), d.generate(in)));
        m.put(CaseEvent.PlanRecorded.class, in -> new CaseEvent.PlanRecorded(i.generate(in), a.generate(in), r.generate(in),
                integers().between(1, 5).generate(in), lists().of(planSteps()).ofSizeBetween(1, 4).generate(in), d.generate(in)));
        m.put(CaseEvent.PlanStepDone.class, in -> new CaseEvent.PlanStepDone(i.generate(in), a.generate(in), r.generate(in),
                integers().between(1, 5).generate(in), integers().between(1, 4).generate(in), d.generate(in)));
        m.put(CaseEvent.ResolutionClaimed.class, in -> new CaseEvent.ResolutionClaimed(i.generate(in), a.generate(in),
                r.generate(in), arbitrary().enumValues(ResolutionKind.class).generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.ResolutionApproved.class, in -> new CaseEvent.ResolutionApproved(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(CaseEvent.ResolutionRejected.class, in -> new CaseEvent.ResolutionRejected(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.ReboundReported.class, in -> new CaseEvent.ReboundReported(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.RequiredRankRaised.class, in -> new CaseEvent.RequiredRankRaised(i.generate(in), systemActors().generate(in),
                r.generate(in), requiredRanks().generate(in), lists().of(arbitrary().pick(List.of("hard-case", "province-batch",
                "headcount-50"))).ofSizeBetween(1, 3).generate(in)));
        Gen<CaseId> cid = caseIds();
        m.put(CaseEvent.Merged.class, in -> new CaseEvent.Merged(i.generate(in), a.generate(in), r.generate(in), cid.generate(in),
                t.generate(in), d.generate(in)));
        m.put(CaseEvent.MergedCaseRecorded.class, in -> new CaseEvent.MergedCaseRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), cid.generate(in), d.generate(in)));
        m.put(CaseEvent.RepeatPetitionRecorded.class, in -> new CaseEvent.RepeatPetitionRecorded(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in), arbitrary().enumValues(Channel.class).generate(in), integers().between(1, 80).generate(in),
                arbitrary().enumValues(SkippedLevel.class).generate(in), booleans().all().generate(in)));
        m.put(CaseEvent.FollowUpVisitRecorded.class, in -> new CaseEvent.FollowUpVisitRecorded(i.generate(in), a.generate(in),
                r.generate(in), arbitrary().enumValues(Satisfaction.class).generate(in), d.generate(in)));
        m.put(CaseEvent.SupervisionIssued.class, in -> new CaseEvent.SupervisionIssued(i.generate(in), a.generate(in),
                r.generate(in), integers().between(1, 4).generate(in), arbitrary().enumValues(SupervisionKind.class).generate(in),
                u.generate(in), d.generate(in), d.generate(in)));
        m.put(CaseEvent.SupervisionFeedbackRecorded.class, in -> new CaseEvent.SupervisionFeedbackRecorded(i.generate(in),
                a.generate(in), r.generate(in), integers().between(1, 4).generate(in), t.generate(in), d.generate(in)));
        m.put(CaseEvent.ReplacementClockStarted.class, in -> new CaseEvent.ReplacementClockStarted(i.generate(in),
                systemActors().generate(in), r.generate(in), integers().between(1, 3).generate(in), d.generate(in),
                io.github.xinfang.calendar.TimeLimit.workingDays(integers().between(1, 10).generate(in))));
        m.put(CaseEvent.DutyWarningRecorded.class, in -> new CaseEvent.DutyWarningRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), dutyIds().generate(in), r.generate(in)));
        m.put(CaseEvent.DutyBreachRecorded.class, in -> new CaseEvent.DutyBreachRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), dutyIds().generate(in), r.generate(in)));
        return Collections.unmodifiableMap(m);
    }

    /** @return events of every type, equally often */
    public static Gen<CaseEvent> events() {
        return anyOf(new ArrayList<>(eventsByType().values()));
    }

    /**
     * @param type an event type
     * @return events of that type
     */
    public static <E extends CaseEvent> Gen<E> events(Class<E> type) {
        return byType(eventsByType(), type);
    }

    // ------------------------------------------------------------------ states

    /**
     * @return case states with every optional part null or present independently; consistent with the
     *     constructor, not necessarily reachable by a history (use {@code CaseState.replay} for that)
     */
    public static Gen<CaseState> caseStates() {
        return in -> {
            Gen<LocalDate> day = nullable(factDates(), 40);
            return new CaseState(caseIds().generate(in), longs().between(1, 500).generate(in), stages().generate(in),
                    profiles().generate(in), petitions().generate(in), nullable(handlingUnitIds(), 40).generate(in),
                    day.generate(in), day.generate(in), day.generate(in), day.generate(in),
                    integers().between(0, 30).generate(in), nullable(actors(), 40).generate(in),
                    nullable(outcomes(), 40).generate(in), day.generate(in), day.generate(in), day.generate(in),
                    day.generate(in), day.generate(in), factDates().generate(in), instants().generate(in),
                    integers().between(0, 5).generate(in), integers().between(0, 5).generate(in),
                    day.generate(in), clockLedgers().generate(in), nullable(resolutions(), 50).generate(in),
                    activities().generate(in), dutyLedgers().generate(in));
        };
    }

    /** @return duty ids of every kind */
    public static Gen<DutyId> dutyIds() {
        return in -> {
            switch (arbitrary().enumValues(DutyKind.class).generate(in)) {
                case REPLACEMENT: return DutyId.replacement(integers().between(1, 3).generate(in));
                case PLAN_STEP: return DutyId.planStep(integers().between(1, 3).generate(in), integers().between(1, 4).generate(in));
                case BATCH_TARGET: return DutyId.batchTarget(batchIds().generate(in).value());
                default: return DutyId.supervision(integers().between(1, 4).generate(in));
            }
        };
    }

    /** @return duty ledgers with distinct duties, open, met or stopped, named dates or limits */
    public static Gen<DutyLedger> dutyLedgers() {
        return in -> {
            List<Duty> duties = new ArrayList<>();
            java.util.Set<DutyId> seen = new java.util.HashSet<>();
            int n = integers().between(0, 4).generate(in);
            for (int j = 0; j < n; j++) {
                DutyId id = dutyIds().generate(in);
                if (!seen.add(id)) continue;
                LocalDate start = factDates().generate(in);
                boolean named = booleans().all().generate(in);
                LocalDate met = nullable(factDates()).generate(in);
                boolean stopped = met == null && booleans().all().generate(in);
                duties.add(new Duty(id, start, named ? start.plusDays(integers().between(0, 90).generate(in)) : null,
                        named ? null : io.github.xinfang.calendar.TimeLimit.workingDays(5), met, stopped,
                        booleans().all().generate(in), booleans().all().generate(in)));
            }
            return new DutyLedger(duties);
        };
    }

    /** @return activities with random repeat petitions, follow-ups, supervisions and merge links */
    public static Gen<CaseActivity> activities() {
        return in -> {
            List<CaseActivity.RepeatPetition> repeats = lists().of(in2 -> new CaseActivity.RepeatPetition(factDates().generate(in2),
                    arbitrary().enumValues(Channel.class).generate(in2), integers().between(1, 80).generate(in2),
                    arbitrary().enumValues(SkippedLevel.class).generate(in2), booleans().all().generate(in2))).ofSizeBetween(0, 3).generate(in);
            List<CaseActivity.FollowUp> visits = lists().of(in2 -> new CaseActivity.FollowUp(factDates().generate(in2),
                    arbitrary().enumValues(Satisfaction.class).generate(in2))).ofSizeBetween(0, 2).generate(in);
            List<CaseActivity.Supervision> sup = new ArrayList<>();
            int n = integers().between(0, 2).generate(in);
            for (int j = 1; j <= n; j++) {
                LocalDate issued = factDates().generate(in);
                sup.add(new CaseActivity.Supervision(j, arbitrary().enumValues(SupervisionKind.class).generate(in), actors().generate(in),
                        handlingUnitIds().generate(in), issued, issued.plusDays(10), nullable(factDates()).generate(in)));
            }
            return new CaseActivity(repeats, visits, sup, nullable(caseIds()).generate(in),
                    lists().of(caseIds()).ofSizeBetween(0, 2).generate(in));
        };
    }

    // ------------------------------------------------------------------ resolution track

    /** @return batch ids */
    public static Gen<BatchId> batchIds() {
        return integers().between(1, 9).map(i -> new BatchId("batch-" + i));
    }

    /** @return required ranks on the civil-service ladder */
    public static Gen<RequiredRank> requiredRanks() {
        return arbitrary().pick(RankLadder.civilService().ranks()).zip(booleans().all(), RequiredRank::new);
    }

    /** @return official lists of 1 to 3 */
    public static Gen<List<OfficialId>> taskForces() {
        return lists().of(officialIds()).ofSizeBetween(1, 3);
    }

    /** @return unit lists of 0 to 2 */
    public static Gen<List<UnitId>> coUnits() {
        return lists().of(handlingUnitIds()).ofSizeBetween(0, 2);
    }

    /** @return plan steps, done or not */
    public static Gen<Resolution.PlanStep> planSteps() {
        return in -> new Resolution.PlanStep(freeTexts().generate(in), factDates().generate(in), nullable(factDates()).generate(in));
    }

    /** @return plan step forms */
    public static Gen<PlanStepForm> planStepForms() {
        return in -> new PlanStepForm(freeTextStrings().generate(in), factDates().generate(in));
    }

    /** @return resolution parts of a state, consistent with their constructors, not necessarily reachable */
    public static Gen<Resolution> resolutions() {
        return in -> {
            List<Resolution.Assignment> assignments = new ArrayList<>();
            int n = integers().between(0, 3).generate(in);
            LocalDate from = factDates().generate(in);
            for (int i = 0; i < n; i++) {
                boolean last = i == n - 1;
                LocalDate to = last && booleans().all().generate(in) ? null : from.plusDays(integers().between(0, 90).generate(in));
                assignments.add(new Resolution.Assignment(officialIds().generate(in), handlingUnitIds().generate(in),
                        taskForces().generate(in), coUnits().generate(in), from, to,
                        to == null ? null : arbitrary().enumValues(AssignmentEnd.class).generate(in)));
                if (to != null) from = to;
            }
            List<Resolution.Plan> plans = new ArrayList<>();
            int p = integers().between(0, 2).generate(in);
            for (int i = 1; i <= p; i++) {
                plans.add(new Resolution.Plan(i, factDates().generate(in), lists().of(planSteps()).ofSizeBetween(1, 3).generate(in)));
            }
            RequiredRank rank = nullable(requiredRanks()).generate(in);
            return new Resolution(arbitrary().enumValues(TrackState.class).generate(in),
                    arbitrary().enumValues(BacklogSource.class).generate(in), booleans().all().generate(in),
                    lists().of(in2 -> new Resolution.Batch(batchIds().generate(in2), arbitrary().enumValues(IssuingLevel.class).generate(in2),
                            "第三批重复信访案件", factDates().generate(in2), factDates().generate(in2))).ofSizeBetween(0, 2).generate(in),
                    rank, rank == null ? List.of() : List.of("hard-case"), assignments,
                    nullable(arbitrary().enumValues(ResolutionKind.class)).generate(in), nullable(actors()).generate(in),
                    integers().between(0, 5).generate(in), plans, factDates().generate(in));
        };
    }

    // ------------------------------------------------------------------ clocks

    /** @return every clock id */
    public static Gen<ClockId> clockIds() {
        return arbitrary().enumValues(ClockId.class);
    }

    /** @return every contact kind */
    public static Gen<ContactKind> contactKinds() {
        return arbitrary().enumValues(ContactKind.class);
    }

    /** @return imported facts (0 to 6, dates in order; days only on extensions) */
    public static Gen<List<ImportedFact>> importedFacts() {
        Gen<Fact> facts = arbitrary().pick(java.util.Arrays.stream(Fact.values())
                .filter(f -> f != Fact.RECEIVED && f != Fact.ENDED).collect(java.util.stream.Collectors.toList()));
        return lists().of(facts.zip(integers().between(1, 30), (f, days) -> new Object[] {f, days})).ofSizeBetween(0, 6)
                .zip(factDates(), (raw, start) -> {
                    List<ImportedFact> out = new ArrayList<>();
                    LocalDate on = start;
                    for (Object[] x : raw) {
                        Fact f = (Fact) x[0];
                        on = on.plusDays((Integer) x[1] % 7);
                        out.add(new ImportedFact(f, on, f == Fact.EXTENDED ? (Integer) x[1] : null));
                    }
                    return out;
                });
    }

    /** @return ledgers built from random facts, as evolve would build them */
    public static Gen<ClockLedger> clockLedgers() {
        return importedFacts().zip(factDates(), (facts, received) -> {
            ClockLedger l = ClockLedger.empty().apply(Fact.RECEIVED, received, 0);
            for (ImportedFact f : facts) l = l.apply(f.fact(), f.on(), f.days() == null ? 0 : f.days());
            return l;
        });
    }

    // ------------------------------------------------------------------ helpers

    private static <B, T extends B> Gen<T> byType(Map<Class<? extends B>, Gen<? extends B>> gens, Class<T> type) {
        Gen<? extends B> gen = gens.get(type);
        if (gen == null) throw new IllegalArgumentException("no generator for " + type.getName());
        Function<B, T> cast = type::cast;
        return in -> cast.apply(gen.generate(in));
    }
}
