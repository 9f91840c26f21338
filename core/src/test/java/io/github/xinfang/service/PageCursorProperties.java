package io.github.xinfang.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Cursors round-trip any keyset position (any Java string as a case id, any instant), and a cursor with one character
 * changed is refused naming {@code cursor}, or (a change in the unused low bits of the last character) decodes to the
 * very same position.
 */
class PageCursorProperties {

    @Test
    void aCursorRoundTripsItsPositionAndAChangedCursorIsRefused() {
        org.quicktheories.core.Gen<Instant> instants = longs().between(-31_557_014_167_219_200L, 31_556_889_864_403_199L)
                .zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
        qt().forAll(strings().allPossible().ofLengthBetween(1, 40), instants, integers().between(0, 6), integers().between(0, 10_000))
                .checkAssert((caseId, instant, listingNo, change) -> {
                    PageCursor.Listing listing = PageCursor.Listing.values()[listingNo];
                    Instant at = listing == PageCursor.Listing.ATTENTION ? instant : null;
                    String[] filters = {"unit-" + listingNo, null};
                    String cursor = PageCursor.encode(listing, filters, at, caseId);
                    assertThat(cursor).matches("[A-Za-z0-9_-]+");
                    PageCursor.Position p = PageCursor.decode(cursor, listing, filters);
                    assertThat(p).isEqualTo(new PageCursor.Position(at, caseId));

                    int i = change % cursor.length();
                    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                    char replacement = alphabet.charAt((alphabet.indexOf(cursor.charAt(i)) + 1 + change % 63) % 64);
                    String changed = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                    Throwable t = catchThrowable(() -> PageCursor.decode(changed, listing, filters));
                    if (t == null) {
                        assertThat(i).as("only the last character's unused bits may change unnoticed").isEqualTo(cursor.length() - 1);
                        assertThat(PageCursor.decode(changed, listing, filters)).isEqualTo(p);
                    } else {
                        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cursor");
                    }
                    for (String[] other : List.of(new String[] {"unit-" + listingNo}, new String[] {"unit-" + listingNo, ""},
                            new String[] {null, "unit-" + listingNo})) {
                        assertThat(catchThrowable(() -> PageCursor.decode(cursor, listing, other)))
                                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other filters");
                    }
                });
    }
}
