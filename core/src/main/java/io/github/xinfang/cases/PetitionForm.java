package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.text.TextRule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param subjectTags the portal's subject tags (a housing estate, an employer, a project; see
 *     {@link Petition#subjectTags()}), or null for none (since 0.6). A command whose form has none has the digest it had
 *     before the component existed.
 * @since 0.1
 */
public record PetitionForm(LocalDate receivedOn, Channel channel, Category category, String subjectArea,
                           String regionCode, Boolean firstPetition, CaseId repeatsCase,
                           List<PetitionForm.Petitioner> petitioners, Integer headcount, List<PetitionForm.AccusedParty> accused,
                           FormText summary, List<String> subjectTags) {
    /** The same, without subject tags. */
    public PetitionForm(LocalDate receivedOn, Channel channel, Category category, String subjectArea, String regionCode,
                        Boolean firstPetition, CaseId repeatsCase, List<PetitionForm.Petitioner> petitioners, Integer headcount,
                        List<PetitionForm.AccusedParty> accused, FormText summary) {
        this(receivedOn, channel, category, subjectArea, regionCode, firstPetition, repeatsCase, petitioners, headcount,
                accused, summary, null);
    }

    /** The same, with the {@code summary} as a string ({@link FormText#ofNullable}) and without subject tags. */
    public PetitionForm(LocalDate receivedOn, Channel channel, Category category, String subjectArea, String regionCode,
                        Boolean firstPetition, CaseId repeatsCase, List<PetitionForm.Petitioner> petitioners, Integer headcount,
                        List<PetitionForm.AccusedParty> accused, String summary) {
        this(receivedOn, channel, category, subjectArea, regionCode, firstPetition, repeatsCase, petitioners, headcount,
                accused, FormText.ofNullable(summary), null);
    }

    /**
     * The same form with subject tags.
     *
     * @param tags the tags (checked by the case service, as every field of a form)
     * @return the form with those tags
     */
    public PetitionForm withSubjectTags(String... tags) {
        return new PetitionForm(receivedOn, channel, category, subjectArea, regionCode, firstPetition, repeatsCase, petitioners,
                headcount, accused, summary, tags == null ? null : java.util.Arrays.asList(tags));
    }

    @Override
    public String toString() {
        return "PetitionForm[receivedOn=" + receivedOn + ", channel=" + channel + ", category=" + category
                + ", subjectArea=" + subjectArea + ", regionCode=" + regionCode + ", firstPetition=" + firstPetition
                + ", repeatsCase=" + repeatsCase + ", petitioners=" + (petitioners == null ? null : petitioners.size())
                + ", headcount=" + headcount + ", accused=" + (accused == null ? null : accused.size())
                + ", summary=" + summary + ", subjectTags=" + subjectTags + "]";
    }

    /**
     * A petitioner as a form gives it: raw strings, checked by the case service. The record only copies;
     * {@code toString} masks everything.
     *
     * @param name the name (required)
     * @param idNumber the resident ID number, or null
     * @param phone the phone, or null
     * @param address the address, or null
     * @since 0.1
     */
    public record Petitioner(String name, String idNumber, String phone, String address) {
        @Override
        public String toString() {
            return "PetitionerForm[name=" + mask(name) + ", idNumber=" + mask(idNumber) + ", phone=" + mask(phone)
                    + ", address=" + mask(address) + "]";
        }

        private static String mask(String s) {
            return s == null ? "null" : "(" + s.length() + " chars)";
        }
    }

    /**
     * An accused party as a form gives it: exactly one of a directory unit, a directory official, or an
     * outside party's name. The record only copies; {@code toString} masks the name.
     *
     * @param unit a unit of the directory, or null
     * @param official an official of the directory, or null
     * @param outsideName the name of an outside party, or null
     * @since 0.1
     */
    public record AccusedParty(UnitId unit, OfficialId official, String outsideName) {
        /**
         * @param unit the accused unit
         * @return a form naming a unit
         */
        public static PetitionForm.AccusedParty unit(UnitId unit) {
            return new PetitionForm.AccusedParty(unit, null, null);
        }

        /**
         * @param official the accused official
         * @return a form naming an official
         */
        public static PetitionForm.AccusedParty official(OfficialId official) {
            return new PetitionForm.AccusedParty(null, official, null);
        }

        /**
         * @param name the outside party's name
         * @return a form naming an outside party
         */
        public static PetitionForm.AccusedParty outside(String name) {
            return new PetitionForm.AccusedParty(null, null, name);
        }

        @Override
        public String toString() {
            return "AccusedPartyForm[unit=" + unit + ", official=" + official + ", outsideName="
                    + (outsideName == null ? "null" : "(" + outsideName.length() + " chars)") + "]";
        }
    }

    /**
     * Free text as a portal's form gives it (a reason, an opinion, a reply, a summary, evidence, feedback): the one type
     * every command and form carries its free text in. Immutable; thread-safe.
     *
     * <p>Why a type of its own, and why it does not check its content: free text is the input a petitioner or an
     * official types, so it is personal data and it may be wrong. The type makes both hold wherever free text travels:
     * <ul>
     *   <li><b>masking</b>: {@code toString} shows the length only ({@code (12 chars)}), so a command's default record
     *       {@code toString} never prints the words;</li>
     *   <li><b>the text rule</b>: a component of this type is checked under {@link TextRule#TEXT} (at most
     *       {@value FreeText#MAX_LENGTH} code points) by the case service's shape walk, which finds it by its type and
     *       names it by its component's path ({@code reason}, {@code petition.summary}, {@code steps[2].description}).</li>
     * </ul>
     * The constructor therefore throws only on a null value (naming it): a blank, over-long or otherwise bad text is a
     * value like any other until the case service answers it with a {@code VALIDATION} rejection naming the field,
     * never an exception (STYLE.md, Values). A missing text is a null component, not a {@code FormText}. Once checked,
     * {@link #freeText()} turns it into the {@link FreeText} an event stores. The codec writes it as a plain JSON
     * string, so a command's digest is the same as when its text was a {@code String}.
     *
     * @param value the text, exactly as given
     * @since 0.4
     */
    public record FormText(String value) {
        /** @throws NullPointerException if value is null */
        public FormText {
            Objects.requireNonNull(value, "value");
        }

        /**
         * A form's text field as a value, a missing one staying missing.
         *
         * @param value the text, or null
         * @return the text as a value, or null if value is null
         */
        public static FormText ofNullable(String value) {
            return value == null ? null : new FormText(value);
        }

        /**
         * Checks the text under {@link TextRule#TEXT}.
         *
         * @return the first problem, or empty if the text may be stored
         */
        public Optional<TextRule.Problem> problem() {
            return TextRule.TEXT.check(value, FreeText.MAX_LENGTH);
        }

        /**
         * The checked text an event stores.
         *
         * @return the text as a {@link FreeText}
         * @throws IllegalArgumentException if the text breaks the rule (the case service checks it before)
         */
        public FreeText freeText() {
            return new FreeText(value);
        }

        /** @return the length only, e.g. {@code (12 chars)} */
        @Override
        public String toString() {
            return "(" + value.length() + " chars)";
        }
    }
}
