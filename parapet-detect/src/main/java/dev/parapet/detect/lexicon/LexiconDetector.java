package dev.parapet.detect.lexicon;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.detect.Screen;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;
import dev.parapet.core.text.Payload;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.text.UnicodeNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds lexicon terms (profanity, slurs, explicit sexual terms, self-harm phrases, in many languages) in
 * every view of a text: the normalised view and each decoded payload. Terms are analysed at build time
 * by the same {@link TextNormalizer} that analyses texts, so folding, leetspeak and homoglyph undoing
 * apply to both sides alike, as in Lucene's index- and query-time analysis.
 *
 * <p>Each finding has the term's category, a score from its severity, the span in the original text,
 * a label naming the kind of term ({@code profanity}, {@code slur}, {@code sexual}, {@code self_harm})
 * and evidence such as {@code lexicon term (de, severity 2)}. The evidence never repeats the matched
 * words: findings travel into logs and review queues where a slur should not be reproduced, and the
 * span already points at the text for whoever may see it. Nested matches of one category are reported
 * once, by the outermost (or more severe) match. Thread-safe and immutable.
 */
public final class LexiconDetector implements Detector {

    /** The detector id. */
    public static final String ID = "lexicon";

    private final Lexicon lexicon;
    private final LexiconMatcher matcher;
    private final Set<String> categories;

    private LexiconDetector(Lexicon lexicon, TextNormalizer normalizer) {
        this.lexicon = lexicon;
        this.matcher = new LexiconMatcher(lexicon, normalizer);
        this.categories = Set.copyOf(lexicon.categories());
    }

    /**
     * A detector for {@code lexicon}, whose terms are analysed with {@code normalizer} (give it the
     * normaliser that analyses the texts).
     *
     * @throws IllegalArgumentException when a term is empty once normalised
     */
    public static LexiconDetector of(Lexicon lexicon, TextNormalizer normalizer) {
        return new LexiconDetector(lexicon, normalizer);
    }

    /**
     * A detector for the lexicons shipped with Parapet (see {@link LexiconLoader#shipped()}), analysed with
     * {@code normalizer}: give it the normaliser that analyses the texts.
     */
    public static LexiconDetector defaults(TextNormalizer normalizer) {
        return of(LexiconLoader.shipped(), normalizer);
    }

    /** A detector for the shipped lexicons, analysed with Parapet's {@link UnicodeNormalizer}. */
    public static LexiconDetector defaults() {
        return defaults(new UnicodeNormalizer());
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Number of patterns the automaton holds: terms, their masked variants and allowed words. */
    public int patternCount() {
        return matcher.patternCount();
    }

    /** Approximate heap size of the compiled lexicon in bytes. */
    public long estimatedBytes() {
        return matcher.estimatedBytes();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> categories() {
        return categories;
    }

    @Override
    public Cost cost() {
        return Cost.RULE;
    }

    /** On plain text: a finding needs a term (or its masked spelling) at the word edges the term needs. */
    @Override
    public Optional<Screen> screen() {
        return Optional.of((text, lower, role) -> matcher.mayMatchPlain(text, lower));
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
        List<Found> found = new ArrayList<>();
        collect(text.normalized(), text.original(), null, deadline, found);
        for (Payload p : text.payloads()) {
            collect(p.text(), null, p.encoding(), deadline, found);
        }
        return outermost(found);
    }

    private void collect(MappedText view, String original, Payload.Encoding encoding, Deadline deadline,
                         List<Found> out) {
        for (LexiconMatcher.Hit hit : matcher.find(view, original, deadline)) {
            Span span = view.toOriginal(hit.start(), hit.end());
            if (original != null && hit.term().severity() == 1 && inIdentifier(original, span)) {
                continue;
            }
            out.add(new Found(hit.term(), span, hit.masked(), encoding));
        }
    }

    /**
     * Whether a match is one part of a snake_case identifier ({@code ass_content}, {@code convert_srt_to_ass}): the
     * underscore that joins it to a neighbouring part of two letters or digits or more is a word break to the
     * lexicon (so that "kill_yourself" is still found), but a mild term there names a thing in code (the ASS
     * subtitle format) more often than it insults. Letters written apart ("a_s_s") are not parts: the match then
     * spans the underscores itself.
     */
    private static boolean inIdentifier(String original, Span span) {
        int s = span.start();
        int e = span.end();
        int underscore = original.indexOf('_', s);
        if (underscore >= 0 && underscore < e) {
            return false;
        }
        boolean left = s >= 3 && original.charAt(s - 1) == '_' && Character.isLetterOrDigit(original.charAt(s - 2))
                && Character.isLetterOrDigit(original.charAt(s - 3));
        boolean right = e + 2 < original.length() && original.charAt(e) == '_'
                && Character.isLetterOrDigit(original.charAt(e + 1))
                && Character.isLetterOrDigit(original.charAt(e + 2));
        return left || right;
    }

    /** A match mapped back into the original text. */
    private record Found(Term term, Span span, boolean masked, Payload.Encoding encoding) {

        Finding toFinding() {
            StringBuilder evidence = new StringBuilder("lexicon term (").append(term.language())
                    .append(", severity ").append(term.severity());
            if (masked) {
                evidence.append(", masked spelling");
            }
            if (encoding != null) {
                evidence.append(", in ").append(encoding.name().toLowerCase(Locale.ROOT)).append(" payload");
            }
            evidence.append(')');
            return Finding.at(term.category(), term.score(), span, ID, label(term.category()), evidence.toString());
        }
    }

    /**
     * Per category, drops matches that lie inside another match of at least the same severity
     * ("fuck" inside "motherfucker", the same word seen in the text and in a decoded payload).
     */
    private static List<Finding> outermost(List<Found> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparing((Found f) -> f.term.category())
                .thenComparingInt(f -> f.span.start())
                .thenComparing(Comparator.comparingInt((Found f) -> f.span.end()).reversed())
                .thenComparing(Comparator.comparingInt((Found f) -> f.term.severity()).reversed())
                .thenComparing(f -> f.masked));
        List<Finding> out = new ArrayList<>();
        Found cover = null;
        for (Found f : found) {
            boolean sameCategory = cover != null && cover.term.category().equals(f.term.category());
            if (sameCategory && f.span.end() <= cover.span.end() && f.term.severity() <= cover.term.severity()) {
                continue;
            }
            out.add(f.toFinding());
            if (!sameCategory || f.span.end() > cover.span.end() || f.term.severity() > cover.term.severity()) {
                cover = f;
            }
        }
        out.sort(Comparator.comparing((Finding f) -> f.span().orElseThrow()));
        return out;
    }

    /** The label of a category's findings: the kind of term, used for redaction placeholders. */
    public static String label(String category) {
        return switch (category) {
            case "hate" -> "slur";
            case "sexual_content" -> "sexual";
            case "suicide_self_harm" -> "self_harm";
            case "child_sexual_exploitation" -> "csam";
            case "violent_crimes" -> "threat";
            default -> category;
        };
    }
}
