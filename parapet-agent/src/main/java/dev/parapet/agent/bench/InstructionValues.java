package dev.parapet.agent.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the concrete values out of an instruction, as an agent following it would: e-mail addresses,
 * numbers, and identifiers (words with digits or underscores, text in parentheses or quotes).
 */
final class InstructionValues {

    private InstructionValues() {
    }

    static List<String> emails(String s) {
        List<String> out = new ArrayList<>();
        for (String w : words(s)) {
            int at = w.indexOf('@');
            if (at > 0 && w.indexOf('.', at) > at + 1) {
                out.add(w);
            }
        }
        return out;
    }

    static List<String> numbers(String s) {
        List<String> out = new ArrayList<>();
        for (String w : words(s)) {
            String d = w.replace("$", "").replace(",", "");
            if (!d.isEmpty() && d.chars().allMatch(c -> Character.isDigit(c) || c == '.') && Character.isDigit(d.charAt(0))) {
                out.add(d);
            }
        }
        return out;
    }

    /** Identifiers first (in parentheses or quotes, or words with a digit or underscore). */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int open = s.indexOf('(');
        while (open >= 0) {
            int close = s.indexOf(')', open);
            if (close < 0) {
                break;
            }
            out.add(s.substring(open + 1, close).trim());
            open = s.indexOf('(', close);
        }
        for (char q : new char[]{'\'', '"'}) {
            int a = s.indexOf(q);
            while (a >= 0) {
                int b = s.indexOf(q, a + 1);
                if (b < 0) {
                    break;
                }
                if (b - a > 2 && b - a < 80) {
                    out.add(s.substring(a + 1, b));
                }
                a = s.indexOf(q, b + 1);
            }
        }
        for (String w : words(s)) {
            if (w.length() >= 4 && w.chars().anyMatch(c -> Character.isDigit(c) || c == '_') && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s,;()]+")) {
            String t = w;
            while (!t.isEmpty() && ".:!?'\"".indexOf(t.charAt(t.length() - 1)) >= 0) {
                t = t.substring(0, t.length() - 1);
            }
            while (!t.isEmpty() && "'\"".indexOf(t.charAt(0)) >= 0) {
                t = t.substring(1);
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
