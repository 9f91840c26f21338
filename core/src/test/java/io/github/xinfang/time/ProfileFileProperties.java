package io.github.xinfang.time;

import io.github.xinfang.testing.TextMutations;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * A profile file a portal loads, however damaged (truncated, mutated, padded with megabytes, or garbage), is
 * either read into a valid profile or refused with a {@link ProfileCatalogue.ProfileDataException} with a short message; no other
 * exception escapes (issue 11, item 5: a 1 MB id used to escape as a NullPointerException).
 */
class ProfileFileProperties {
    private static final String FOLDER = "/io/github/xinfang/time/profiles/";

    private static List<String> shippedTexts() {
        List<String> texts = new ArrayList<>();
        for (String line : TextMutations.resource(FOLDER + "index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) texts.add(TextMutations.resource(FOLDER + name));
        }
        return texts;
    }

    @Test
    void aDamagedProfileFileIsReadOrRefusedWithAProfileDataExceptionAndNothingElse() {
        qt().forAll(TextMutations.of(shippedTexts())).checkAssert(damaged -> {
            Profile p = TextMutations.readOrRefused("profile file",
                    () -> ProfileCatalogue.read(new StringReader(damaged.text()), "fuzz.json"), ProfileCatalogue.ProfileDataException.class,
                    e -> assertThat(e.getMessage()).startsWith("profile data fuzz.json: ").hasSizeLessThan(300));
            if (p == null) return;
            assertThat(p.id()).isNotBlank().hasSizeLessThanOrEqualTo(64);
            assertThat(p.name()).hasSizeLessThanOrEqualTo(200);
            for (Profile.ClockRule r : p.clocks()) {
                assertThat(r.limit().length()).isPositive();
                assertThat(r.warnDays()).isLessThan(r.limit().length());
            }
        });
    }
}
