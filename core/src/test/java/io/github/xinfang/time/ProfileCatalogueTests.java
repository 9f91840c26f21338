package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.petition.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped profiles say what LEGAL.md says; malformed profile data is refused naming its source and place. */
class ProfileCatalogueTests {
    private static final ProfileCatalogue SHIPPED = ProfileCatalogue.shipped();

    private static Profile profile(String id) {
        return SHIPPED.get(id).orElseThrow(() -> new AssertionError("profile " + id + " not shipped"));
    }

    private static Profile.ClockRule rule(String profile, ClockId clock) {
        return profile(profile).rule(clock).orElseThrow(() -> new AssertionError(profile + " has no " + clock));
    }

    private static TimeLimit days(int n) {
        return TimeLimit.days(n);
    }

    private static TimeLimit workingDays(int n) {
        return TimeLimit.workingDays(n);
    }

    @Test
    void everyShippedProfileLoadsInIndexOrderWithTheThreeWindows() {
        assertThat(SHIPPED.all()).extracting(Profile::id).containsExactly("national-2022", "zhejiang-2016", "henan-2012",
                "shandong-2015", "simplified-2016", "fast-track-123");
        for (Profile p : SHIPPED.all()) {
            assertThat(p.name()).as(p.id()).isNotBlank();
            for (ClockId window : List.of(ClockId.OBJECTION, ClockId.REVIEW_REQUEST, ClockId.RE_REVIEW_REQUEST)) {
                assertThat(p.rule(window)).as("%s %s", p.id(), window).isPresent();
            }
            // Every shipped profile keeps the statutory objection window of 5 working days (Art. 23(3)).
            assertThat(p.rule(ClockId.OBJECTION).orElseThrow().limit()).as(p.id()).isEqualTo(workingDays(5));
        }
        assertThat(TimeLimits.standard().defaultProfile()).isEqualTo(TimeLimits.NATIONAL_2022);
    }

    @Test
    void theNationalProfileHasTheLimitsOfThe2022Regulation() {
        Profile p = profile("national-2022");
        assertThat(rule("national-2022", ClockId.ROUTING).limit()).isEqualTo(days(15));         // Art. 22
        assertThat(rule("national-2022", ClockId.TELLING).limit()).isEqualTo(days(15));         // Art. 23
        assertThat(rule("national-2022", ClockId.OBJECTION).limit()).isEqualTo(workingDays(5)); // Art. 23(3)
        Profile.ClockRule handling = rule("national-2022", ClockId.HANDLING);                          // Art. 34
        assertThat(handling.limit()).isEqualTo(days(60));
        assertThat(handling.categories()).containsExactly(Category.CLAIM);
        assertThat(handling.appliesTo(Category.SUGGESTION)).isFalse();
        assertThat(handling.appliesTo(Category.ACCUSATION)).isFalse();
        assertThat(p.maxExtensionDays()).isEqualTo(30);
        for (ClockId c : List.of(ClockId.REVIEW_REQUEST, ClockId.REVIEW, ClockId.RE_REVIEW_REQUEST, ClockId.RE_REVIEW)) {
            assertThat(rule("national-2022", c).limit()).as("%s", c).isEqualTo(days(30));     // Art. 35, 36
        }
        assertThat(p.rule(ClockId.ACCEPTANCE)).as("no national acceptance limit").isEmpty();
        assertThat(p.rule(ClockId.CONTACT)).isEmpty();
        assertThat(p.terminationProvided()).isFalse();
        // Default counting: start day not counted, calendar-day limits roll to the next working day.
        assertThat(handling.limit().countsStartDay()).isFalse();
        assertThat(handling.limit().rollsToWorkingDay()).isTrue();
    }

    @Test
    void zhejiangHandles30DaysExtends60AndDecidesAcceptanceIn5WorkingDays() {
        Profile p = profile("zhejiang-2016");
        assertThat(rule("zhejiang-2016", ClockId.HANDLING).limit()).isEqualTo(days(30));
        assertThat(rule("zhejiang-2016", ClockId.HANDLING).categories()).containsExactly(Category.CLAIM);
        assertThat(p.maxExtensionDays()).isEqualTo(60);
        assertThat(rule("zhejiang-2016", ClockId.ACCEPTANCE).limit()).isEqualTo(workingDays(5));
    }

    @Test
    void henanForwardsIn5DaysAndHandles30() {
        Profile p = profile("henan-2012");
        assertThat(rule("henan-2012", ClockId.ROUTING).limit()).isEqualTo(days(5));
        assertThat(rule("henan-2012", ClockId.HANDLING).limit()).isEqualTo(days(30));
        // complex cases at most 90 days in all: 30 + 60
        assertThat(p.maxExtensionDays()).isEqualTo(60);
    }

    @Test
    void simplifiedHandlingAccepts3AndConcludes10WorkingDays() {
        Profile p = profile("simplified-2016");
        assertThat(rule("simplified-2016", ClockId.ACCEPTANCE).limit()).isEqualTo(workingDays(3));
        Profile.ClockRule handling = rule("simplified-2016", ClockId.HANDLING);
        assertThat(handling.limit()).isEqualTo(workingDays(10));
        assertThat(handling.limit().dayCount()).isEqualTo(TimeLimit.DayCount.WORKING_DAYS);
        assertThat(handling.categories()).isEqualTo(EnumSet.allOf(Category.class));
    }

    @Test
    void fastTrackContactsIn1DayMeetsIn2AndRepliesIn3() {
        assertThat(rule("fast-track-123", ClockId.CONTACT).limit().length()).isEqualTo(1);
        assertThat(rule("fast-track-123", ClockId.MEETING).limit().length()).isEqualTo(2);
        assertThat(rule("fast-track-123", ClockId.STAGE_REPLY).limit().length()).isEqualTo(3);
        for (ClockId c : List.of(ClockId.CONTACT, ClockId.MEETING, ClockId.STAGE_REPLY)) {
            assertThat(rule("fast-track-123", c).limit().dayCount()).as("%s", c).isEqualTo(TimeLimit.DayCount.CALENDAR_DAYS);
            assertThat(c.kind()).isEqualTo(ClockId.Kind.DUTY);
        }
        // the fast track sits on the national limits
        assertThat(rule("fast-track-123", ClockId.HANDLING).limit()).isEqualTo(days(60));
    }

    @Test
    void onlyShandongProvidesForTermination() {
        for (Profile p : SHIPPED.all()) {
            assertThat(p.terminationProvided()).as(p.id()).isEqualTo(p.id().equals("shandong-2015"));
        }
        TimeLimits limits = TimeLimits.standard();
        assertThat(limits.terminationProvided("shandong-2015")).isTrue();
        assertThat(limits.terminationProvided("national-2022")).isFalse();
        assertThat(limits.terminationProvided("no-such-profile")).isFalse();
    }

    @Test
    void aProfileWrittenByAPortalIsReadWithItsDefaults() {
        Profile p = ProfileCatalogue.read(new StringReader(doc(
                "{\"clock\": \"HANDLING\", \"length\": 45, \"count\": \"days\", \"categories\": [\"CLAIM\", \"ACCUSATION\"],"
                        + " \"countsStartDay\": true, \"rollsToWorkingDay\": false, \"source\": \"local rule\"}")), "portal.json");
        Profile.ClockRule handling = p.rule(ClockId.HANDLING).orElseThrow();
        assertThat(handling.limit()).isEqualTo(new TimeLimit(45, TimeLimit.DayCount.CALENDAR_DAYS, true, false));
        assertThat(handling.warnDays()).isZero();
        assertThat(handling.categories()).isEqualTo(Set.of(Category.CLAIM, Category.ACCUSATION));
        assertThat(p.rule(ClockId.OBJECTION).orElseThrow().categories()).isEqualTo(EnumSet.allOf(Category.class));
        ProfileCatalogue c = SHIPPED.with(p);
        assertThat(c.get("portal-1")).contains(p);
        assertThat(c.all()).hasSize(7);
    }

    // ------------------------------------------------------------------ malformed data

    /** A valid profile document whose clocks are the three windows plus {@code extra} (a JSON object or empty). */
    private static String doc(String extra) {
        return "{\"id\": \"portal-1\", \"name\": \"A portal's profile\", \"terminationProvided\": false, \"maxExtensionDays\": 30,\n"
                + " \"clocks\": [\n"
                + (extra.isEmpty() ? "" : "  " + extra + ",\n")
                + "  {\"clock\": \"OBJECTION\", \"length\": 5, \"count\": \"working-days\"},\n"
                + "  {\"clock\": \"REVIEW_REQUEST\", \"length\": 30, \"count\": \"days\"},\n"
                + "  {\"clock\": \"RE_REVIEW_REQUEST\", \"length\": 30, \"count\": \"days\"}\n"
                + " ]}";
    }

    private static void refused(String json, String source, String... place) {
        assertThatThrownBy(() -> ProfileCatalogue.read(new StringReader(json), source))
                .isInstanceOf(ProfileCatalogue.ProfileDataException.class)
                .hasMessageContaining(source)
                .hasMessageContainingAll(place)
                .hasNoCause();
    }

    @Test
    void theTemplateDocumentItselfIsValid() {
        assertThat(ProfileCatalogue.read(new StringReader(doc("")), "ok.json").clocks()).hasSize(3);
    }

    @Test
    void anUnknownClockIsRefusedNamingTheClockField() {
        refused(doc("{\"clock\": \"LUNCH\", \"length\": 1, \"count\": \"days\"}"), "bad-clock.json", "$.clocks[0].clock");
    }

    @Test
    void anUnknownFieldIsRefusedNamingWhereItIs() {
        refused(doc("{\"clock\": \"HANDLING\", \"length\": 30, \"count\": \"days\", \"lenght\": 31}"), "typo.json",
                "$.clocks[0]", "unknown field");
        refused(doc("").replace("\"maxExtensionDays\"", "\"maxExtension\": 1, \"maxExtensionDays\""), "top-typo.json",
                "$ has an unknown field");
    }

    @Test
    void aMissingWindowIsRefusedNamingTheWindow() {
        String json = doc("").replace("  {\"clock\": \"REVIEW_REQUEST\", \"length\": 30, \"count\": \"days\"},\n", "");
        refused(json, "no-review-window.json", "clocks", "REVIEW_REQUEST");
    }

    @Test
    void aBadCountIsRefusedNamingTheCountField() {
        refused(doc("{\"clock\": \"HANDLING\", \"length\": 30, \"count\": \"weeks\"}"), "bad-count.json", "$.clocks[0].count");
        refused(doc("{\"clock\": \"HANDLING\", \"length\": 30}"), "no-count.json", "$.clocks[0].count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "\"30\"", "4000"})
    void aBadLengthIsRefusedNamingTheLengthField(String length) {
        refused(doc("{\"clock\": \"HANDLING\", \"length\": " + length + ", \"count\": \"days\"}"), "bad-length.json",
                "$.clocks[0].length");
    }

    @Test
    void trailingGarbageIsRefusedNamingTheLine() {
        refused(doc("") + "\n}", "trailing.json", "malformed JSON at line");
        refused(doc("") + " {\"id\": \"again\"}", "two-documents.json", "malformed JSON");
        refused(doc("").substring(0, 40), "truncated.json", "malformed JSON");
    }

    @Test
    void aRepeatedClockAndARepeatedKeyAreRefused() {
        refused(doc("{\"clock\": \"OBJECTION\", \"length\": 5, \"count\": \"working-days\"}"), "twice.json", "OBJECTION",
                "appears twice");
        refused(doc("{\"clock\": \"HANDLING\", \"length\": 30, \"length\": 60, \"count\": \"days\"}"), "dup-key.json",
                "malformed JSON");
    }

    @Test
    void otherBadFieldsAreRefusedNamingThem() {
        refused(doc("").replace("\"terminationProvided\": false", "\"terminationProvided\": \"no\""), "bad-bool.json",
                "$.terminationProvided");
        refused(doc("").replace("\"id\": \"portal-1\"", "\"id\": \" \""), "blank-id.json", "$.id");
        refused(doc("{\"clock\": \"HANDLING\", \"length\": 30, \"count\": \"days\", \"categories\": [\"GRIEVANCE\"]}"),
                "bad-category.json", "$.clocks[0].categories");
        refused(doc("{\"clock\": \"HANDLING\", \"length\": 30, \"count\": \"days\", \"categories\": []}"),
                "no-category.json", "$.clocks[0].categories");
        refused(doc("{\"clock\": \"HANDLING\", \"length\": 0, \"count\": \"days\", \"countsStartDay\": true}"),
                "zero-start.json", "$.clocks[0]");
        refused("[]", "array.json", "must be an object");
        refused("{\"id\": \"x\", \"name\": \"x\", \"maxExtensionDays\": 0}", "no-clocks.json", "$.clocks");
    }

    // ------------------------------------------------------------------ limits (issue 11, item 5)

    /** Refused with a short message: the place and the limit, never the offending value. */
    private static void refusedBriefly(String json, String source, String... place) {
        assertThatThrownBy(() -> ProfileCatalogue.read(new StringReader(json), source))
                .isInstanceOf(ProfileCatalogue.ProfileDataException.class)
                .hasMessageContaining(source)
                .hasMessageContainingAll(place)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void aMegabyteIdIsRefusedNamingTheLineNotWithANullPointerException() {
        String id = "x".repeat(1 << 20);
        refusedBriefly(doc("").replace("\"portal-1\"", "\"" + id + "\""), "huge-id.json", "line 1", "too large");
    }

    @Test
    void aFiveMegabyteNameIsRefusedNamingTheLine() {
        String name = "名".repeat(5 << 20);
        refusedBriefly(doc("").replace("\"A portal's profile\"", "\"" + name + "\""), "huge-name.json", "line 1", "too large");
    }

    @Test
    void deepNestingIsRefusedNamingTheLine() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        refusedBriefly(doc("").replace("\"maxExtensionDays\": 30", "\"maxExtensionDays\": " + deep), "deep.json", "line 1",
                "too large");
    }

    @Test
    void aDocumentOverAMebibyteIsRefusedEvenWhenTheRestIsWhitespace() {
        refusedBriefly(doc("") + " ".repeat(2 << 20), "padded.json", "too large");
    }

    @Test
    void anIdOrNameOverItsLimitIsRefusedNamingTheField() {
        refusedBriefly(doc("").replace("\"portal-1\"", "\"" + "p".repeat(65) + "\""), "long-id.json", "$.id", "64");
        refusedBriefly(doc("").replace("\"portal-1\"", "\"portal 1\""), "spaced-id.json", "$.id", "whitespace");
        refusedBriefly(doc("").replace("\"A portal's profile\"", "\"" + "名".repeat(201) + "\""), "long-name.json", "$.name", "200");
        refusedBriefly(doc("{\"clock\": \"HANDLING\", \"length\": 30, \"count\": \"days\", \"source\": \"" + "s".repeat(501) + "\"}"),
                "long-note.json", "$.clocks[0].source");
        assertThat(ProfileCatalogue.read(new StringReader(doc("").replace("\"portal-1\"", "\"" + "p".repeat(64) + "\"")), "ok.json").id())
                .hasSize(64);
    }

    @Test
    void aClockOfZeroDaysIsRefused() {
        refusedBriefly(doc("{\"clock\": \"HANDLING\", \"length\": 0, \"count\": \"days\"}"), "zero.json",
                "$.clocks[0].length", "at least 1");
        refusedBriefly(doc("{\"clock\": \"ACCEPTANCE\", \"length\": 0, \"count\": \"working-days\"}"), "zero-working.json",
                "$.clocks[0].length");
        assertThatThrownBy(() -> new Profile.ClockRule(ClockId.HANDLING, days(0), 0, EnumSet.allOf(Category.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void aWarningWindowAsLongAsItsLimitOrLongerIsRefused() {
        refusedBriefly(doc("{\"clock\": \"HANDLING\", \"length\": 10, \"count\": \"days\", \"warnDays\": 10}"), "warn-equal.json",
                "$.clocks[0].warnDays", "less than the length (10)");
        refusedBriefly(doc("{\"clock\": \"HANDLING\", \"length\": 10, \"count\": \"working-days\", \"warnDays\": 30}"),
                "warn-longer.json", "$.clocks[0].warnDays");
        assertThat(ProfileCatalogue.read(new StringReader(doc("{\"clock\": \"HANDLING\", \"length\": 10, \"count\": \"days\","
                + " \"warnDays\": 9}")), "warn-ok.json").rule(ClockId.HANDLING).orElseThrow().warnDays()).isEqualTo(9);
        assertThatThrownBy(() -> new Profile.ClockRule(ClockId.HANDLING, days(5), 5, EnumSet.allOf(Category.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warnDays");
    }

    @Test
    void aProfileBuiltInCodeKeepsTheSameLimitsOnIdAndName() {
        List<Profile.ClockRule> windows = ProfileCatalogue.read(new StringReader(doc("")), "ok.json").clocks();
        assertThatThrownBy(() -> new Profile("p".repeat(65), "n", false, 0, windows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new Profile("a b", "n", false, 0, windows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new Profile("p", "n".repeat(201), false, 0, windows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }
}
