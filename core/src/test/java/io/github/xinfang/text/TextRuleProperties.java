package io.github.xinfang.text;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.PersonName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The text rule against an independent model written from its statement (regular expressions over code points
 * rather than {@link Character}'s classifiers), and every value constructor against the rule.
 */
public class TextRuleProperties {
    /** Pieces of text: ordinary, and every kind of hostile code unit the rule speaks of. */
    static final List<String> PIECES = List.of(
            "a", "Z", "7", "-", "_", ":", "信", "访", "港北区", "E6",
            "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800",          // unpaired surrogates, a reversed pair
            "\u0000", "\u0001", "\u001B", "\u001F", "\u007F", "\u0085", "\u009F", // C0 and C1 controls
            "\t", "\r", "\n", " ", "\u000B", "\u000C",
            "\u00A0", "\u3000", "\u2007", "\u202F", "\u2028", "\u2029",         // spaces a reader cannot tell apart
            "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202E", "\uFEFF", "\u00AD", // format (Cf)
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",                // emoji with joiners
            "\uD840\uDC00", "\uD869\uDEDF",                                     // CJK Extension B
            "\uE000", "\uF8FF", "\uDB80\uDC00",                                 // private use, BMP and plane 15
            "\uFFFD", "\uFFFF");

    private static final int ORDINARY = 10;

    public static Gen<String> texts() {
        // Half the draws are ordinary pieces, so that accepted strings are common too.
        return lists().of(integers().between(0, 2 * PIECES.size() - 1)).ofSizeBetween(0, 12)
                .map(ix -> ix.stream().map(i -> PIECES.get(i < PIECES.size() ? i : i % ORDINARY)).reduce("", String::concat));
    }

    /** Ordinary pieces with one piece of any kind inserted: about half of them satisfy the rule. */
    public static Gen<String> nearlyOrdinary() {
        return lists().of(integers().between(0, ORDINARY - 1)).ofSizeBetween(1, 8)
                .zip(integers().between(0, PIECES.size() - 1), integers().between(0, 8), (ix, piece, at) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < ix.size(); i++) {
                        if (i == Math.min(at, ix.size() - 1)) b.append(PIECES.get(piece));
                        b.append(PIECES.get(ix.get(i)));
                    }
                    return b.toString();
                });
    }

    @Test
    void theRuleAgreesWithAModelWrittenFromItsStatement() {
        qt().forAll(texts().mix(nearlyOrdinary()), integers().between(1, 40)).checkAssert((s, max) -> {
            for (TextRule rule : TextRule.values()) {
                assertThat(rule.check(s, max)).as("%s %s max %d", rule, codePoints(s), max).isEqualTo(model(rule, s, max));
            }
        });
    }

    @Test
    void requireThrowsExactlyWhenCheckFindsAProblemAndNamesTheParameterNotTheValue() {
        qt().forAll(texts(), integers().between(1, 40)).checkAssert((s, max) -> {
            for (TextRule rule : TextRule.values()) {
                Optional<TextRule.Problem> problem = rule.check(s, max);
                if (problem.isEmpty()) {
                    assertThat(rule.require(s, "field", max)).isSameAs(s);
                } else {
                    assertThatThrownBy(() -> rule.require(s, "field", max)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("field " + problem.get().english());
                }
            }
        });
    }

    @Test
    void everyIdTypeAcceptsExactlyWhatTheIdRuleAccepts() {
        qt().forAll(texts().mix(nearlyOrdinary())).checkAssert(s -> {
            accepts(s, TextRule.ID, 64, CaseId::new);
            accepts(s, TextRule.ID, 128, IdempotencyKey::new);
            accepts(s, TextRule.ID, 64, Resolution.BatchId::new);
            accepts(s, TextRule.ID, 64, UnitId::new);
            accepts(s, TextRule.ID, 64, OfficialId::new);
            accepts(s, TextRule.ID, 64, Actor::system);
        });
    }

    @Test
    void everyTextTypeAcceptsExactlyWhatItsKindAccepts() {
        qt().forAll(texts().mix(nearlyOrdinary())).checkAssert(s -> {
            accepts(s, TextRule.TEXT, FreeText.MAX_LENGTH, FreeText::new);
            accepts(s, TextRule.LINE, PersonName.MAX_LENGTH, PersonName::new);
            accepts(s, TextRule.LINE, Address.MAX_LENGTH, Address::new);
        });
    }

    @Test
    void anAcceptedIdHoldsOnlyVisibleCharactersOfTheBasicPlane() {
        // About one in five of these strings is an id (the inserted piece is an ordinary one).
        qt().forAll(nearlyOrdinary()).checkAssert(s -> {
            if (TextRule.ID.check(s, 64).isPresent()) return;
            assertThat(s.codePoints()).allSatisfy(cp -> {
                assertThat(cp).isLessThan(0x10000);
                assertThat(Character.isWhitespace(cp) || Character.isSpaceChar(cp)).isFalse();
                assertThat(Character.getType(cp)).isNotIn((int) Character.FORMAT, (int) Character.CONTROL,
                        (int) Character.PRIVATE_USE, (int) Character.SURROGATE);
            });
        });
    }

    @Test
    void theDefectsSeenAreRefusedWhereTheyEnter() {
        assertThatThrownBy(() -> new CaseId("E3\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value has an unpaired surrogate at position 3");
        assertThatThrownBy(() -> new IdempotencyKey("k\uDBFF")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdempotencyKey("k\u0000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value has a control character at position 2");
        assertThatThrownBy(() -> new CaseId("E6\u200B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value has an invisible format character at position 3");
        assertThatThrownBy(() -> new FreeText("\u00A0\u00A0")).hasMessage("value must not be blank");
        assertThatThrownBy(() -> new FreeText("\u200B\u200E\u202E")).hasMessage("value must not be blank");
        assertThatThrownBy(() -> new FreeText("x\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseId(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThat(new FreeText("第一行\r\n\t第二行").value()).contains("\t");
        assertThatThrownBy(() -> new PersonName("张\n三")).hasMessage("value has a control character at position 2");
    }

    @Test
    void lengthsCountCodePoints() {
        String emoji = "\uD83D\uDE00";
        assertThat(new FreeText(emoji.repeat(FreeText.MAX_LENGTH)).value()).hasSize(2 * FreeText.MAX_LENGTH);
        assertThatThrownBy(() -> new FreeText(emoji.repeat(FreeText.MAX_LENGTH + 1)))
                .hasMessage("value must be at most " + FreeText.MAX_LENGTH + " characters");
        assertThat(new CaseId("信".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> new CaseId("信".repeat(65))).hasMessage("value must be at most 64 characters");
    }

    @Test
    void problemsSayWhereInBothLanguagesAndNeverWhat() {
        TextRule.Problem p = TextRule.ID.check("ab\u3000c", 64).orElseThrow();
        assertThat(p).isEqualTo(new TextRule.Problem(TextRule.Reason.WHITESPACE, 3, 64));
        assertThat(p.english()).isEqualTo("has whitespace at position 3");
        assertThat(p.chinese()).isEqualTo("第3个字符是空白字符");
        for (TextRule.Reason r : TextRule.Reason.values()) {
            TextRule.Problem q = new TextRule.Problem(r, 1, 10);
            assertThat(q.chinese()).doesNotContainPattern("[A-Za-z]");
            assertThat(q.english()).isNotBlank();
        }
    }

    private static <T> void accepts(String s, TextRule rule, int max, Function<String, T> constructor) {
        boolean valid = rule.check(s, max).isEmpty();
        if (valid) {
            assertThat(constructor.apply(s)).isNotNull();
        } else {
            assertThatThrownBy(() -> constructor.apply(s)).as("%s", codePoints(s)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ------------------------------------------------------------------ the model

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");
    private static final Pattern PRIVATE = Pattern.compile("\\p{Co}");
    /** Character.isWhitespace and isSpaceChar, as the rule states them: separators (Z*) and the ASCII/IS whitespace controls. */
    private static final Pattern SPACE = Pattern.compile("[\\p{Z}\\t\\n\\u000B\\f\\r\\u001C-\\u001F]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Z}\\t\\n\\u000B\\f\\r\\u001C-\\u001F\\p{Cf}]");

    static Optional<TextRule.Problem> model(TextRule rule, String s, int max) {
        int[] cps = s.codePoints().toArray();    // an unpaired surrogate comes out as itself
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            String c = new String(Character.toChars(cp));
            TextRule.Reason r = null;
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                r = TextRule.Reason.UNPAIRED_SURROGATE;
            } else if (CONTROL.matcher(c).matches() && !(rule == TextRule.TEXT && "\t\r\n".contains(c))) {
                r = TextRule.Reason.CONTROL;
            } else if (rule == TextRule.ID) {
                if (cp > 0xFFFF) r = TextRule.Reason.SUPPLEMENTARY;
                else if (SPACE.matcher(c).matches()) r = TextRule.Reason.WHITESPACE;
                else if (FORMAT.matcher(c).matches()) r = TextRule.Reason.FORMAT;
                else if (PRIVATE.matcher(c).matches()) r = TextRule.Reason.PRIVATE_USE;
            }
            if (r != null) return Optional.of(new TextRule.Problem(r, i + 1, max));
        }
        if (cps.length > max) return Optional.of(new TextRule.Problem(TextRule.Reason.TOO_LONG, 0, max));
        if (INVISIBLE.matcher(s).replaceAll("").isEmpty()) return Optional.of(new TextRule.Problem(TextRule.Reason.BLANK, 0, max));
        return Optional.empty();
    }

    static String codePoints(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp > 0x7E ? String.format("\\u%04X", cp) : Character.toString(cp)));
        return b.toString();
    }
}
