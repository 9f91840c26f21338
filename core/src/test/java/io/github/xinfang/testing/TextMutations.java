package io.github.xinfang.testing;

import org.quicktheories.core.Gen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Generators of damaged data files for the readers' properties: a valid file truncated, with characters deleted,
 * inserted, replaced or repeated, with JSON-ish tokens or very long runs spliced in, or plain garbage. A generated
 * text prints as its recipe and an excerpt, never in full (it may be megabytes long).
 */
public final class TextMutations {
    private TextMutations() {}

    /** Characters that matter to JSON and to the text formats, letters, digits, CJK, controls and lone surrogates. */
    private static final String PALETTE = "{}[]\",:.-+eE0123456789 \t\r\n\\/#truefalsn年元旦通知offworknoticeoverlay"
            + "\u0000\u0001\u001f\u007f\u00a0\u3000\ud800\udc00\ufeff\uffff";
    private static final List<String> TOKENS = List.of("null", "true", "false", "-1", "0", "1e999", "99999999999999999999",
            "1.5", "\"\"", "\" \"", "{}", "[]", "[", "]", "{", "}", ",", ":", "\"year\": 2030", "\"days\": []",
            "\"clocks\": []", "off 01-01..12-31", "work 2030-01-05", "notice 2030", "overlay 45", "\n", "#", "\"\\u0000\"",
            "\"\\ud800\"", "2030-02-30", "0000-01-01", "9999-12-31");
    private static final List<Integer> LONG_RUNS = List.of(1_001, 10_001, 70_000, 1_100_000);

    /** A damaged text: the text itself, and how it was made (for a readable failure report). */
    public record Damaged(String text, String recipe) {
        @Override
        public String toString() {
            String head = text.length() <= 200 ? text : text.substring(0, 200) + "…";
            return recipe + " -> " + text.length() + " chars: " + head.replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    /**
     * Reads a damaged text, which must be read or refused with the reader's own exception and nothing else.
     *
     * @param what    what is read, for the failure message
     * @param read    reads the text
     * @param refusal the reader's exception
     * @param refused checks a refusal (its message)
     * @return what was read, or null if it was refused
     */
    public static <T, X extends RuntimeException> T readOrRefused(String what, Supplier<T> read, Class<X> refusal,
                                                                  Consumer<X> refused) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (!refusal.isInstance(e)) {
                String message = what + ": neither read nor refused with a " + refusal.getSimpleName() + ": " + e;
                throw new AssertionError(message, e);
            }
            refused.accept(refusal.cast(e));
            return null;
        }
    }

    /**
     * @param bases valid files (or any texts) to start from
     * @return a base with 0 to 6 random damages, or, one time in six, plain garbage
     */
    public static Gen<Damaged> of(List<String> bases) {
        Gen<Integer> baseIndex = integers().between(0, bases.size() - 1);
        return in -> {
            if (integers().between(0, 5).generate(in) == 0) {
                int length = integers().between(0, 300).generate(in);
                StringBuilder g = new StringBuilder(length);
                for (int i = 0; i < length; i++) g.append(PALETTE.charAt(integers().between(0, PALETTE.length() - 1).generate(in)));
                return new Damaged(g.toString(), "garbage");
            }
            int b = baseIndex.generate(in);
            StringBuilder sb = new StringBuilder(bases.get(b));
            List<String> recipe = new ArrayList<>();
            recipe.add("base " + b);
            int damages = integers().between(0, 6).generate(in);
            for (int i = 0; i < damages; i++) {
                int at = integers().between(0, sb.length()).generate(in);
                char c = PALETTE.charAt(integers().between(0, PALETTE.length() - 1).generate(in));
                switch (integers().between(0, 6).generate(in)) {
                    case 0:
                        sb.setLength(at);
                        recipe.add("truncate@" + at);
                        break;
                    case 1:
                        if (at < sb.length()) sb.deleteCharAt(at);
                        recipe.add("delete@" + at);
                        break;
                    case 2:
                        sb.insert(at, c);
                        recipe.add("insert@" + at + "=U+" + Integer.toHexString(c));
                        break;
                    case 3:
                        if (at < sb.length()) sb.setCharAt(at, c);
                        recipe.add("replace@" + at + "=U+" + Integer.toHexString(c));
                        break;
                    case 4: {
                        int to = Math.min(sb.length(), at + integers().between(1, 400).generate(in));
                        String slice = sb.substring(at, to);
                        int times = integers().between(1, 50).generate(in);
                        sb.insert(at, slice.repeat(times));
                        recipe.add("repeat@" + at + "x" + times + "(" + slice.length() + ")");
                        break;
                    }
                    case 5: {
                        int length = arbitrary().pick(LONG_RUNS).generate(in);
                        sb.insert(at, String.valueOf(c).repeat(length));
                        recipe.add("run@" + at + "=U+" + Integer.toHexString(c) + "x" + length);
                        break;
                    }
                    default: {
                        String token = arbitrary().pick(TOKENS).generate(in);
                        sb.insert(at, token);
                        recipe.add("token@" + at + "=" + token.replace("\n", "\\n"));
                        break;
                    }
                }
            }
            return new Damaged(sb.toString(), String.join(" ", recipe));
        };
    }

    /**
     * @param path a classpath resource, absolute
     * @return its text, UTF-8
     */
    public static String resource(String path) {
        try (InputStream in = TextMutations.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
