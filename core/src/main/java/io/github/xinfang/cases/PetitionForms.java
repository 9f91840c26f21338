package io.github.xinfang.cases;

import static io.github.xinfang.cases.CommandChecks.MAX_SHORT_TEXT;
import static io.github.xinfang.cases.CommandChecks.date;
import static io.github.xinfang.cases.CommandChecks.freeText;
import static io.github.xinfang.cases.CommandChecks.line;
import static io.github.xinfang.cases.CommandChecks.required;
import static io.github.xinfang.cases.CommandChecks.shortText;

import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.time.Fact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The petition form's input rules: a {@link PetitionForm} checked field by field and parsed into a {@link Petition},
 * or a {@link FieldProblem} naming the first bad field with the prefix {@code petition.}; and the facts an imported case
 * brings with it. Stateless.
 */
final class PetitionForms {
    /** The most petitioners a form names. */
    static final int MAX_PETITIONERS = 1_000;
    /** The most representatives a visit sends (《信访工作条例》 Art. 20). */
    static final int MAX_VISIT_REPRESENTATIVES = 5;
    /** The most accused parties a form names. */
    static final int MAX_ACCUSED = 100;

    private PetitionForms() {}

    /**
     * Parses a petition form into a {@link Petition}.
     *
     * @param form the form
     * @param today the current date in the case's zone
     * @return the petition
     * @throws FieldProblem naming the first bad field, with the prefix {@code petition.}
     */
    static Petition parse(PetitionForm form, LocalDate today) throws FieldProblem {
        if (form == null) throw new FieldProblem("petition", "must not be null", "不得缺失");
        date(form.receivedOn(), "petition.receivedOn", today);
        required(form.channel(), "petition.channel");
        required(form.category(), "petition.category");
        shortText(form.subjectArea(), "petition.subjectArea");
        required(form.regionCode(), "petition.regionCode");
        RegionCode region;
        try {
            region = new RegionCode(form.regionCode());
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("petition.regionCode", "must be six digits naming a province or below", "须为六位数字的省级及以下行政区划代码");
        }
        required(form.firstPetition(), "petition.firstPetition");
        if (form.firstPetition() && form.repeatsCase() != null) {
            throw new FieldProblem("petition.repeatsCase", "must be absent for a first petition", "初次信访不得填写");
        }
        if (!form.firstPetition() && form.repeatsCase() == null) {
            throw new FieldProblem("petition.repeatsCase", "must name the earlier case for a repeat petition", "重复信访须写明原信访事项");
        }
        required(form.petitioners(), "petition.petitioners");
        if (form.petitioners().isEmpty()) throw new FieldProblem("petition.petitioners", "must not be empty", "不得为空");
        if (form.petitioners().size() > MAX_PETITIONERS) {
            throw new FieldProblem("petition.petitioners", "must hold at most " + MAX_PETITIONERS, "最多" + MAX_PETITIONERS + "项");
        }
        if (form.channel() == Channel.VISIT && form.petitioners().size() > MAX_VISIT_REPRESENTATIVES) {
            throw new FieldProblem("petition.petitioners", "a visit sends at most five representatives (Art. 20)", "走访推选的代表不超过五人（第二十条）");
        }
        List<Petitioner> petitioners = new ArrayList<>();
        for (int i = 0; i < form.petitioners().size(); i++) {
            petitioners.add(petitioner(form.petitioners().get(i), "petition.petitioners[" + i + "]"));
        }
        int headcount = form.headcount() == null ? petitioners.size() : form.headcount();
        if (headcount < petitioners.size() || headcount > Petition.MAX_HEADCOUNT) {
            throw new FieldProblem("petition.headcount", "must be between the number of petitioners and " + Petition.MAX_HEADCOUNT, "须在信访人数与" + Petition.MAX_HEADCOUNT + "之间");
        }
        List<AccusedParty> accused = new ArrayList<>();
        if (form.accused() != null) {
            if (form.accused().size() > MAX_ACCUSED) throw new FieldProblem("petition.accused", "must hold at most " + MAX_ACCUSED, "最多" + MAX_ACCUSED + "项");
            for (int i = 0; i < form.accused().size(); i++) {
                accused.add(accusedParty(form.accused().get(i), "petition.accused[" + i + "]"));
            }
        }
        FreeText summary = freeText(form.summary(), "petition.summary");
        return new Petition(form.receivedOn(), form.channel(), form.category(), form.subjectArea(), region,
                form.firstPetition(), form.repeatsCase(), petitioners, headcount, accused, summary);
    }

    private static Petitioner petitioner(PetitionerForm p, String path) throws FieldProblem {
        if (p == null) throw new FieldProblem(path, "must not be null", "不得缺失");
        PersonName name = new PersonName(line(p.name(), path + ".name", PersonName.MAX_LENGTH));
        IdNumber id = null;
        if (p.idNumber() != null) {
            try {
                id = new IdNumber(p.idNumber());
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(path + ".idNumber", "must be an 18-character resident ID number with a valid check character",
                        "须为校验码正确的18位居民身份证号码");
            }
        }
        PhoneNumber phone = null;
        if (p.phone() != null) {
            try {
                phone = new PhoneNumber(p.phone());
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(path + ".phone", "must be a mobile or landline number", "须为手机或固定电话号码");
            }
        }
        Address address = p.address() == null ? null : new Address(line(p.address(), path + ".address", Address.MAX_LENGTH));
        return new Petitioner(name, id, phone, address);
    }

    private static AccusedParty accusedParty(AccusedPartyForm a, String path) throws FieldProblem {
        if (a == null) throw new FieldProblem(path, "must not be null", "不得缺失");
        int given = (a.unit() != null ? 1 : 0) + (a.official() != null ? 1 : 0) + (a.outsideName() != null ? 1 : 0);
        if (given != 1) throw new FieldProblem(path, "must name exactly one of unit, official, outsideName", "须且只须写明单位、工作人员或外部对象名称之一");
        if (a.unit() != null) return new AccusedParty.AccusedUnit(a.unit());
        if (a.official() != null) return new AccusedParty.AccusedOfficial(a.official());
        return new AccusedParty.OutsideParty(new FreeText(line(a.outsideName(), path + ".outsideName", MAX_SHORT_TEXT)));
    }

    /**
     * Checks the dated facts an imported case brings with its petition: in order, after the petition's receipt, none
     * implied (receipt, end), days only on an extension.
     */
    static void importedFacts(List<ImportedFact> facts, LocalDate receivedOn, LocalDate today) throws FieldProblem {
        required(facts, "facts");
        if (facts.size() > CommandChecks.MAX_IMPORTED_FACTS) throw new FieldProblem("facts", "must hold at most " + CommandChecks.MAX_IMPORTED_FACTS, "最多" + CommandChecks.MAX_IMPORTED_FACTS + "项");
        LocalDate previous = receivedOn;
        for (int i = 0; i < facts.size(); i++) {
            String path = "facts[" + i + "]";
            ImportedFact f = facts.get(i);
            if (f == null) throw new FieldProblem(path, "must not be null", "不得缺失");
            required(f.fact(), path + ".fact");
            if (f.fact() == Fact.RECEIVED || f.fact() == Fact.ENDED) {
                throw new FieldProblem(path + ".fact", "is implied (the petition's date, the terminal stage) and not imported", "由信访日期或终结阶段推定，不导入");
            }
            date(f.on(), path + ".on", today);
            if (f.on().isBefore(previous)) throw new FieldProblem(path + ".on", "must not be before the facts before it", "不得早于其前的事实日期");
            previous = f.on();
            if (f.fact() == Fact.EXTENDED) {
                if (f.days() == null || f.days() < 1 || f.days() > CommandChecks.MAX_EXTENSION_SHAPE) {
                    throw new FieldProblem(path + ".days", "must be between 1 and " + CommandChecks.MAX_EXTENSION_SHAPE, "须在1到" + CommandChecks.MAX_EXTENSION_SHAPE + "之间");
                }
            } else if (f.days() != null) {
                throw new FieldProblem(path + ".days", "is only for an extension", "仅用于延期");
            }
        }
    }
}
