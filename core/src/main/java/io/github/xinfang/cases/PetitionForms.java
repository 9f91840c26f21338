package io.github.xinfang.cases;

import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PetitionForm} turned into a {@link Petition}: the form is checked by the shape walk
 * ({@link CommandChecks#checkForm}, paths with the prefix {@code petition.}), then each raw value becomes its value
 * record. Stateless.
 */
final class PetitionForms {
    /** The most representatives a visit sends (《信访工作条例》 Art. 20). */
    static final int MAX_VISIT_REPRESENTATIVES = 5;

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
        CommandChecks.checkForm(form, "petition", today);
        List<Petition.Petitioner> petitioners = new ArrayList<>();
        for (PetitionForm.Petitioner p : form.petitioners()) {
            petitioners.add(new Petition.Petitioner(new PersonName(p.name()), p.idNumber() == null ? null : new IdNumber(p.idNumber()),
                    p.phone() == null ? null : new PhoneNumber(p.phone()), p.address() == null ? null : new Address(p.address())));
        }
        List<Petition.AccusedParty> accused = new ArrayList<>();
        if (form.accused() != null) {
            for (PetitionForm.AccusedParty a : form.accused()) {
                if (a.unit() != null) accused.add(new Petition.AccusedParty.AccusedUnit(a.unit()));
                else if (a.official() != null) accused.add(new Petition.AccusedParty.AccusedOfficial(a.official()));
                else accused.add(new Petition.AccusedParty.OutsideParty(new FreeText(a.outsideName())));
            }
        }
        int headcount = form.headcount() == null ? petitioners.size() : form.headcount();
        return new Petition(form.receivedOn(), form.channel(), form.category(), form.subjectArea(), new RegionCode(form.regionCode()),
                form.firstPetition(), form.repeatsCase(), petitioners, headcount, accused, form.summary().freeText(),
                form.subjectTags() == null ? List.of() : form.subjectTags());
    }
}
