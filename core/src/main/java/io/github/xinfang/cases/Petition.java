package io.github.xinfang.cases;

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
 * @since 0.1
 */
public record Petition(LocalDate receivedOn, Channel channel, Category category, String subjectArea, RegionCode region,
                       boolean firstPetition, CaseId repeatsCase, List<Petitioner> petitioners, int headcount,
                       List<AccusedParty> accused, FreeText summary) {
    /** The largest headcount accepted. */
    public static final int MAX_HEADCOUNT = 100_000;

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
}
