package dev.parapet.detect.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;

import dev.parapet.core.detect.Deadline;

import java.util.List;
import java.util.Locale;

/**
 * Phone numbers, found and validated by libphonenumber ({@link Leniency#VALID}: the number must be a
 * valid number of its region, formatted plausibly). Numbers without a {@code +} country code are read
 * as numbers of the default region.
 *
 * <p>libphonenumber's matcher runs a large regular expression over whatever it is given, so it never
 * sees the whole text: a cheap pass finds runs of digits and phone punctuation with at least seven
 * digits, and only those runs (with a little context, in windows of bounded size) go to the matcher.
 */
final class PhoneScanner implements TextScanner {

    /** Written with a country code: the writer meant a phone number. */
    static final double INTERNATIONAL_SCORE = 0.8;
    /** Grouped with spaces, dashes, dots or brackets like a phone number. */
    static final double FORMATTED_SCORE = 0.7;
    /** A bare run of digits that happens to be a valid number: could as well be an order or account number. */
    static final double BARE_SCORE = 0.6;
    /** Added when a word like "phone" or "call" is near. */
    static final double CONTEXT_BONUS = 0.15;

    private static final int MIN_DIGITS = 7;
    private static final int WINDOW = 96;
    private static final int STEP = WINDOW / 2;
    private static final int CONTEXT = 8;
    private static final long MAX_TRIES = 32;
    private static final String[] KEYWORDS = {"phone", "tel", "call", "mobile", "cell", "fax", "whatsapp",
        "contact", "sms", "text me", "dial", "number", "telefon", "téléphone", "handy"};

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;

    /**
     * @param region ISO 3166 region whose national format is assumed for numbers without a country code
     * @throws IllegalArgumentException when libphonenumber does not know the region
     */
    PhoneScanner(String region) {
        String r = region.toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(r)) {
            throw new IllegalArgumentException("unknown phone region '" + region
                    + "' (expected an ISO 3166 two-letter code such as US, GB or DE)");
        }
        this.region = r;
    }

    String region() {
        return region;
    }

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        int i = 0;
        int nextCheck = Chars.CHECK_EVERY;
        while (i < n) {
            if (i >= nextCheck) {
                deadline.check();
                nextCheck = i + Chars.CHECK_EVERY;
            }
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int lastDigitEnd = i;
            int digits = 0;
            while (i < n && isRunChar(text.charAt(i))) {
                if (Chars.isDigit(text.charAt(i))) {
                    digits++;
                    lastDigitEnd = i + 1;
                }
                i++;
            }
            while (start > 0 && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '(')) {
                start--;
            }
            if (digits >= MIN_DIGITS) {
                scanRun(text, start, lastDigitEnd, deadline, out);
            }
        }
    }

    private static boolean isRunChar(char c) {
        return Chars.isDigit(c) || c == ' ' || c == '\u00A0' || c == '-' || c == '.' || c == '(' || c == ')'
                || c == '/' || c == '+';
    }

    private void scanRun(String text, int start, int end, Deadline deadline, List<Hit> out) {
        int lastEnd = -1;
        int from = start;
        while (true) {
            int to = Math.min(end, from + WINDOW);
            lastEnd = scanWindow(text, from, to, lastEnd, out);
            if (to >= end) {
                return;
            }
            from += STEP;
            deadline.check();
        }
    }

    /** Runs the matcher on {@code [from, to)} plus context; returns the end of the last match kept. */
    private int scanWindow(String text, int from, int to, int lastEnd, List<Hit> out) {
        int windowStart = Math.max(0, from - CONTEXT);
        int windowEnd = Math.min(text.length(), to + CONTEXT);
        CharSequence window = text.subSequence(windowStart, windowEnd);
        int kept = lastEnd;
        for (PhoneNumberMatch m : util.findNumbers(window, region, Leniency.VALID, MAX_TRIES)) {
            int s = windowStart + m.start();
            int e = windowStart + m.end();
            if (s < from || e > to || s < kept || !standsAlone(text, s, e)) {
                continue;
            }
            out.add(hit(text, s, e, m));
            kept = e;
        }
        return kept;
    }

    /** Rejects numbers glued to letters or digits, or inside dotted or dashed number chains. */
    private static boolean standsAlone(String text, int s, int e) {
        char before = Chars.at(text, s - 1);
        char after = Chars.at(text, e);
        if (Chars.isWordChar(before) || Chars.isWordChar(after)) {
            return false;
        }
        if ((before == '.' || before == '-' || before == '/') && Chars.isDigit(Chars.at(text, s - 2))) {
            return false;
        }
        return !((after == '.' || after == '-' || after == '/') && Chars.isDigit(Chars.at(text, e + 1)));
    }

    private Hit hit(String text, int s, int e, PhoneNumberMatch m) {
        String raw = m.rawString();
        boolean international = raw.startsWith("+");
        boolean formatted = false;
        for (int k = 0; k < raw.length() && !formatted; k++) {
            formatted = !Chars.isDigit(raw.charAt(k));
        }
        double score = international ? INTERNATIONAL_SCORE : formatted ? FORMATTED_SCORE : BARE_SCORE;
        boolean context = Chars.keywordNear(text, s, e, 40, 12, KEYWORDS);
        if (context) {
            score = Math.min(0.95, score + CONTEXT_BONUS);
        }
        String numberRegion = util.getRegionCodeForNumber(m.number());
        return new Hit(s, e, "PHONE", score, "valid " + (numberRegion == null ? "" : numberRegion + " ")
                + "phone number" + (international ? " with country code" : "") + (context ? " near a phone keyword" : ""));
    }
}
