package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;

/**
 * PEM and OpenSSH private key blocks: {@code -----BEGIN ... PRIVATE KEY-----} (also PGP's
 * {@code PRIVATE KEY BLOCK}), a body of at least 64 base64 chars, and the matching END line. A block
 * cut off before its END line is still reported, from BEGIN to the end of its base64 body, with a
 * lower score. A block whose body is a placeholder ({@code ...}) is not.
 */
final class PrivateKeyScanner implements TextScanner {

    static final double SCORE = 0.99;
    static final double TRUNCATED_SCORE = 0.9;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final int MAX_LABEL = 40;
    private static final int MIN_BODY = 64;

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int from = 0;
        boolean noMoreEnds = false;
        while (true) {
            deadline.check();
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) {
                return;
            }
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            if (labelEnd < 0) {
                return;
            }
            int labelStart = begin + BEGIN.length();
            String label = text.substring(labelStart, Math.min(labelEnd, labelStart + MAX_LABEL + 1));
            if (label.length() > MAX_LABEL || !label.contains("PRIVATE KEY") || !upperWords(label)) {
                from = begin + BEGIN.length();
                continue;
            }
            int bodyStart = labelEnd + DASHES.length();
            int end = noMoreEnds ? -1 : text.indexOf(END, bodyStart);
            if (end < 0) {
                noMoreEnds = true; // no later BEGIN can find an END either
                int bodyEnd = bodyEnd(text, bodyStart);
                if (base64Chars(text, bodyStart, bodyEnd) >= MIN_BODY) {
                    out.add(new Hit(begin, bodyEnd, "PRIVATE_KEY", TRUNCATED_SCORE,
                            "private key block (BEGIN line and key body, no END line)"));
                }
                from = Math.max(bodyEnd, bodyStart);
                continue;
            }
            int endLabelEnd = text.indexOf(DASHES, end + END.length());
            int blockEnd = endLabelEnd < 0 || endLabelEnd - (end + END.length()) > MAX_LABEL
                    ? end + END.length() : endLabelEnd + DASHES.length();
            if (base64Chars(text, bodyStart, end) >= MIN_BODY) {
                out.add(new Hit(begin, blockEnd, "PRIVATE_KEY", SCORE, "private key block (BEGIN/END " + label + ")"));
            }
            from = blockEnd;
        }
    }

    /** PEM labels are upper-case words ("RSA PRIVATE KEY", "PGP PRIVATE KEY BLOCK"). */
    private static boolean upperWords(String label) {
        for (int k = 0; k < label.length(); k++) {
            char c = label.charAt(k);
            if (!(Chars.isAsciiUpper(c) || Chars.isDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** End of a PEM body: lines of base64 and "Header: value" lines, up to the first other line. */
    private static int bodyEnd(String text, int start) {
        int p = start;
        int last = start;
        while (p < text.length()) {
            char c = text.charAt(p);
            if (Chars.isAsciiAlnum(c) || c == '+' || c == '/' || c == '=') {
                last = p + 1;
            } else if (!(c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == ':' || c == '-' || c == ',')) {
                break;
            }
            p++;
        }
        return last;
    }

    private static int base64Chars(String text, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (Chars.isAsciiAlnum(c) || c == '+' || c == '/') {
                count++;
            }
        }
        return count;
    }
}
