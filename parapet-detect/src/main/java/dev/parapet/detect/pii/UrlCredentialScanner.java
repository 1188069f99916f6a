package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords written into URLs: {@code scheme://user:password@host}, as in database connection
 * strings. The span is the password alone. Placeholder passwords ({@code password}, {@code ****},
 * {@code <pass>}, {@code ${DB_PASSWORD}}) are not reported.
 */
final class UrlCredentialScanner implements TextScanner {

    static final double SCORE = 0.85;

    /** User-info longer than this is not one. */
    private static final int MAX_USERINFO = 256;
    private static final Set<String> PLACEHOLDERS = Set.of("password", "pass", "passwd", "pwd", "secret",
        "pw", "p", "x", "xxx", "xxxx", "changeme", "yourpassword", "your_password", "mypassword", "my_password",
        "token", "apikey", "api_key", "user", "username");

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int from = 0;
        while (true) {
            int scheme = text.indexOf("://", from);
            if (scheme < 0) {
                return;
            }
            deadline.check();
            int start = scheme + 3;
            int end = start;
            int colon = -1;
            // The user-info ends at '@'; a '/', whitespace or another scheme first means there is none.
            while (end < text.length() && end - start <= MAX_USERINFO) {
                char c = text.charAt(end);
                if (c == '@' || c == '/' || c == '?' || c == '#' || Character.isWhitespace(c)) {
                    break;
                }
                if (c == ':' && colon < 0) {
                    colon = end;
                }
                end++;
            }
            if (Chars.at(text, end) == '@' && colon >= start && end > colon + 1 && !placeholder(text, colon + 1, end)) {
                out.add(new Hit(colon + 1, end, "SECRET", SCORE, "password in a URL's user-info"));
            }
            from = Math.max(end, start);
        }
    }

    private static boolean placeholder(String text, int start, int end) {
        String password = text.substring(start, end).toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(password)) {
            return true;
        }
        char first = password.charAt(0);
        return first == '<' || first == '$' || first == '{' || first == '%' || first == '[' || first == '*'
                || password.chars().distinct().count() == 1;
    }
}
