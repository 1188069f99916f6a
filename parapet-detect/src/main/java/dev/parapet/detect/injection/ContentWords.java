package dev.parapet.detect.injection;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a text that say something about its subject, as keys that two texts can be compared by: letter runs
 * of four letters or more that are not function words, cut to their first five letters (so that "photosynthesis"
 * and "photosynthetic" meet; {@link #finer} compares more closely). In scripts written without spaces (Han, kana,
 * Thai) a run is a phrase, not a word, so {@link #each} cuts it into likely words instead (pairs of Han characters,
 * katakana runs, threes of Thai), where {@link #of} leaves such runs whole. Thread-safe and immutable.
 */
final class ContentWords {

    private static final int MIN_LETTERS = 4;

    /** Receives each content word of a text with where it stands. */
    @FunctionalInterface
    interface Sink {
        void word(String key, int start, int end);
    }

    private final Set<String> functionWords;
    /** How many first letters a word is compared by. */
    private final int prefix;
    private final boolean singular;

    /** Words compared by their first five letters. */
    ContentWords(Set<String> functionWords) {
        this(functionWords, 5, false);
    }

    private ContentWords(Set<String> functionWords, int prefix, boolean singular) {
        this.functionWords = Set.copyOf(functionWords);
        this.prefix = prefix;
        this.singular = singular;
    }

    /**
     * The same words compared more finely: a final plural "s" ("-ies" as "-y") dropped, then six letters, so that
     * "salaries" meets "salary" and "medical" "medication", but "discount" no longer meets "discovered" nor
     * "promise" "prominent"; Korean words, a syllable a character, without their particle and by four; Arabic,
     * Hindi and Bengali words from three characters on, Arabic ones without their article and by four.
     */
    ContentWords finer() {
        return new ContentWords(functionWords, 6, true);
    }

    /** The distinct content words of {@code lower} (letters only, four or more), each cut to its first five letters. */
    List<String> of(String lower) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = lower.length();
        int e;
        for (int s = LetterRuns.next(lower, 0, n); s < n; s = LetterRuns.next(lower, e, n)) {
            e = LetterRuns.end(lower, s, n);
            String key = wordKey(lower, s, e);
            if (key != null && seen.add(key)) {
                out.add(key);
            }
        }
        return out;
    }

    /**
     * Every content word of {@code lower[from, to)}, in order and with repeats: the keys of {@link #of}, and for a run
     * in a script without spaces each pair of its letters.
     */
    void each(String lower, int from, int to, Sink sink) {
        int e;
        for (int s = LetterRuns.next(lower, from, to); s < to; s = LetterRuns.next(lower, e, to)) {
            e = LetterRuns.end(lower, s, to);
            if (unspaced(lower.charAt(s))) {
                unspacedWords(lower, s, e, sink);
            } else {
                String key = wordKey(lower, s, e);
                if (key != null) {
                    sink.word(key, s, e);
                }
            }
        }
    }

    /**
     * The key of the word lower[s, e), or null when it says nothing: a function word, or under four letters (a
     * Korean word, compared finely, under two syllables once its particle is off; an Arabic, Devanagari or Bengali
     * word, compared finely, under three, the Arabic article off).
     */
    private String wordKey(String lower, int s, int e) {
        char first = lower.charAt(s);
        String w = lower.substring(s, e);
        String whole = whole(w); // computed once: the length test and the key both read it
        boolean says;
        if (singular && hangul(first)) {
            says = whole.length() >= 2;
        } else if (singular && threeLetterScript(first)) {
            says = whole.length() >= MIN_LETTERS_ABJAD_INDIC && !functionWords.contains(w);
        } else {
            says = w.length() >= MIN_LETTERS && !functionWords.contains(w);
        }
        return says ? cut(whole) : null;
    }

    /**
     * The words of a run in scripts without spaces, which may mix them ("内部パスワードは"): pairs of Han
     * characters, a katakana run whole (a loanword: "パスワード"), nothing of hiragana (mostly grammar: "は", "ない"),
     * and in Thai, Lao, Khmer or Burmese, which spell a syllable in several characters, threes that start on a
     * letter rather than a vowel sign.
     */
    private static void unspacedWords(String lower, int s, int e, Sink sink) {
        int i = s;
        while (i < e) {
            int kind = kind(lower.charAt(i));
            int j = i + 1;
            while (j < e && kind(lower.charAt(j)) == kind) {
                j++;
            }
            switch (kind) {
                case HAN -> {
                    for (int k = i; k + 2 <= j; k++) {
                        sink.word(lower.substring(k, k + 2), k, k + 2);
                    }
                }
                case KATAKANA -> {
                    if (j - i >= 2) {
                        sink.word(lower.substring(i, j), i, j);
                    }
                }
                case SYLLABIC -> {
                    for (int k = i; k + 3 <= j; k++) {
                        if (Character.isLetter(lower.charAt(k))) {
                            sink.word(lower.substring(k, k + 3), k, k + 3);
                        }
                    }
                }
                default -> {
                    // hiragana, and letters of spaced scripts glued to the run: not read here
                }
            }
            i = j;
        }
    }

    /** A Korean word is a syllable a character: "정치" (politics) is two, "비밀번호" (password) four. */
    private static final int HANGUL_PREFIX = 4;
    /** Particles that follow a Korean noun ("비밀번호를", "정치에 대해"), longest first. */
    private static final List<String> PARTICLES = List.of("에서", "으로", "에게", "은", "는", "이", "가", "을", "를",
            "에", "의", "도", "로", "와", "과");

    private static boolean hangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    /**
     * Arabic writes no short vowels and most of its roots have three letters ("رمز" code, "خصم" discount); Hindi and
     * Bengali count their vowel signs as characters, so a word of two consonants ("कोड", "কোড") is three long.
     */
    private static final int MIN_LETTERS_ABJAD_INDIC = 3;
    private static final int ARABIC_PREFIX = 4;

    private static boolean threeLetterScript(char c) {
        UnicodeScript s = UnicodeScript.of(c);
        return s == UnicodeScript.ARABIC || s == UnicodeScript.DEVANAGARI || s == UnicodeScript.BENGALI;
    }

    private static boolean arabic(char c) {
        return UnicodeScript.of(c) == UnicodeScript.ARABIC;
    }

    /** The Arabic article and the prepositions glued to it, taken off a word that keeps three letters after them. */
    private static final String[] ARABIC_ARTICLES = {"وال", "بال", "فال", "كال", "لل", "ال"};

    private static String withoutArticle(String w) {
        for (String a : ARABIC_ARTICLES) {
            if (w.startsWith(a) && w.length() - a.length() >= MIN_LETTERS_ABJAD_INDIC) {
                return w.substring(a.length());
            }
        }
        return w;
    }

    /** A Korean word without the particle after it, so that "비밀번호를" and "비밀번호가" meet. */
    private static String stem(String w) {
        for (String p : PARTICLES) {
            if (w.length() > p.length() + 1 && w.endsWith(p)) {
                return w.substring(0, w.length() - p.length());
            }
        }
        return w;
    }

    private static final int OTHER = 0;
    private static final int HAN = 1;
    private static final int KATAKANA = 2;
    private static final int SYLLABIC = 3;
    private static final int HIRAGANA = 4;

    private static int kind(char c) {
        if (c == '\u30FC') {
            return KATAKANA; // the prolonged sound mark, shared by both kana
        }
        UnicodeScript s = UnicodeScript.of(c);
        if (s == UnicodeScript.HAN) {
            return HAN;
        }
        if (s == UnicodeScript.KATAKANA) {
            return KATAKANA;
        }
        if (s == UnicodeScript.HIRAGANA) {
            return HIRAGANA;
        }
        if (s == UnicodeScript.THAI || s == UnicodeScript.LAO || s == UnicodeScript.KHMER || s == UnicodeScript.MYANMAR) {
            return SYLLABIC;
        }
        return OTHER;
    }

    /**
     * {@code text} in lower case, char for char, so that offsets into it are offsets into {@code text} (String's own
     * lower-casing may change the length: "İ" becomes two chars), with typographic apostrophes made ASCII ones.
     */
    static String lowerInPlace(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            // Typographic apostrophes are apostrophes: "Don’t" is "don't".
            out[i] = c == '\u2019' || c == '\u02BC' || c == '\uFF07' ? '\'' : Character.toLowerCase(c);
        }
        return new String(out);
    }

    /**
     * What a word is compared by: its first letters (of its singular, when finer; four syllables of a Korean word;
     * four letters of an Arabic word without its article, its root and little of the endings: "منافس", "منافسين").
     */
    String key(String lowerWord) {
        return cut(whole(lowerWord));
    }

    /** The key of a word already made {@link #whole}. */
    private String cut(String w) {
        int cut = !singular || w.isEmpty() ? prefix
                : hangul(w.charAt(0)) ? HANGUL_PREFIX
                : arabic(w.charAt(0)) ? ARABIC_PREFIX : prefix;
        return w.length() > cut ? w.substring(0, cut) : w;
    }

    /**
     * The word itself, compared whole: its singular (a Korean noun without its particle, an Arabic word without its
     * article), when finer.
     */
    String whole(String lowerWord) {
        if (!singular || lowerWord.isEmpty()) {
            return lowerWord;
        }
        char first = lowerWord.charAt(0);
        if (hangul(first)) {
            return stem(lowerWord);
        }
        return arabic(first) ? withoutArticle(lowerWord) : singular(lowerWord);
    }

    private static String singular(String w) {
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 4 && w.charAt(n - 1) == 's' && "siu".indexOf(w.charAt(n - 2)) < 0) {
            return w.substring(0, n - 1); // not "class", "status", "analysis"
        }
        return w;
    }

    /** Whether {@code c} belongs to a script written without spaces between words. */
    static boolean unspaced(char c) {
        return c >= 0x0E00 && kind(c) != OTHER; // below: Latin, Greek, Cyrillic, Arabic, Devanagari, Bengali … spaced
    }
}
