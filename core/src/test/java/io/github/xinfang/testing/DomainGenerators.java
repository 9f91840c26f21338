package io.github.xinfang.testing;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ActivityEvent;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.SweepCommand;
import io.github.xinfang.cases.SweepEvent;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.time.Obligations;
import io.github.xinfang.time.Obligation;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Procedure.ContactKind;
import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Fact;
import io.github.xinfang.cases.Procedure.DeclineReason;
import io.github.xinfang.cases.EventId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.LegalChannel;
import io.github.xinfang.cases.Procedure.Outcome;
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

    /** @return every value of an enum: every stage, outcome, channel, category, contact kind, … */
    public static <E extends Enum<E>> Gen<E> every(Class<E> type) {
        return arbitrary().enumValues(type);
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
    public static Gen<Petition.AccusedParty> accusedParties() {
        return anyOf(List.of(
                unitIds().map(Petition.AccusedParty.AccusedUnit::new),
                officialIds().map(Petition.AccusedParty.AccusedOfficial::new),
                personNames().map(n -> new Petition.AccusedParty.OutsideParty(new FreeText(n.value() + "有限公司")))));
    }

    // ------------------------------------------------------------------ petitions

    /** @return petitioners; ID number, phone and address each absent about a quarter of the time */
    public static Gen<Petition.Petitioner> petitioners() {
        return personNames().zip(nullable(idNumbers()), nullable(phoneNumbers()), nullable(addresses()), Petition.Petitioner::new);
    }

    /** @return parsed petitions: 1 to 4 petitioners, 0 to 3 accused, first or repeat */
    public static Gen<Petition> petitions() {
        return in -> {
            List<Petition.Petitioner> petitioners = lists().of(petitioners()).ofSizeBetween(1, 4).generate(in);
            boolean first = booleans().all().generate(in);
            return new Petition(factDates().generate(in), every(Channel.class).generate(in), every(Category.class).generate(in),
                    subjectAreas().generate(in), regionCodes().generate(in), first, first ? null : caseIds().generate(in),
                    petitioners, petitioners.size() + integers().between(0, 200).generate(in),
                    lists().of(accusedParties()).ofSizeBetween(0, 3).generate(in), freeTexts().generate(in),
                    subjectTags().generate(in));
        };
    }

    /** @return subject tags: none half of the time, else 1 to 3 of a few estates and employers (duplicates possible) */
    public static Gen<List<String>> subjectTags() {
        Gen<String> tag = arbitrary().pick(List.of("estate:金港华府", "estate:荷城花园", "employer:港北建工", "project:园博园",
                "estate:Riverside 2", "employer:西江 物流"));
        return in -> booleans().all().generate(in) ? List.of() : lists().of(tag).ofSizeBetween(1, 3).generate(in);
    }

    /** @return valid petitioner forms (optional parts null about a quarter of the time) */
    public static Gen<PetitionForm.Petitioner> petitionerForms() {
        return personNameStrings().zip(nullable(idNumberStrings()), nullable(phoneStrings()), nullable(addressStrings()),
                PetitionForm.Petitioner::new);
    }

    /** @return valid accused-party forms, exactly one part given */
    public static Gen<PetitionForm.AccusedParty> accusedPartyForms() {
        return anyOf(List.of(
                unitIds().map(PetitionForm.AccusedParty::unit),
                officialIds().map(PetitionForm.AccusedParty::official),
                personNameStrings().map(n -> PetitionForm.AccusedParty.outside(n + "有限公司"))));
    }

    /**
     * @return valid petition forms: 1 to 4 petitioners (at most 5, so visits pass), headcount given or null,
     *     accused list given (possibly empty) or null
     */
    public static Gen<PetitionForm> petitionForms() {
        return in -> {
            List<PetitionForm.Petitioner> petitioners = lists().of(petitionerForms()).ofSizeBetween(1, 4).generate(in);
            boolean first = booleans().all().generate(in);
            Integer headcount = nullable(integers().between(0, 200)).generate(in);
            return new PetitionForm(factDates().generate(in), every(Channel.class).generate(in), every(Category.class).generate(in),
                    subjectAreas().generate(in), regionCodeStrings().generate(in), first,
                    first ? null : caseIds().generate(in), petitioners,
                    headcount == null ? null : petitioners.size() + headcount,
                    nullable(lists().of(accusedPartyForms()).ofSizeBetween(0, 3)).generate(in),
                    PetitionForm.FormText.ofNullable(freeTextStrings().generate(in)), nullable(subjectTags()).generate(in));
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
        m.put(ProcedureCommand.Register.class, in -> new ProcedureCommand.Register(c.generate(in), k.generate(in), a.generate(in),
                petitionForms().generate(in), nullable(profiles()).generate(in)));
        m.put(ProcedureCommand.Route.class, in -> new ProcedureCommand.Route(c.generate(in), k.generate(in), a.generate(in),
                handlingUnitIds().generate(in), d.generate(in)));
        m.put(ProcedureCommand.RaiseObjection.class, in -> new ProcedureCommand.RaiseObjection(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureCommand.TransferOut.class, in -> new ProcedureCommand.TransferOut(c.generate(in), k.generate(in),
                a.generate(in), organs().generate(in), d.generate(in)));
        m.put(ProcedureCommand.Redirect.class, in -> new ProcedureCommand.Redirect(c.generate(in), k.generate(in), a.generate(in),
                every(LegalChannel.class).generate(in), d.generate(in)));
        m.put(ProcedureCommand.Decline.class, in -> new ProcedureCommand.Decline(c.generate(in), k.generate(in), a.generate(in),
                every(DeclineReason.class).generate(in), d.generate(in)));
        m.put(ProcedureCommand.InformPetitioner.class, in -> new ProcedureCommand.InformPetitioner(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.Accept.class, in -> new ProcedureCommand.Accept(c.generate(in), k.generate(in), a.generate(in),
                d.generate(in)));
        m.put(ProcedureCommand.Extend.class, in -> new ProcedureCommand.Extend(c.generate(in), k.generate(in), a.generate(in),
                integers().between(1, 30).generate(in), t.generate(in), d.generate(in), d.generate(in)));
        m.put(ProcedureCommand.ProposeConclusion.class, in -> new ProcedureCommand.ProposeConclusion(c.generate(in),
                k.generate(in), a.generate(in), nullable(every(Outcome.class)).generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureCommand.ApproveConclusion.class, in -> new ProcedureCommand.ApproveConclusion(c.generate(in),
                k.generate(in), a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.ReturnForRework.class, in -> new ProcedureCommand.ReturnForRework(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in)));
        m.put(ProcedureCommand.ServeReply.class, in -> new ProcedureCommand.ServeReply(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.RequestReview.class, in -> new ProcedureCommand.RequestReview(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.ConcludeReview.class, in -> new ProcedureCommand.ConcludeReview(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureCommand.ServeReviewOpinion.class, in -> new ProcedureCommand.ServeReviewOpinion(c.generate(in),
                k.generate(in), a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.RequestReReview.class, in -> new ProcedureCommand.RequestReReview(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.ConcludeReReview.class, in -> new ProcedureCommand.ConcludeReReview(c.generate(in),
                k.generate(in), a.generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureCommand.Reopen.class, in -> new ProcedureCommand.Reopen(c.generate(in), k.generate(in), a.generate(in),
                t.generate(in), d.generate(in)));
        m.put(ProcedureCommand.Withdraw.class, in -> new ProcedureCommand.Withdraw(c.generate(in), k.generate(in), a.generate(in),
                d.generate(in)));
        m.put(ProcedureCommand.Import.class, in -> new ProcedureCommand.Import(c.generate(in), k.generate(in), a.generate(in),
                petitionForms().generate(in), nullable(profiles()).generate(in), every(Stage.class).generate(in),
                nullable(handlingUnitIds()).generate(in), importedFacts().generate(in)));
        m.put(ProcedureCommand.RecordContact.class, in -> new ProcedureCommand.RecordContact(c.generate(in), k.generate(in),
                a.generate(in), every(ContactKind.class).generate(in), d.generate(in)));
        m.put(ProcedureCommand.GiveStageReply.class, in -> new ProcedureCommand.GiveStageReply(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureCommand.OpenHearing.class, in -> new ProcedureCommand.OpenHearing(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.CloseHearing.class, in -> new ProcedureCommand.CloseHearing(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(ProcedureCommand.CorrectPetition.class, in -> new ProcedureCommand.CorrectPetition(c.generate(in), k.generate(in),
                a.generate(in), petitionForms().generate(in), t.generate(in)));
        m.put(ProcedureCommand.ChangeProfile.class, in -> new ProcedureCommand.ChangeProfile(c.generate(in), k.generate(in),
                a.generate(in), profiles().generate(in), t.generate(in)));
        m.put(ProcedureCommand.Terminate.class, in -> new ProcedureCommand.Terminate(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(SweepCommand.RecordWarning.class, in -> {
            Obligation.Source src = clocks().generate(in);
            return new SweepCommand.RecordWarning(c.generate(in), k.generate(in),
                systemActors().generate(in), src, round(src, in), instants().generate(in));
        });
        m.put(SweepCommand.RecordBreach.class, in -> {
            Obligation.Source src = clocks().generate(in);
            return new SweepCommand.RecordBreach(c.generate(in), k.generate(in),
                systemActors().generate(in), src, round(src, in), instants().generate(in));
        });
        m.put(SweepCommand.RecordLapse.class, in -> {
            Obligation.Source src = clocks().generate(in);
            return new SweepCommand.RecordLapse(c.generate(in), k.generate(in),
                systemActors().generate(in), src, round(src, in), instants().generate(in));
        });
        Gen<OfficialId> o = officialIds();
        Gen<UnitId> u = handlingUnitIds();
        m.put(ResolutionCommand.DesignateBacklog.class, in -> new ResolutionCommand.DesignateBacklog(c.generate(in), k.generate(in),
                a.generate(in), arbitrary().enumValues(Resolution.BacklogSource.class).generate(in), d.generate(in)));
        m.put(ResolutionCommand.EnrolInBatch.class, in -> new ResolutionCommand.EnrolInBatch(c.generate(in), k.generate(in), a.generate(in),
                batchIds().generate(in), arbitrary().enumValues(Resolution.IssuingLevel.class).generate(in), "第三批重复信访案件",
                d.generate(in), d.generate(in)));
        m.put(ResolutionCommand.FlagHardCase.class, in -> new ResolutionCommand.FlagHardCase(c.generate(in), k.generate(in), a.generate(in),
                t.generate(in), d.generate(in)));
        m.put(ResolutionCommand.AssignPackageLeader.class, in -> new ResolutionCommand.AssignPackageLeader(c.generate(in), k.generate(in),
                a.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in), d.generate(in)));
        m.put(ResolutionCommand.ReplacePackageLeader.class, in -> new ResolutionCommand.ReplacePackageLeader(c.generate(in), k.generate(in),
                a.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in),
                arbitrary().enumValues(Resolution.ReplacementReason.class).generate(in), d.generate(in)));
        m.put(ResolutionCommand.RecordPlan.class, in -> new ResolutionCommand.RecordPlan(c.generate(in), k.generate(in), a.generate(in),
                lists().of(planStepForms()).ofSizeBetween(1, 4).generate(in), d.generate(in)));
        m.put(ResolutionCommand.MarkPlanStepDone.class, in -> new ResolutionCommand.MarkPlanStepDone(c.generate(in), k.generate(in),
                a.generate(in), integers().between(1, 4).generate(in), d.generate(in)));
        m.put(ResolutionCommand.ClaimResolution.class, in -> new ResolutionCommand.ClaimResolution(c.generate(in), k.generate(in),
                a.generate(in), arbitrary().enumValues(Resolution.ResolutionKind.class).generate(in), t.generate(in), d.generate(in)));
        m.put(ResolutionCommand.ApproveResolution.class, in -> new ResolutionCommand.ApproveResolution(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in)));
        m.put(ResolutionCommand.RejectResolution.class, in -> new ResolutionCommand.RejectResolution(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(ResolutionCommand.ReportRebound.class, in -> new ResolutionCommand.ReportRebound(c.generate(in), k.generate(in),
                a.generate(in), t.generate(in), d.generate(in)));
        m.put(ActivityCommand.Merge.class, in -> new ActivityCommand.Merge(c.generate(in), k.generate(in), a.generate(in), c.generate(in),
                t.generate(in), d.generate(in)));
        m.put(ActivityCommand.RecordMergedCase.class, in -> new ActivityCommand.RecordMergedCase(c.generate(in), k.generate(in),
                systemActors().generate(in), c.generate(in), d.generate(in)));
        m.put(ActivityCommand.RecordRepeatPetition.class, in -> new ActivityCommand.RecordRepeatPetition(c.generate(in), k.generate(in),
                a.generate(in), d.generate(in), arbitrary().enumValues(Channel.class).generate(in), integers().between(1, 80).generate(in),
                arbitrary().enumValues(CaseActivity.SkippedLevel.class).generate(in)));
        m.put(ActivityCommand.RecordFollowUpVisit.class, in -> new ActivityCommand.RecordFollowUpVisit(c.generate(in), k.generate(in),
                a.generate(in), arbitrary().enumValues(CaseActivity.Satisfaction.class).generate(in), d.generate(in)));
        m.put(ActivityCommand.RateHandling.class, in -> new ActivityCommand.RateHandling(c.generate(in), k.generate(in),
                a.generate(in), arbitrary().enumValues(CaseActivity.Satisfaction.class).generate(in), d.generate(in)));
        m.put(ActivityCommand.IssueSupervision.class, in -> {
            LocalDate issued = d.generate(in);
            return new ActivityCommand.IssueSupervision(c.generate(in), k.generate(in), a.generate(in),
                    arbitrary().enumValues(CaseActivity.SupervisionKind.class).generate(in), handlingUnitIds().generate(in), issued,
                    issued.plusDays(integers().between(0, 60).generate(in)));
        });
        m.put(ActivityCommand.RecordSupervisionFeedback.class, in -> new ActivityCommand.RecordSupervisionFeedback(c.generate(in),
                k.generate(in), a.generate(in), integers().between(1, 4).generate(in), t.generate(in), d.generate(in)));
        m.put(ResolutionCommand.ReassessEscalation.class, in -> new ResolutionCommand.ReassessEscalation(c.generate(in), k.generate(in),
                systemActors().generate(in)));
        m.put(ActivityCommand.CorrectSubjectTags.class, in -> new ActivityCommand.CorrectSubjectTags(c.generate(in), k.generate(in),
                a.generate(in), subjectTags().generate(in)));
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
        m.put(ProcedureEvent.Registered.class, in -> new ProcedureEvent.Registered(i.generate(in), a.generate(in), r.generate(in),
                profiles().generate(in), petitions().generate(in)));
        m.put(ProcedureEvent.Routed.class, in -> new ProcedureEvent.Routed(i.generate(in), a.generate(in), r.generate(in),
                handlingUnitIds().generate(in), d.generate(in)));
        m.put(ProcedureEvent.ObjectionRaised.class, in -> new ProcedureEvent.ObjectionRaised(i.generate(in), a.generate(in),
                r.generate(in), handlingUnitIds().generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureEvent.TransferredOut.class, in -> new ProcedureEvent.TransferredOut(i.generate(in), a.generate(in),
                r.generate(in), organs().generate(in), d.generate(in)));
        m.put(ProcedureEvent.Redirected.class, in -> new ProcedureEvent.Redirected(i.generate(in), a.generate(in), r.generate(in),
                every(LegalChannel.class).generate(in), d.generate(in)));
        m.put(ProcedureEvent.Declined.class, in -> new ProcedureEvent.Declined(i.generate(in), a.generate(in), r.generate(in),
                every(DeclineReason.class).generate(in), d.generate(in)));
        m.put(ProcedureEvent.PetitionerInformed.class, in -> new ProcedureEvent.PetitionerInformed(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(ProcedureEvent.Accepted.class, in -> new ProcedureEvent.Accepted(i.generate(in), a.generate(in), r.generate(in),
                d.generate(in)));
        m.put(ProcedureEvent.Extended.class, in -> new ProcedureEvent.Extended(i.generate(in), a.generate(in), r.generate(in),
                integers().between(1, 30).generate(in), t.generate(in), d.generate(in), d.generate(in)));
        m.put(ProcedureEvent.ConclusionProposed.class, in -> new ProcedureEvent.ConclusionProposed(i.generate(in), a.generate(in),
                r.generate(in), nullable(every(Outcome.class)).generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureEvent.ConclusionApproved.class, in -> new ProcedureEvent.ConclusionApproved(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(ProcedureEvent.ReturnedForRework.class, in -> new ProcedureEvent.ReturnedForRework(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in)));
        m.put(ProcedureEvent.ReplyServed.class, in -> new ProcedureEvent.ReplyServed(i.generate(in), a.generate(in), r.generate(in),
                d.generate(in)));
        m.put(ProcedureEvent.ReviewRequested.class, in -> new ProcedureEvent.ReviewRequested(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(ProcedureEvent.ReviewConcluded.class, in -> new ProcedureEvent.ReviewConcluded(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureEvent.ReviewOpinionServed.class, in -> new ProcedureEvent.ReviewOpinionServed(i.generate(in),
                a.generate(in), r.generate(in), d.generate(in)));
        m.put(ProcedureEvent.ReReviewRequested.class, in -> new ProcedureEvent.ReReviewRequested(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(ProcedureEvent.ReReviewConcluded.class, in -> new ProcedureEvent.ReReviewConcluded(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureEvent.Reopened.class, in -> new ProcedureEvent.Reopened(i.generate(in), a.generate(in), r.generate(in),
                t.generate(in), d.generate(in)));
        m.put(ProcedureEvent.Withdrawn.class, in -> new ProcedureEvent.Withdrawn(i.generate(in), a.generate(in), r.generate(in),
                d.generate(in)));
        m.put(ProcedureEvent.Imported.class, in -> new ProcedureEvent.Imported(i.generate(in), a.generate(in), r.generate(in),
                profiles().generate(in), petitions().generate(in), every(Stage.class).generate(in),
                nullable(handlingUnitIds()).generate(in), importedFacts().generate(in)));
        m.put(ProcedureEvent.ContactRecorded.class, in -> new ProcedureEvent.ContactRecorded(i.generate(in), a.generate(in),
                r.generate(in), every(ContactKind.class).generate(in), d.generate(in)));
        m.put(ProcedureEvent.StageReplyGiven.class, in -> new ProcedureEvent.StageReplyGiven(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(ProcedureEvent.HearingOpened.class, in -> new ProcedureEvent.HearingOpened(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(ProcedureEvent.HearingClosed.class, in -> new ProcedureEvent.HearingClosed(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(ProcedureEvent.PetitionCorrected.class, in -> new ProcedureEvent.PetitionCorrected(i.generate(in), a.generate(in),
                r.generate(in), petitions().generate(in), t.generate(in)));
        m.put(ProcedureEvent.ProfileChanged.class, in -> new ProcedureEvent.ProfileChanged(i.generate(in), a.generate(in),
                r.generate(in), profiles().generate(in), t.generate(in)));
        m.put(ProcedureEvent.Terminated.class, in -> new ProcedureEvent.Terminated(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(SweepEvent.WarningRecorded.class, in -> {
            Obligation.Source src = clocks().generate(in);
            return new SweepEvent.WarningRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), src, round(src, in), r.generate(in));
        });
        m.put(SweepEvent.BreachRecorded.class, in -> {
            Obligation.Source src = clocks().generate(in);
            return new SweepEvent.BreachRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), src, round(src, in), r.generate(in));
        });
        m.put(SweepEvent.LapseRecorded.class, in -> {
            Obligation.Source src = clocks().generate(in);
            return new SweepEvent.LapseRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), src, round(src, in), r.generate(in));
        });
        Gen<OfficialId> o = officialIds();
        Gen<UnitId> u = handlingUnitIds();
        m.put(ResolutionEvent.BacklogDesignated.class, in -> new ResolutionEvent.BacklogDesignated(i.generate(in), a.generate(in), r.generate(in),
                arbitrary().enumValues(Resolution.BacklogSource.class).generate(in), d.generate(in)));
        m.put(ResolutionEvent.BatchEnrolled.class, in -> new ResolutionEvent.BatchEnrolled(i.generate(in), a.generate(in), r.generate(in),
                batchIds().generate(in), arbitrary().enumValues(Resolution.IssuingLevel.class).generate(in), "第三批重复信访案件",
                d.generate(in), d.generate(in)));
        m.put(ResolutionEvent.HardCaseFlagged.class, in -> new ResolutionEvent.HardCaseFlagged(i.generate(in), a.generate(in), r.generate(in),
                t.generate(in), d.generate(in)));
        m.put(ResolutionEvent.PackageLeaderAssigned.class, in -> new ResolutionEvent.PackageLeaderAssigned(i.generate(in), a.generate(in),
                r.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in), d.generate(in)));
        m.put(ResolutionEvent.PackageLeaderReplaced.class, in -> new ResolutionEvent.PackageLeaderReplaced(i.generate(in), a.generate(in),
                r.generate(in), o.generate(in), u.generate(in), taskForces().generate(in), coUnits().generate(in),
                arbitrary().enumValues(Resolution.ReplacementReason.class).generate(in), d.generate(in)));
        m.put(ResolutionEvent.PlanRecorded.class, in -> new ResolutionEvent.PlanRecorded(i.generate(in), a.generate(in), r.generate(in),
                integers().between(1, 5).generate(in), lists().of(planSteps()).ofSizeBetween(1, 4).generate(in), d.generate(in)));
        m.put(ResolutionEvent.PlanStepDone.class, in -> new ResolutionEvent.PlanStepDone(i.generate(in), a.generate(in), r.generate(in),
                integers().between(1, 5).generate(in), integers().between(1, 4).generate(in), d.generate(in)));
        m.put(ResolutionEvent.ResolutionClaimed.class, in -> new ResolutionEvent.ResolutionClaimed(i.generate(in), a.generate(in),
                r.generate(in), arbitrary().enumValues(Resolution.ResolutionKind.class).generate(in), t.generate(in), d.generate(in)));
        m.put(ResolutionEvent.ResolutionApproved.class, in -> new ResolutionEvent.ResolutionApproved(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in)));
        m.put(ResolutionEvent.ResolutionRejected.class, in -> new ResolutionEvent.ResolutionRejected(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(ResolutionEvent.ReboundReported.class, in -> new ResolutionEvent.ReboundReported(i.generate(in), a.generate(in),
                r.generate(in), t.generate(in), d.generate(in)));
        m.put(ResolutionEvent.RequiredRankRaised.class, in -> new ResolutionEvent.RequiredRankRaised(i.generate(in), systemActors().generate(in),
                r.generate(in), requiredRanks().generate(in), lists().of(arbitrary().pick(List.of("hard-case", "province-batch",
                "headcount-50"))).ofSizeBetween(1, 3).generate(in)));
        Gen<CaseId> cid = caseIds();
        m.put(ActivityEvent.Merged.class, in -> new ActivityEvent.Merged(i.generate(in), a.generate(in), r.generate(in), cid.generate(in),
                t.generate(in), d.generate(in)));
        m.put(ActivityEvent.MergedCaseRecorded.class, in -> new ActivityEvent.MergedCaseRecorded(i.generate(in), systemActors().generate(in),
                r.generate(in), cid.generate(in), d.generate(in)));
        m.put(ActivityEvent.RepeatPetitionRecorded.class, in -> new ActivityEvent.RepeatPetitionRecorded(i.generate(in), a.generate(in),
                r.generate(in), d.generate(in), arbitrary().enumValues(Channel.class).generate(in), integers().between(1, 80).generate(in),
                arbitrary().enumValues(CaseActivity.SkippedLevel.class).generate(in), booleans().all().generate(in)));
        m.put(ActivityEvent.FollowUpVisitRecorded.class, in -> new ActivityEvent.FollowUpVisitRecorded(i.generate(in), a.generate(in),
                r.generate(in), arbitrary().enumValues(CaseActivity.Satisfaction.class).generate(in), d.generate(in)));
        m.put(ActivityEvent.HandlingRated.class, in -> new ActivityEvent.HandlingRated(i.generate(in), a.generate(in),
                r.generate(in), arbitrary().enumValues(CaseActivity.Satisfaction.class).generate(in), d.generate(in)));
        m.put(ActivityEvent.SupervisionIssued.class, in -> new ActivityEvent.SupervisionIssued(i.generate(in), a.generate(in),
                r.generate(in), integers().between(1, 4).generate(in), arbitrary().enumValues(CaseActivity.SupervisionKind.class).generate(in),
                u.generate(in), d.generate(in), d.generate(in)));
        m.put(ActivityEvent.SupervisionFeedbackRecorded.class, in -> new ActivityEvent.SupervisionFeedbackRecorded(i.generate(in),
                a.generate(in), r.generate(in), integers().between(1, 4).generate(in), t.generate(in), d.generate(in)));
        m.put(ResolutionEvent.ReplacementClockStarted.class, in -> new ResolutionEvent.ReplacementClockStarted(i.generate(in),
                systemActors().generate(in), r.generate(in), integers().between(1, 3).generate(in), d.generate(in),
                io.github.xinfang.calendar.TimeLimit.workingDays(integers().between(1, 10).generate(in))));
        m.put(ActivityEvent.SubjectTagsCorrected.class, in -> new ActivityEvent.SubjectTagsCorrected(i.generate(in), a.generate(in),
                r.generate(in), subjectTags().generate(in)));
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
     * @return case states replayed from generated histories: a first event ({@code Registered}, or {@code Imported} in a
     *     quarter of the cases), then up to 40 generated events of any type (after a {@code BacklogDesignated} in half
     *     of the cases), each given the next sequence number; an event the evolve function refuses for that state
     *     (a resolution event off the track, a supervision out of order, ...) is left out. The histories are not the
     *     decider's (dates and stages need not follow the tables), so the parts of the state are filled or empty
     *     independently.
     */
    public static Gen<CaseState> caseStates() {
        Gen<CaseEvent> first = in -> integers().between(0, 3).generate(in) == 0
                ? events(ProcedureEvent.Imported.class).generate(in) : events(ProcedureEvent.Registered.class).generate(in);
        Gen<List<CaseEvent>> rest = lists().of(events()).ofSizeBetween(0, 40);
        return in -> {
            CaseId id = caseIds().generate(in);
            CaseState s = CaseState.evolve(null, withId(first.generate(in), new EventId(id, 1)));
            List<CaseEvent> later = new ArrayList<>();
            if (booleans().all().generate(in)) later.add(events(ResolutionEvent.BacklogDesignated.class).generate(in));
            later.addAll(rest.generate(in));
            for (CaseEvent e : later) {
                try {
                    s = CaseState.evolve(s, withId(e, new EventId(id, s.lastSequence() + 1)));
                } catch (IllegalArgumentException refused) {
                    // not a possible next event of this state: leave it out
                }
            }
            return s;
        };
    }

    /** @return the event with another id (events are records whose component {@code id} is their id) */
    private static CaseEvent withId(CaseEvent event, EventId id) {
        var components = event.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals("id") ? id : components[i].getAccessor().invoke(event);
            }
            return (CaseEvent) event.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot give " + event.getClass().getSimpleName() + " another id", e);
        }
    }

    /** @return duty ids of every kind */
    public static Gen<DutyId> dutyIds() {
        return in -> {
            switch (arbitrary().enumValues(DutyId.Kind.class).generate(in)) {
                case REPLACEMENT: return DutyId.replacement(integers().between(1, 3).generate(in));
                case PLAN_STEP: return DutyId.planStep(integers().between(1, 3).generate(in), integers().between(1, 4).generate(in));
                case BATCH_TARGET: return DutyId.batchTarget(batchIds().generate(in).value());
                default: return DutyId.supervision(integers().between(1, 4).generate(in));
            }
        };
    }

    /** @return activities with random repeat petitions, follow-ups, supervisions and merge links */
    public static Gen<CaseActivity> activities() {
        return in -> {
            List<CaseActivity.RepeatPetition> repeats = lists().of(in2 -> new CaseActivity.RepeatPetition(factDates().generate(in2),
                    arbitrary().enumValues(Channel.class).generate(in2), integers().between(1, 80).generate(in2),
                    arbitrary().enumValues(CaseActivity.SkippedLevel.class).generate(in2), booleans().all().generate(in2))).ofSizeBetween(0, 3).generate(in);
            List<CaseActivity.FollowUp> visits = lists().of(in2 -> new CaseActivity.FollowUp(factDates().generate(in2),
                    arbitrary().enumValues(CaseActivity.Satisfaction.class).generate(in2))).ofSizeBetween(0, 2).generate(in);
            List<CaseActivity.Supervision> sup = new ArrayList<>();
            int n = integers().between(0, 2).generate(in);
            for (int j = 1; j <= n; j++) {
                LocalDate issued = factDates().generate(in);
                sup.add(new CaseActivity.Supervision(j, arbitrary().enumValues(CaseActivity.SupervisionKind.class).generate(in), actors().generate(in),
                        handlingUnitIds().generate(in), issued, issued.plusDays(10), nullable(factDates()).generate(in)));
            }
            return new CaseActivity(repeats, visits, sup, nullable(caseIds()).generate(in),
                    lists().of(caseIds()).ofSizeBetween(0, 2).generate(in));
        };
    }

    // ------------------------------------------------------------------ resolution track

    /** @return batch ids */
    public static Gen<Resolution.BatchId> batchIds() {
        return integers().between(1, 9).map(i -> new Resolution.BatchId("batch-" + i));
    }

    /** @return required ranks on the civil-service ladder */
    public static Gen<RankLadder.RequiredRank> requiredRanks() {
        return arbitrary().pick(RankLadder.civilService().ranks()).zip(booleans().all(), RankLadder.RequiredRank::new);
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
    public static Gen<ResolutionCommand.PlanStepForm> planStepForms() {
        return in -> new ResolutionCommand.PlanStepForm(freeTextStrings().generate(in), factDates().generate(in));
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
                        to == null ? null : arbitrary().enumValues(Resolution.AssignmentEnd.class).generate(in)));
                if (to != null) from = to;
            }
            List<Resolution.Plan> plans = new ArrayList<>();
            int p = integers().between(0, 2).generate(in);
            for (int i = 1; i <= p; i++) {
                plans.add(new Resolution.Plan(i, factDates().generate(in), lists().of(planSteps()).ofSizeBetween(1, 3).generate(in)));
            }
            RankLadder.RequiredRank rank = nullable(requiredRanks()).generate(in);
            return new Resolution(arbitrary().enumValues(Resolution.TrackState.class).generate(in),
                    arbitrary().enumValues(Resolution.BacklogSource.class).generate(in), booleans().all().generate(in),
                    lists().of(in2 -> new Resolution.Batch(batchIds().generate(in2), arbitrary().enumValues(Resolution.IssuingLevel.class).generate(in2),
                            "第三批重复信访案件", factDates().generate(in2), factDates().generate(in2))).ofSizeBetween(0, 2).generate(in),
                    rank, rank == null ? List.of() : List.of("hard-case"), assignments,
                    nullable(arbitrary().enumValues(Resolution.ResolutionKind.class)).generate(in), nullable(actors()).generate(in),
                    integers().between(0, 5).generate(in), plans, factDates().generate(in));
        };
    }

    // ------------------------------------------------------------------ clocks

    /** @return every clock id */
    public static Gen<ClockId> clockIds() {
        return arbitrary().enumValues(ClockId.class);
    }

    /** @return the sources of clocks: profile clocks and duties */
    public static Gen<Obligation.Source> clocks() {
        Gen<Obligation.Source> profile = in -> clockIds().generate(in);
        Gen<Obligation.Source> duty = in -> dutyIds().generate(in);
        return profile.mix(duty, 30);
    }

    /** @return a run's number for a clock: any for a profile clock, 1 for a duty */
    private static int round(Obligation.Source source, org.quicktheories.core.RandomnessSource in) {
        return source instanceof DutyId ? 1 : integers().between(1, 5).generate(in);
    }

    /** @return imported facts (0 to 6, dates in order; days only on extensions) */
    public static Gen<List<ImportedFact>> importedFacts() {
        Gen<Fact> facts = arbitrary().pick(java.util.Arrays.stream(Fact.values())
                .filter(f -> f != Fact.RECEIVED && f.compareTo(Fact.ENDED) < 0).collect(java.util.stream.Collectors.toList()));
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
    public static Gen<Obligations> clockLedgers() {
        return importedFacts().zip(factDates(), (facts, received) -> {
            Obligations l = Obligations.empty().apply(Fact.RECEIVED, received, 0);
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
