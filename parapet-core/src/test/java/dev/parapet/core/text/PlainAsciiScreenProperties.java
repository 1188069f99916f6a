package dev.parapet.core.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UnicodeNormalizer#isPlain} never says "plain" about a text that the normaliser changes, and
 * {@link UnicodeNormalizer#plainView} never gives a view other than the normaliser's, nor one that is not
 * char for char.
 */
class PlainAsciiScreenProperties {

    private final UnicodeNormalizer normalizer = new UnicodeNormalizer();

    /** Every fast-path answer about a string is the normaliser's own: "plain", the view, the analysis. */
    @Property(tries = 1000)
    void anyStringsFastPathAnswersAreTheNormalisersOwn(@ForAll String text) {
        assertFastPathAnswers(text);
    }

    @Property(tries = 4000)
    void asciiTextsFastPathAnswersAreTheNormalisersOwn(@ForAll("asciiText") String text) {
        assertFastPathAnswers(text);
    }

    private void assertFastPathAnswers(String text) {
        assertPlainIfSaid(text);
        assertViewIfGiven(text);
        assertAnalysisIfGiven(text);
    }

    @Example
    void ordinaryProseIsPlainAndTriggersAreNot() {
        assertThat(normalizer.isPlain("What is the capital of France? Name 2 rivers, 6 cities.")).isTrue();
        assertThat(normalizer.isPlain("")).isTrue();
        for (String s : new String[]{"sh1t", "a$$", "k i l l", "k.i.l.l", "fuuuck", "Wait...", "caf\u00e9",
                "zero\u200Bwidth", "aGVsbG8gd29ybGQgaGVsbG8=", "68 65 6c 6c 6f 20 77 6f 72 6c 64", "%66%75%63%6b",
                "gur png vf ba gur zng", "tab\u0007bell", "sh!t", "he||o", "?drowssap eht si tahW",
                ".-- .... .- - / .. ...", "01001000 01101001 00100001 00100001"}) {
            assertThat(normalizer.isPlain(s)).as(s).isFalse();
        }
    }

    @Example
    void longHostileInputsAreAnsweredInOnePass() {
        assertThat(normalizer.isPlain("hello world ".repeat(100_000))).isTrue();
        assertThat(normalizer.isPlain("a b ".repeat(100_000))).isFalse();
        assertThat(normalizer.isPlain("x".repeat(100_000))).isFalse();
    }

    @Example
    void leetWordsGetTheirView() {
        assertThat(normalizer.plainView("Life in the 1920s, 5th Avenue")).isEqualTo("life in the ig2os, sth avenue");
        assertThat(normalizer.plainView("What is 2+2?")).isEqualTo("what is 2+2?");
        for (String s : new String[]{"h000", "s h 1 t", "sh1t sh1t", "4 4 a", "caf\u00e9 1st", "1st k i l l"}) {
            assertViewIfGiven(s);
        }
        assertThat(normalizer.plainView("h000 w")).isNull(); // "hooo" is squeezed
        assertThat(normalizer.plainView("k i l l 1st")).isNull();
    }

    @Example
    void indentedTextAndRepeatsAreAnalysedWithTheirRunsSqueezed() {
        String code = "def f(x):\n    return x\n\n\nprint(f(2))";
        AnalyzedText a = normalizer.plainAnalysis(code);
        assertThat(a).isNotNull();
        assertThat(a.normalized().text()).isEqualTo("def f(x):\n return x\nprint(f(2))");
        assertThat(normalizer.plainView(code)).isNull(); // not char for char
        assertAnalysisIfGiven(code);
        for (String s : new String[]{"k   i   l   l", "fuuuck   you", "a\n\n\nb c", "wait...   ok",
                "see https://www.example.com", "sooo GOOOD", "```python\nx = 1\n```", "sh1t...", "WwW.x"}) {
            assertAnalysisIfGiven(s);
        }
        assertThat(normalizer.plainAnalysis("k   i   l   l")).isNull(); // letters written apart
        assertThat(normalizer.plainViewText("wait...   ok")).isEqualTo("wait. ok");
        assertThat(normalizer.plainViewText("see https://www.example.com")).isEqualTo("see https://w.example.com");
        assertThat(normalizer.plainAnalysis("fuuuck   you").normalized().runLength(1)).isEqualTo(3);
        assertThat(normalizer.plainAnalysis("sh1t...")).isNull(); // leetspeak, and a run that is not whitespace
    }

    /**
     * When {@code plainAnalysis} answers, its analysis is {@code analyze}'s, offsets, runs and joins included, and
     * {@code plainViewText} is its view's text (null when it does not answer).
     */
    private void assertAnalysisIfGiven(String text) {
        AnalyzedText p = normalizer.plainAnalysis(text);
        assertThat(normalizer.plainViewText(text)).as("view text of %s", text)
                .isEqualTo(p == null ? null : p.normalized().text());
        if (p == null) {
            return;
        }
        AnalyzedText a = normalizer.analyze(text);
        assertThat(a.payloads()).as("payloads of %s", text).isEmpty();
        assertThat(p.payloads()).isEmpty();
        assertThat(p.nfkc().text()).isEqualTo(a.nfkc().text()).isEqualTo(text);
        for (MappedText[] views : new MappedText[][]{{p.nfkc(), a.nfkc()}, {p.normalized(), a.normalized()}}) {
            MappedText got = views[0];
            MappedText want = views[1];
            assertThat(got.text()).as("view of %s", text).isEqualTo(want.text());
            for (int i = 0; i < want.length(); i++) {
                assertThat(got.originalStart(i)).as("start %d of %s", i, text).isEqualTo(want.originalStart(i));
                assertThat(got.originalEnd(i)).as("end %d of %s", i, text).isEqualTo(want.originalEnd(i));
                assertThat(got.runLength(i)).as("run %d of %s", i, text).isEqualTo(want.runLength(i));
                assertThat(got.joined(i)).as("joined %d of %s", i, text).isEqualTo(want.joined(i));
            }
        }
    }

    private void assertViewIfGiven(String text) {
        String view = normalizer.plainView(text);
        if (view == null) {
            return;
        }
        AnalyzedText a = normalizer.analyze(text);
        assertThat(a.nfkc().isIdentity()).as("nfkc of %s", text).isTrue();
        assertThat(a.payloads()).as("payloads of %s", text).isEmpty();
        MappedText n = a.normalized();
        assertThat(n.text()).as("normalised %s", text).isEqualTo(view);
        for (int i = 0; i < n.length(); i++) {
            assertThat(n.runLength(i)).isEqualTo(1);
            assertThat(n.joined(i)).isFalse();
            assertThat(n.originalStart(i)).isEqualTo(i);
            assertThat(n.originalEnd(i)).isEqualTo(i + 1);
        }
    }

    private void assertPlainIfSaid(String text) {
        if (!normalizer.isPlain(text)) {
            return;
        }
        AnalyzedText a = normalizer.analyze(text);
        assertThat(a.nfkc().isIdentity()).as("nfkc of %s", text).isTrue();
        assertThat(a.payloads()).as("payloads of %s", text).isEmpty();
        MappedText n = a.normalized();
        assertThat(n.text()).as("normalised %s", text).isEqualTo(lowerAscii(text));
        for (int i = 0; i < n.length(); i++) {
            assertThat(n.runLength(i)).isEqualTo(1);
            assertThat(n.joined(i)).isFalse();
            assertThat(n.originalStart(i)).isEqualTo(i);
            assertThat(n.originalEnd(i)).isEqualTo(i + 1);
        }
    }

    private static String lowerAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c);
        }
        return b.toString();
    }

    /** ASCII text built from words, leet, spaced letters, repeats, encodings and separators. */
    @Provide
    Arbitrary<String> asciiText() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("the", "a", "I", "hello", "World", "class", "assess", "ok", "no", "gur", "naq",
                        "be", "dead", "beef", "cafe", "ad", "fade", "x", "0x", "\\x", "AKIA", "2018", "1000",
                        "1920s", "5th", "h3llo", "sh1t", "a$$", "h00", "0o", "m00o", "12ft", "4", "s", "t"),
                // runs the squeeze step makes one
                Arbitraries.of("www", "WWW.", "sooo", "gurrr", "aaa", "ttthe", "...", "```", "===", "!!!", "fuuuck",
                        "kkk", "zzz", "ssss", "eeeht", "...---...", "000", "xxx1"),
                Arbitraries.strings().withChars("abcdefXYZ0123456789@$!|%+/=_-:.*").ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(2).ofMaxLength(20),
                // Payloads that decode, so that texts holding one (or several, of different encodings) reach the
                // decoders the proof asks: it must never call such a text plain.
                Arbitraries.of("aGVsbG8gd29ybGQgaGVsbG8=", "ZnVjayB5b3UgZnVjayB5b3U", "c2hpdCBzaGl0IHNoaXQ",
                        "%66%75%63%6b", "%68%65%6c%6c%6f", "68656c6c6f20776f726c64", "\\x68\\x65\\x6c\\x6c\\x6f\\x20\\x77\\x6f",
                        "gur png vf ba gur zng", "uryyb jbeyq naq gur", "?drowssap eht si tahW", "ti od ot woh",
                        ".-- .... .- - / .. ...", "- .... . / -.- . -.--", "01001000 01101001 00100001 00100001",
                        "01101000011010010110100001101001", ".-", "-", "."));
        Arbitrary<String> sep = Arbitraries.of(" ", "  ", ", ", ".", "-", "_", "\n", "\t", "", "|", "*", ":", " - ",
                "   ", "\n\n\n", "\n    ", "\t\t\t", " \n\n\n ", "... ", "***", "---", "...");
        return Arbitraries.lazy(() -> word).list().ofMaxSize(14)
                .flatMap(words -> sep.list().ofSize(words.size()).map(seps -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        b.append(words.get(i)).append(seps.get(i));
                    }
                    return b.toString();
                }));
    }
}
