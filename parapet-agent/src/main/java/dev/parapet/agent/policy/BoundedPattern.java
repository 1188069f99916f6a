package dev.parapet.agent.policy;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression for argument values that cannot backtrack catastrophically: no back-references,
 * no look-around, no quantified group that itself holds a quantifier or an alternation, and inputs are
 * limited in length. Whole-value match.
 */
public final class BoundedPattern {

    /** Longest pattern accepted. */
    public static final int MAX_PATTERN = 300;

    private final String source;
    private final Pattern pattern;

    private BoundedPattern(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException with the reason when the pattern is invalid or unbounded */
    public static BoundedPattern compile(String regex) {
        if (regex.length() > MAX_PATTERN) {
            throw new IllegalArgumentException("pattern is longer than " + MAX_PATTERN + " chars");
        }
        checkBounded(regex);
        try {
            return new BoundedPattern(regex, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid pattern: " + e.getDescription());
        }
    }

    public boolean matches(String value) {
        return pattern.matcher(value).matches();
    }

    public String source() {
        return source;
    }

    /** One pass over the pattern with a stack of groups: what each open group holds. */
    private static void checkBounded(String regex) {
        int depth = 0;
        boolean[] risky = new boolean[MAX_PATTERN + 1]; // group at depth d holds a quantifier or '|'
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < regex.length()) {
                    char n = regex.charAt(i + 1);
                    if (Character.isDigit(n) && n != '0' || n == 'k') {
                        throw new IllegalArgumentException("back-references are not allowed");
                    }
                }
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> {
                    if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i) || regex.startsWith("(?<=", i)
                            || regex.startsWith("(?<!", i)) {
                        throw new IllegalArgumentException("look-around is not allowed");
                    }
                    if (regex.startsWith("(?:", i)) {
                        i += 2;
                    } else if (regex.startsWith("(?", i)) {
                        int close = regex.indexOf(')', i);
                        if (close < 0) {
                            throw new IllegalArgumentException("unbalanced '('");
                        }
                        i = close; // an inline flag group such as (?i): not a group
                        continue;
                    }
                    depth++;
                    risky[depth] = false;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw new IllegalArgumentException("unbalanced ')'");
                    }
                    boolean inner = risky[depth];
                    depth--;
                    if (inner && i + 1 < regex.length() && "*+?{".indexOf(regex.charAt(i + 1)) >= 0
                            && !(regex.charAt(i + 1) == '{' && exactCount(regex, i + 1))) {
                        throw new IllegalArgumentException("a repeated group must not itself repeat or alternate"
                                + " (it could backtrack without bound)");
                    }
                    if (inner && depth > 0) {
                        risky[depth] = true;
                    }
                }
                case '*', '+', '?', '{', '|' -> {
                    if (c == '{' && exactCount(regex, i)) {
                        continue; // x{4} repeats a fixed number of times: no choice to backtrack over
                    }
                    if (depth > 0) {
                        risky[depth] = true;
                    }
                }
                default -> {
                }
            }
        }
    }

    private static boolean exactCount(String regex, int open) {
        int close = regex.indexOf('}', open);
        return close > open + 1 && regex.substring(open + 1, close).chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return source;
    }
}
