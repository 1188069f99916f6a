package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;
import java.util.Locale;

/**
 * Secrets assigned to a name that says so: {@code api_key = "..."}, {@code "client_secret": "..."},
 * {@code Authorization: Bearer ...}, {@code DB_PASSWORD=...}, {@code API key: ...}.
 *
 * <p>For key, token and secret names the value must look random: at least 20 chars, letters and
 * digits, entropy of at least 3 bits per char (hex) or 3.5 (other alphabets). Password names accept
 * shorter values (8+) mixing at least three of lower case, upper case, digits and symbols. References
 * ({@code $VAR}, {@code ${...}}, {@code os.environ[...]}), calls, URLs, paths and placeholders
 * ({@code <your-key>}, {@code xxxx}, {@code ****}) are not secrets.
 */
final class AssignedSecretScanner implements TextScanner {

    static final double SCORE = 0.8;
    /** A UUID is a key at some services and a plain identifier at most others. */
    static final double UUID_SCORE = 0.7;
    /** Short passwords: a human-chosen string is a weaker signal than a random token. */
    static final double PASSWORD_SCORE = 0.7;

    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 512;
    private static final String[] SECRET_NAMES = {"key", "token", "secret", "credential", "auth", "bearer"};
    private static final String[] PASSWORD_NAMES = {"passw", "pwd", "passphrase", "passcode"};
    private static final String[] NOT_SECRET_NAMES = {"keyboard", "keyword", "keystroke", "keyframe", "monkey",
        "turkey", "donkey", "hockey", "whiskey", "tokenizer", "keys_path", "key_path", "keyfile",
        "key_file", "foreign_key", "primary_key", "sort_key", "partition_key"};
    private static final String[] PLACEHOLDERS = {"xxxx", "****", "....", "your", "placeholder", "changeme",
        "redacted", "example", "dummy", "<", ">", "{{", "${", "%(", "process.env", "environ", "getenv", "://"};
    private static final String[] SCHEMES = {"bearer ", "basic ", "token "};

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i < n) {
            pacer.at(i);
            char c = text.charAt(i);
            Hit hit = c == '=' || c == ':' ? assignment(text, i) : null;
            if (hit != null) {
                out.add(hit);
                i = hit.end();
            } else {
                i++;
            }
        }
    }

    /**
     * The name a value is assigned to at operator {@code op}: an identifier just before it, maybe quoted,
     * maybe followed by a space; lower case; empty when there is none.
     */
    static String nameBefore(String s, int op) {
        int nameEnd = nameEnd(s, op);
        return s.substring(nameStart(s, nameEnd), nameEnd).toLowerCase(Locale.ROOT);
    }

    /**
     * {@code mayNameSecret(nameBefore(s, op))} without building the name: for the screens, which ask it at
     * every "=" and ":" of a text.
     */
    static boolean mayNameSecretBefore(String s, int op) {
        int nameEnd = nameEnd(s, op);
        int nameStart = nameStart(s, nameEnd);
        for (int i = nameStart; i < nameEnd; i++) {
            if (s.charAt(i) >= 0x80) {
                return mayNameSecret(nameBefore(s, op)); // lower case beyond ASCII may change lengths
            }
        }
        return containsAnyIgnoringCase(s, nameStart, nameEnd, SECRET_NAMES)
                || containsAnyIgnoringCase(s, nameStart, nameEnd, PASSWORD_NAMES);
    }

    private static int nameEnd(String s, int op) {
        int nameEnd = op;
        while (nameEnd > 0 && op - nameEnd < 2 && s.charAt(nameEnd - 1) == ' ') {
            nameEnd--;
        }
        if (nameEnd > 0 && (s.charAt(nameEnd - 1) == '"' || s.charAt(nameEnd - 1) == '\'')) {
            nameEnd--;
        }
        return nameEnd;
    }

    private static int nameStart(String s, int nameEnd) {
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < MAX_NAME && isNameChar(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        return nameStart;
    }

    /** Whether {@code s[from, to)}, ASCII, holds one of the lower-case ASCII {@code parts} in any case. */
    private static boolean containsAnyIgnoringCase(String s, int from, int to, String[] parts) {
        for (String part : parts) {
            for (int i = from; i + part.length() <= to; i++) {
                if (s.regionMatches(true, i, part, 0, part.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code name} may name a secret or a password (a necessary condition of a hit). */
    static boolean mayNameSecret(String name) {
        return containsAny(name, SECRET_NAMES) || containsAny(name, PASSWORD_NAMES);
    }

    private static Hit assignment(String s, int op) {
        String name = nameBefore(s, op);
        if (name.isEmpty()) {
            return null;
        }
        boolean password = containsAny(name, PASSWORD_NAMES);
        if (!password && !secretName(name)) {
            return null;
        }
        int p = op + 1;
        if (p < s.length() && (s.charAt(p) == '=' || s.charAt(p) == '>')) {
            p++; // ":=", "==", "=>"
        }
        while (p < s.length() && p - op < 4 && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        char quote = Chars.at(s, p);
        if (quote == '"' || quote == '\'' || quote == '`') {
            p++;
        }
        for (String scheme : SCHEMES) {
            if (s.regionMatches(true, p, scheme, 0, scheme.length())) {
                p += scheme.length();
                break;
            }
        }
        int start = p;
        while (p < s.length() && p - start <= MAX_VALUE && isValueChar(s.charAt(p))) {
            char c = s.charAt(p);
            if (c == '=') {
                // Only trailing padding belongs to the value; "a=b=c" is a chain of assignments.
                int q = p;
                while (q < s.length() && q - start <= MAX_VALUE && s.charAt(q) == '=') {
                    q++;
                }
                if (q < s.length() && isValueChar(s.charAt(q))) {
                    break;
                }
                p = q;
                break;
            }
            if (c == '&' && !password) {
                break; // the next query parameter
            }
            p++;
        }
        int end = p;
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ',')) {
            end--; // sentence punctuation
        }
        if (end - start > MAX_VALUE || end == start) {
            return null;
        }
        return password ? passwordHit(s, start, end) : secretHit(s, start, end);
    }

    /** Names of keys, tokens and secrets; not keyboards, monkeys, authors or tokenizers. */
    private static boolean secretName(String name) {
        if (!containsAny(name, SECRET_NAMES) || containsAny(name, NOT_SECRET_NAMES)) {
            return false;
        }
        return !name.contains("author") || name.contains("authoriz");
    }

    private static Hit secretHit(String s, int start, int end) {
        int length = end - start;
        if (length < 20 || !plausibleValue(s, start, end)) {
            return null;
        }
        if (Uuids.isUuid(s, start, end)) {
            return new Hit(start, end, "SECRET", UUID_SCORE, "UUID assigned to a key or token name");
        }
        if (!hasLetterAndDigit(s, start, end)) {
            return null;
        }
        double entropy = Entropy.shannon(s, start, end);
        boolean hex = isHex(s, start, end);
        if (entropy < (hex ? 3.0 : 3.5)) {
            return null;
        }
        return new Hit(start, end, "SECRET", SCORE, "high-entropy value assigned to a key, token or secret name");
    }

    private static Hit passwordHit(String s, int start, int end) {
        int length = end - start;
        if (length < 8 || length > 128 || !plausibleValue(s, start, end) || Entropy.classes(s, start, end) < 3
                || Entropy.distinct(s, start, end) < 6) {
            return null;
        }
        return new Hit(start, end, "SECRET", PASSWORD_SCORE, "password value assigned to a password name");
    }

    private static boolean plausibleValue(String s, int start, int end) {
        char first = s.charAt(start);
        if (first == '$' || first == '/' || first == '~' || first == '.' || first == '%' || first == '@') {
            return false;
        }
        String value = s.substring(start, end).toLowerCase(Locale.ROOT);
        if (containsAny(value, PLACEHOLDERS) || value.indexOf('(') >= 0 || value.indexOf('[') >= 0) {
            return false;
        }
        return Entropy.distinct(s, start, end) >= 6;
    }

    private static boolean hasLetterAndDigit(String s, int start, int end) {
        boolean letter = false;
        boolean digit = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            letter |= Chars.isAsciiLetter(c);
            digit |= Chars.isDigit(c);
        }
        return letter && digit;
    }

    private static boolean isHex(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!Chars.isHex(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
    }

    /** Printable ASCII except quotes, brackets, separators and whitespace. */
    private static boolean isValueChar(char c) {
        return c > ' ' && c < 127 && "\"'`,;)]}>".indexOf(c) < 0;
    }

    private static boolean containsAny(String s, String[] parts) {
        for (String part : parts) {
            if (s.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
