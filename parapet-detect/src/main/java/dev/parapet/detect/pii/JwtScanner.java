package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * JSON Web Tokens: three base64url parts joined by dots, where the header and the payload decode to
 * JSON objects and the header names an {@code "alg"}. The signature may be empty (unsecured tokens).
 */
final class JwtScanner implements TextScanner {

    static final double SCORE = 0.95;

    /** Real headers and payloads are far shorter; longer runs are data, and decoding them would cost. */
    private static final int MAX_PART = 8192;

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int from = 0;
        while (true) {
            deadline.check();
            int i = text.indexOf("eyJ", from);
            if (i < 0) {
                return;
            }
            if (isPartChar(Chars.at(text, i - 1))) {
                from = i + 3;
                continue;
            }
            int headerEnd = KnownTokenScanner.run(text, i, MAX_PART + 1, JwtScanner::isPartChar);
            Hit hit = headerEnd - i <= MAX_PART ? token(text, i, headerEnd) : null;
            if (hit != null) {
                out.add(hit);
                from = hit.end();
            } else {
                from = headerEnd; // no token can start inside this run: its chars are all part chars
            }
        }
    }

    private static Hit token(String s, int start, int headerEnd) {
        if (Chars.at(s, headerEnd) != '.') {
            return null;
        }
        int payloadStart = headerEnd + 1;
        int payloadEnd = KnownTokenScanner.run(s, payloadStart, MAX_PART + 1, JwtScanner::isPartChar);
        if (payloadEnd == payloadStart || payloadEnd - payloadStart > MAX_PART || Chars.at(s, payloadEnd) != '.') {
            return null;
        }
        int signatureStart = payloadEnd + 1;
        int end = KnownTokenScanner.run(s, signatureStart, MAX_PART + 1, JwtScanner::isPartChar);
        if (end - signatureStart > MAX_PART) {
            return null;
        }
        String header = decodeObject(s, start, headerEnd);
        if (header == null || !header.contains("\"alg\"") || decodeObject(s, payloadStart, payloadEnd) == null) {
            return null;
        }
        return new Hit(start, end, "JWT", SCORE, "JSON Web Token (header with \"alg\", JSON payload"
                + (end == signatureStart ? ", unsigned)" : ", signed)"));
    }

    private static boolean isPartChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '_' || c == '-';
    }

    /** The decoded part when it is a JSON object in UTF-8, else null. */
    private static String decodeObject(String s, int from, int to) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(s.substring(from, to));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        String json = new String(bytes, StandardCharsets.UTF_8).strip();
        return json.length() >= 2 && json.charAt(0) == '{' && json.charAt(json.length() - 1) == '}'
                && json.indexOf('\uFFFD') < 0 ? json : null;
    }
}
