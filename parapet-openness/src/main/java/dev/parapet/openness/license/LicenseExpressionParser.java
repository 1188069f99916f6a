package dev.parapet.openness.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A hand-written recursive-descent parser for SPDX licence expressions (SPDX spec annex D): identifiers,
 * {@code +}, {@code WITH}, {@code AND}, {@code OR} and parentheses, operators in upper or lower case. Bounded:
 * input length and nesting are capped, so hostile input fails fast instead of exhausting the stack.
 */
public final class LicenseExpressionParser {

    static final int MAX_LENGTH = 2_000;
    static final int MAX_DEPTH = 32;

    private final List<String> tokens;
    private int pos;
    private int depth;

    private LicenseExpressionParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code text}; empty when it is not a syntactically valid expression. */
    public static Optional<LicenseExpression> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) return Optional.empty();
        List<String> tokens = tokenize(text);
        if (tokens == null || tokens.isEmpty()) return Optional.empty();
        LicenseExpressionParser p = new LicenseExpressionParser(tokens);
        LicenseExpression e = p.or();
        return e != null && p.pos == tokens.size() ? Optional.of(e) : Optional.empty();
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '+') {
                out.add(String.valueOf(c));
                i++;
            } else if (idChar(c)) {
                int start = i;
                while (i < n && idChar(text.charAt(i))) i++;
                out.add(text.substring(start, i));
            } else {
                return null;
            }
        }
        return out;
    }

    private static boolean idChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == ':';
    }

    private LicenseExpression or() {
        LicenseExpression left = and();
        while (left != null && keyword("or")) {
            LicenseExpression right = and();
            if (right == null) return null;
            left = new LicenseExpression.Or(left, right);
        }
        return left;
    }

    private LicenseExpression and() {
        LicenseExpression left = with();
        while (left != null && keyword("and")) {
            LicenseExpression right = with();
            if (right == null) return null;
            left = new LicenseExpression.And(left, right);
        }
        return left;
    }

    private LicenseExpression with() {
        LicenseExpression atom = atom();
        if (atom instanceof LicenseExpression.Id id && keyword("with")) {
            if (pos >= tokens.size() || !isIdentifier(tokens.get(pos))) return null;
            return new LicenseExpression.With(id, tokens.get(pos++));
        }
        return atom;
    }

    private LicenseExpression atom() {
        if (pos >= tokens.size()) return null;
        String t = tokens.get(pos);
        if (t.equals("(")) {
            if (++depth > MAX_DEPTH) return null;
            pos++;
            LicenseExpression inner = or();
            if (inner == null || pos >= tokens.size() || !tokens.get(pos).equals(")")) return null;
            pos++;
            depth--;
            return inner;
        }
        if (!isIdentifier(t)) return null;
        pos++;
        boolean plus = pos < tokens.size() && tokens.get(pos).equals("+");
        if (plus) pos++;
        return new LicenseExpression.Id(t, plus);
    }

    private boolean keyword(String k) {
        if (pos < tokens.size() && tokens.get(pos).toLowerCase(Locale.ROOT).equals(k)
                && (tokens.get(pos).equals(k) || tokens.get(pos).equals(k.toUpperCase(Locale.ROOT)))) {
            pos++;
            return true;
        }
        return false;
    }

    private static boolean isIdentifier(String t) {
        if (t.length() == 1 && "()+".contains(t)) return false;
        String l = t.toLowerCase(Locale.ROOT);
        boolean operator = (l.equals("and") || l.equals("or") || l.equals("with"))
                && (t.equals(l) || t.equals(t.toUpperCase(Locale.ROOT)));
        return !operator;
    }
}
