package io.github.xinfang.cases;

import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;

import java.time.LocalDate;
import java.util.List;

/**
 * A petition as a portal's form gives it: raw values that the case service checks and parses (a bad value
 * is a {@code VALIDATION} rejection naming the field, never an exception). The record only copies;
 * {@code toString} shows no personal data.
 *
 * @param receivedOn the day the petition was received
 * @param channel how it arrived
 * @param category its type
 * @param subjectArea its subject area code
 * @param regionCode six digits
 * @param firstPetition whether it is a first petition; when false, {@code repeatsCase} names the earlier case
 * @param repeatsCase the earlier case, or null
 * @param petitioners the petitioners, one or more
 * @param headcount how many people stand behind it, or null for the number of petitioners
 * @param accused the accused parties, or null for none
 * @param summary the petition's text (masked)
 * @since 0.1
 */
public record PetitionForm(LocalDate receivedOn, Channel channel, Category category, String subjectArea,
                           String regionCode, Boolean firstPetition, CaseId repeatsCase,
                           List<PetitionerForm> petitioners, Integer headcount, List<AccusedPartyForm> accused,
                           FormText summary) {
    /** The same, with the {@code summary} as a string ({@link FormText#ofNullable}). */
    public PetitionForm(LocalDate receivedOn, Channel channel, Category category, String subjectArea, String regionCode,
                        Boolean firstPetition, CaseId repeatsCase, List<PetitionerForm> petitioners, Integer headcount,
                        List<AccusedPartyForm> accused, String summary) {
        this(receivedOn, channel, category, subjectArea, regionCode, firstPetition, repeatsCase, petitioners, headcount,
                accused, FormText.ofNullable(summary));
    }

    @Override
    public String toString() {
        return "PetitionForm[receivedOn=" + receivedOn + ", channel=" + channel + ", category=" + category
                + ", subjectArea=" + subjectArea + ", regionCode=" + regionCode + ", firstPetition=" + firstPetition
                + ", repeatsCase=" + repeatsCase + ", petitioners=" + (petitioners == null ? null : petitioners.size())
                + ", headcount=" + headcount + ", accused=" + (accused == null ? null : accused.size())
                + ", summary=" + summary + "]";
    }
}
