package dev.parapet.detect.injection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in data an agent reads (a tool result, an e-mail, a retrieved document), a line that asks for a task the
 * way a user asks an assistant ("Explain the theory of relativity.", "Translate … to French", "What is the capital
 * of Brazil?") and has nothing to do with the document around it: no content word of the line occurs in the rest
 * of the document. Such a line is addressed to the model, not to the document's reader; this is how an indirect
 * injection with no tell-tale words ("ignore", "instead") hijacks an agent's task. A question or request about the
 * document's own subject ("Can you send the invoice by Friday?" in an e-mail about an invoice) shares a word with
 * it and is left alone, as is any line in a document too short to be unrelated to.
 *
 * <p>English openers only; words are compared by their first five letters, so that "photosynthesis" and
 * "photosynthetic" count as related. Linear in the text. Thread-safe and immutable.
 */
final class UnrelatedTaskScanner {

    /** A found line, as offsets into the scanned text. */
    record Task(int start, int end) {
    }

    /** Lines longer than this are prose, not a request. */
    private static final int MAX_LINE = 300;
    private static final int MIN_WORDS = 3;
    /** Content words the rest of the document must hold before a line can be unrelated to it. */
    private static final int MIN_CONTEXT_WORDS = 12;
    private static final int PREFIX = 5;

    /**
     * How a request to an assistant begins: task verbs in the imperative (among them the verbs that reshape an
     * answer: jumble, misspell, reverse, encode …; not "replace", which in data opens advice to the reader:
     * "Replace this:" in an answer about code), and questions asking for knowledge rather than about
     * the document's business.
     */
    private static final List<String> OPENERS = List.of(
            "explain ", "describe ", "write ", "draft ", "compose ", "translate ", "summarize ", "summarise ",
            "provide ", "generate ", "create ", "develop ", "list ", "outline ", "break down ", "give me ", "show me ",
            "tell me ", "define ", "compare ", "calculate ", "solve ", "suggest ", "recommend ", "name ", "jumble ",
            "misspell ", "rearrange ", "rewrite ", "reverse ", "scramble ", "encode ", "convert ", "capitalize ",
            "capitalise ", "what is ", "what are ", "what's ", "what was ", "what were ", "who wrote ", "who was ",
            "who is ", "who invented ", "who discovered ", "how do ", "how does ", "how can i ", "how did ", "why do ",
            "why does ", "why is ", "why are ", "when did ", "when was ", "where is ", "can you ", "could you ",
            "would you ", "please explain ", "please write ", "please provide ", "please describe ", "please translate ",
            "please summarize ");

    /** Words of four letters or more that say nothing about a subject. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "about", "above", "after", "again", "also", "another", "based", "been", "before", "being", "below", "best",
            "between", "both", "could", "does", "doing", "down", "each", "even", "every", "example", "explain",
            "following", "from", "give", "going", "good", "happen", "happened", "happens", "have", "having", "help",
            "here", "into", "just", "know", "like", "main", "make", "many", "mean", "means", "more", "most", "much",
            "must", "need", "only", "other", "over", "please", "provide", "really", "same", "should", "show", "simple",
            "some", "such", "take", "tell", "terms", "than", "that", "their", "them", "then", "there", "these", "they",
            "thing", "things", "this", "those", "through", "under", "very", "want", "were", "what", "when", "where",
            "which", "while", "will", "with", "within", "without", "work", "working", "works", "would", "write",
            "wrong", "your", "yours");

    List<Task> find(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int[] line = trim(text, start, i);
                if (line[1] > line[0]) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        if (lines.size() < 2) {
            return List.of(); // one line: nothing around it to be unrelated to
        }
        // Each line's content words once, and in how many lines each occurs: linear in the text.
        List<List<String>> words = new ArrayList<>(lines.size());
        Map<String, Integer> linesWith = new HashMap<>();
        for (int[] line : lines) {
            List<String> w = contentWords(text.substring(line[0], line[1]).toLowerCase(Locale.ROOT));
            words.add(w);
            w.forEach(k -> linesWith.merge(k, 1, Integer::sum));
        }
        List<Task> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            int[] line = lines.get(k);
            int length = line[1] - line[0];
            if (length < 12 || length > MAX_LINE) {
                continue;
            }
            String lower = text.substring(line[0], line[1]).toLowerCase(Locale.ROOT);
            String opener = opener(lower);
            if (opener == null || words(lower) < MIN_WORDS) {
                continue;
            }
            List<String> asked = contentWords(lower.substring(opener.length()));
            // the rest of the document: every word some other line holds
            int own = 0;
            for (String w : words.get(k)) {
                own += linesWith.get(w) == 1 ? 1 : 0;
            }
            boolean unrelated = !asked.isEmpty() && linesWith.size() - own >= MIN_CONTEXT_WORDS
                    && asked.stream().allMatch(w -> linesWith.getOrDefault(w, 0) <= 1);
            if (unrelated) {
                out.add(new Task(line[0], line[1]));
            }
        }
        return out;
    }

    private static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            n += !space && !in ? 1 : 0;
            in = !space;
        }
        return n;
    }

    private static String opener(String lower) {
        for (String o : OPENERS) {
            if (lower.startsWith(o)) {
                return o;
            }
        }
        return null;
    }

    /** The distinct content words of {@code lower} (letters only, four or more), each cut to its first five letters. */
    static List<String> contentWords(String lower) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int n = lower.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(lower.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && Character.isLetter(lower.charAt(i))) {
                i++;
            }
            if (i - s >= 4) {
                String w = lower.substring(s, i);
                if (!FUNCTION_WORDS.contains(w)) {
                    String key = w.length() > PREFIX ? w.substring(0, PREFIX) : w;
                    if (seen.add(key)) {
                        out.add(key);
                    }
                }
            }
        }
        return out;
    }

    private static int[] trim(String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new int[]{s, e};
    }
}
