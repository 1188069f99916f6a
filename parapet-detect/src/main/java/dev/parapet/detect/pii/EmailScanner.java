package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * E-mail addresses: {@code local@domain} with an ASCII local part (at most 64 chars, no leading,
 * trailing or doubled dots) and a domain of at least two labels (each 1..63 chars, no leading or
 * trailing hyphen, at most 253 chars in all) ending in a top-level domain of 2..24 letters or an
 * {@code xn--} label. Also finds the spelled-out forms {@code john [at] example [dot] com},
 * {@code john(at)example.com}, {@code john[@]example.com} and {@code john @ example.com}, with a
 * lower score.
 *
 * <p>Walks outward from each {@code @} (or bracketed "at") with bounded steps, so it is linear.
 */
final class EmailScanner implements TextScanner {

    static final double SCORE = 0.95;
    /** Spelled-out forms are a little less certain: "[at]" also occurs in templates and markup. */
    static final double OBFUSCATED_SCORE = 0.85;

    /**
     * Documentation addresses ({@code john@example.com}) are address-shaped but reach no one: the
     * prompts that contain them are usually about parsing or validating e-mail.
     */
    static final double RESERVED_SCORE = 0.5;

    private static final Set<String> RESERVED_SECOND_LEVEL = Set.of("example.com", "example.net", "example.org");
    private static final Set<String> RESERVED_TLDS = Set.of("example", "test", "invalid", "localhost");

    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_TLD = 24;

    /** File extensions that follow an '@' in asset names ({@code icon@2x.png}); not mail domains. */
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "heic",
            "css", "scss", "js", "mjs", "ts", "jsx", "tsx", "json", "xml", "yml", "yaml", "toml", "ini",
            "cfg", "conf", "txt", "log", "csv", "html", "htm", "java", "kt", "py", "rb", "php", "exe",
            "dll", "jar", "zip", "pdf", "mp3", "mp4", "wav", "lock");

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i < n) {
            pacer.at(i);
            int atLength = atTokenLength(text, i);
            if (atLength > 0) {
                // "[at]", "(at)", "[@]", or an '@' with spaces around it.
                boolean obfuscated = atLength > 1 || (Chars.at(text, i - 1) == ' ' && Chars.at(text, i + 1) == ' ');
                Hit hit = tryAddress(text, i, i + atLength, obfuscated);
                if (hit != null) {
                    out.add(hit);
                    i = hit.end();
                    continue;
                }
            }
            i++;
        }
    }

    /** Length of an "at" token at {@code i}: 1 for '@', 3 for "[@]", 4 for "[at]"/"(at)"; 0 otherwise. */
    private static int atTokenLength(String s, int i) {
        char c = s.charAt(i);
        if (c == '@') {
            char close = closing(Chars.at(s, i - 1));
            boolean bracketed = close != 0 && Chars.at(s, i + 1) == close;
            return bracketed ? 0 : 1; // "[@]" is read from its opening bracket
        }
        char close = closing(c);
        if (close == 0) {
            return 0;
        }
        if (Chars.at(s, i + 1) == '@' && Chars.at(s, i + 2) == close) {
            return 3;
        }
        if (s.regionMatches(true, i + 1, "at", 0, 2) && Chars.at(s, i + 3) == close) {
            return 4;
        }
        return 0;
    }

    private static char closing(char open) {
        return switch (open) {
            case '[' -> ']';
            case '(' -> ')';
            case '{' -> '}';
            case '<' -> '>';
            default -> 0;
        };
    }

    private static Hit tryAddress(String s, int atStart, int atEnd, boolean obfuscated) {
        int localEnd = atStart;
        if (obfuscated) {
            localEnd = skipSpacesBack(s, localEnd);
        }
        int localStart = localEnd;
        while (localStart > 0 && isLocalChar(s.charAt(localStart - 1))) {
            localStart--;
            if (localEnd - localStart > MAX_LOCAL) {
                return null;
            }
        }
        while (localStart < localEnd && s.charAt(localStart) == '.') {
            localStart++; // a sentence's dots before the address are not part of it
        }
        if (!validLocal(s, localStart, localEnd) || !validBefore(s, localStart)) {
            return null;
        }
        int domainStart = obfuscated ? skipSpaces(s, atEnd) : atEnd;
        Domain domain = readDomain(s, domainStart);
        if (domain == null) {
            return null;
        }
        char after = Chars.at(s, domain.end);
        if (Chars.isWordChar(after) || after == '@'
                || (after == ':' && !Character.isWhitespace(Chars.at(s, domain.end + 1)))) {
            return null; // glued to more text, or an scp-style remote like git@host:org/repo
        }
        boolean spelled = obfuscated || domain.spelledDots;
        if (reservedDomain(s, domainStart, domain.end)) {
            return new Hit(localStart, domain.end, "EMAIL", RESERVED_SCORE,
                    "e-mail address at a reserved example domain (RFC 2606)");
        }
        return new Hit(localStart, domain.end, "EMAIL", spelled ? OBFUSCATED_SCORE : SCORE,
                spelled ? "e-mail address obfuscated with spelled-out or spaced [at]/[dot]"
                        : "e-mail address with a valid domain");
    }

    /**
     * Domains reserved for documentation and testing (RFC 2606, RFC 6761): {@code example.com},
     * {@code example.net}, {@code example.org} and anything under {@code .example}, {@code .test},
     * {@code .invalid} or {@code .localhost}. No one receives mail there.
     */
    private static boolean reservedDomain(String s, int start, int end) {
        String domain = s.substring(start, end).toLowerCase(Locale.ROOT).replace(" ", "")
                .replace("[dot]", ".").replace("(dot)", ".").replace("{dot}", ".").replace("<dot>", ".");
        for (String reserved : RESERVED_SECOND_LEVEL) {
            if (domain.equals(reserved) || domain.endsWith("." + reserved)) {
                return true;
            }
        }
        for (String tld : RESERVED_TLDS) {
            if (domain.endsWith("." + tld)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocalChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean validLocal(String s, int start, int end) {
        if (end <= start || s.charAt(end - 1) == '.') {
            return false;
        }
        boolean alnum = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '.' && s.charAt(k - 1) == '.') {
                return false;
            }
            alnum |= Chars.isAsciiAlnum(c);
        }
        return alnum;
    }

    /** Rejects user-info of URLs ({@code scheme://user:pass@host}) and paths; keeps {@code mailto:}. */
    private static boolean validBefore(String s, int localStart) {
        char before = Chars.at(s, localStart - 1);
        if (before == '/' || before == '\\') {
            return false;
        }
        if (before == ':') {
            return localStart >= 7 && s.regionMatches(true, localStart - 7, "mailto:", 0, 7);
        }
        return true;
    }

    private record Domain(int end, boolean spelledDots) {
    }

    private static Domain readDomain(String s, int start) {
        int pos = start;
        int labels = 0;
        int domainLength = 0;
        boolean spelled = false;
        int lastLabelStart;
        int lastLabelEnd;
        while (true) {
            int labelStart = pos;
            while (pos < s.length() && isLabelChar(s.charAt(pos))) {
                pos++;
                if (pos - labelStart > MAX_LABEL) {
                    return null;
                }
            }
            if (pos == labelStart || s.charAt(labelStart) == '-' || s.charAt(pos - 1) == '-') {
                return null;
            }
            labels++;
            domainLength += pos - labelStart + (labels > 1 ? 1 : 0);
            if (domainLength > MAX_DOMAIN) {
                return null;
            }
            lastLabelStart = labelStart;
            lastLabelEnd = pos;
            if (Chars.at(s, pos) == '.' && isLabelChar(Chars.at(s, pos + 1))) {
                pos++;
                continue;
            }
            int dotEnd = spelledDotEnd(s, pos);
            if (dotEnd > 0) {
                spelled = true;
                pos = dotEnd;
                continue;
            }
            break;
        }
        if (labels < 2 || !validTld(s, lastLabelStart, lastLabelEnd)) {
            return null;
        }
        return new Domain(lastLabelEnd, spelled);
    }

    /** End of a spelled-out dot ("[dot]", " (dot) ") at {@code pos} followed by a label char, else 0. */
    private static int spelledDotEnd(String s, int pos) {
        int p = skipSpaces(s, pos);
        char close = closing(Chars.at(s, p));
        if (close == 0 || !s.regionMatches(true, p + 1, "dot", 0, 3) || Chars.at(s, p + 4) != close) {
            return 0;
        }
        int next = skipSpaces(s, p + 5);
        return isLabelChar(Chars.at(s, next)) ? next : 0;
    }

    private static boolean isLabelChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '-';
    }

    private static boolean validTld(String s, int start, int end) {
        int length = end - start;
        if (length >= 5 && s.regionMatches(true, start, "xn--", 0, 4)) {
            return true;
        }
        if (length < 2 || length > MAX_TLD) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (!Chars.isAsciiLetter(s.charAt(k))) {
                return false;
            }
        }
        return !FILE_EXTENSIONS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** Skips at most two spaces forward. */
    private static int skipSpaces(String s, int pos) {
        int p = pos;
        while (p < s.length() && p - pos < 2 && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /** Skips at most two spaces backward from {@code end}; returns the new end. */
    private static int skipSpacesBack(String s, int end) {
        int p = end;
        while (p > 0 && end - p < 2 && s.charAt(p - 1) == ' ') {
            p--;
        }
        return p;
    }
}
