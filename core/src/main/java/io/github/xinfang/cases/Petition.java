package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;

import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;

import io.github.xinfang.text.TextRule;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.RegionCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The content of a petition once parsed: who, how, what, where and against whom. Immutable;
 * {@code toString} shows no personal data.
 *
 * @param receivedOn the day the petition was received (the legal fact the routing clock starts from)
 * @param channel how it arrived
 * @param category its type under the 条例
 * @param subjectArea its subject area code (e.g. {@code 城乡建设}), portal-defined
 * @param region the region it belongs to
 * @param firstPetition whether it is a first petition (初信初访)
 * @param repeatsCase the earlier case it repeats, or null for a first petition
 * @param petitioners one or more petitioners
 * @param headcount how many people stand behind it (at least the number of petitioners)
 * @param accused the accused parties (possibly none)
 * @param summary the petition's free text
 * @param subjectTags the portal's tags of what the petition is about (a housing estate, an employer, a project: the
 *     key of cluster warnings, 类案预警), sorted and without duplicates; empty for none (since 0.6). A tag names a
 *     place, an employer or a project, never a person: it is not personal data, and is written in clear (in JSON, in
 *     a warning's id, in logs)
 * @since 0.1
 */
public record Petition(LocalDate receivedOn, Channel channel, Category category, String subjectArea, RegionCode region,
                       boolean firstPetition, CaseId repeatsCase, List<Petition.Petitioner> petitioners, int headcount,
                       List<Petition.AccusedParty> accused, FreeText summary, List<String> subjectTags) {
    /** The largest headcount accepted. */
    public static final int MAX_HEADCOUNT = 100_000;
    /** The most subject tags a petition carries. */
    public static final int MAX_SUBJECT_TAGS = 16;
    /** The longest subject tag, in code points: one line under {@link TextRule#LINE}. */
    public static final int MAX_SUBJECT_TAG_LENGTH = 100;

    /**
     * @throws NullPointerException naming a null argument (repeatsCase may be null)
     * @throws IllegalArgumentException naming an inconsistent argument
     */
    public Petition {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        TextRule.LINE.require(subjectArea, "subjectArea", 200);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(petitioners, "petitioners");
        Objects.requireNonNull(accused, "accused");
        Objects.requireNonNull(summary, "summary");
        subjectTags = subjectTags(subjectTags);
        petitioners = List.copyOf(petitioners);
        accused = List.copyOf(accused);
        if (petitioners.isEmpty()) throw new IllegalArgumentException("petitioners must not be empty");
        if (headcount < petitioners.size() || headcount > MAX_HEADCOUNT) {
            throw new IllegalArgumentException("headcount must be between the number of petitioners and " + MAX_HEADCOUNT);
        }
        if (firstPetition == (repeatsCase != null)) {
            throw new IllegalArgumentException("repeatsCase must be given exactly when firstPetition is false");
        }
    }

    /**
     * A petition without subject tags (the form of releases before 0.6).
     *
     * @throws NullPointerException naming a null argument (repeatsCase may be null)
     * @throws IllegalArgumentException naming an inconsistent argument
     */
    public Petition(LocalDate receivedOn, Channel channel, Category category, String subjectArea, RegionCode region,
                    boolean firstPetition, CaseId repeatsCase, List<Petition.Petitioner> petitioners, int headcount,
                    List<Petition.AccusedParty> accused, FreeText summary) {
        this(receivedOn, channel, category, subjectArea, region, firstPetition, repeatsCase, petitioners, headcount, accused,
                summary, List.of());
    }

    /**
     * The same petition with other subject tags (a correction, {@link ActivityCommand.CorrectSubjectTags}).
     *
     * @param tags the tags, in any order, duplicates ignored
     * @return the petition with those tags
     * @throws NullPointerException if tags or one of them is null
     * @throws IllegalArgumentException if a tag breaks {@link TextRule#LINE} or there are too many
     */
    public Petition withSubjectTags(List<String> tags) {
        return new Petition(receivedOn, channel, category, subjectArea, region, firstPetition, repeatsCase, petitioners, headcount,
                accused, summary, tags);
    }

    /**
     * Checks subject tags as the record keeps them: each one line under {@link TextRule#LINE} of at most
     * {@value #MAX_SUBJECT_TAG_LENGTH} code points, at most {@value #MAX_SUBJECT_TAGS} distinct ones.
     *
     * @param tags the tags
     * @return the distinct tags, sorted
     * @throws NullPointerException if tags or one of them is null
     * @throws IllegalArgumentException naming {@code subjectTags} if a tag breaks the rule or there are too many
     */
    static List<String> subjectTags(List<String> tags) {
        Objects.requireNonNull(tags, "subjectTags");
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
        for (String tag : tags) {
            TextRule.LINE.require(tag, "subjectTags", MAX_SUBJECT_TAG_LENGTH);
            sorted.add(tag);
        }
        if (sorted.size() > MAX_SUBJECT_TAGS) {
            throw new IllegalArgumentException("subjectTags must hold at most " + MAX_SUBJECT_TAGS + " tags");
        }
        return List.copyOf(sorted);
    }

    /**
     * A person behind a petition (信访人). Every part is personal data and masks itself in {@code toString}.
     * Immutable.
     *
     * @param name the name
     * @param idNumber the resident ID number, or null if not given
     * @param phone the phone, or null if not given
     * @param address the address, or null if not given
     * @since 0.1
     */
    public record Petitioner(PersonName name, IdNumber idNumber, PhoneNumber phone, Address address) {
        /** @throws NullPointerException if name is null */
        public Petitioner {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A party a petition accuses (被反映人/被举报单位): a unit or an official of the directory, or an outside
     * party named in text. Accusation materials never reach the accused (Art. 30(3)). Immutable.
     *
     * @since 0.1
     */
    public sealed interface AccusedParty {

        /**
         * A unit of the directory.
         *
         * @param unit the unit
         * @since 0.1
         */
        record AccusedUnit(UnitId unit) implements Petition.AccusedParty {
            /** @throws NullPointerException if unit is null */
            public AccusedUnit {
                Objects.requireNonNull(unit, "unit");
            }
        }

        /**
         * An official of the directory.
         *
         * @param official the official
         * @since 0.1
         */
        record AccusedOfficial(OfficialId official) implements Petition.AccusedParty {
            /** @throws NullPointerException if official is null */
            public AccusedOfficial {
                Objects.requireNonNull(official, "official");
            }
        }

        /**
         * A party outside the directory (a company, a person), named in text that is masked in {@code toString}.
         *
         * @param name the name as text
         * @since 0.1
         */
        record OutsideParty(FreeText name) implements Petition.AccusedParty {
            /** @throws NullPointerException if name is null */
            public OutsideParty {
                Objects.requireNonNull(name, "name");
            }
        }
    }
}
