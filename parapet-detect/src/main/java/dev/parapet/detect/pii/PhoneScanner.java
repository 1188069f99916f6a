package dev.parapet.detect.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import dev.parapet.core.detect.Deadline;

import java.util.List;
import java.util.Locale;

/**
 * Phone numbers, found and validated by libphonenumber ({@link Leniency#VALID}: the number must be a
 * valid number of its region, formatted plausibly); a number written in groups must also be grouped
 * as its country groups phone numbers. Numbers without a {@code +} country code are read as numbers
 * of the default region. Counting sequences, numbers spread over table columns and numbers inside
 * paths or longer number chains are not reported.
 *
 * <p>libphonenumber's matcher runs a large regular expression over whatever it is given, so it never
 * sees the whole text: a cheap pass finds runs of digits and phone punctuation with enough digits
 * (seven after a {@code +}, else as many as the region's shortest national number), a block of two
 * or more digits, no block of more than 17 digits and at most 160 chars, and only those runs (with a
 * little context) go to the matcher. The matcher costs some microseconds per char it is given, so text made only of
 * such runs is the slowest input (a few seconds per megabyte); other text costs next to nothing.
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

    /** Fewest digits of a number written with a country code. */
    private static final int MIN_DIGITS = 7;
    /** No phone number has more digits in a row than E.164's 15 plus a trunk prefix. */
    private static final int MAX_DIGIT_BLOCK = 17;
    /**
     * Longer runs of digits and phone punctuation are tables or data dumps, not prose with a phone
     * number in it; skipping them keeps the matcher's input short and the cost linear.
     */
    private static final int MAX_RUN = 160;
    private static final int CONTEXT = 8;
    private static final long MAX_TRIES = 32;
    private static final String[] KEYWORDS = {"phone", "tel", "call", "mobile", "cell", "fax", "whatsapp",
        "contact", "sms", "text me", "dial", "telefon", "téléphone", "handy"};

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;
    /** Fewest digits of a valid national number of the region (10 for US), to skip shorter runs cheaply. */
    private final int minNationalDigits;

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
        this.minNationalDigits = shortestNationalNumber(util, r);
    }

    /** The fewest digits a dialable (not local-only) national number of {@code region} has. */
    private static int shortestNationalNumber(PhoneNumberUtil util, String region) {
        int countryCode = util.getCountryCodeForRegion(region);
        for (int length = 2; length <= MAX_DIGIT_BLOCK; length++) {
            PhoneNumber probe = new PhoneNumber().setCountryCode(countryCode)
                    .setNationalNumber(Long.parseLong("2" + "0".repeat(length - 1)));
            if (util.isPossibleNumberWithReason(probe) == ValidationResult.IS_POSSIBLE) {
                return length;
            }
        }
        return MIN_DIGITS;
    }

    String region() {
        return region;
    }

    /** The fewest digits of a number this scanner may report. */
    int minDigits() {
        return Math.min(MIN_DIGITS, minNationalDigits);
    }

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        int i = 0;
        Pacer pacer = new Pacer(deadline);
        while (i < n) {
            pacer.at(i);
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int lastDigitEnd = i;
            int digits = 0;
            int block = 0;
            int longestBlock = 0;
            boolean tooLongBlock = false;
            while (i < n && isRunChar(text.charAt(i))) {
                if (Chars.isDigit(text.charAt(i))) {
                    digits++;
                    lastDigitEnd = i + 1;
                    tooLongBlock |= ++block > MAX_DIGIT_BLOCK;
                    longestBlock = Math.max(longestBlock, block);
                } else {
                    block = 0;
                }
                i++;
            }
            while (start > 0 && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '(')) {
                start--;
            }
            boolean international = text.charAt(start) == '+' || text.startsWith("00", start);
            // Every phone number has a group of two or more digits; "1 2 3 4 5 6 7" does not.
            if (!tooLongBlock && longestBlock >= 2 && lastDigitEnd - start <= MAX_RUN
                    && digits >= (international ? MIN_DIGITS : minNationalDigits)) {
                scanRun(text, start, lastDigitEnd, out);
            }
        }
    }

    private static boolean isRunChar(char c) {
        return Chars.isDigit(c) || c == ' ' || c == '\u00A0' || c == '-' || c == '.' || c == '(' || c == ')'
                || c == '/' || c == '+';
    }

    /** Runs the matcher on the run plus a little context, keeping matches inside the run. */
    private void scanRun(String text, int from, int to, List<Hit> out) {
        int windowStart = Math.max(0, from - CONTEXT);
        int windowEnd = Math.min(text.length(), to + CONTEXT);
        CharSequence window = text.subSequence(windowStart, windowEnd);
        for (PhoneNumberMatch m : util.findNumbers(window, region, Leniency.VALID, MAX_TRIES)) {
            int s = windowStart + m.start();
            int e = windowStart + m.end();
            if (s >= from && e <= to && standsAlone(text, s, e) && !countingSequence(m.rawString())
                    && !m.rawString().contains("  ") // numbers spread over table columns
                    && groupedLikeAPhoneNumber(m.rawString())) {
                out.add(hit(text, s, e, m));
            }
        }
    }

    /** Rejects numbers glued to letters or digits, inside paths, or inside dotted or dashed number chains. */
    private static boolean standsAlone(String text, int s, int e) {
        char before = Chars.at(text, s - 1);
        char after = Chars.at(text, e);
        if (Chars.isWordChar(before) || Chars.isWordChar(after) || before == '/' || before == '\\'
                || after == '/' || after == '\\') {
            return false;
        }
        if ((before == '.' || before == '-' || before == '/') && Chars.isDigit(Chars.at(text, s - 2))) {
            return false;
        }
        return !((after == '.' || after == '-' || after == '/') && Chars.isDigit(Chars.at(text, e + 1)));
    }

    /**
     * True for digits written one by one ({@code 1 2 3 4 5 6 7 8 9 10}): a list or a count, not a
     * phone number, which has at most two one-digit groups (a country or trunk code and an area digit).
     */
    private static boolean countingSequence(String raw) {
        int single = 0;
        int run = 0;
        for (int k = 0; k <= raw.length(); k++) {
            if (k < raw.length() && Chars.isDigit(raw.charAt(k))) {
                run++;
                continue;
            }
            single += run == 1 ? 1 : 0;
            run = 0;
        }
        return single >= 3;
    }

    /**
     * A number written in groups must be grouped the way its country writes phone numbers
     * (libphonenumber's strict grouping): {@code 123-1234-1234} is a valid US number read digit by
     * digit, but written so it is an account number.
     */
    private boolean groupedLikeAPhoneNumber(String raw) {
        boolean grouped = false;
        for (int k = 1; k < raw.length() && !grouped; k++) {
            grouped = !Chars.isDigit(raw.charAt(k));
        }
        if (!grouped) {
            return true;
        }
        return util.findNumbers(raw, region, Leniency.STRICT_GROUPING, 1).iterator().hasNext();
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
        // The country calling code, not the region: resolving +1 to one of its 25 regions costs a
        // validity check per region.
        return new Hit(s, e, "PHONE", score, "valid phone number (country code +" + m.number().getCountryCode() + ")"
                + (international ? " written with its country code" : "") + (context ? " near a phone keyword" : ""));
    }
}
