package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;

/**
 * US social security numbers: {@code ddd-dd-dddd}; {@code ddd dd dddd} or nine bare digits only when a
 * word like "SSN" or "social security" is near. The area is never 000, 666 or 900-999, the group
 * never 00 and the serial never 0000 (numbers the SSA does not issue).
 */
final class SsnScanner implements TextScanner {

    /** Named as an SSN nearby: the layout and the issuing rules agree with the words. */
    static final double CONTEXT_SCORE = 0.97;
    /** The dashed 3-2-4 layout is distinctive, but part numbers and codes use it too. */
    static final double DASHED_SCORE = 0.85;

    private static final String[] KEYWORDS = {"ssn", "social security", "soc sec", "ss#", "ss #", "tax id",
        "taxpayer"};

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i < n) {
            pacer.at(i);
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Chars.isDigit(text.charAt(i))) {
                i++;
            }
            if (!standsAlone(text, start)) {
                continue;
            }
            int length = i - start;
            if (length == 9) {
                bare(text, start, out);
            } else if (length == 3) {
                Hit hit = formatted(text, start);
                if (hit != null) {
                    out.add(hit);
                    i = hit.end();
                }
            }
        }
    }

    private static boolean standsAlone(String text, int start) {
        char before = Chars.at(text, start - 1);
        if (Chars.isWordChar(before)) {
            return false;
        }
        return !((before == '-' || before == '.' || before == ' ' || before == '/' || before == ',')
                && Chars.isDigit(Chars.at(text, start - 2)));
    }

    private static boolean endsAlone(String text, int end) {
        char after = Chars.at(text, end);
        if (Chars.isWordChar(after)) {
            return false;
        }
        return !((after == '-' || after == '.' || after == ' ' || after == '/' || after == ',')
                && Chars.isDigit(Chars.at(text, end + 1)));
    }

    private static void bare(String text, int start, List<Hit> out) {
        int end = start + 9;
        if (endsAlone(text, end) && issuable(text, start, start + 3, start + 5)
                && Chars.keywordNear(text, start, end, 40, 24, KEYWORDS)) {
            out.add(new Hit(start, end, "US_SSN", 0.9,
                    "nine digits with valid SSN area, group and serial near an SSN keyword"));
        }
    }

    private static Hit formatted(String text, int start) {
        char separator = Chars.at(text, start + 3);
        if (separator != '-' && separator != ' ') {
            return null;
        }
        int group = start + 4;
        int serial = start + 7;
        int end = start + 11;
        if (!(digits(text, group, 2) && Chars.at(text, start + 6) == separator && digits(text, serial, 4))
                || !endsAlone(text, end) || !issuable(text, start, group, serial)) {
            return null;
        }
        boolean context = Chars.keywordNear(text, start, end, 40, 24, KEYWORDS);
        if (separator == ' ' && !context) {
            return null; // "883 17 1228" is as often coordinates or a table row
        }
        double score = context ? CONTEXT_SCORE : DASHED_SCORE;
        return new Hit(start, end, "US_SSN", score, "number in SSN layout with valid area, group and serial"
                + (context ? " near an SSN keyword" : ""));
    }

    private static boolean digits(String text, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (!Chars.isDigit(Chars.at(text, k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean issuable(String text, int area, int group, int serial) {
        int a = Integer.parseInt(text, area, area + 3, 10);
        int g = Integer.parseInt(text, group, group + 2, 10);
        int s = Integer.parseInt(text, serial, serial + 4, 10);
        return a != 0 && a != 666 && a < 900 && g != 0 && s != 0;
    }
}
