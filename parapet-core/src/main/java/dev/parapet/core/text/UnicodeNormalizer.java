package dev.parapet.core.text;

import com.ibm.icu.text.Normalizer2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The normaliser Parapet detectors read text through. Every view keeps, for each char, the range of the
 * original text it came from, so a match anywhere maps back to the exact original characters.
 *
 * <ul>
 *   <li>{@code nfkc}: invisible characters removed (default ignorables, format and control characters but
 *   whitespace, variation selectors, tags; unpaired surrogates become U+FFFD), runs of combining marks capped
 *   at 30, then Unicode NFKC, segment by segment. Case, letters and digits are kept.</li>
 *   <li>{@code normalized}, built from {@code nfkc}, in this order: case folding (NFKC_Casefold); typed
 *   apostrophes as ASCII ones; Traditional Chinese characters as Simplified ones (媽 → 妈); combining
 *   marks dropped after Latin, Greek, Cyrillic, Arabic and Hebrew letters and after symbols but kept in
 *   abugidas, at most 6 in a row; letters written apart joined ("k.i.l.l"); leetspeak undone in words with a
 *   letter ("sh1t"); homoglyphs folded to Latin word by word ("ѕһіт"); runs of 3 or more identical chars
 *   (digits excepted) squeezed to one that keeps the run length. Idempotent: normalising its text again
 *   changes nothing. The order serves that: joining comes before leet, which may turn a separator such as
 *   "|" into a letter, and squeezing comes last, after every step that can make chars equal.</li>
 *   <li>payloads: base64, hex and URL-encoded runs, ROT13 and backwards-written stretches, Morse code and binary,
 *   decoded (recursively, to a limited depth) and normalised like {@code normalized}.</li>
 * </ul>
 *
 * <p>Text that is all ASCII takes a fast path that never reaches ICU and has the same result. Time and
 * memory are linear in the input; no input makes it throw. Immutable and thread-safe.
 */
public final class UnicodeNormalizer implements TextNormalizer {

    /**
     * Bounds on payload decoding.
     *
     * @param maxDepth         how many levels of encoding to undo (a payload inside a payload is level 2)
     * @param maxPayloads      most payloads reported for one text
     * @param maxDecodedBytes  most bytes decoded for one text, over all payloads
     */
    public record Limits(int maxDepth, int maxPayloads, long maxDecodedBytes) {

        public Limits {
            if (maxDepth < 0 || maxPayloads < 0 || maxDecodedBytes < 0) {
                throw new IllegalArgumentException("limits must not be negative: " + maxDepth + ", " + maxPayloads
                        + ", " + maxDecodedBytes);
            }
        }

        /** Two levels, 64 payloads, 1 MB. */
        public static Limits defaults() {
            return new Limits(2, 64, 1 << 20);
        }
    }

    /** Marks kept in a row in the normalised view: enough for any real syllable, bounded for Zalgo text. */
    static final int MAX_MARKS = 6;
    /** Marks kept in a row before NFKC: the Stream-Safe Text Format bound of UAX #15. */
    static final int MAX_MARKS_BEFORE_NFKC = 30;

    private static final List<PayloadDecoder> DECODERS = List.of(new Base64PayloadDecoder(),
            new HexPayloadDecoder(), new PercentPayloadDecoder(), new UndonePayloadDecoder(FunctionWords.Undo.ROT13),
            new UndonePayloadDecoder(FunctionWords.Undo.REVERSED), new MorsePayloadDecoder(), new BinaryPayloadDecoder());

    private final Limits limits;
    private final TextFilter asciiNfkc;
    private final TextFilter asciiNormalized;
    // The last steps of asciiNormalized, for lower-case texts in which no letters are written apart.
    private final TextFilter asciiSqueeze = new SqueezeFilter(null);
    private final TextFilter asciiLeetSqueeze = new SqueezeFilter(new LeetFilter(null));
    private final TextFilter nfkc;
    private final TextFilter normalized;

    /** A normaliser with {@link Limits#defaults()}. */
    public UnicodeNormalizer() {
        this(Limits.defaults());
    }

    public UnicodeNormalizer(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.asciiNfkc = new InvisibleCharFilter(null);
        this.asciiNormalized = new SqueezeFilter(new LeetFilter(new SplitLetterJoinFilter(
                new AsciiLowercaseFilter(null))));
        this.nfkc = new NormalizerFilter(new MarkRunLimitFilter(new InvisibleCharFilter(null), MAX_MARKS_BEFORE_NFKC),
                Normalizer2.getNFKCInstance());
        this.normalized = new SqueezeFilter(new ConfusableFilter(new LeetFilter(new SplitLetterJoinFilter(
                new MarkRunLimitFilter(new MarkStripFilter(new SimplifiedHanFilter(new ApostropheFilter(
                        new NormalizerFilter(null, Normalizer2.getNFKCCasefoldInstance())))), MAX_MARKS)))));
    }

    public Limits limits() {
        return limits;
    }

    @Override
    public AnalyzedText analyze(String original) {
        Objects.requireNonNull(original, "original");
        Views views = isAscii(original) ? asciiViews(original) : unicodeViews(original);
        List<Payload> payloads = limits.maxDepth() == 0 ? List.of()
                : payloads(views.nfkc(), 1, null, new DecodeBudget(limits.maxPayloads(), limits.maxDecodedBytes()));
        return new AnalyzedText(original, views.nfkc(), views.normalized(), payloads);
    }

    /** One pass over the text, no views built (the payload decoders only when it holds something they might decode): see {@link PlainAsciiScreen}. */
    @Override
    public boolean isPlain(String text) {
        return PlainAsciiScreen.isPlain(text, this::decodeNothing);
    }

    /**
     * Plain texts as {@link #isPlain} proves them, and ASCII texts whose only changes besides lower case are
     * leetspeak ("the 1920s", "h3llo") and runs of three or more of one char ("...", "www.", indentation): for
     * those the normaliser's own leet and squeeze steps run on the lower case (the proof rules out letters written
     * apart, so the joining step would change nothing); with leetspeak, the view counts when nothing in it is
     * joined and only whitespace is squeezed (not the letters the leet step made).
     */
    @Override
    public AnalyzedText plainAnalysis(String text) {
        return plainAnalysis(text, PlainAsciiScreen.check(text, this::decodeNothing, true));
    }

    private AnalyzedText plainAnalysis(String text, PlainAsciiScreen.Proof proof) {
        return switch (proof.outcome()) {
            case PLAIN -> AnalyzedText.ofPlainView(text, proof.lower());
            // Split letters and leetspeak change nothing, so the squeeze step alone turns the lower case into
            // the view (its places are the text's: lower case is char for char).
            case PLAIN_BUT_SQUEEZED -> new AnalyzedText(text, MappedText.identity(text),
                    asciiSqueeze.apply(proof.lower()), List.of());
            case PLAIN_BUT_STEPS -> {
                MappedText view = asciiLeetSqueeze.apply(proof.lower());
                yield changesOnlyCharsAndWhitespaceRuns(view, text)
                        ? new AnalyzedText(text, MappedText.identity(text), view, List.of()) : null;
            }
            case UNKNOWN -> null;
        };
    }

    /**
     * {@link #plainAnalysis}'s view text without its mapping, which a screen does not read: a batch scan asks
     * this of every text, and building the map of an indented text cost ten times its proof.
     */
    @Override
    public String plainViewText(String text) {
        PlainAsciiScreen.Proof proof = PlainAsciiScreen.check(text, this::decodeNothing, true);
        return switch (proof.outcome()) {
            case PLAIN -> proof.lower();
            case PLAIN_BUT_SQUEEZED -> squeezeRuns(proof.lower());
            case PLAIN_BUT_STEPS -> {
                AnalyzedText a = plainAnalysis(text, proof);
                yield a == null ? null : a.normalized().text();
            }
            case UNKNOWN -> null;
        };
    }

    /**
     * The squeeze step's text, without its map, on a text that needs no other step ({@link
     * PlainAsciiScreen.Outcome#PLAIN_BUT_SQUEEZED}): each run of three or more of one char becomes that char,
     * digits stay ("1000"), as {@link SqueezeFilter} has it.
     */
    private static String squeezeRuns(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        int n = lower.length();
        for (int i = 0; i < n; ) {
            char c = lower.charAt(i);
            int end = i + 1;
            while (end < n && lower.charAt(end) == c) {
                end++;
            }
            if (end - i >= 3 && !Chars.isAsciiDigit(c)) {
                out.append(c);
            } else {
                out.append(lower, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * Whether each char of {@code view} comes from the char of {@code text} at its place, one for one, but
     * for whitespace chars that stand for a run of themselves; nothing joined.
     */
    private static boolean changesOnlyCharsAndWhitespaceRuns(MappedText view, String text) {
        for (int i = 0; i < view.length(); i++) {
            int from = view.originalStart(i);
            int to = view.originalEnd(i);
            if (view.joined(i)) {
                return false;
            }
            if (view.runLength(i) != 1 || to - from != 1) {
                char c = view.charAt(i);
                boolean whitespaceRun = Chars.isLayoutSpace(c) && to - from == view.runLength(i) && text.charAt(from) == c;
                if (!whitespaceRun) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the first level of payload decoding, as {@link #analyze} runs it on a plain text, finds nothing
     * of these encodings (a decoder that finds something can only take budget from those after it, so a
     * subset answers as the whole would when the others find nothing).
     */
    private boolean decodeNothing(String text, Set<Payload.Encoding> encodings) {
        if (limits.maxDepth() == 0) {
            return true;
        }
        DecodeBudget budget = new DecodeBudget(limits.maxPayloads(), limits.maxDecodedBytes());
        List<PayloadDecoder.Run> runs = new ArrayList<>();
        for (PayloadDecoder decoder : DECODERS) {
            if (encodings.contains(decoder.encoding())) {
                decoder.decode(text, budget, runs);
            }
        }
        return runs.isEmpty();
    }

    /** The views of a text through the general (ICU) path, even when it is ASCII. For tests. */
    Views unicodeViews(String text) {
        MappedText nfkcView = nfkc.apply(text);
        return new Views(nfkcView, MappedText.compose(nfkcView, normalized.apply(nfkcView.text())));
    }

    Views asciiViews(String text) {
        MappedText nfkcView = asciiNfkc.apply(text);
        return new Views(nfkcView, MappedText.compose(nfkcView, asciiNormalized.apply(nfkcView.text())));
    }

    private Views views(String text) {
        return isAscii(text) ? asciiViews(text) : unicodeViews(text);
    }

    /**
     * Payloads found in {@code view}, a view of the original; their texts and spans map into the original.
     * {@code level} is the level of encoding being undone; {@code outer} the encoding just undone, if any.
     */
    private List<Payload> payloads(MappedText view, int level, Payload.Encoding outer, DecodeBudget budget) {
        List<PayloadDecoder.Run> runs = new ArrayList<>();
        for (PayloadDecoder decoder : DECODERS) {
            // ROT13 of ROT13, and a reversed text reversed, are the text.
            if (!(decoder.encoding() == outer && (outer == Payload.Encoding.ROT13 || outer == Payload.Encoding.REVERSED))) {
                decoder.decode(view.text(), budget, runs);
            }
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Payload> found = new ArrayList<>();
        for (PayloadDecoder.Run run : runs) {
            MappedText decoded = MappedText.compose(view, run.decoded());
            Views inner = views(run.decoded().text());
            found.add(new Payload(run.encoding(), view.toOriginal(run.start(), run.end()),
                    MappedText.compose(decoded, inner.normalized())));
            if (level < limits.maxDepth()) {
                found.addAll(payloads(MappedText.compose(decoded, inner.nfkc()), level + 1, run.encoding(), budget));
            }
        }
        return found;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The two views of one text. */
    record Views(MappedText nfkc, MappedText normalized) {
    }
}
