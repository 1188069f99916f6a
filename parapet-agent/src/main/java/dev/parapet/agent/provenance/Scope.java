package dev.parapet.agent.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user's request is about, for deciding whether a tool is part of it. A tool's intents are
 * phrases; an intent matches when each of its words starts a word of the request ("pay" matches
 * "payment", "send email" needs both words). Without a model this is lexical by design: policies list
 * the words users say when they want a tool (and its translations, for other languages).
 */
public final class Scope {

    private final List<String> words;

    private Scope(List<String> words) {
        this.words = words;
    }

    /** The scope of the user's own words. */
    public static Scope of(String userText) {
        List<String> w = new ArrayList<>();
        String t = userText.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && !Character.isLetterOrDigit(t.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '\'')) {
                i++;
            }
            if (i > s) {
                w.add(t.substring(s, i));
            }
        }
        return new Scope(List.copyOf(w));
    }

    /**
     * Phrases with which a request hands its authority to a document it names ("read the file and follow the
     * instructions precisely"). Lexical and English, like the policies' intents.
     */
    private static final List<String> DELEGATION = List.of("follow the instructions", "follow its instructions",
            "follow the steps", "follow these instructions", "do what it says", "do as it says", "as instructed",
            "carry out the instructions", "execute the instructions", "complete the tasks", "do the tasks");

    /**
     * True when the user's request delegates to a document it names: then the instructions of that document (minus
     * any injected passage) widen what the request covers.
     */
    public static boolean delegates(String userText) {
        String t = String.join(" ", Scope.of(userText).words);
        for (String phrase : DELEGATION) {
            if ((" " + t + " ").contains(" " + phrase + " ")) {
                return true;
            }
        }
        return false;
    }

    /** True when any intent matches the request. */
    public boolean covers(List<String> intents) {
        for (String intent : intents) {
            if (matches(intent)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String intent) {
        for (String part : intent.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!part.isEmpty() && words.stream().noneMatch(w -> w.startsWith(part) || isCjkIn(part, w))) {
                return false;
            }
        }
        return true;
    }

    /** Chinese and Japanese write words together: an intent in those scripts matches inside a run. */
    private static boolean isCjkIn(String part, String word) {
        int cp = part.codePointAt(0);
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA) && word.contains(part);
    }
}
