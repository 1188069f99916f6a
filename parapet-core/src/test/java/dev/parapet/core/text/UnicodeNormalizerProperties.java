package dev.parapet.core.text;

import dev.parapet.core.finding.Span;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the normaliser over arbitrary strings. */
class UnicodeNormalizerProperties {

    private static final UnicodeNormalizer NORMALIZER = new UnicodeNormalizer();

    /** Pieces that exercise every step: marks, invisibles, look-alikes, leet, separators, scripts, surrogates. */
    private static final List<String> PIECES = List.of("a", "b", "c", "s", "h", "i", "t", "k", "l", "e", "o", "A",
            "S", "I", "K", " ", " ", " ", ".", "-", "_", "|", "!", "@", "$", "*", "/", ",", "1", "3", "0", "5",
            "2", "7", "aaa", "sss", "...", "   ", "!!!", "\u0301", "\u0308", "\u0336", "\u20DD", "\u200B", "\u200D",
            "\uFE0F", "\u00AD", "\u202E", "\uDB40\uDC41", "\u0000", "\t", "\n", "\u0455", "\u04BB", "\u0456",
            "\u0442", "\u043E", "\u0430", "\u0441", "\u0436", "\u0440", "\u03B1", "\u03BF", "\u03BD", "\u03C3",
            "\u0451", "\u0439", "\u0131", "\u017F", "\u0251", "\u1D1B", "\u13AA", "\uAB70", "\u0915", "\u093F",
            "\u094D", "\u0902", "\u0E01", "\u0E48", "\u0E33", "\u1100", "\u1161", "\u11A8", "\uAC00", "\u4E2D",
            "\u3099", "\uFF76", "\uFF9E", "\uFF46", "\u2460", "\uFB01", "\u00DF", "\u0130", "\u01F0", "\u1FB3",
            "\u0345", "\u2126", "\u212B", "\u00A8", "\u00B4", "\u0654", "\u0627", "\u064E", "\u05D4", "\u05B8",
            "\u0F77", "\u0F73", "\u0CD5", "\u0BBE", "\u20AC", "\u00A3", "\u00A9", "\u00A1", "\u00B7", "\u2014",
            "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD835\uDC00", "\uD800", "\uDC00", "%41", "\\x41",
            "aGVsbG8gd29ybGQgdGhpcyBpcyBh", "68656c6c6f20776f726c64", "Ubj gb", "%68%6f%77");

    private static final List<String> ASCII_PIECES = List.of("a", "b", "s", "h", "i", "t", "k", "l", "A", "K",
            " ", " ", ".", "-", "_", "|", "!", "@", "$", "*", "1", "3", "0", "5", "2", "aaa", "...", "!!!", "\u0000",
            "\u007F", "\t", "\n", "%41", "aGVsbG8gd29ybGQgdGhpcyBpcyBh", "Ubj gb");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(30).map(l -> String.join("", l));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> both = Arbitraries.oneOf(pieces, anyChars).list().ofMaxSize(4)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(pieces, anyChars, both);
    }

    @Provide
    Arbitrary<String> asciiTexts() {
        Arbitrary<String> pieces = Arbitraries.of(ASCII_PIECES).list().ofMaxSize(30).map(l -> String.join("", l));
        return Arbitraries.oneOf(pieces, Arbitraries.strings().ascii().ofMaxLength(60));
    }

    @Property(tries = 2000)
    void neverThrowsAndKeepsTheOriginal(@ForAll("texts") String s) {
        AnalyzedText t = NORMALIZER.analyze(s);
        assertThat(t.original()).isSameAs(s);
        assertThat(t.payloads().size()).isLessThanOrEqualTo(UnicodeNormalizer.Limits.defaults().maxPayloads());
    }

    @Property(tries = 2000)
    void everyCharOfEveryViewMapsInsideTheOriginal(@ForAll("texts") String s) {
        AnalyzedText t = NORMALIZER.analyze(s);
        for (MappedText view : views(t)) {
            assertThat(view.originalLength()).isEqualTo(s.length());
            for (int i = 0; i < view.length(); i++) {
                assertThat(view.originalStart(i)).isBetween(0, view.originalEnd(i));
                assertThat(view.originalEnd(i)).isLessThanOrEqualTo(s.length());
                assertThat(view.runLength(i)).isPositive();
            }
        }
        for (Payload p : t.payloads()) {
            assertThat(p.source().end()).isLessThanOrEqualTo(s.length());
            for (int i = 0; i < p.text().length(); i++) {
                assertThat(p.text().originalStart(i)).isGreaterThanOrEqualTo(p.source().start());
                assertThat(p.text().originalEnd(i)).isLessThanOrEqualTo(p.source().end());
            }
        }
    }

    @Property(tries = 3000)
    void normalizedViewIsIdempotent(@ForAll("texts") String s) {
        String once = NORMALIZER.analyze(s).normalized().text();
        assertThat(NORMALIZER.analyze(once).normalized().text()).isEqualTo(once);
    }

    @Property(tries = 1000)
    void anyViewRangeMapsInsideTheOriginal(@ForAll("texts") String s) {
        AnalyzedText t = NORMALIZER.analyze(s);
        for (MappedText view : views(t)) {
            int n = view.length();
            for (int i = 0; i <= n; i++) {
                for (int j : new int[] {i, i + 1, i + 3, n}) {
                    if (j > n) {
                        continue;
                    }
                    Span span = view.toOriginal(i, j);
                    assertThat(span.end()).isLessThanOrEqualTo(s.length());
                    if (j > i) { // a non-empty range covers every char in it
                        for (int k = i; k < j; k++) {
                            assertThat(span.start()).isLessThanOrEqualTo(view.originalStart(k));
                            assertThat(span.end()).isGreaterThanOrEqualTo(view.originalEnd(k));
                        }
                    }
                }
            }
        }
    }

    @Property(tries = 2000)
    void asciiFastPathAgreesWithTheGeneralPath(@ForAll("asciiTexts") String s) {
        UnicodeNormalizer.Views fast = NORMALIZER.asciiViews(s);
        UnicodeNormalizer.Views general = NORMALIZER.unicodeViews(s);
        assertSameView(fast.nfkc(), general.nfkc());
        assertSameView(fast.normalized(), general.normalized());
    }

    private static void assertSameView(MappedText a, MappedText b) {
        assertThat(a.text()).isEqualTo(b.text());
        for (int i = 0; i < a.length(); i++) {
            assertThat(a.originalStart(i)).as("start of %d", i).isEqualTo(b.originalStart(i));
            assertThat(a.originalEnd(i)).as("end of %d", i).isEqualTo(b.originalEnd(i));
            assertThat(a.runLength(i)).as("run of %d", i).isEqualTo(b.runLength(i));
            assertThat(a.joined(i)).as("joined %d", i).isEqualTo(b.joined(i));
        }
    }

    private static List<MappedText> views(AnalyzedText t) {
        List<MappedText> views = new ArrayList<>(t.views());
        views.add(t.nfkc());
        return views;
    }
}
