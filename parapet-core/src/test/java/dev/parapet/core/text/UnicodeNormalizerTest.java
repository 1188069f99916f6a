package dev.parapet.core.text;

import dev.parapet.core.finding.Span;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each normalisation step, with exact views and exact original spans. */
class UnicodeNormalizerTest {

    private final UnicodeNormalizer normalizer = new UnicodeNormalizer();

    /** The original characters behind the first occurrence of {@code word} in the normalised view. */
    private static String originalOf(AnalyzedText analyzed, String word) {
        return spanOf(analyzed, word).of(analyzed.original());
    }

    private static Span spanOf(AnalyzedText analyzed, String word) {
        int at = analyzed.normalized().text().indexOf(word);
        assertThat(at).as("'%s' in '%s'", word, analyzed.normalized().text()).isGreaterThanOrEqualTo(0);
        return analyzed.normalized().toOriginal(at, at + word.length());
    }

    @Test
    void spanOfAnObfuscatedWordIsExactlyItsOriginalCharacters() {
        AnalyzedText t = normalizer.analyze("I said \u0455\u200Bh1t!");
        assertThat(t.nfkc().text()).isEqualTo("I said \u0455h1t!");
        assertThat(t.normalized().text()).isEqualTo("i said shit!");
        assertThat(spanOf(t, "shit")).isEqualTo(new Span(7, 12));
        assertThat(originalOf(t, "shit")).isEqualTo("\u0455\u200Bh1t");
        assertThat(originalOf(t, "said")).isEqualTo("said");
    }

    @Nested
    class NfkcView {

        @Test
        void removesInvisibleCharactersAndKeepsWhitespace() {
            String original = "a\u200Bb\u00ADc\u202Ed\uFE0Fe\uDB40\uDC41f\u2060g\u200D\u200Ch \t\n\r i";
            AnalyzedText t = normalizer.analyze(original);
            assertThat(t.nfkc().text()).isEqualTo("abcdefgh \t\n\r i");
            assertThat(t.nfkc().toOriginal(0, 3)).isEqualTo(new Span(0, 5)); // "abc" still covers what was hidden
        }

        @Test
        void removesControlCharactersButNotWhitespace() {
            AnalyzedText t = normalizer.analyze("k\u0000i\u0007l\u001Fl\u007F \u000B\f");
            assertThat(t.nfkc().text()).isEqualTo("kill \u000B\f");
            assertThat(t.nfkc().originalStart(1)).isEqualTo(2);
        }

        @Test
        void appliesNfkcPerSegmentWithExactRanges() {
            AnalyzedText t = normalizer.analyze("\uFF26\uFF35\uFF23\uFF2B \uFB01ne \u2460 \u338F");
            assertThat(t.nfkc().text()).isEqualTo("FUCK fine 1 kg");
            MappedText v = t.nfkc();
            assertThat(v.toOriginal(5, 6)).isEqualTo(new Span(5, 6)); // "f" of the ligature
            assertThat(v.toOriginal(6, 7)).isEqualTo(new Span(5, 6)); // "i" of the ligature
            assertThat(v.toOriginal(7, 9)).isEqualTo(new Span(6, 8));
            assertThat(v.toOriginal(12, 14)).isEqualTo(new Span(11, 12)); // "kg" from one char
        }

        @Test
        void composesDecomposedLettersIntoOneCharCoveringBoth() {
            AnalyzedText t = normalizer.analyze("Cafe\u0301");
            assertThat(t.nfkc().text()).isEqualTo("Caf\u00E9");
            assertThat(t.nfkc().toOriginal(3, 4)).isEqualTo(new Span(3, 5));
        }

        @Test
        void keepsCaseLettersAndDigits() {
            String original = "Hello \u0412\u0430\u0441\u044F 42 \u03A9";
            assertThat(normalizer.analyze(original).nfkc().text()).isEqualTo(original);
            assertThat(normalizer.analyze(original).nfkc().isIdentity()).isTrue();
        }

        @Test
        void unpairedSurrogatesBecomeReplacementCharsWithTheirOwnOffsets() {
            AnalyzedText t = normalizer.analyze("a\uD800b\uDC00c\uD83D");
            assertThat(t.nfkc().text()).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
            assertThat(t.nfkc().toOriginal(1, 2)).isEqualTo(new Span(1, 2));
            assertThat(t.nfkc().toOriginal(5, 6)).isEqualTo(new Span(5, 6));
        }

        @Test
        void keepsWellFormedSurrogatePairs() {
            AnalyzedText t = normalizer.analyze("x\uD83D\uDE00y");
            assertThat(t.nfkc().text()).isEqualTo("x\uD83D\uDE00y");
        }
    }

    @Nested
    class CaseFolding {

        @Test
        void foldsCaseIncludingExpansions() {
            AnalyzedText t = normalizer.analyze("Stra\u00DFe \u0130stanbul \u0391\u0392\u0393");
            assertThat(t.normalized().text()).isEqualTo("strasse istanbul \u03B1\u03B2\u03B3");
            assertThat(t.normalized().toOriginal(4, 5)).isEqualTo(new Span(4, 5)); // both "s" of "ß"
            assertThat(t.normalized().toOriginal(5, 6)).isEqualTo(new Span(4, 5));
            assertThat(originalOf(t, "istanbul")).isEqualTo("\u0130stanbul");
        }
    }

    @Nested
    class Apostrophes {

        @Test
        void writesTypedApostrophesAsAsciiOnesCharForChar() {
            AnalyzedText t = normalizer.analyze("I\u2019ll \u2018go\u2019, \u0432\u0431\u02BC\u044E");
            assertThat(t.normalized().text()).isEqualTo("i'll 'go', \u0432\u0431'\u044E");
            assertThat(originalOf(t, "i'll")).isEqualTo("I\u2019ll");
            assertThat(originalOf(t, "\u0432\u0431'\u044E")).isEqualTo("\u0432\u0431\u02BC\u044E");
            // letters that only look like an apostrophe stay: Hebrew yod
            assertThat(normalizer.analyze("\u05D9\u05D5\u05DD").normalized().text()).isEqualTo("\u05D9\u05D5\u05DD");
        }
    }

    @Nested
    class TraditionalChinese {

        @Test
        void writesTraditionalCharactersAsSimplifiedOnesCharForChar() {
            AnalyzedText t = normalizer.analyze("他說：操你媽，頭髮");
            // (NFKC writes the full-width colon and comma as ASCII ones)
            assertThat(t.normalized().text()).isEqualTo("他说:操你妈,头发");
            assertThat(originalOf(t, "操你妈")).isEqualTo("操你媽");
            // Simplified text, kana and hangul stay as they are
            assertThat(normalizer.analyze("操你妈 ひらがな 한국어").normalized().text()).isEqualTo("操你妈 ひらがな 한국어");
        }

        @Test
        void aSupplementarySimplifiedFormLeavesTheCharAlone() {
            // ICU writes 噁 as a supplementary char: folding it would move every char after it
            AnalyzedText t = normalizer.analyze("噁心");
            assertThat(t.normalized().text()).isEqualTo("噁心");
            assertThat(normalizer.analyze(t.normalized().text()).normalized().text()).isEqualTo(t.normalized().text());
        }
    }

    @Nested
    class CombiningMarks {

        @Test
        void dropsMarksOnLatinGreekCyrillicAndArabicLetters() {
            assertThat(normalizer.analyze("sh\u00EFt").normalized().text()).isEqualTo("shit");
            assertThat(normalizer.analyze("s\u0308hit").normalized().text()).isEqualTo("shit");
            assertThat(normalizer.analyze("\u03AC\u03BB\u03C6\u03B1").normalized().text())
                    .isEqualTo("\u03B1\u03BB\u03C6\u03B1");
            assertThat(normalizer.analyze("\u0451\u0436").normalized().text()).isEqualTo("\u0435\u0436");
            assertThat(normalizer.analyze("\u0643\u064E\u062A\u064E\u0628\u064E").normalized().text())
                    .isEqualTo("\u0643\u062A\u0628");
        }

        @Test
        void theSpanOfAStrippedWordCoversItsMarks() {
            AnalyzedText t = normalizer.analyze("no s\u0308h\u0336it");
            assertThat(t.normalized().text()).isEqualTo("no shit");
            assertThat(originalOf(t, "shit")).isEqualTo("s\u0308h\u0336it");
        }

        @Test
        void keepsMarksThatSpellWordsInAbugidas() {
            String hindi = "\u0928\u092E\u0938\u094D\u0924\u0947";
            String thai = "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35";
            assertThat(normalizer.analyze(hindi).normalized().text()).isEqualTo(hindi);
            assertThat(normalizer.analyze(thai).normalized().text()).isEqualTo(thai);
        }

        @Test
        void boundsZalgoText() {
            String zalgo = "z" + "\u0301\u0316\u0337\u0360".repeat(2500) + "a";
            AnalyzedText t = normalizer.analyze(zalgo);
            assertThat(t.normalized().text()).isEqualTo("za");
            assertThat(t.nfkc().length()).isLessThanOrEqualTo(2 + UnicodeNormalizer.MAX_MARKS_BEFORE_NFKC);
            assertThat(t.normalized().toOriginal(0, 1)).isEqualTo(new Span(0, zalgo.length() - 1)); // all its marks
        }

        @Test
        void capsRunsOfMarksInAbugidas() {
            String marks = "\u093F\u0902\u0901\u0903\u0947\u0948\u094B\u094C\u0941\u0942";
            AnalyzedText t = normalizer.analyze("\u0915" + marks);
            assertThat(t.normalized().text()).isEqualTo("\u0915" + marks.substring(0, UnicodeNormalizer.MAX_MARKS));
        }
    }

    @Nested
    class Confusables {

        @Test
        void foldsOtherScriptsInAWordWithLatinLetters() {
            AnalyzedText t = normalizer.analyze("\u0455hit \u0440aypal");
            assertThat(t.normalized().text()).isEqualTo("shit paypal");
            assertThat(originalOf(t, "paypal")).isEqualTo("\u0440aypal");
        }

        @Test
        void foldsWholeScriptLookAlikes() {
            assertThat(normalizer.analyze("\u0405\u04BB\u0456\u0442").normalized().text()).isEqualTo("shit");
            assertThat(normalizer.analyze("\u0455\u04BB\u0456\u0442").normalized().text()).isEqualTo("shit");
        }

        @Test
        void leavesOrdinaryWordsOfOtherScriptsAlone() {
            assertThat(normalizer.analyze("\u041F\u0440\u0438\u0432\u0435\u0442 \u043C\u0438\u0440").normalized()
                    .text()).isEqualTo("\u043F\u0440\u0438\u0432\u0435\u0442 \u043C\u0438\u0440");
            assertThat(normalizer.analyze("\u03B3\u03B5\u03B9\u03B1 \u03BA\u03CC\u03C3\u03BC\u03B5").normalized()
                    .text()).isEqualTo("\u03B3\u03B5\u03B9\u03B1 \u03BA\u03BF\u03C3\u03BC\u03B5");
        }

        @Test
        void aRealWordMadeOnlyOfLookAlikesIsFoldedToo() {
            // Greek "σου": every letter looks Latin, so it folds, in lexicon terms and text alike.
            assertThat(normalizer.analyze("\u03C3\u03BF\u03C5").normalized().text()).isEqualTo("oou");
        }

        @Test
        void neverFoldsAsciiLetters() {
            assertThat(normalizer.analyze("mom rn l1I").normalized().text()).isEqualTo("mom rn lii");
            assertThat(normalizer.analyze("m\u00F6m").normalized().text()).isEqualTo("mom");
        }

        @Test
        void foldsLatinLookAlikeLetters() {
            // dotless i looks like "i"; long s is case folded to "s" before look-alikes are considered
            assertThat(normalizer.analyze("k\u0131ll \u017Fhit \u0261o").normalized().text())
                    .isEqualTo("kill shit go");
        }

        @Test
        void theRuleDependsOnlyOnTheWordSoTermsAndTextAgree() {
            String term = normalizer.analyze("\u0455\u04BB\u0456\u0442").normalized().text();
            AnalyzedText text = normalizer.analyze("you \u0455\u04BB\u0456\u0442, \u0432\u044B");
            assertThat(text.normalized().text()).contains(term);
        }
    }

    @Nested
    class Leetspeak {

        @Test
        void undoesLeetInWordsWithLetters() {
            AnalyzedText t = normalizer.analyze("sh1t a$$ h3ll0 5h!t he||o @ss n00b \u20ACvil");
            assertThat(t.normalized().text()).isEqualTo("shit ass hello shit hello ass noob evil");
            assertThat(originalOf(t, "hello")).isEqualTo("h3ll0");
        }

        @Test
        void leavesNumbersPricesAndPunctuationAlone() {
            AnalyzedText t = normalizer.analyze("In 2024 I paid $100 with card 4111 1111, hi! 3.14");
            assertThat(t.normalized().text()).isEqualTo("in 2024 i paid $100 with card 4111 1111, hi! 3.14");
        }
    }

    @Nested
    class SplitLetters {

        @Test
        void joinsLettersSplitBySeparators() {
            AnalyzedText t = normalizer.analyze("k.i.l.l them, k i l l, f-u-c-k, s|h|i|t, 5 h 1 t, b_i_t_c_h");
            assertThat(t.normalized().text()).isEqualTo("kill them, kill, fuck, shit, shit, bitch");
            assertThat(originalOf(t, "kill")).isEqualTo("k.i.l.l");
            assertThat(originalOf(t, "bitch")).isEqualTo("b_i_t_c_h");
        }

        @Test
        void marksJoinedCharsAsJoined() {
            MappedText v = normalizer.analyze("go k.i.l.l").normalized();
            assertThat(v.text()).isEqualTo("go kill");
            for (int i = 0; i < v.length(); i++) {
                assertThat(v.joined(i)).as("char %d", i).isEqualTo(i >= 3);
            }
        }

        @Test
        void leavesProseAlone() {
            assertThat(normalizer.analyze("I am a cat. Is it a b or a c? e.g. it is").normalized().text())
                    .isEqualTo("i am a cat. is it a b or a c? e.g. it is");
            assertThat(normalizer.analyze("a a a, x, y").normalized().text()).isEqualTo("a a a, x, y");
        }

        @Test
        void aLetterBeforeASplitWordDoesNotJoinIt() {
            assertThat(normalizer.analyze("a k.i.l.l").normalized().text()).isEqualTo("a kill");
            assertThat(normalizer.analyze("k i l l f-u-c-k").normalized().text()).isEqualTo("kill fuck");
            assertThat(normalizer.analyze("k.i.l.l k i l l").normalized().text()).isEqualTo("kill kill");
        }

        @Test
        void doesNotJoinHanKanaOrHangul() {
            String han = "\u4E2D \u6587 \u5B57";
            assertThat(normalizer.analyze(han).normalized().text()).isEqualTo(han);
        }

        @Test
        void joinsLettersOfOtherScripts() {
            assertThat(normalizer.analyze("\u0431.\u043B.\u044F").normalized().text()).isEqualTo("\u0431\u043B\u044F");
        }
    }

    @Nested
    class Repeats {

        @Test
        void squeezesRunsOfThreeOrMoreKeepingTheRunLength() {
            AnalyzedText t = normalizer.analyze("fuuuuuck!!!! kill");
            MappedText v = t.normalized();
            assertThat(v.text()).isEqualTo("fuck! kill");
            assertThat(v.runLength(1)).isEqualTo(5);
            assertThat(v.toOriginal(1, 2)).isEqualTo(new Span(1, 6));
            assertThat(v.runLength(0)).isEqualTo(1);
            assertThat(v.runLength(4)).isEqualTo(4);
            assertThat(v.runLength(8)).isEqualTo(1); // "ll" is a double: untouched
            assertThat(originalOf(t, "fuck")).isEqualTo("fuuuuuck");
        }

        @Test
        void leavesDigitsAlone() {
            assertThat(normalizer.analyze("1000 people").normalized().text()).isEqualTo("1000 people");
        }

        @Test
        void squeezesSupplementaryCodePoints() {
            MappedText v = normalizer.analyze("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00").normalized();
            assertThat(v.text()).isEqualTo("\uD83D\uDE00");
            assertThat(v.runLength(0)).isEqualTo(3);
            assertThat(v.runLength(1)).isEqualTo(3);
        }
    }

    @Nested
    class FastPath {

        @Test
        void plainLowercaseAsciiIsReturnedAsItself() {
            AnalyzedText t = normalizer.analyze("hello world, how are you?");
            assertThat(t.isPlain()).isTrue();
            assertThat(t.normalized()).isSameAs(t.nfkc());
        }

        @Test
        void asciiNeedingOnlyFoldingKeepsAnIdentityNfkcView() {
            AnalyzedText t = normalizer.analyze("Hello W0rld");
            assertThat(t.nfkc().isIdentity()).isTrue();
            assertThat(t.normalized().text()).isEqualTo("hello world");
            assertThat(t.normalized().isIdentity()).isFalse();
        }

        @Test
        void asciiAndGeneralPathsAgree() {
            String s = "Hey Y0U, k.i.l.l the $$$ sh1t!!! \u0001 NOW   ok";
            UnicodeNormalizer.Views ascii = normalizer.asciiViews(s);
            UnicodeNormalizer.Views general = normalizer.unicodeViews(s);
            assertThat(ascii.nfkc().text()).isEqualTo(general.nfkc().text());
            assertThat(ascii.normalized().text()).isEqualTo(general.normalized().text());
        }
    }

    @Test
    void isIdempotentOnExamples() {
        for (String s : new String[] {"I said \u0455\u200Bh1t!", "k i l l f-u-c-k", "a.a.a b c", "aaa b c",
                "1 2 a b 3!x", "\u0441\u04361", "Stra\u00DFe", "fuuuuck"}) {
            String once = normalizer.analyze(s).normalized().text();
            assertThat(normalizer.analyze(once).normalized().text()).as(s).isEqualTo(once);
        }
    }
}
