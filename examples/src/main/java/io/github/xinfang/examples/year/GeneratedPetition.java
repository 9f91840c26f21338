package io.github.xinfang.examples.year;

import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One petition (一件次) the generator made for the year: when it arrived, how, about what, from which township, how many
 * people stood behind it, and whether it is a first petition, a new case registered as a repeat, or a repeat recorded on
 * an existing case. Carries the subject tag it is filed under ({@code estate:金港华府}, {@code employer:…},
 * {@code project:…}), which the daily sweep's cluster watch counts (类案预警). Immutable; {@code toString} shows no personal data.
 *
 * @param serial its number in the year, from 1, in order of receipt
 * @param receivedOn the day it was received
 * @param kind first petition, repeat registered as a new case, or repeat recorded on the earlier case
 * @param caseId the case it opens, or (for a recorded repeat) the case it is recorded on
 * @param repeatsCaseId the earlier case it repeats, or null for a first petition
 * @param channel how it arrived
 * @param category its type
 * @param subjectArea its subject area
 * @param township the township the petitioners live in
 * @param handler the unit that should handle it (for a recorded repeat: the earlier case's)
 * @param headcount how many people stood behind it (a group petition has 5 or more)
 * @param skippedLevel for a recorded repeat, how far it went past the district (越级, 进京)
 * @param tag the subject tag it carries, or null
 * @param accusesUnit for an accusation, the unit accused, else null
 * @param petitioners the fake petitioners (at most five representatives); never printed
 */
record GeneratedPetition(int serial, LocalDate receivedOn, Kind kind, String caseId, String repeatsCaseId, Channel channel,
                         Category category, String subjectArea, UnitId township, UnitId handler, int headcount,
                         CaseActivity.SkippedLevel skippedLevel, String tag, UnitId accusesUnit,
                         List<PetitionForm.Petitioner> petitioners) {

    /** The cluster's tag: one housing estate in 港城街道. */
    static final String CLUSTER_TAG = "estate:金港华府";

    GeneratedPetition {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        petitioners = List.copyOf(petitioners);
    }

    /** What a petition is to the bureau. */
    enum Kind {
        /** 初信初访: a first petition, a new case. */
        FIRST,
        /** A repeat petition registered as a new case naming the earlier one. */
        REPEAT_NEW_CASE,
        /** A repeat petition recorded on the earlier case (重复信访, 件次). */
        REPEAT_RECORDED
    }

    /** @return whether it opens a case */
    boolean opensCase() {
        return kind != Kind.REPEAT_RECORDED;
    }

    /** @return whether it is a repeat petition, however recorded */
    boolean isRepeat() {
        return kind != Kind.FIRST;
    }

    /** @return whether it is a group petition (集体访: five people or more) */
    boolean isGroup() {
        return headcount >= 5;
    }

    @Override
    public String toString() {
        return "GeneratedPetition[" + serial + ", " + receivedOn + ", " + kind + ", " + caseId + ", " + channel + ", " + category
                + ", " + subjectArea + ", headcount=" + headcount + ", tag=" + tag + ", petitioners=" + petitioners.size() + "]";
    }

    /**
     * What the generator put into the housing-estate cluster: all its petitions, and the densest four weeks of them.
     *
     * @param tag the cluster's tag
     * @param petitions petitions generated with it
     * @param first the first day of its densest four weeks
     * @param last the last day a petition arrived in those weeks
     * @param inWindow how many arrived in those weeks
     */
    record ClusterNote(String tag, long petitions, LocalDate first, LocalDate last, long inWindow) {}

    /** @return the note on the estate cluster of a year's petitions */
    static ClusterNote clusterNote(List<GeneratedPetition> petitions) {
        List<LocalDate> days = new ArrayList<>();
        for (GeneratedPetition p : petitions) if (CLUSTER_TAG.equals(p.tag())) days.add(p.receivedOn());
        LocalDate first = null, last = null;
        long best = 0;
        for (LocalDate start : days) {
            long n = days.stream().filter(d -> !d.isBefore(start) && d.isBefore(start.plusDays(28))).count();
            if (n > best) {
                best = n;
                first = start;
            }
        }
        if (first != null) {
            LocalDate from = first;
            last = days.stream().filter(d -> !d.isBefore(from) && d.isBefore(from.plusDays(28))).max(LocalDate::compareTo).orElse(first);
        }
        return new ClusterNote(CLUSTER_TAG, days.size(), first, last, best);
    }
}
