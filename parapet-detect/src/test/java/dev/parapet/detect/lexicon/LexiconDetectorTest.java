package dev.parapet.detect.lexicon;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.DetectorTimeoutException;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;
import dev.parapet.core.text.Payload;
import dev.parapet.core.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconDetectorTest {

    private static final TextNormalizer NORMALIZER = new LowercaseNormalizer();

    private static final String LEXICON = String.join("\n",
            "# a small lexicon for tests",
            "fuck*\tprofanity\t2\ten",
            "motherfucker\tprofanity\t3\ten",
            "shit\tprofanity\t2\ten",
            "ass\tprofanity\t1\ten",
            "asses\tprofanity\t1\ten",
            "asshole\tprofanity\t2\ten",
            "bitch\tprofanity\t2\ten",
            "cock\tsexual_content\t1\ten",
            "cunt\tprofanity\t3\ten",
            "kill myself\tsuicide_self_harm\t3\ten",
            "kill\tviolent_crimes\t1\ten",
            "slurword\thate\t3\ten",
            "пизд*\tprofanity\t3\tru",
            "хуй\tprofanity\t3\tru",
            "coño\tprofanity\t2\tes",
            "*scheiße\tprofanity\t2\tde",
            "傻逼\tprofanity\t3\tzh",
            "씨발\tprofanity\t3\tko",
            "cocktail\tallow",
            "scunthorpe\tallow");

    private static final LexiconDetector DETECTOR = LexiconDetector.of(
            LexiconLoader.canonical().readTsv("test.tsv", LEXICON), NORMALIZER);

    private static List<Finding> find(String text) {
        return find(NORMALIZER.analyze(text));
    }

    private static List<Finding> find(AnalyzedText text) {
        return DETECTOR.detect(Content.user(text.original()), text, Deadline.none());
    }

    /** What {@code detector}, built on a lexicon of its own, finds in a user's {@code text}. */
    private static List<Finding> find(LexiconDetector detector, String text) {
        return detector.detect(Content.user(text), NORMALIZER.analyze(text), Deadline.none());
    }

    private static List<String> matched(String text) {
        return find(text).stream().map(f -> f.span().orElseThrow().of(text)).toList();
    }

    @Test
    void describesItself() {
        assertThat(DETECTOR.id()).isEqualTo("lexicon");
        assertThat(DETECTOR.cost()).isEqualTo(Cost.RULE);
        assertThat(DETECTOR.categories()).containsExactlyInAnyOrder("profanity", "sexual_content",
                "suicide_self_harm", "violent_crimes", "hate");
    }

    @Test
    void findsWholeWordsWithCategoryScoreLabelAndSpan() {
        List<Finding> found = find("Well, SHIT happens.");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("profanity");
            assertThat(f.score()).isEqualTo(0.8);
            assertThat(f.span()).contains(new Span(6, 10));
            assertThat(f.detector()).isEqualTo("lexicon");
            assertThat(f.label()).isEqualTo("profanity");
            assertThat(f.evidence()).isEqualTo("lexicon term (en, severity 2)");
        });
        assertThat(find("a slurword here")).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("slur");
            assertThat(f.score()).isEqualTo(0.95);
            assertThat(f.evidence()).doesNotContain("slurword");
        });
    }

    @Test
    void anAllowedPhraseStartsAtAWord() {
        LexiconDetector detector = LexiconDetector.of(LexiconLoader.canonical().readTsv("curve.tsv",
                "kurva\tprofanity\t2\tcs\nen kurva\tallow\n"), NORMALIZER);
        String swedish = "det var en kurva";
        String mixed = "and then kurva again";
        assertThat(find(detector, swedish)).isEmpty();
        assertThat(find(detector, mixed)).singleElement()
                .satisfies(f -> assertThat(f.span().orElseThrow().of(mixed)).isEqualTo("kurva"));
    }

    @Test
    void respectsWordBoundaries() {
        assertThat(find("a class of assessment in Scunthorpe, with a cocktail and a shitake")).isEmpty();
        assertThat(find("passive assassins")).isEmpty();
        assertThat(matched("you ass!")).containsExactly("ass");
        assertThat(matched("(shit)")).containsExactly("shit");
        assertThat(matched("shit123")).containsExactly("shit");
    }

    @Test
    void aMildTermThatIsOnePartOfASnakeCaseIdentifierNamesAThing() {
        TextNormalizer unicode = new dev.parapet.core.text.UnicodeNormalizer();
        LexiconDetector shipped = LexiconDetector.defaults(unicode);
        java.util.function.Function<String, List<Finding>> find = t -> shipped.detect(Content.of(t, Role.USER),
                unicode.analyze(t), Deadline.none());
        assertThat(find.apply("def convert_srt_to_ass(path): return ass_content")).isEmpty();
        assertThat(find.apply("you are an ass")).isNotEmpty();
        assertThat(find.apply("you are an a_s_s")).isNotEmpty(); // letters written apart
        assertThat(find.apply("ass_x")).isNotEmpty(); // no part of two chars beside it
        assertThat(find.apply("my_shit_list = []")).isNotEmpty(); // not a mild term
    }

    @Test
    void prefixTermsTakeEndings() {
        assertThat(matched("fucking fuckers")).containsExactly("fucking", "fuckers");
        assertThat(matched("fuckkking")).containsExactly("fuckkking");
        assertThat(matched("это пиздец")).containsExactly("пиздец");
        assertThat(find("хуйня")).isEmpty(); // a whole-word term does not take endings
        assertThat(matched("хуй")).containsExactly("хуй");
    }

    @Test
    void suffixTermsEndCompounds() {
        assertThat(matched("so eine Hundescheiße")).containsExactly("Hundescheiße");
        assertThat(find("scheißegal")).isEmpty();
    }

    @Test
    void anAnywhereTermInsideAHugeWordStaysLinear() {
        LexiconDetector anywhere = LexiconDetector.of(Lexicon.of(List.of(
                new Term("fuck", "en", "profanity", 2, Term.Boundary.ANYWHERE, ""))), NORMALIZER);
        String text = "fuck".repeat(50_000);
        List<Finding> found = find(anywhere, text);
        assertThat(found).singleElement().satisfies(f -> assertThat(f.span()).contains(new Span(0, text.length())));
    }

    @Test
    void nestedMatchesOfOneCategoryAreReportedOnce() {
        assertThat(find("motherfucker")).singleElement().satisfies(f -> assertThat(f.score()).isEqualTo(0.95));
        // Different categories overlap freely.
        assertThat(find("I will kill myself")).extracting(Finding::category)
                .containsExactlyInAnyOrder("suicide_self_harm", "violent_crimes");
    }

    @Test
    void repeatedLettersMatchButFewerDoNot() {
        assertThat(matched("fuuuuuck that")).containsExactly("fuuuuuck");
        assertThat(matched("fuuck")).containsExactly("fuuck");
        assertThat(matched("asssss")).containsExactly("asssss");
        assertThat(find("as if")).isEmpty();
        assertThat(find("assess the shitt")).isEmpty(); // a doubled letter at a term's edge is spelling
        assertThat(matched("shittt")).containsExactly("shittt");
        assertThat(matched("sshit")).isEmpty();
        assertThat(matched("I will killll myself")).hasSize(2);
        assertThat(matched("kill    myself")).containsExactlyInAnyOrder("kill    myself", "kill");
    }

    @Test
    void runsSqueezedByTheNormaliserCount() {
        // "as" standing for "ass" (the normaliser squeezed a run of s into one char with run length 2).
        MappedText view = new MappedText.Builder(3, 2).append('a', 0, 1).append('s', 1, 3, 2, false).build();
        AnalyzedText text = new AnalyzedText("ass", MappedText.identity("ass"), view, List.of());
        assertThat(find(text)).singleElement().satisfies(f -> assertThat(f.span()).contains(new Span(0, 3)));
    }

    @Test
    void maskedSpellingsMatch() {
        assertThat(matched("f*ck this")).containsExactly("f*ck");
        assertThat(matched("f**k")).containsExactly("f**k");
        assertThat(matched("f***ing")).isEmpty(); // only letters inside a term are masked, not its ending
        assertThat(matched("sh!t")).containsExactly("sh!t");
        assertThat(matched("a$$hole")).containsExactly("a$$hole");
        assertThat(matched("b!tch")).containsExactly("b!tch");
        assertThat(find("a**")).isEmpty(); // too short to mask
        assertThat(find("f*k")).isEmpty();
        assertThat(find("f*ck")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("lexicon term (en, severity 2, masked spelling)"));
    }

    @Test
    void invisibleCharsAndAccentsDoNotHide() {
        assertThat(matched("fu\u200Bck")).containsExactly("fu\u200Bck");
        assertThat(matched("sh\u00ADit")).containsExactly("sh\u00ADit");
        assertThat(matched("fück")).containsExactly("fück");
        assertThat(matched("s\u0336h\u0336i\u0336t\u0336")).hasSize(1);
        assertThat(matched("I'll kill-myself")).contains("kill-myself");
    }

    @Test
    void anAccentWrittenInTheTermIsRequired() {
        assertThat(matched("¡coño!")).containsExactly("coño");
        assertThat(find("un cono de helado")).isEmpty();
    }

    @Test
    void spacelessScriptsMatchAnywhereAndHangulTakesSuffixes() {
        assertThat(matched("你是傻逼吗")).containsExactly("傻逼");
        assertThat(matched("씨발놈아 진짜")).containsExactly("씨발놈아");
        assertThat(find("아씨발")).isEmpty(); // Hangul still needs the start of a word
        assertThat(matched("他说fuck了")).containsExactly("fuck");
    }

    @Test
    void boundariesAreRelaxedInsideJoinedLetters() {
        // The normaliser joined "a b i t c h" into "abitch".
        String original = "you are a b i t c h";
        MappedText.Builder b = new MappedText.Builder(original.length(), 14);
        for (int i = 0; i < 8; i++) {
            b.append(original.charAt(i), i, i + 1);
        }
        for (int i = 8; i < original.length(); i += 2) {
            b.append(original.charAt(i), i, i + 1, 1, true);
        }
        MappedText view = b.build();
        assertThat(view.text()).isEqualTo("you are abitch");
        AnalyzedText text = new AnalyzedText(original, MappedText.identity(original), view, List.of());
        assertThat(find(text)).singleElement().satisfies(f ->
                assertThat(f.span().orElseThrow().of(original)).isEqualTo("b i t c h"));
        // Without joined marks "abitch" is one word and nothing matches.
        assertThat(find("you are abitch")).isEmpty();
    }

    private static AnalyzedText spelledOut(String original) {
        // What the normaliser makes of letters written apart: one word of joined letters.
        MappedText.Builder b = new MappedText.Builder(original.length(), original.length());
        for (int i = 0; i < original.length(); i += 2) {
            b.append(Character.toLowerCase(original.charAt(i)), i, i + 1, 1, true);
        }
        return new AnalyzedText(original, MappedText.identity(original), b.build(), List.of());
    }

    @Test
    void shortTermsInsideJoinedLettersLeaveAtMostOneLetterAside() {
        assertThat(find(spelledOut("c l a s s"))).isEmpty();
        assertThat(find(spelledOut("a s s"))).hasSize(1);
        assertThat(find(spelledOut("u a s s"))).hasSize(1);
        assertThat(find(spelledOut("m y b i t c h e s"))).hasSize(1); // long enough to sit anywhere
    }

    @Test
    void phrasesMatchLettersJoinedAcrossTheirSpaces() {
        AnalyzedText joined = spelledOut("k i l l m y s e l f");
        assertThat(find(joined)).extracting(Finding::category).contains("suicide_self_harm");
        assertThat(find("killmyself")).isEmpty(); // the same letters, not spelled apart
    }

    @Test
    void allowedWordsWinInsideJoinedLetters() {
        String original = "c o c k t a i l";
        MappedText.Builder b = new MappedText.Builder(original.length(), 8);
        for (int i = 0; i < original.length(); i += 2) {
            b.append(original.charAt(i), i, i + 1, 1, true);
        }
        AnalyzedText text = new AnalyzedText(original, MappedText.identity(original), b.build(), List.of());
        assertThat(find(text)).isEmpty();
    }

    @Test
    void spansMapBackThroughTheNormalisersOffsets() {
        // A normaliser that dropped a zero-width joiner and folded a fullwidth letter.
        String original = "ok ｓh\u200Dit";
        MappedText view = new MappedText.Builder(original.length(), 7)
                .append("ok ", 0, 3).append('s', 3, 4).append('h', 4, 5).append('i', 5, 7).append('t', 7, 8)
                .build();
        AnalyzedText text = new AnalyzedText(original, MappedText.identity(original), view, List.of());
        assertThat(find(text)).singleElement().satisfies(f -> assertThat(f.span()).contains(new Span(3, 8)));
    }

    @Test
    void scansDecodedPayloads() {
        String original = "decode c2hpdA== please";
        MappedText decoded = new MappedText.Builder(original.length(), 4).append("shit", 7, 15).build();
        Payload payload = new Payload(Payload.Encoding.BASE64, new Span(7, 15), decoded);
        AnalyzedText text = new AnalyzedText(original, MappedText.identity(original),
                NORMALIZER.analyze(original).normalized(), List.of(payload));
        assertThat(find(text)).singleElement().satisfies(f -> {
            assertThat(f.span()).contains(new Span(7, 15));
            assertThat(f.evidence()).isEqualTo("lexicon term (en, severity 2, in base64 payload)");
        });
    }

    @Test
    void theSameMatchSeenTwiceIsReportedOnce() {
        String original = "shit";
        MappedText same = NORMALIZER.analyze(original).normalized();
        Payload payload = new Payload(Payload.Encoding.ROT13, new Span(0, 4), same);
        AnalyzedText text = new AnalyzedText(original, same, same, List.of(payload));
        assertThat(find(text)).hasSize(1);
    }

    @Test
    void termsAreAnalysedWithTheDetectorsNormaliser() {
        // A normaliser that undoes the leetspeak "0" -> "o" applies to terms and texts alike.
        TextNormalizer leet = original -> NORMALIZER.analyze(original.replace('0', 'o'));
        LexiconDetector detector = LexiconDetector.of(Lexicon.of(List.of(Term.of("n00b", "en", "profanity", 1))), leet);
        AnalyzedText text = leet.analyze("what a noob");
        assertThat(detector.detect(Content.user("what a noob"), text, Deadline.none())).hasSize(1);
    }

    @Test
    void aTermThatNormalisesToNothingIsRejected() {
        Term invisible = new Term("\u200B\u200B", "en", "profanity", 1, Term.Boundary.WORD, "mine.tsv:3");
        assertThatThrownBy(() -> LexiconDetector.of(Lexicon.of(List.of(invisible)), NORMALIZER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mine.tsv:3: ");
    }

    @Test
    void hostileInputsStayBounded() {
        assertThat(find("a".repeat(100_000))).isEmpty();
        assertThat(find("s".repeat(100_000))).isEmpty();
        assertThat(find("*".repeat(100_000))).isEmpty();
        assertThat(find("\u200B".repeat(100_000))).isEmpty();
        String many = "fuck ".repeat(30_000);
        assertThat(find(many)).hasSizeLessThanOrEqualTo(LexiconMatcher.MAX_HITS).hasSizeGreaterThan(1000);
    }

    @Test
    void honoursTheDeadline() {
        String text = "benign words ".repeat(10_000);
        AnalyzedText analyzed = NORMALIZER.analyze(text);
        Deadline expired = Deadline.after(Duration.ZERO);
        assertThatThrownBy(() -> DETECTOR.detect(Content.user(text), analyzed, expired))
                .isInstanceOf(DetectorTimeoutException.class);
    }

    @Test
    void emptyTextFindsNothing() {
        assertThat(find("")).isEmpty();
        assertThat(DETECTOR.categories()).isEqualTo(Set.copyOf(DETECTOR.lexicon().categories()));
    }
}
