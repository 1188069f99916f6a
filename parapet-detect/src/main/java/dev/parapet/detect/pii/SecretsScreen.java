package dev.parapet.detect.pii;

import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Screen;

/**
 * The screen of {@link SecretsDetector} on plain text. Every secret it reports needs one of: a run of 16
 * or more token chars (letters, digits, {@code + / = _ -}: issuer-prefixed keys have 20 and more, random
 * tokens 32, AWS secret keys 40); "eyJ" (a JWT header, which may be shorter); "@" (a password in a URL);
 * "-----" (a key block); "hooks.slack.com"; or "=" or ":" right after a name that says key, token, secret
 * or password (an assignment). A text with none of these holds no secret.
 */
final class SecretsScreen implements Screen {

    /** Shorter than the shortest token any scanner reports. */
    private static final int LONG_TOKEN = 16;

    @Override
    public boolean mayFind(String text, String lower, Role role) {
        int n = text.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Chars.isAsciiAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-') {
                if (++run >= LONG_TOKEN) {
                    return true;
                }
            } else {
                run = 0;
            }
            if (c == '@') {
                return true;
            }
            if ((c == '=' || c == ':') && AssignedSecretScanner.mayNameSecret(AssignedSecretScanner.nameBefore(text, i))) {
                return true;
            }
        }
        return text.contains("eyJ") || text.contains("-----") || lower.contains("hooks.slack.com");
    }
}
