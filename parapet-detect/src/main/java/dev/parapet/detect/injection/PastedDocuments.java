package dev.parapet.detect.injection;

import dev.parapet.core.finding.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of a user's message that are material handed to the assistant rather than the user's own words: a
 * fenced code block, markup (an HTML page, a {@code <code>} element, a comment), a quoted passage, or what follows a
 * lead line that names the material and ends in a colon ("Summarize this e-mail:" and the e-mail below it). Text
 * there was written by someone else, so an instruction to the model inside it is an indirect injection, as in a tool
 * result.
 *
 * <p>Written by hand: no library marks "the pasted part" of free text. The marks are cheap and loose on purpose; a
 * passage counts only when it is long enough to be a document ({@value #MIN_PASSAGE} chars), so a quoted phrase
 * ("what does 'carpe diem' mean?") stays the user's. One forward pass; stateless.
 */
final class PastedDocuments {

    /** Shorter quoted or introduced text is a phrase of the user's, not a document. */
    static final int MIN_PASSAGE = 30;
    /** A lead line ("Summarize this e-mail for me:") is looked for this far into the message. */
    private static final int MAX_LEAD = 300;
    /** Nouns that name what a user hands over, in English, German, French, Spanish, Italian and Portuguese. */
    private static final Set<String> MATERIAL = Set.of(
            "text", "texts", "email", "emails", "e-mail", "e-mails", "mail", "message", "messages", "letter",
            "article", "articles", "report", "transcript", "document", "documents", "doc", "review", "reviews",
            "post", "posts", "comment", "comments", "paragraph", "paragraphs", "passage", "code", "snippet", "story",
            "essay", "page", "webpage", "website", "file", "table", "context", "conversation", "dialog", "dialogue",
            "chat", "log", "abstract", "paper", "resume", "cv", "ticket", "feedback", "content", "excerpt", "note",
            "notes", "minutes", "thread", "tweet", "description", "contract", "answer", "response", "html", "json",
            "csv", "xml", "brief", "nachricht", "artikel", "bericht", "dokument", "absatz", "seite", "datei",
            "tabelle", "kontext", "gespräch", "bewertung", "kommentar", "aufsatz", "inhalt", "protokoll", "courriel",
            "lettre", "rapport", "paragraphe", "fichier", "tableau", "contexte", "avis", "commentaire", "contenu",
            "extrait", "correo", "mensaje", "carta", "artículo", "informe", "documento", "párrafo", "texto",
            "archivo", "tabla", "contexto", "reseña", "comentario", "contenido", "testo", "messaggio", "articolo",
            "recensione", "mensagem", "artigo", "relatório", "arquivo", "código", "codice");
    private static final String OPENERS = "'\"“‘«„「『";
    private static final String CLOSERS = "'\"”’»“」』";

    private PastedDocuments() {
    }

    /**
     * The pasted parts of {@code text}, in original offsets, in order and disjoint (overlapping parts, a quote inside
     * a code block, are merged), so that {@link #inside} is a binary search however many a hostile text holds.
     */
    static List<Span> find(String text) {
        List<Span> found = new ArrayList<>();
        fenced(text, "```", found);
        fenced(text, "~~~", found);
        markup(text, found);
        quoted(text, found);
        afterLead(text, found);
        found.sort(null);
        List<Span> out = new ArrayList<>(found.size());
        for (Span s : found) {
            int last = out.size() - 1;
            if (last >= 0 && s.start() <= out.get(last).end()) {
                out.set(last, out.get(last).union(s));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The pasted parts of one message, found when first asked for: most messages hold no data cue that asks. For one
     * check on one thread.
     */
    static final class Lookup {
        /** A text with nothing pasted (a tool result is data throughout; an answer is the model's own words). */
        static final Lookup NONE = new Lookup("", List.of()); // found already: shared, never written

        private final String text;
        private List<Span> found;

        /** The pasted parts of {@code text}, a user's message. */
        Lookup(String text) {
            this(text, null);
        }

        private Lookup(String text, List<Span> found) {
            this.text = text;
            this.found = found;
        }

        /** Whether {@code span} lies inside a pasted part. */
        boolean holds(Span span) {
            if (found == null) {
                found = find(text);
            }
            return inside(span, found);
        }
    }

    /** Whether {@code span} lies inside one of {@code documents}, as {@link #find} returns them. */
    static boolean inside(Span span, List<Span> documents) {
        int lo = 0;
        int hi = documents.size() - 1;
        while (lo <= hi) { // the last document that starts at or before the span
            int mid = (lo + hi) >>> 1;
            if (documents.get(mid).start() <= span.start()) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && span.end() <= documents.get(hi).end();
    }

    private static void fenced(String text, String fence, List<Span> out) {
        int open = text.indexOf(fence);
        while (open >= 0) {
            int close = text.indexOf(fence, open + fence.length());
            add(open + fence.length(), close < 0 ? text.length() : close, out);
            open = close < 0 ? -1 : text.indexOf(fence, close + fence.length());
        }
    }

    /** From the first tag to the last {@code >}, when there are two tags or more: a page, a form, a code element. */
    private static void markup(String text, List<Span> out) {
        int first = -1;
        int tags = 0;
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            char next = text.charAt(i + 1);
            if (Character.isLetter(next) || next == '/' || next == '!') {
                first = first < 0 ? i : first;
                tags++;
            }
        }
        int last = text.lastIndexOf('>');
        if (tags >= 2 && last > first) {
            add(first, last + 1, out);
        }
    }

    /**
     * A quote that opens after a space or punctuation, up to its closer: for straight quotes the next one not followed
     * by a letter or digit ("it's" and "let's" inside stay inside), or the end of the text if none.
     */
    private static void quoted(String text, List<Span> out) {
        int i = 0;
        while (i < text.length()) {
            int kind = OPENERS.indexOf(text.charAt(i));
            if (kind < 0 || i > 0 && !opensAfter(text.charAt(i - 1))) {
                i++;
                continue;
            }
            char closer = CLOSERS.charAt(kind);
            int end = i + 1;
            while (end < text.length() && !(text.charAt(end) == closer
                    && (end + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 1))))) {
                end++;
            }
            if (end - i - 1 >= MIN_PASSAGE) {
                add(i + 1, end, out);
                i = end + 1;
            } else {
                i++; // a short quote: its closer may open the next one
            }
        }
    }

    /** A quote opens after anything but a letter or digit ("it's" holds none; "：「" and " '" open one). */
    private static boolean opensAfter(char c) {
        return !Character.isLetterOrDigit(c);
    }

    /**
     * What follows the first line that ends in a colon and names the material ("Summarize this e-mail for me:",
     * "Context:"), when that is long. A lead that names none ("Follow these rules:", "Use this format:") introduces
     * the user's own words.
     */
    private static void afterLead(String text, List<Span> out) {
        int start = 0;
        while (start < Math.min(text.length(), MAX_LEAD)) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return;
            }
            int end = nl;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start && text.charAt(end - 1) == ':') {
                if (namesMaterial(text.substring(start, end))) {
                    add(nl + 1, text.length(), out);
                }
                return;
            }
            start = nl + 1;
        }
    }

    private static boolean namesMaterial(String lead) {
        for (String word : lead.toLowerCase(Locale.ROOT).split("[^\\p{L}-]+")) {
            if (MATERIAL.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static void add(int start, int end, List<Span> out) {
        if (end - start >= MIN_PASSAGE) {
            out.add(new Span(start, end));
        }
    }
}
