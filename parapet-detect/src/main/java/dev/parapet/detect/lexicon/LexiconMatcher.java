package dev.parapet.detect.lexicon;

import com.ibm.icu.text.Normalizer2;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.match.AhoCorasick;
import dev.parapet.core.match.AsciiStepTable;
import dev.parapet.core.text.MappedText;
import dev.parapet.core.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A lexicon compiled for matching: every term and allowed word analysed by the detector's normaliser,
 * folded ({@link MatchKey}) and squeezed (runs of one char merged, their lengths kept), then put in one
 * Aho–Corasick automaton together with masked variants of the terms (f*ck, f**k).
 *
 * <p>A text view is folded and squeezed the same way and scanned once. Each candidate is then verified:
 * every run of the term must be no longer than the text's run there ("fuuuck" and "fuuck" match
 * "fuck", "as" does not match "ass"; at the edges of a word only a run of 3 or more counts as emphasis,
 * so "assess" does not match "asses"), an accent written in the term must be in the original text (so
 * "coño" does not match "cono", even when the normaliser drops accents), and the edges
 * must meet word boundaries as the term's mode and script require (relaxed inside letters that the
 * normaliser joined, as in "a b i t c h"). A prefix or suffix match grows to its whole word. A match
 * inside an allowed word is dropped. Immutable.
 */
final class LexiconMatcher {

    /** A match in view coordinates: {@code [start, end)} of the view's text. */
    record Hit(Term term, int start, int end, boolean masked) {
    }

    /** One automaton pattern: a term (or allowed word, {@code term < 0}) in squeezed form. */
    private record Variant(int term, int[] runs, char[] exact, Edge edge, boolean masked, boolean joinedOnly) {
    }

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    /** A letter with its combining accents spans at most this many chars of the original. */
    private static final int MAX_LETTER_CHARS = 8;
    /** How often the scan checks its deadline, in chars. */
    private static final int CHECK_EVERY = 4096;
    /** A bound on the hits kept from one view, so a hostile text cannot grow the result without end. */
    static final int MAX_HITS = 10_000;
    /**
     * Inside letters the normaliser joined ("a b i t c h" became "abitch"), a term of at least this many
     * runs may sit anywhere; a shorter one may leave at most one joined letter on each side, so that
     * "c l a s s" does not yield "ass".
     */
    private static final int LONG_TERM = 5;
    /** A run this long is emphasis anywhere in a word ("shittt"); shorter extra runs only inside it ("fuuck"). */
    private static final int EMPHASIS = 3;
    /** Terms shorter than this (in key chars) get no masked variants: "s*x" is too ambiguous. */
    private static final int MIN_MASKABLE = 4;
    /**
     * Terms longer than this (in key chars) get no masked variants either: a term has about four per char, each
     * adding states to its end, so a long phrase costs hundreds of states, and people mask a swear word
     * ("f*ck you", "k*ll yourself"), which short terms and phrases cover, rather than a sentence.
     */
    private static final int MAX_MASKABLE = 16;

    /**
     * Above this many ASCII states the plain-text screen does without a dense table (a huge user lexicon). A row
     * takes 4 bytes per alphabet class (about 35 for the shipped lexicons): the 26 shipped languages fill about
     * 140,000 rows, 19 MB; the cap allows about twice that.
     */
    private static final int MAX_PLAIN_ROWS = 1 << 18;
    /** {@link MatchKey#fold} of each ASCII char. */
    private static final char[] ASCII_KEYS = asciiKeys();

    private final List<Term> terms;
    private final Variant[] variants;
    private final AhoCorasick automaton;
    private final AsciiStepTable plain; // null when the lexicon's ASCII part is too large for one
    private final int[] plainFrom;      // row -> first of its viable patterns in plainPatterns; row + 1 ends them
    private final int[] plainPatterns;  // the viable patterns ending in each row's state
    private final boolean spaceRuns;    // whether some variant needs a run of two or more spaces

    LexiconMatcher(Lexicon lexicon, TextNormalizer normalizer) {
        this.terms = lexicon.terms();
        List<String> keys = new ArrayList<>();
        List<Variant> vs = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            Key key = Key.of(normalizer.analyze(term.text()).normalized(), term.text());
            if (key.length() == 0) {
                throw new IllegalArgumentException(term.origin() + ": term '" + term.text()
                        + "' is empty once normalised");
            }
            Scripts.Edges edges = Scripts.edges(key.text());
            boolean spaced = edges != Scripts.Edges.SPACELESS;
            boolean checkStart = spaced && term.boundary().atStart();
            boolean checkEnd = edges == Scripts.Edges.SPACED && term.boundary().atEnd();
            Edge edge = new Edge(checkStart, checkEnd, spaced && !checkStart, spaced && !checkEnd);
            add(keys, vs, key, t, edge, false, false);
            if (edges == Scripts.Edges.SPACED && key.text().indexOf(' ') >= 0) {
                // "k i l l m y s e l f" reaches the matcher as one joined word: let phrases match it.
                add(keys, vs, key.withoutSpaces(), t, edge, false, true);
            }
            if (key.length() >= MIN_MASKABLE && key.length() <= MAX_MASKABLE && edges == Scripts.Edges.SPACED
                    && Scripts.isMaskable(key.text())) {
                for (Key masked : key.maskedVariants()) {
                    add(keys, vs, masked, t, edge, true, false);
                }
            }
        }
        for (String allowed : lexicon.allowed()) {
            Key key = Key.of(normalizer.analyze(allowed).normalized(), allowed);
            if (key.length() > 0) {
                // An allowed phrase starts at a word ("en kurva" must not reach into "then kurva"); an allowed
                // word stands anywhere, since it also shields the compounds it ends ("похлебать").
                boolean phrase = key.text().indexOf(' ') >= 0
                        && Scripts.edges(key.text()) != Scripts.Edges.SPACELESS;
                add(keys, vs, key, -1, phrase ? Edge.ALLOWED_PHRASE : Edge.NONE, false, false);
            }
        }
        this.variants = vs.toArray(new Variant[0]);
        this.spaceRuns = needsSpaceRuns(keys, variants);
        this.automaton = AhoCorasick.build(keys);
        this.plain = plainTable(automaton, variants);
        this.plainFrom = new int[plain == null ? 1 : plain.rows() + 1];
        List<Integer> patterns = new ArrayList<>();
        for (int r = 0; plain != null && r < plain.rows(); r++) {
            plainFrom[r] = patterns.size();
            if (plain.marked(r)) {
                automaton.matches(plain.state(r), 0, (pattern, start, end) -> {
                    if (viableOnAscii(variants[pattern])) {
                        patterns.add(pattern);
                    }
                    return true;
                });
            }
        }
        plainFrom[plainFrom.length - 1] = patterns.size();
        this.plainPatterns = patterns.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean needsSpaceRuns(List<String> keys, Variant[] variants) {
        for (int i = 0; i < variants.length; i++) {
            String k = keys.get(i);
            for (int j = 0; j < k.length(); j++) {
                if (k.charAt(j) == ' ' && variants[i].runs[j] > 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static AsciiStepTable plainTable(AhoCorasick automaton, Variant[] variants) {
        try {
            return AsciiStepTable.of(automaton, p -> viableOnAscii(variants[p]), MAX_PLAIN_ROWS);
        } catch (IllegalArgumentException tooLarge) {
            return null;
        }
    }

    /**
     * Whether a variant can match a plain ASCII text: a term's (allowed words only drop matches), not one
     * for joined letters (nothing is joined there), without an accent to meet (ASCII letters have none).
     */
    private static boolean viableOnAscii(Variant v) {
        if (v.term < 0 || v.joinedOnly) {
            return false;
        }
        if (v.exact != null) {
            for (char x : v.exact) {
                if (x != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static char[] asciiKeys() {
        char[] keys = new char[128];
        for (char c = 0; c < 128; c++) {
            keys[c] = MatchKey.fold(c);
        }
        return keys;
    }

    /**
     * Where a term needs a word boundary, and where its match grows to the whole word (a stem's endings,
     * a compound's beginning) so that a redaction covers the word.
     */
    private record Edge(boolean needStart, boolean needEnd, boolean extendStart, boolean extendEnd) {
        static final Edge NONE = new Edge(false, false, false, false);
        static final Edge ALLOWED_PHRASE = new Edge(true, false, false, false);
    }

    private static void add(List<String> keys, List<Variant> vs, Key key, int term, Edge edge, boolean masked,
                            boolean joinedOnly) {
        Squeezed s = Squeezed.of(key);
        keys.add(s.chars);
        vs.add(new Variant(term, s.runs, s.exact, edge, masked, joinedOnly));
    }

    /** Number of automaton patterns (terms, their masked variants and allowed words). */
    int patternCount() {
        return automaton.patternCount();
    }

    /** Whether plain ASCII text is screened with the dense table (false for a lexicon too large for one). */
    boolean hasPlainTable() {
        return plain != null;
    }

    long estimatedBytes() {
        return automaton.estimatedBytes() + variants.length * 64L + (plain == null ? 0 : plain.estimatedBytes());
    }

    /**
     * Finds the terms in one view of a text.
     *
     * @param original the original text the view maps into, where accents are checked; null when the
     *                 view does not map onto readable original chars (a decoded payload)
     */
    List<Hit> find(MappedText view, String original, Deadline deadline) {
        Scan scan = new Scan(view, original, deadline);
        if (scan.length == 0) {
            return List.of();
        }
        Collector collector = new Collector(scan);
        // One step per key: by the dense table (which falls back to the automaton after a non-ASCII key), or
        // by the automaton alone when the lexicon is too large for a table. state: where matches end, or -1.
        AsciiStepTable table = plain; // read once: the branch below goes the same way for every key
        int cursor = table != null ? AsciiStepTable.ROOT : automaton.root();
        for (int j = 0; j < scan.length; j++) {
            if ((j & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                deadline.check();
            }
            int state;
            if (table != null) {
                cursor = table.step(cursor, scan.keys[j]);
                state = table.cursorMatches(cursor) ? table.cursorState(cursor) : -1;
            } else {
                cursor = automaton.next(cursor, scan.keys[j]);
                state = automaton.hasMatches(cursor) ? cursor : -1;
            }
            if (state >= 0 && !automaton.matches(state, j + 1, collector)) {
                break;
            }
        }
        return collector.hits();
    }

    /**
     * {@link #mayMatchPlain(String, boolean)} as a screen asks it: {@code lower} is the normalised view of the plain
     * {@code text}. A run of three or more of one char other than whitespace ("www.", "sooo") is squeezed in the view
     * only in a text without leetspeak, where the view is the text lowercased and squeezed; a term is checked against
     * the run's length, which the view does not show, so the text lowercased is read instead (this matcher squeezes
     * it as the view was, and counts the runs itself).
     */
    boolean mayMatchPlain(String text, String lower) {
        if (lower.length() == text.length()) {
            return mayMatchPlain(lower, false);
        }
        return squeezesMoreThanWhitespace(text) ? mayMatchPlain(text.toLowerCase(Locale.ROOT), false)
                : mayMatchPlain(lower, true);
    }

    /** Whether {@code text} (ASCII) holds a run of three or more of one char, case aside, not whitespace or a digit. */
    private static boolean squeezesMoreThanWhitespace(String text) {
        int run = 0;
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lowered = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
            run = lowered == previous ? run + 1 : 1;
            previous = lowered;
            if (run >= 3 && !Character.isWhitespace(c) && !(c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a term may match in {@code lower}, the normalised view of a plain text (ASCII lowercased,
     * run lengths 1, nothing joined, but for whitespace runs squeezed when {@code squeezed}): a necessary
     * condition of {@link #find} finding anything. The text is folded, squeezed and scanned as {@code find}
     * does, and each candidate verified the same way (runs, accents, word edges); only allowed words, which
     * can drop a candidate but never add one, are not looked at. The runs are read from {@code lower}, where
     * a squeezed whitespace run counts one: so with squeezed runs the answer is true whenever a term needs
     * two spaces in a row (no term of the shipped lexicons does).
     */
    boolean mayMatchPlain(String lower, boolean squeezed) {
        if (squeezed && spaceRuns) {
            return true;
        }
        return (plain == null || mayHoldTerm(lower)) && verifiedMatchPlain(lower);
    }

    /**
     * Whether a term may match in {@code lower}, ASCII and plain: one dense-table step per key of its
     * folded, squeezed sequence, and each candidate checked, once the run after it begins, for what
     * {@link Scan#verify} asks of it on such a text (runs long enough, no accent to meet, word edges).
     * Nothing is allocated. True for non-ASCII text.
     */
    boolean mayHoldTerm(String lower) {
        int row = AsciiStepTable.ROOT;
        int pending = -1;             // a marked row whose candidates wait until their last run is complete
        char previous = MatchKey.SKIP;
        int n = lower.length();
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            if (c >= 128) {
                return true;
            }
            char k = ASCII_KEYS[c];
            if (k == MatchKey.SKIP || k == previous) {
                continue; // skipped, or squeezed into the run before it, as Scan does
            }
            if (pending >= 0 && candidate(pending, lower, i, k)) {
                return true;
            }
            previous = k;
            row = plain.next(row, k);
            pending = plain.marked(row) ? row : -1;
        }
        return pending >= 0 && candidate(pending, lower, n, MatchKey.SKIP);
    }

    /**
     * Whether a viable variant ending in {@code row} passes what {@link Scan#verify} asks of it on a plain
     * text, its last run ending before {@code lower[end]} and {@code next} the key after it (SKIP at the
     * end of the text). The runs are read back from the text itself: candidates are rare, so the scan
     * keeps no history.
     */
    private boolean candidate(int row, String lower, int end, char next) {
        for (int i = plainFrom[row]; i < plainFrom[row + 1]; i++) {
            if (passesPlain(variants[plainPatterns[i]], lower, end, next)) {
                return true;
            }
        }
        return false;
    }

    private static boolean passesPlain(Variant v, String lower, int end, char next) {
        int lastRun = v.runs.length - 1;
        if (v.edge.needEnd && next != MatchKey.SKIP && !Scripts.breaksWord(next)) {
            return false;
        }
        int p = end - 1;
        for (int k = lastRun; k >= 0; k--) {
            p = skipBack(lower, p);
            char key = ASCII_KEYS[lower.charAt(p)]; // the variant matched, so its keys are there
            int run = 0;
            while (p >= 0) {
                char here = ASCII_KEYS[lower.charAt(p)];
                if (here == MatchKey.SKIP) {
                    p--;
                } else if (here == key) {
                    run++;
                    p--;
                } else {
                    break;
                }
            }
            if (run < v.runs[k]) {
                return false;
            }
            if (run > v.runs[k] && run < EMPHASIS
                    && ((k == 0 && v.edge.needStart) || (k == lastRun && v.edge.needEnd))) {
                return false;
            }
        }
        p = skipBack(lower, p);
        return !(v.edge.needStart && p >= 0 && !Scripts.breaksWord(ASCII_KEYS[lower.charAt(p)]));
    }

    /** The last index at or before {@code p} whose char has a key, or -1. */
    private static int skipBack(String lower, int p) {
        while (p >= 0 && ASCII_KEYS[lower.charAt(p)] == MatchKey.SKIP) {
            p--;
        }
        return p;
    }

    /** {@link #mayMatchPlain} with every candidate verified: the text is folded and squeezed into a Scan. */
    boolean verifiedMatchPlain(String lower) {
        Scan scan = new Scan(MappedText.identity(lower), lower, Deadline.none());
        boolean[] found = new boolean[1];
        AhoCorasick.MatchSink probe = (pattern, start, end) -> {
            Variant v = variants[pattern];
            found[0] = v.term >= 0 && scan.verify(v, start, end);
            return !found[0];
        };
        int state = automaton.root();
        for (int j = 0; j < scan.length; j++) {
            state = automaton.next(state, scan.keys[j]);
            if (automaton.hasMatches(state) && !automaton.matches(state, j + 1, probe)) {
                return true;
            }
        }
        return false;
    }

    /** Verifies candidates as the automaton reports them; keeps terms and where allowed words reach. */
    private final class Collector implements AhoCorasick.MatchSink {
        private final Scan scan;
        private final List<int[]> candidates = new ArrayList<>(); // {variant, start, end}, squeezed positions
        private int[] allowReach;                                 // furthest end of an allowed word starting at i

        Collector(Scan scan) {
            this.scan = scan;
        }

        @Override
        public boolean onMatch(int pattern, int start, int end) {
            Variant v = variants[pattern];
            if (!scan.verify(v, start, end)) {
                return true;
            }
            if (v.term < 0) {
                if (allowReach == null) {
                    allowReach = new int[scan.length];
                }
                allowReach[start] = Math.max(allowReach[start], end);
                return true;
            }
            candidates.add(new int[] {pattern, start, end});
            return candidates.size() < MAX_HITS;
        }

        List<Hit> hits() {
            if (candidates.isEmpty()) {
                return List.of();
            }
            if (allowReach != null) { // now allowReach[i]: furthest end of an allowed word starting <= i
                for (int i = 1; i < allowReach.length; i++) {
                    allowReach[i] = Math.max(allowReach[i], allowReach[i - 1]);
                }
            }
            List<Hit> hits = new ArrayList<>(candidates.size());
            Set<Hit> seen = new HashSet<>();
            for (int[] c : candidates) {
                if (allowReach != null && allowReach[c[1]] >= c[2]) {
                    continue;
                }
                Variant v = variants[c[0]];
                int start = v.edge.extendStart ? scan.wordStart(c[1]) : c[1];
                int end = v.edge.extendEnd ? scan.wordEnd(c[2]) : c[2];
                Hit hit = new Hit(terms.get(v.term), scan.first[start], scan.last[end - 1] + 1, v.masked);
                // Matches grown to one word are one hit ("fuck" many times inside one long word).
                if (seen.add(new Hit(hit.term, hit.start, hit.end, false))) {
                    hits.add(hit);
                }
            }
            return hits;
        }
    }

    /**
     * The letter written at {@code original[start, end)}, composed and in lower case, with its accents:
     * accents are read from the original because a normaliser may fold them away. 0 when the range is
     * not one letter.
     */
    static char accented(String original, int start, int end) {
        if (start < 0 || end > original.length() || end <= start || end - start > MAX_LETTER_CHARS) {
            return 0;
        }
        String letter = end - start == 1 ? original.substring(start, end)
                : NFC.normalize(original.substring(start, end));
        return letter.length() == 1 ? Character.toLowerCase(letter.charAt(0)) : 0;
    }

    /** A view folded and squeezed: one entry per run of equal key chars. */
    private static final class Scan {
        final MappedText view;
        final String original;
        final char[] keys;
        final int[] runs;
        final int[] first;  // view index of the run's first char
        final int[] last;   // view index of the run's last char
        int length;

        Scan(MappedText view, String original, Deadline deadline) {
            this.view = view;
            this.original = original;
            String text = view.text();
            int n = text.length();
            keys = new char[n];
            runs = new int[n];
            first = new int[n];
            last = new int[n];
            for (int i = 0; i < n; i++) {
                if ((i & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                    deadline.check();
                }
                char c = text.charAt(i);
                char k = c < 128 ? ASCII_KEYS[c] : MatchKey.fold(c);
                if (k == MatchKey.SKIP) {
                    continue;
                }
                int r = view.runLength(i);
                if (length > 0 && keys[length - 1] == k) {
                    runs[length - 1] = saturatedAdd(runs[length - 1], r);
                    last[length - 1] = i;
                } else {
                    keys[length] = k;
                    runs[length] = r;
                    first[length] = i;
                    last[length] = i;
                    length++;
                }
            }
        }

        private static int saturatedAdd(int a, int b) {
            int s = a + b;
            return s < 0 ? Integer.MAX_VALUE : s;
        }

        boolean verify(Variant v, int s, int e) {
            int lastRun = v.runs.length - 1;
            for (int k = 0; k <= lastRun; k++) {
                if (v.joinedOnly && !view.joined(first[s + k])) {
                    return false;
                }
                int run = runs[s + k];
                if (run < v.runs[k]) {
                    return false;
                }
                // A doubled letter at a word's edge is spelling, not emphasis: "assess" is not "asses"
                // (before an ending it is spelling too: "shitty" is "shit*").
                if (run > v.runs[k] && run < EMPHASIS
                        && ((k == 0 && v.edge.needStart) || (k == lastRun && v.edge.needEnd))) {
                    return false;
                }
                if (v.exact != null && v.exact[k] != 0 && original != null) {
                    char written = accented(original, view.originalStart(first[s + k]), view.originalEnd(first[s + k]));
                    if (written != 0 && written != v.exact[k]) {
                        return false;
                    }
                }
            }
            boolean longTerm = v.runs.length >= LONG_TERM;
            if (v.edge.needStart && s > 0 && !Scripts.breaksWord(keys[s - 1])
                    && !(joinedAcross(s - 1, s) && (longTerm || joinedLettersBefore(s) <= 1))) {
                return false;
            }
            return !(v.edge.needEnd && e < length && !Scripts.breaksWord(keys[e])
                    && !(joinedAcross(e - 1, e) && (longTerm || joinedLettersAfter(e) <= 1)));
        }

        private int[] wordStarts; // computed on first use: where the word containing each run starts
        private int[] wordEnds;

        /** The start of the word that contains the run at {@code s}. */
        int wordStart(int s) {
            if (wordStarts == null) {
                wordStarts = new int[length];
                for (int i = 0; i < length; i++) {
                    wordStarts[i] = i > 0 && !Scripts.breaksWord(keys[i - 1]) ? wordStarts[i - 1] : i;
                }
            }
            return wordStarts[s];
        }

        /** The end of the word that contains the run before {@code e}. */
        int wordEnd(int e) {
            if (wordEnds == null) {
                wordEnds = new int[length + 1];
                wordEnds[length] = length;
                for (int i = length - 1; i >= 0; i--) {
                    wordEnds[i] = !Scripts.breaksWord(keys[i]) ? wordEnds[i + 1] : i;
                }
            }
            return wordEnds[e];
        }

        /** True when the boundary between two runs lies inside letters the normaliser joined. */
        private boolean joinedAcross(int left, int right) {
            return view.joined(last[left]) && view.joined(first[right]);
        }

        /** Joined letters right before run {@code s}, counted up to 2. */
        private int joinedLettersBefore(int s) {
            int n = 0;
            for (int i = s - 1; i >= 0 && n < 2 && !Scripts.breaksWord(keys[i]) && view.joined(last[i]); i--) {
                n++;
            }
            return n;
        }

        /** Joined letters from run {@code e} on, counted up to 2. */
        private int joinedLettersAfter(int e) {
            int n = 0;
            for (int i = e; i < length && n < 2 && !Scripts.breaksWord(keys[i]) && view.joined(first[i]); i++) {
                n++;
            }
            return n;
        }
    }

    /** A term or word folded into key chars, before squeezing. */
    private record Key(char[] chars, char[] exact, int[] runs) {

        /**
         * @param view     the term as analysed
         * @param original the term as written, where its accents are read (the analysis may drop them)
         */
        static Key of(MappedText view, String original) {
            int n = view.length();
            char[] chars = new char[n];
            char[] exact = new char[n];
            int[] runs = new int[n];
            int len = 0;
            for (int i = 0; i < n; i++) {
                char c = view.charAt(i);
                char k = MatchKey.fold(c);
                if (k == MatchKey.SKIP) {
                    continue;
                }
                char written = accented(original, view.originalStart(i), view.originalEnd(i));
                chars[len] = k;
                exact[len] = written != k && MatchKey.stripAccent(written) == k ? written : 0;
                runs[len] = view.runLength(i);
                len++;
            }
            // A term's own spaces at its edges mean nothing.
            int from = 0;
            while (from < len && chars[from] == ' ') {
                from++;
            }
            while (len > from && chars[len - 1] == ' ') {
                len--;
            }
            return new Key(Arrays.copyOfRange(chars, from, len), Arrays.copyOfRange(exact, from, len),
                    Arrays.copyOfRange(runs, from, len));
        }

        int length() {
            return chars.length;
        }

        String text() {
            return new String(chars);
        }

        boolean isLetter(int i) {
            return Scripts.isWordChar(chars[i]);
        }

        /** This key with its spaces removed. */
        Key withoutSpaces() {
            int n = 0;
            for (char c : chars) {
                if (c != ' ') {
                    n++;
                }
            }
            char[] c = new char[n];
            char[] x = new char[n];
            int[] r = new int[n];
            for (int i = 0, j = 0; i < chars.length; i++) {
                if (chars[i] != ' ') {
                    c[j] = chars[i];
                    x[j] = exact[i];
                    r[j] = runs[i];
                    j++;
                }
            }
            return new Key(c, x, r);
        }

        /**
         * Spellings with one interior letter, or two adjacent ones, masked: by {@link MatchKey#MASK}
         * ("f*ck", "f**k") or by the symbol that stands for that letter ("sh!t", "a$$hole").
         */
        List<Key> maskedVariants() {
            List<Key> out = new ArrayList<>();
            for (int i = 1; i < length() - 1; i++) {
                if (!isLetter(i)) {
                    continue;
                }
                out.add(masked(i, i + 1, false));
                if (MatchKey.maskFor(chars[i]) != 0) {
                    out.add(masked(i, i + 1, true));
                }
                if (i < length() - 2 && isLetter(i + 1)) {
                    out.add(masked(i, i + 2, false));
                    if (MatchKey.maskFor(chars[i]) != 0 && MatchKey.maskFor(chars[i + 1]) != 0) {
                        out.add(masked(i, i + 2, true));
                    }
                }
            }
            return out;
        }

        private Key masked(int from, int to, boolean bySymbol) {
            char[] c = chars.clone();
            char[] x = exact.clone();
            int[] r = runs.clone();
            for (int i = from; i < to; i++) {
                c[i] = bySymbol ? MatchKey.maskFor(chars[i]) : MatchKey.MASK;
                x[i] = 0;
                r[i] = 1;
            }
            return new Key(c, x, r);
        }
    }

    /** A key with runs of equal chars merged. */
    private record Squeezed(String chars, int[] runs, char[] exact) {

        static Squeezed of(Key key) {
            StringBuilder sb = new StringBuilder(key.length());
            int[] runs = new int[key.length()];
            char[] exact = new char[key.length()];
            boolean anyExact = false;
            for (int i = 0; i < key.length(); i++) {
                char c = key.chars[i];
                int at = sb.length();
                if (at > 0 && sb.charAt(at - 1) == c) {
                    runs[at - 1] += key.runs[i];
                } else {
                    sb.append(c);
                    runs[at] = key.runs[i];
                    exact[at] = key.exact[i];
                    anyExact |= key.exact[i] != 0;
                }
            }
            int n = sb.length();
            return new Squeezed(sb.toString(), Arrays.copyOf(runs, n), anyExact ? Arrays.copyOf(exact, n) : null);
        }
    }
}
