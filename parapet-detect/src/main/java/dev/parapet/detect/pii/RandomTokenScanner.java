package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Stand-alone tokens that look like credentials without any name next to them: 32 to 100 chars of
 * base64 or base64url, with upper case, lower case and at least two digits, and high entropy (4.3
 * bits per char; random base62 of that length has about 4.6-5.2).
 *
 * <p>Deliberately never reported alone: identifiers made of words ({@code AbstractProxyFactoryBean2}),
 * UUIDs and hex strings (commit ids, SHA-256 digests and
 * checksums are everyday text in technical prose), blobs over 100 chars (images and other data
 * URIs), integrity hashes ({@code sha512-...}), base64 that decodes to readable text, and runs inside
 * URLs, paths or e-mail addresses (the char before is {@code / . : @ ? & # %}).
 */
final class RandomTokenScanner implements TextScanner {

    /** Without a name or prefix, a random-looking token is only a hint. */
    static final double SCORE = 0.6;

    private static final int MIN_LENGTH = 32;
    private static final int MAX_LENGTH = 100;
    private static final double MIN_ENTROPY = 4.3;

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i < n) {
            pacer.at(i);
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isTokenChar(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && text.charAt(end - 1) == '=') {
                end--;
            }
            if (end - start >= MIN_LENGTH && i - start <= MAX_LENGTH + 2 && standsAlone(text, start, i)
                    && randomLooking(text, start, end)) {
                out.add(new Hit(start, i, "SECRET", SCORE,
                        "long random-looking token (high entropy, mixed case and digits)"));
            }
        }
    }

    private static boolean isTokenChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    }

    private static boolean standsAlone(String text, int start, int end) {
        char before = Chars.at(text, start - 1);
        if ("/.:@?&#%\\".indexOf(before) >= 0 || Chars.isWordChar(before)) {
            return false;
        }
        char after = Chars.at(text, end);
        return !(Chars.isWordChar(after) || after == '@'
                || (after == '.' && Chars.isAsciiAlnum(Chars.at(text, end + 1))));
    }

    private static boolean randomLooking(String s, int start, int end) {
        if (end - start > MAX_LENGTH || integrityHash(s, start)) {
            return false;
        }
        int digits = 0;
        boolean upper = false;
        boolean lower = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            digits += Chars.isDigit(c) ? 1 : 0;
            upper |= Chars.isAsciiUpper(c);
            lower |= Chars.isAsciiLower(c);
        }
        if (!upper || !lower || digits < 2 || Entropy.shannon(s, start, end) < MIN_ENTROPY
                || Entropy.wordLike(s, start, end)) {
            return false;
        }
        return !decodesToText(s, start, end);
    }

    private static boolean integrityHash(String s, int start) {
        return s.startsWith("sha1-", start) || s.startsWith("sha256-", start) || s.startsWith("sha384-", start)
                || s.startsWith("sha512-", start);
    }

    /** Base64 of readable text is an encoded message (the payload decoders' business), not a key. */
    private static boolean decodesToText(String s, int start, int end) {
        String token = s.substring(start, end).replace('+', '-').replace('/', '_');
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token); // padding is optional
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        int printable = 0;
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            if ((c >= ' ' && c < 127) || c == '\n' || c == '\t' || (Character.isLetter(c) && c != '\uFFFD')) {
                printable++;
            }
        }
        return decoded.length() > 0 && printable >= 0.95 * decoded.length();
    }
}
