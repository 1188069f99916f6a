package dev.parapet.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the things inside free text that say where an effect lands: e-mail addresses, links and account
 * numbers. A message body may carry a phishing link or an attacker's address even when its recipient is
 * fine. Hand-written tokeniser, linear.
 */
final class Entities {

    private Entities() {
    }

    static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isBreak(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && !isBreak(text.charAt(i))) {
                i++;
            }
            String token = trim(text.substring(s, i));
            if (isEntity(token)) {
                out.add(token);
            }
        }
        return out;
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || c == ',' || c == ';' || c == '"' || c == '\'' || c == '<' || c == '>'
                || c == '(' || c == ')' || c == '[' || c == ']';
    }

    private static String trim(String t) {
        int e = t.length();
        while (e > 0 && ".:!?".indexOf(t.charAt(e - 1)) >= 0) {
            e--;
        }
        return t.substring(0, e);
    }

    private static boolean isEntity(String t) {
        if (t.length() < 6) {
            return false;
        }
        int at = t.indexOf('@');
        if (at > 0 && t.indexOf('.', at) > at + 1) {
            return true;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.")) {
            return true;
        }
        int digits = 0;
        int letters = 0;
        int dashes = 0;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
            } else if (c == '-' || c == ' ') {
                dashes++;
            } else {
                return false;
            }
        }
        if (dashes > 0) {
            return letters == 0 && digits >= 12; // a card number; dates and phone numbers have fewer digits
        }
        return t.length() >= 8 && digits >= 5; // accounts, IBANs, passport and ID numbers
    }
}
