package dev.parapet.detect.injection;

import dev.parapet.core.detect.Deadline;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlNode;

import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * <p>Openers and function words in English, German, French, Spanish, Italian, Portuguese and Russian (the shipped
 * {@code unrelated-tasks.yaml}); words are compared by their first five letters, so that "photosynthesis" and
 * "photosynthetic" count as related. Scripts without spaces between words are not read. Linear in the text, and
 * it gives up when the detector's time budget runs out.
 * Thread-safe and immutable.
 */
final class UnrelatedTaskScanner {

    /** A found line, as offsets into the scanned text. */
    record Task(int start, int end) {
    }

    /** Lines shorter than this say too little to be a task; longer than {@link #MAX_LINE}, they are prose. */
    private static final int MIN_LINE = 12;
    private static final int MAX_LINE = 300;
    private static final int MIN_WORDS = 3;
    /** Content words the rest of the document must hold before a line can be unrelated to it. */
    private static final int MIN_CONTEXT_WORDS = 12;
    private static final String SHIPPED = "unrelated-tasks.yaml";
    /** Lines read between two looks at the deadline. */
    private static final int DEADLINE_EVERY = 256;

    /** How a request to an assistant begins in one language (see the shipped {@code unrelated-tasks.yaml}). */
    record Openers(List<String> tasks, List<String> questions, List<String> polite) {
        Openers {
            tasks = List.copyOf(tasks);
            questions = List.copyOf(questions);
            polite = List.copyOf(polite);
        }
    }

    private final List<Openers> languages;
    /** Every language's function words left out: a word that says nothing in one language is no subject in another. */
    private final ContentWords contentWords;

    UnrelatedTaskScanner(List<Openers> languages, ContentWords contentWords) {
        this.languages = List.copyOf(languages);
        this.contentWords = contentWords;
    }

    /** How this scanner compares words (its function words left out), for the package's other scanners. */
    ContentWords contentWords() {
        return contentWords;
    }

    /** The scanner with the shipped openers and function words. */
    static UnrelatedTaskScanner shipped() {
        InputStream in = UnrelatedTaskScanner.class.getResourceAsStream(SHIPPED);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("missing resource " + SHIPPED));
        }
        YamlNode root = Yaml.parse(SHIPPED, in).onlyKeys(Set.of("languages"));
        List<Openers> languages = new ArrayList<>();
        Set<String> functionWords = new HashSet<>();
        for (YamlNode lang : root.require("languages").entries().values()) {
            lang.onlyKeys(Set.of("tasks", "questions", "polite", "function_words"));
            languages.add(new Openers(phrases(lang, "tasks"), phrases(lang, "questions"), phrases(lang, "polite")));
            functionWords.addAll(phrases(lang, "function_words"));
        }
        return new UnrelatedTaskScanner(languages, new ContentWords(functionWords));
    }

    /** The entries listed under {@code key}, stripped and in lower case; an empty one is an error. */
    static List<String> listed(YamlNode lang, String key) {
        List<String> out = new ArrayList<>();
        for (String p : lang.strings(key)) {
            String lower = p.strip().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                throw lang.require(key).error("empty entry in " + key);
            }
            out.add(lower);
        }
        return out;
    }

    private static List<String> phrases(YamlNode lang, String key) {
        List<String> out = new ArrayList<>(listed(lang, key));
        out.sort(java.util.Comparator.comparingInt(String::length).reversed()); // "can you please" before "can you"
        return out;
    }

    /** The lines of {@code text} that are tasks unrelated to the rest; checks {@code deadline} as it goes. */
    List<Task> find(String text, Deadline deadline) {
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
        // Each line lower-cased and its content words once, and in how many lines each word occurs: linear.
        List<String> lowered = new ArrayList<>(lines.size());
        List<List<String>> words = new ArrayList<>(lines.size());
        Map<String, Integer> linesWith = new HashMap<>();
        for (int[] line : lines) {
            if (words.size() % DEADLINE_EVERY == 0) {
                deadline.check();
            }
            String lower = text.substring(line[0], line[1]).toLowerCase(Locale.ROOT);
            List<String> w = contentWords.of(lower);
            lowered.add(lower);
            words.add(w);
            w.forEach(k -> linesWith.merge(k, 1, Integer::sum));
        }
        List<Task> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            int[] line = lines.get(k);
            int length = line[1] - line[0];
            if (length < MIN_LINE || length > MAX_LINE) {
                continue;
            }
            String lower = lowered.get(k);
            int opener = opener(lower);
            if (opener < 0 || words(lower) < MIN_WORDS) {
                continue;
            }
            List<String> asked = contentWords.of(lower.substring(opener));
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

    /**
     * How much of {@code lower} is the opening of a request to an assistant ("explain", "can you write", "what
     * is"), or -1 when it does not open like one.
     */
    private int opener(String lower) {
        for (Openers o : languages) {
            int n = startsWithOne(lower, 0, o.tasks(), true);
            if (n < 0) {
                n = startsWithOne(lower, 0, o.questions(), false);
            }
            if (n < 0) {
                int polite = startsWithOne(lower, 0, o.polite(), false);
                if (polite > 0) {
                    int at = polite;
                    while (at < lower.length() && (lower.charAt(at) == ' ' || lower.charAt(at) == ',')) {
                        at++;
                    }
                    n = startsWithOne(lower, at, o.tasks(), true);
                }
            }
            if (n > 0) {
                return n;
            }
        }
        return -1;
    }

    /**
     * The end of the phrase of {@code phrases} that {@code s} holds at {@code at}, as a whole word, else -1. A verb
     * must be followed by a space, as an imperative is ("Name: Jo Smith" and "Summary:" head fields of data).
     */
    private static int startsWithOne(String s, int at, List<String> phrases, boolean verb) {
        for (String p : phrases) {
            int end = at + p.length();
            if (!s.startsWith(p, at)) {
                continue;
            }
            boolean wordEnds = end == s.length() || !Character.isLetter(s.charAt(end))
                    || !Character.isLetter(p.charAt(p.length() - 1));
            if (verb ? end < s.length() && s.charAt(end) == ' ' : wordEnds) {
                return end;
            }
        }
        return -1;
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
