package io.github.xinfang.petition;

/** Masking rules shared by the personal-data values. Stateless. */
final class Masking {
    private Masking() {}

    /** Keeps the first code point and replaces the rest with one star each, e.g. 张三丰 → 张**. */
    static String keepFirst(String s) {
        int n = s.codePointCount(0, s.length());
        if (n == 0) return "";
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(first).append("*".repeat(n - 1)).toString();
    }

    /** Keeps {@code head} leading and {@code tail} trailing characters, e.g. 4401**********1234. */
    static String keepEnds(String s, int head, int tail) {
        if (s.length() <= head + tail) return "*".repeat(s.length());
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
