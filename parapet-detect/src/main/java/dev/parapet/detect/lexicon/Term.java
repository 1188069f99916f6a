package dev.parapet.detect.lexicon;

import java.util.Objects;

/**
 * One lexicon entry.
 *
 * @param text     the term as written (without the {@code *} boundary markers of the file syntax)
 * @param language BCP 47 language tag of the term (e.g. {@code en}, {@code hi}, {@code zh})
 * @param category canonical category id (e.g. {@code profanity}, {@code hate})
 * @param severity 1 (mild or ambiguous), 2 (offensive), 3 (severe)
 * @param boundary where the term must meet a word boundary
 * @param origin   where it was defined ({@code file:line}), for error messages
 */
public record Term(String text, String language, String category, int severity, Boundary boundary, String origin) {

    /**
     * Where a term must start and end at a word boundary, in scripts written with spaces. In scripts
     * written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) terms match anywhere, and Hangul
     * terms may take suffixes, whatever the mode.
     */
    public enum Boundary {
        /** A whole word or phrase: {@code term}. */
        WORD(true, true),
        /** A stem that may take endings (inflected languages): {@code term*}. */
        PREFIX(true, false),
        /** The end of a compound: {@code *term}. */
        SUFFIX(false, true),
        /** Anywhere inside a word: {@code *term*}. */
        ANYWHERE(false, false);

        private final boolean start;
        private final boolean end;

        Boundary(boolean start, boolean end) {
            this.start = start;
            this.end = end;
        }

        /** True when the term must start at a word boundary. */
        public boolean atStart() {
            return start;
        }

        /** True when the term must end at a word boundary. */
        public boolean atEnd() {
            return end;
        }

        static Boundary of(boolean atStart, boolean atEnd) {
            return atStart ? (atEnd ? WORD : PREFIX) : (atEnd ? SUFFIX : ANYWHERE);
        }
    }

    public Term {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(boundary, "boundary");
        origin = origin == null ? "" : origin;
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty term" + (origin.isEmpty() ? "" : " at " + origin));
        }
        if (severity < 1 || severity > 3) {
            throw new IllegalArgumentException("severity must be 1, 2 or 3, was " + severity);
        }
    }

    /** A whole-word term. */
    public static Term of(String text, String language, String category, int severity) {
        return new Term(text, language, category, severity, Boundary.WORD, "");
    }

    /** The finding score for this term's severity: 1 → 0.6, 2 → 0.8, 3 → 0.95. */
    public double score() {
        return switch (severity) {
            case 1 -> 0.6;
            case 2 -> 0.8;
            default -> 0.95;
        };
    }

    /** The term in file syntax: {@code *} marks where no word boundary is needed. */
    @Override
    public String toString() {
        return (boundary.atStart() ? "" : "*") + text + (boundary.atEnd() ? "" : "*");
    }
}
