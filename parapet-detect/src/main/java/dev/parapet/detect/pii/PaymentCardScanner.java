package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;
import java.util.Optional;

/**
 * Payment card numbers: 13 to 19 digits, written solid or in groups separated by one kind of
 * separator (a space, a dash, a dot or " - ") in card layouts (4-4-4-4, 4-4-4-4-3, 8-4-4, 4-6-5,
 * 4-6-4, or one digit at a time), that pass the Luhn check and fall in a known network's IIN range with a
 * length that network issues.
 */
final class PaymentCardScanner implements TextScanner {

    /** Grouped like a card, or named as one nearby: as sure as a rule gets. */
    static final double STRONG_SCORE = 0.97;
    /** A solid digit run: one in ten random numbers passes Luhn, so IIN and length carry the rest. */
    static final double BARE_SCORE = 0.9;

    private static final int MAX_GROUPS = 20;
    private static final String[] KEYWORDS = {"card", "visa", "mastercard", "amex", "credit", "debit", "cvv",
        "cvc", "expir", "payment", "kreditkarte", "carte", "tarjeta"};

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        int[] groupEnds = new int[MAX_GROUPS];
        int[] groupSizes = new int[MAX_GROUPS];
        while (i < n) {
            pacer.at(i);
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            char separator = 0;
            int groups = 0;
            boolean tooLong = false;
            // Read the whole run of digit groups, remembering only the first MAX_GROUPS of them.
            while (true) {
                int g = i;
                while (i < n && Chars.isDigit(text.charAt(i))) {
                    i++;
                }
                if (groups < MAX_GROUPS) {
                    groupEnds[groups] = i;
                    groupSizes[groups] = i - g;
                } else {
                    tooLong = true;
                }
                groups++;
                int sepLength = separatorLength(text, i);
                char sep = sepLength == 3 ? '~' : Chars.at(text, i);
                if (sepLength > 0 && (separator == 0 || separator == sep)) {
                    separator = sep;
                    i += sepLength;
                    pacer.at(i);
                    continue;
                }
                break;
            }
            if (!tooLong && startsAlone(text, start)) {
                Hit hit = candidate(text, start, groupEnds, groupSizes, groups);
                if (hit != null) {
                    out.add(hit);
                } else if (groups > 1 && (separator == ' ' || separator == '~')) {
                    solidNumbersInList(text, groupEnds, groupSizes, groups, out);
                }
            }
        }
    }

    /**
     * Length of a group separator at {@code i} followed by a digit: 1 for a space, dash or dot, 3 for
     * " - "; 0 when there is none. A run keeps to one kind of separator.
     */
    private static int separatorLength(String text, int i) {
        char c = Chars.at(text, i);
        if ((c == ' ' || c == '-' || c == '.') && Chars.isDigit(Chars.at(text, i + 1))) {
            return 1;
        }
        boolean spacedDash = c == ' ' && Chars.at(text, i + 1) == '-' && Chars.at(text, i + 2) == ' ';
        return spacedDash && Chars.isDigit(Chars.at(text, i + 3)) ? 3 : 0;
    }

    private static boolean startsAlone(String text, int start) {
        char before = Chars.at(text, start - 1);
        if (Chars.isWordChar(before)) {
            return false;
        }
        return !((before == '.' || before == ',') && Chars.isDigit(Chars.at(text, start - 2)));
    }

    /**
     * Tries group-aligned slices of the run, longest first. A slice may leave out one group at either
     * end (a year or count printed next to the card number), and start inside the run only when that
     * group is of four digits; more freedom than that, and any long list of numbers has Luhn-valid
     * slices.
     */
    private static Hit candidate(String text, int start, int[] ends, int[] sizes, int groups) {
        if (groups == 1) {
            return sizes[0] >= 13 && sizes[0] <= 19 ? validate(text, start, ends[0], 1) : null;
        }
        for (int first = 0; first <= 1 && first < groups - 1; first++) {
            if (first > 0 && sizes[first] != 4) {
                continue;
            }
            int from = ends[first] - sizes[first];
            for (int last = groups - 1; last > first && last >= groups - 2; last--) {
                int digits = 0;
                for (int k = first; k <= last; k++) {
                    digits += sizes[k];
                }
                if (digits >= 13 && digits <= 19 && cardLayout(sizes, first, last)) {
                    Hit hit = validate(text, from, ends[last], last - first + 1);
                    if (hit != null) {
                        return hit;
                    }
                }
            }
        }
        return null;
    }

    /** Solid card numbers in a list separated by spaces ({@code 4111111111111111 5555555555554444}). */
    private static void solidNumbersInList(String text, int[] ends, int[] sizes, int groups, List<Hit> out) {
        for (int k = 0; k < groups; k++) {
            if (sizes[k] >= 13 && sizes[k] <= 19) {
                Hit hit = validate(text, ends[k] - sizes[k], ends[k], 1);
                if (hit != null) {
                    out.add(hit);
                }
            }
        }
    }

    /**
     * Group layouts that card numbers are printed in: fours (4-4-4-4, 4-4-4-4-3, also 8-4-4 or 8-8 where
     * a separator went missing), 4-6-5, 4-6-4, or one digit at a time.
     */
    private static boolean cardLayout(int[] sizes, int first, int last) {
        boolean ones = first == 0;
        boolean fours = (sizes[last] >= 1 && sizes[last] <= 4) || sizes[last] % 4 == 0;
        for (int k = first; k <= last; k++) {
            ones &= sizes[k] == 1;
            if (k < last) {
                fours &= sizes[k] % 4 == 0;
            }
        }
        boolean amexLike = last - first == 2 && sizes[first] == 4 && sizes[first + 1] == 6
                && (sizes[last] == 5 || sizes[last] == 4);
        return ones || fours || amexLike;
    }

    private static Hit validate(String text, int start, int end, int groups) {
        char after = Chars.at(text, end);
        if (Chars.isWordChar(after) || ((after == '.' || after == ',') && Chars.isDigit(Chars.at(text, end + 1)))) {
            return null;
        }
        StringBuilder digits = new StringBuilder(19);
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (Chars.isDigit(c)) {
                digits.append(c);
            }
        }
        String number = digits.toString();
        if (!CardNetwork.luhn(number)) {
            return null;
        }
        Optional<CardNetwork> network = CardNetwork.of(number);
        if (network.isEmpty()) {
            return null;
        }
        boolean context = Chars.keywordNear(text, start, end, 48, 24, KEYWORDS);
        boolean grouped = groups > 1;
        double score = grouped || context ? STRONG_SCORE : BARE_SCORE;
        return new Hit(start, end, "CREDIT_CARD", score, "Luhn-valid " + network.get().displayName() + " number"
                + (grouped ? " in card grouping" : "") + (context ? " near a card keyword" : ""));
    }
}
