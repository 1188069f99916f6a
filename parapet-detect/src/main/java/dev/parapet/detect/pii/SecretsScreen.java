package dev.parapet.detect.pii;

import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Screen;

import java.util.Locale;

/**
 * The screen of {@link SecretsDetector} on plain text. Every secret it reports needs one of: an issuer's
 * prefix ({@code AKIA}, {@code AIza}, {@code ghp_}, {@code xoxb-}, {@code sk_live_}, a Slack hook URL, …,
 * as {@link KnownTokenScanner} reads them); "eyJ" (a JWT); "-----" (a key block); "@" (a password in a
 * URL); a run of 32 or more token chars (letters, digits, {@code + / = _ -}: a random token, or an AWS
 * secret key's 40); or "=" or ":" right after a name that says key, token, secret or password (an
 * assignment). A text with none of these holds no secret.
 */
final class SecretsScreen implements Screen {

    /** The shortest random token reported; AWS secret keys are longer. */
    private static final int LONG_TOKEN = 32;
    /** What every issuer-prefixed token, JWT and key block starts with, case as the scanners read it. */
    private static final String[] PREFIXES = {"AKIA", "ASIA", "ABIA", "ACCA", "AIza", "ghp_", "gho_", "ghu_",
            "ghs_", "ghr_", "github_pat_", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "k_live_", "k_test_",
            "hooks.slack.com", "eyJ", "-----"};

    /** The prefixes by their first char, so that one pass finds them all. */
    private static final String[][] BY_FIRST = byFirst();

    private static String[][] byFirst() {
        String[][] out = new String[128][];
        for (String p : PREFIXES) {
            char c = p.charAt(0);
            String[] old = out[c] == null ? new String[0] : out[c];
            String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = p;
            out[c] = grown;
        }
        return out;
    }

    /** By ASCII char, -1 when it is a char of a random token (so it keeps a run of them going), else 0. */
    private static final int[] TOKEN_KEEP = tokenKeep();
    /**
     * One bit per pair of ASCII chars (first * 128 + second) that begins a prefix. Prefixes start with
     * common letters ("e" of "eyJ", "h" of "hooks."), so a prefix is looked for only where its first two
     * chars stand, found by one table read per char instead of a branch per common letter.
     */
    private static final long[] PREFIX_PAIRS = prefixPairs();

    private static int[] tokenKeep() {
        int[] keep = new int[128];
        for (char c = 0; c < 128; c++) {
            boolean token = Chars.isAsciiAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
            keep[c] = token ? -1 : 0;
        }
        return keep;
    }

    private static long[] prefixPairs() {
        long[] pairs = new long[128 * 128 / 64];
        for (String p : PREFIXES) {
            int pair = p.charAt(0) << 7 | p.charAt(1);
            pairs[pair >>> 6] |= 1L << pair;
        }
        return pairs;
    }

    @Override
    public boolean mayFind(String text, String lower, Role role) {
        int n = text.length();
        int run = 0;
        // A name that says secret lies inside the text: without such a word anywhere, no assignment counts.
        // Asked at the first "=" or ":" only.
        int names = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                run = 0;
                continue;
            }
            run = (run + 1) & TOKEN_KEEP[c];
            if (run >= LONG_TOKEN) {
                return true;
            }
            int pair = c << 7 | (i + 1 < n ? text.charAt(i + 1) & 0x7F : 0);
            if ((PREFIX_PAIRS[pair >>> 6] & 1L << pair) != 0) {
                for (String p : BY_FIRST[c]) {
                    if (text.startsWith(p, i)) {
                        return true;
                    }
                }
            }
            if (c == '@') {
                return true;
            }
            if (c == '=' || c == ':') {
                if (names < 0) {
                    // A squeezed run in the view ("passs" is "pas") may hide a name the text holds.
                    names = AssignedSecretScanner.mayNameSecret(lower) || lower.length() != n
                            && AssignedSecretScanner.mayNameSecret(text.toLowerCase(Locale.ROOT)) ? 1 : 0;
                }
                if (names == 1 && AssignedSecretScanner.mayNameSecretBefore(text, i)) {
                    return true;
                }
            }
        }
        return false;
    }
}
