package dev.parapet.detect.lexicon;

import dev.parapet.core.detect.Deadline;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.UnicodeNormalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dense-table pre-check of the lexicon's plain-text screen never hides a match: whenever the full
 * check ({@link LexiconMatcher#verifiedMatchPlain}) finds a term in a plain lower-case text, the pre-check
 * ({@link LexiconMatcher#mayHoldTerm}) says it may. Texts are built from the shipped terms themselves,
 * cut, masked, stretched and glued to other words.
 */
class PlainScreenTest {

    private static final Lexicon LEXICON = LexiconLoader.shipped();
    private static final UnicodeNormalizer NORMALIZER = new UnicodeNormalizer();
    private static final LexiconMatcher MATCHER = new LexiconMatcher(LEXICON, NORMALIZER);
    private static final List<String> ASCII_TERMS = asciiTerms();

    @Example
    void theShippedLexiconsFitTheDenseTable() {
        // Without it every plain text takes the automaton's slow path: a lexicon that grows past the table's cap
        // (long phrases cost the most states) must be trimmed or the cap weighed again.
        assertThat(MATCHER.hasPlainTable()).isTrue();
    }

    @Property(tries = 3000)
    void thePreCheckIsANecessaryCondition(@ForAll("termText") String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean found = MATCHER.verifiedMatchPlain(lower);
        Statistics.label("a term found").collect(found);
        if (found) {
            assertThat(MATCHER.mayHoldTerm(lower)).as(lower).isTrue();
        }
        assertThat(MATCHER.mayMatchPlain(lower, false)).as(lower).isEqualTo(found);
    }

    /**
     * As the screen is asked: with the normaliser's view of a plain text, which may squeeze runs ("asss" to "as"),
     * it never hides a term that the matcher finds in that analysis (run lengths and all).
     */
    @Property(tries = 3000)
    void theScreenOnTheNormalisersViewIsANecessaryCondition(@ForAll("termText") String text) {
        AnalyzedText plain = NORMALIZER.plainAnalysis(text);
        Assume.that(plain != null);
        boolean found = !MATCHER.find(plain.normalized(), text, Deadline.none()).isEmpty();
        Statistics.label("a term found").collect(found);
        Statistics.label("the view squeezed").collect(plain.normalized().length() != text.length());
        if (found) {
            assertThat(MATCHER.mayMatchPlain(text, plain.normalized().text())).as(text).isTrue();
        }
    }

    @Example
    void runsTheViewSqueezesAreReadFromTheText() {
        for (String text : new String[]{"kiss my asss", "this is shiiit", "fuuuck you", "ASSS www.example.com"}) {
            String view = NORMALIZER.plainViewText(text);
            assertThat(view).as(text).isNotNull().hasSizeLessThan(text.length());
            assertThat(MATCHER.mayMatchPlain(text, view)).as(text).isTrue();
        }
        assertThat(MATCHER.mayMatchPlain("see www.example.com", NORMALIZER.plainViewText("see www.example.com"))).isFalse();
    }

    @Property(tries = 500)
    void anyAsciiText(@ForAll("ascii") String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(MATCHER.mayMatchPlain(lower, false)).as(lower).isEqualTo(MATCHER.verifiedMatchPlain(lower));
    }

    @Example
    void everyShippedAsciiTermAloneAndInAProse() {
        assertThat(ASCII_TERMS).hasSizeGreaterThan(200);
        for (String term : ASCII_TERMS) {
            for (String text : new String[]{term, "so " + term + ", ok", term + "s", "x" + term, "(" + term + ")"}) {
                String lower = text.toLowerCase(Locale.ROOT);
                assertThat(MATCHER.mayMatchPlain(lower, false)).as(lower).isEqualTo(MATCHER.verifiedMatchPlain(lower));
            }
        }
        assertThat(MATCHER.mayMatchPlain("this is shit", false)).isTrue();
        assertThat(MATCHER.mayMatchPlain("assess the class", false)).isFalse();
    }

    @Example
    void aLongTextOfOneChar() {
        String lower = "a".repeat(100_000) + " shit " + "-".repeat(100_000);
        assertThat(MATCHER.mayHoldTerm(lower)).isTrue();
        assertThat(MATCHER.mayMatchPlain("s".repeat(200_000), false)).isEqualTo(MATCHER.verifiedMatchPlain("s".repeat(200_000)));
    }

    @Provide
    Arbitrary<String> termText() {
        Arbitrary<String> term = Arbitraries.of(ASCII_TERMS);
        Arbitrary<String> changed = term.flatMap(t -> Arbitraries.integers().between(0, 6).flatMap(how ->
                Arbitraries.integers().between(0, Math.max(0, t.length() - 1)).map(at -> change(t, how, at))));
        Arbitrary<String> word = Arbitraries.oneOf(changed, term,
                Arbitraries.of("the", "class", "assess", "pass", "Scunthorpe", "a", "is", "of", "hello", "s", "es"),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz*#$@!'").ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> sep = Arbitraries.of(" ", " ", "", "-", "_", "\n", ", ", ".", "'", "  ", "*", "\t", "...", "   ");
        return word.list().ofMaxSize(10).flatMap(words -> sep.list().ofSize(words.size()).map(seps -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                b.append(words.get(i)).append(seps.get(i));
            }
            return b.toString();
        }));
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().ascii().ofMaxLength(200);
    }

    /** A term cut, stretched, masked or glued, at {@code at}. */
    private static String change(String t, int how, int at) {
        return switch (how) {
            case 0 -> t.substring(0, at) + t.charAt(at) + t.substring(at);     // a letter doubled
            case 1 -> t.substring(0, at) + "*" + t.substring(Math.min(t.length(), at + 1)); // masked
            case 2 -> t.substring(0, at) + t.substring(at).repeat(2);
            case 3 -> t.substring(0, at) + " " + t.substring(at);              // split
            case 4 -> t.substring(0, at) + String.valueOf(t.charAt(at)).repeat(4) + t.substring(at + 1);
            case 5 -> t.substring(at);
            default -> t.toUpperCase(Locale.ROOT);
        };
    }

    private static List<String> asciiTerms() {
        List<String> out = new ArrayList<>();
        for (Term t : LEXICON.terms()) {
            if (t.text().chars().allMatch(c -> c < 128)) {
                out.add(t.text());
            }
        }
        return out;
    }
}
