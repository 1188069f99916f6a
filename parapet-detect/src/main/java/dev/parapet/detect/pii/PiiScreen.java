package dev.parapet.detect.pii;

import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Screen;

/**
 * The screen of {@link PiiDetector} on plain text: each kind of personal data needs something a single
 * pass can see. An e-mail address needs "@" or a bracketed "at"; an IPv4 address a run of digits and dots
 * holding three dots between digits ("1.5" or "v2.0.1" alone is none);
 * an IPv6 address two colons in a run of hex digits, dots and colons that is a token of its own, as {@link
 * IpAddressScanner} reads one (nothing glued to it, a digit in it: not "std::vector"); an IBAN two letters then two
 * digits; a phone number, an SSN or a card number a run of digits and layout chars (spaces, dashes, dots,
 * brackets, slashes, plus) holding at least as many digits as the shortest of them (a phone number of
 * the region, at most 7; an SSN 9; a card more). A text with none of these holds none.
 */
final class PiiScreen implements Screen {

    /** Digits of an SSN; cards have more, so a shorter phone minimum decides. */
    private static final int SSN_DIGITS = 9;

    private final int runDigits;

    PiiScreen(int phoneDigits) {
        this.runDigits = Math.min(SSN_DIGITS, phoneDigits);
    }

    // What an ASCII char means to the screen, looked up once per char.
    private static final byte INERT_LAYOUT = 1; // a layout char that is no trigger: keeps a run of digits going
    private static final byte INERT_HEX = 2;    // a hex letter: keeps a run of hex digits and colons going
    private static final byte TRIGGER = 4;      // "@", an opening bracket, a digit, "." or ":": the full rules
    private static final byte[] ASCII = asciiClasses();

    private static byte[] asciiClasses() {
        byte[] classes = new byte[128];
        for (char c = 0; c < 128; c++) {
            boolean trigger = c == '@' || c == '[' || c == '(' || c == '{' || c == '<' || Chars.isDigit(c)
                    || c == '.' || c == ':';
            classes[c] = trigger ? TRIGGER : (byte) ((isLayout(c) ? INERT_LAYOUT : 0) | (Chars.isHex(c) ? INERT_HEX : 0));
        }
        return classes;
    }

    @Override
    public boolean mayFind(String text, String lower, Role role) {
        int n = text.length();
        int runDigits = 0; // digits in the current run of digits and layout chars
        int colons = 0;    // colons in the current run of hex digits, dots and colons
        int dots = 0;      // dots between two digits in the current run of digits and dots
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int k = c < 128 ? ASCII[c] : TRIGGER;
            if (k != TRIGGER) {
                // Most chars of a text: letters, spaces, punctuation. They only end runs, and do it without
                // a branch: whether a letter is a hex digit, or the next char a space, is as good as random
                // to the processor.
                runDigits &= -(k & INERT_LAYOUT);
                dots = 0;
                colons &= -((k & INERT_HEX) >>> 1);
                continue;
            }
            // "at" read from the text itself, case aside (lower's places need not be the text's; the text is
            // ASCII, so setting the case bit is lower case).
            if (c == '@' || ((c == '[' || c == '(' || c == '{' || c == '<') && i + 2 < n
                    && (text.charAt(i + 1) | 0x20) == 'a' && (text.charAt(i + 2) | 0x20) == 't')) {
                return true; // an address, maybe spelled out: "john [at] example [dot] com"
            }
            boolean digit = Chars.isDigit(c);
            if (digit) {
                if (++runDigits >= this.runDigits) {
                    return true;
                }
                if (i >= 2 && i + 1 < n && Chars.isAsciiLetter(text.charAt(i - 2))
                        && Chars.isAsciiLetter(text.charAt(i - 1)) && Chars.isDigit(text.charAt(i + 1))) {
                    return true; // an IBAN's country code and check digits
                }
            } else if (!isLayout(c)) {
                runDigits = 0;
            }
            if (c == '.' && i > 0 && i + 1 < n && Chars.isDigit(text.charAt(i - 1)) && Chars.isDigit(text.charAt(i + 1))) {
                if (++dots >= 3) {
                    return true; // maybe an IPv4 address: four dotted numbers
                }
            } else if (!(digit || c == '.')) {
                dots = 0;
            }
            if (c == ':') {
                if (++colons >= 2) {
                    if (isIpv6Token(text, i)) {
                        return true;
                    }
                    colons = Integer.MIN_VALUE; // this run is no address: its further colons need no second look
                }
            } else if (!(Chars.isHex(c) || c == '.')) {
                colons = 0;
            }
        }
        return false;
    }

    /**
     * Whether the run of hex digits, dots and colons around {@code i} is what {@link IpAddressScanner} takes
     * for an address token: nothing glued before it (its own rule) or after it (a word char), a digit in it.
     */
    private static boolean isIpv6Token(String text, int i) {
        int start = i;
        while (start > 0 && IpAddressScanner.isTokenChar(text.charAt(start - 1))) {
            start--;
        }
        int end = start;
        boolean digit = false;
        for (; end < text.length() && IpAddressScanner.isTokenChar(text.charAt(end)); end++) {
            digit |= Chars.isDigit(text.charAt(end));
        }
        return digit && IpAddressScanner.startsToken(text, start) && !Chars.isWordChar(Chars.at(text, end));
    }

    /** Chars that may sit between the digits of a phone, card or SSN number. */
    private static boolean isLayout(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+' || c == '~';
    }
}
