package dev.parapet.detect.injection;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a text that say something about its subject, as keys that two texts can be compared by: letter runs
 * of four letters or more that are not function words, cut to their first five letters (so that "photosynthesis"
 * and "photosynthetic", "medical" and "medication" meet). In scripts written without spaces (Han, kana, Thai) a run
 * is a phrase, not a word, so {@link #each} gives its overlapping pairs of letters instead (a Chinese or Japanese
 * word is mostly two characters; two hiragana are mostly grammar, "ない", "です", and left out), where {@link #of}
 * leaves such runs whole. Thread-safe and immutable.
 */
final class ContentWords {

    /** What a content word is compared by. */
    private static final int PREFIX = 5;
    private static final int MIN_LETTERS = 4;

    /** Receives each content word of a text with where it stands. */
    @FunctionalInterface
    interface Sink {
        void word(String key, int start, int end);
    }

    private final Set<String> functionWords;

    ContentWords(Set<String> functionWords) {
        this.functionWords = Set.copyOf(functionWords);
    }

    boolean isFunctionWord(String lowerWord) {
        return functionWords.contains(lowerWord);
    }

    /** The distinct content words of {@code lower} (letters only, four or more), each cut to its first five letters. */
    List<String> of(String lower) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = lower.length();
        int e;
        for (int s = LetterRuns.next(lower, 0, n); s < n; s = LetterRuns.next(lower, e, n)) {
            e = LetterRuns.end(lower, s, n);
            if (e - s >= MIN_LETTERS) {
                String w = lower.substring(s, e);
                if (!functionWords.contains(w)) {
                    String key = key(w);
                    if (seen.add(key)) {
                        out.add(key);
                    }
                }
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
                for (int i = s; i + 2 <= e; i++) {
                    if (!hiragana(lower.charAt(i)) || !hiragana(lower.charAt(i + 1))) {
                        sink.word(lower.substring(i, i + 2), i, i + 2);
                    }
                }
                if (e - s == 1) {
                    continue; // one character alone says too little
                }
            } else if (e - s >= MIN_LETTERS) {
                String w = lower.substring(s, e);
                if (!functionWords.contains(w)) {
                    sink.word(key(w), s, e);
                }
            }
        }
    }

    /** What a word is compared by: its first five letters. */
    static String key(String lowerWord) {
        return lowerWord.length() > PREFIX ? lowerWord.substring(0, PREFIX) : lowerWord;
    }

    private static boolean hiragana(char c) {
        return c >= 0x3041 && c <= 0x309F;
    }

    /** Whether {@code c} belongs to a script written without spaces between words. */
    static boolean unspaced(char c) {
        if (c < 0x0E00) {
            return false; // Latin, Greek, Cyrillic, Arabic, Devanagari, Bengali … are spaced
        }
        UnicodeScript s = UnicodeScript.of(c);
        return s == UnicodeScript.HAN || s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA
                || s == UnicodeScript.THAI || s == UnicodeScript.LAO || s == UnicodeScript.KHMER
                || s == UnicodeScript.MYANMAR;
    }
}
