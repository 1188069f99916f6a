package dev.parapet.detect.injection;

import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.MappedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The values instructions keep, and where an answer repeats them. {@link InstructionProbeScanner} collects them as it
 * reads the instructions' sentences (a value quoted in a sentence that states facts or restricts, a code with a digit
 * in one that states or keeps it, an unquoted secret it finds itself); {@link InstructionLeakDetector} has them
 * searched in the model's answer. Stateless.
 */
final class KeptValues {

    /** Values kept at most: a system prompt names a few secrets, and each costs a search of every answer. */
    static final int MAX_VALUES = 32;
    /** Longest value kept; a longer quotation is a text to use, not a secret to keep. */
    static final int MAX_VALUE = 128;
    /** Shortest value kept: shorter ones are everyday text. */
    static final int MIN_VALUE = 3;
    /** Shortest unquoted token with a digit kept ("4471", not "12 March"). */
    static final int MIN_CODE = 4;

    private KeptValues() {
    }

    /**
     * Adds the values of the sentence text[from, to) to {@code out}: its quoted stretches, and its tokens of
     * {@value #MIN_CODE} chars or more with a digit when {@code codes} ("The vault code is 4471."; not a year; not in a
     * prohibition, where a number is a limit: "never more than 100 words").
     *
     * @param lower  the text in lower case, char for char
     * @param quotes the sentence's quoted stretches
     */
    static void read(String text, String lower, int from, int to, List<int[]> quotes, boolean codes, Set<String> out) {
        for (int[] q : quotes) {
            keep(lower.substring(q[0], q[1]).strip(), out);
        }
        int i = codes ? from : to;
        while (i < to) {
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int e = i;
            while (s < e && !Character.isLetterOrDigit(text.charAt(s))) {
                s++;
            }
            while (e > s && !Character.isLetterOrDigit(text.charAt(e - 1))) {
                e--;
            }
            String token = lower.substring(s, e);
            if (token.length() >= MIN_CODE && token.chars().anyMatch(Character::isDigit) && !isYear(token)) {
                keep(token, out);
            }
        }
    }

    /** Adds {@code value} when it is neither too short nor too long, and fewer than {@value #MAX_VALUES} are kept. */
    static void keep(String value, Set<String> out) {
        if (value.length() >= MIN_VALUE && value.length() <= MAX_VALUE && out.size() < MAX_VALUES) {
            out.add(value);
        }
    }

    /**
     * Where {@code answer} repeats one of {@code values}, without regard to case and at word edges; a value of letters
     * is also looked for in {@code plain}, the answer's normalised view ("P-i-a-n-o", "p i a n o"), whose places map
     * back to the answer.
     */
    static List<Span> find(List<String> values, String answer, MappedText plain, Deadline deadline) {
        if (values.isEmpty()) {
            return List.of();
        }
        String lower = ContentWords.lowerInPlace(answer);
        List<Span> out = new ArrayList<>();
        for (String v : values) {
            int before = out.size();
            for (int at = wordAt(lower, v, 0); at >= 0; at = wordAt(lower, v, at + 1)) {
                out.add(new Span(at, at + v.length()));
            }
            if (out.size() == before && v.chars().allMatch(Character::isLetter)) {
                String view = plain.text();
                for (int at = wordAt(view, v, 0); at >= 0; at = wordAt(view, v, at + 1)) {
                    out.add(plain.toOriginal(at, at + v.length()));
                }
            }
            deadline.check();
        }
        return out;
    }

    /** The first place from {@code from} where {@code value} stands in {@code text} as a whole, or -1. */
    private static int wordAt(String text, String value, int from) {
        for (int at = text.indexOf(value, from); at >= 0; at = text.indexOf(value, at + 1)) {
            int end = at + value.length();
            boolean starts = at == 0 || !Character.isLetterOrDigit(value.charAt(0))
                    || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean ends = end == text.length() || !Character.isLetterOrDigit(value.charAt(value.length() - 1))
                    || !Character.isLetterOrDigit(text.charAt(end));
            if (starts && ends) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isYear(String token) {
        return token.length() == 4 && token.chars().allMatch(Character::isDigit)
                && (token.startsWith("19") || token.startsWith("20"));
    }
}
