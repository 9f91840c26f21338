package io.github.xinfang.internal.codec;

import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Procedure;
import io.github.xinfang.cases.EventId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fixed sample values of every stored type, for the golden files: never random, so the files only change
 * when the format does. Built by walking the record components: each value type has one fixed value below,
 * strings are chosen by component name, dates are a fixed day plus the component's position (so a swap of
 * two date fields shows in the golden file), every nullable component is filled (so every field is written
 * with a value), and a sealed value type in a list appears once per variant.
 *
 * <p>The personal data is obviously fake: the name 测试甲 ("test A"), an ID number of a 1990 birth in
 * 北京东城 with a made-up serial, a 138-0000-0000 phone, an address on 虚构路 ("fictitious road").
 *
 * <p>A new event or command whose components are of known types gets a sample with no change here; one
 * with a new value type or a rule across fields that the defaults break needs an entry in {@link #FIXED}.
 */
final class GoldenSamples {
    private GoldenSamples() {}

    static final CaseId CASE = new CaseId("GOLDEN-2024-0001");
    static final CaseId EARLIER_CASE = new CaseId("GOLDEN-2023-0042");
    static final long SEQUENCE = 3;
    static final Instant RECORDED_AT = Instant.parse("2024-05-06T07:08:09.123456789Z");
    static final LocalDate DAY = LocalDate.of(2024, 5, 6);

    static final String NAME = "测试甲";
    static final String ID_NUMBER = "11010119900307001" + IdNumber.checkCharacter("11010119900307001");
    static final String PHONE = "13800000000";
    static final String ADDRESS = "测试省样例市虚构区虚构路1号";
    static final String TEXT = "样例：虚构的信访事项，仅用于格式测试。";
    static final String REGION = "110101";
    static final UnitId UNIT = new UnitId("golden-unit");
    static final OfficialId OFFICIAL = new OfficialId("golden-official");

    /**
     * The fields of the case state in the order of its flat version 1, which places the sample's values (a date is
     * {@link #DAY} plus its position here): so the state's sample is the same whatever its parts, and the golden files
     * of every snapshot version decode to it.
     */
    static final List<String> V1_STATE = List.of("caseId", "lastSequence", "stage", "profile", "petition", "handlingUnit",
            "unitReceivedOn", "acceptedOn", "handlingStartedOn", "informedOn", "extensionDays", "proposer", "outcome",
            "conclusionApprovedOn", "replyServedOn", "reviewRequestedOn", "reviewOpinionServedOn", "reReviewRequestedOn",
            "lastFactOn", "lastRecordedAt", "reworkCount", "objectionCount", "hearingOpenedOn", "clocks", "resolution",
            "activity", "duties");

    /** Fixed values by type, used wherever a component has that type. */
    private static final Map<Class<?>, Supplier<Object>> FIXED = Map.ofEntries(
            Map.entry(EventId.class, () -> new EventId(CASE, SEQUENCE)),
            Map.entry(IdempotencyKey.class, () -> new IdempotencyKey("golden-key-1")),
            Map.entry(Actor.class, () -> Actor.official(OFFICIAL, UNIT)),
            Map.entry(Instant.class, () -> RECORDED_AT),
            Map.entry(UnitId.class, () -> UNIT),
            Map.entry(OfficialId.class, () -> OFFICIAL),
            Map.entry(RegionCode.class, () -> new RegionCode(REGION)),
            Map.entry(PersonName.class, () -> new PersonName(NAME)),
            Map.entry(IdNumber.class, () -> new IdNumber(ID_NUMBER)),
            Map.entry(PhoneNumber.class, () -> new PhoneNumber(PHONE)),
            Map.entry(Address.class, () -> new Address(ADDRESS)),
            Map.entry(FreeText.class, () -> new FreeText(TEXT)),
            Map.entry(PetitionForm.AccusedParty.class, () -> PetitionForm.AccusedParty.outside("样例虚构有限公司")),
            // a profile clock's run and a duty, as the timing part of snapshots v1 and v2 held them apart
            Map.entry(io.github.xinfang.time.Obligations.class, () -> new io.github.xinfang.time.Obligations(List.of(
                    new io.github.xinfang.time.Obligation(io.github.xinfang.time.Obligation.ClockId.ROUTING, 1, DAY.plusDays(2), null, null,
                            DAY.plusDays(3), false, 15, 1, DAY.plusDays(7), false, false),
                    io.github.xinfang.time.Obligation.dueOn(io.github.xinfang.time.Obligation.DutyId.supervision(1), DAY, DAY.plusDays(15))))));

    /** Every variant, for lists of a sealed or alternative type. */
    private static final Map<Class<?>, Supplier<List<Object>>> LISTS = Map.of(
            Petition.AccusedParty.class, () -> List.of(new Petition.AccusedParty.AccusedUnit(UNIT), new Petition.AccusedParty.AccusedOfficial(OFFICIAL),
                    new Petition.AccusedParty.OutsideParty(new FreeText("样例虚构有限公司"))),
            PetitionForm.AccusedParty.class, () -> List.of(PetitionForm.AccusedParty.unit(UNIT), PetitionForm.AccusedParty.official(OFFICIAL),
                    PetitionForm.AccusedParty.outside("样例虚构有限公司")));

    /**
     * @param type a stored type of the codec's tables (an event, a command, {@code CaseState})
     * @return its fixed sample
     */
    static <T> T of(Class<T> type) {
        return type.cast(value(type, null, 0));
    }

    private static Object value(Type generic, String name, int position) {
        if (generic instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            Supplier<List<Object>> all = element instanceof Class<?> c ? LISTS.get(c) : null;
            return all != null ? all.get() : List.of(value(element, name, position));
        }
        Class<?> type = (Class<?>) generic;
        Supplier<Object> fixed = FIXED.get(type);
        if (fixed != null) return fixed.get();
        if (type == CaseId.class) return "repeatsCase".equals(name) ? EARLIER_CASE : CASE;
        if (type == LocalDate.class) return DAY.plusDays(position);
        if (type == String.class) return string(name);
        if (type == int.class || type == Integer.class) return integer(name);
        if (type == long.class || type == Long.class) return SEQUENCE;
        if (type == boolean.class || type == Boolean.class) return Boolean.FALSE;   // with repeatsCase set
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (Shape.has(type)) return record(type);
        if (type.isSealed()) return value(type.getPermittedSubclasses()[0], name, position);
        throw new AssertionError("no fixed sample value of " + type.getName() + " (component " + name
                + "): add one to GoldenSamples.FIXED");
    }

    private static Object string(String name) {
        return switch (name) {
            case "profile" -> "national-2022";
            case "organ" -> "样例市中级人民法院";
            case "subjectArea" -> "住房保障";
            case "subjectTags" -> "estate:样例花园";
            case "job" -> "deadline-sweep";
            case "regionCode" -> REGION;
            case "name" -> NAME;
            case "idNumber" -> ID_NUMBER;
            case "phone" -> PHONE;
            case "address" -> ADDRESS;
            default -> TEXT;
        };
    }

    private static int integer(String name) {
        return switch (name) {
            case "days", "extensionDays" -> 15;
            case "headcount" -> 2;
            default -> 1;
        };
    }

    private static Object record(Class<?> type) {
        Shape shape = Shape.of(type);
        List<Shape.Property> properties = shape.properties();
        Object[] args = new Object[properties.size()];
        List<String> names = new ArrayList<>();
        boolean state = type == CaseState.class || type == Procedure.class || type.getEnclosingClass() == CaseState.class;
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.get(i).name();
            int position = state && V1_STATE.contains(name) ? V1_STATE.indexOf(name) : i;
            if (state && !V1_STATE.contains(name) && properties.get(i).genericType() == LocalDate.class) {
                throw new AssertionError("a new date of the state, " + name + ": give it a position after those of V1_STATE");
            }
            // a form's later component stays absent, so the commands' golden files show that their digests did not change
            boolean later = type == PetitionForm.class && name.equals("subjectTags");
            args[i] = later ? null : value(properties.get(i).genericType(), name, position);
            names.add(name);
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the fixed sample of " + type.getName() + " " + names + " is refused by its constructor ("
                    + e.getCause() + "): add a sample to GoldenSamples.FIXED", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
