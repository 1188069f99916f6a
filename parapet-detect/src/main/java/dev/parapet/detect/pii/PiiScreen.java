package dev.parapet.detect.pii;

import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Screen;

/**
 * The screen of {@link PiiDetector} on plain text: each kind of personal data needs something a single
 * pass can see. An e-mail address needs "@" or a bracketed "at"; an IPv4 address four digits; a phone number the fewest
 * digits a number of the region has (at most 7); a card or SSN more; an IBAN two letters then two digits;
 * an IPv6 address two colons in a run of hex digits, dots and colons. A text with none of these holds none.
 */
final class PiiScreen implements Screen {

    /** Digits of the shortest IPv4 address (1.2.3.4). */
    private static final int IPV4_DIGITS = 4;

    private final int minDigits;

    PiiScreen(int phoneDigits) {
        this.minDigits = Math.min(IPV4_DIGITS, phoneDigits);
    }

    @Override
    public boolean mayFind(String text, String lower, Role role) {
        int n = text.length();
        int digits = 0;
        int colons = 0; // in the current run of hex digits, dots and colons
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '@' || ((c == '[' || c == '(' || c == '{' || c == '<') && lower.startsWith("at", i + 1))) {
                return true; // an address, maybe spelled out: "john [at] example [dot] com"
            }
            boolean digit = c >= '0' && c <= '9';
            if (digit && ++digits >= minDigits) {
                return true;
            }
            if (digit && i >= 2 && i + 1 < n && Chars.isAsciiLetter(text.charAt(i - 2))
                    && Chars.isAsciiLetter(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1))) {
                return true; // an IBAN's country code and check digits
            }
            if (c == ':') {
                if (++colons >= 2) {
                    return true;
                }
            } else if (!(Chars.isHex(c) || c == '.')) {
                colons = 0;
            }
        }
        return false;
    }
}
