package dev.parapet.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text prepared for detectors. Every view maps back into the original. Immutable.
 *
 * @param original   the text exactly as received
 * @param nfkc       a light view for pattern detectors (PII, secrets, injection phrases): Unicode
 *                   NFKC and invisible characters removed; case, digits and letters otherwise kept
 * @param normalized the folded view for matching words: NFKC, case folding, invisible characters and
 *                   excess combining marks removed, homoglyphs folded, leetspeak and split letters
 *                   undone, runs of 3+ identical characters squeezed to one (with its run length kept)
 * @param payloads   payloads decoded from inside the text ({@link Payload.Encoding}), each
 *                   normalised like {@code normalized}
 */
public record AnalyzedText(String original, MappedText nfkc, MappedText normalized, List<Payload> payloads) {

    public AnalyzedText {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(nfkc, "nfkc");
        Objects.requireNonNull(normalized, "normalized");
        payloads = List.copyOf(payloads);
    }

    /** A text analysed as itself: every view is the original, nothing decoded. */
    public static AnalyzedText plain(String original) {
        MappedText id = MappedText.identity(original);
        return new AnalyzedText(original, id, id, List.of());
    }

    /**
     * The analysis of a text whose normalised view a normaliser proved char for char: the {@code nfkc} view
     * is the text itself, the {@code normalized} view is {@code view} char for char, nothing decoded.
     */
    public static AnalyzedText ofPlainView(String original, String view) {
        if (view.length() != original.length()) {
            throw new IllegalArgumentException("a plain view has the length of its text");
        }
        MappedText id = MappedText.identity(original);
        return new AnalyzedText(original, id, view.equals(original) ? id : MappedText.positional(view), List.of());
    }

    /** True when every view is the original itself and nothing was decoded. */
    public boolean isPlain() {
        return nfkc.isIdentity() && normalized.isIdentity() && payloads.isEmpty();
    }

    /** The normalised view first, then each payload's view: what word detectors should scan. */
    public List<MappedText> views() {
        if (payloads.isEmpty()) {
            return List.of(normalized);
        }
        List<MappedText> views = new ArrayList<>(1 + payloads.size());
        views.add(normalized);
        for (Payload p : payloads) {
            views.add(p.text());
        }
        return views;
    }
}
