package dev.parapet.detect.pii;

import java.util.Optional;

/** Payment card networks recognised by their issuer identification number (IIN) prefix and length. */
enum CardNetwork {
    AMEX("American Express"),
    DINERS("Diners Club"),
    JCB("JCB"),
    VISA("Visa"),
    MASTERCARD("Mastercard"),
    DISCOVER("Discover"),
    UNIONPAY("UnionPay"),
    MAESTRO("Maestro");

    private final String displayName;

    CardNetwork(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    /** The network whose IIN ranges and lengths fit {@code digits} (ASCII digits only), if any. */
    static Optional<CardNetwork> of(String digits) {
        int len = digits.length();
        int p2 = prefix(digits, 2);
        int p3 = prefix(digits, 3);
        int p4 = prefix(digits, 4);
        int p6 = prefix(digits, 6);
        // Order matters where ranges nest: Discover's 622126-622925 sits inside UnionPay's 62.
        if ((p2 == 34 || p2 == 37) && len == 15) {
            return Optional.of(AMEX);
        }
        if (((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) && len >= 14) {
            return Optional.of(DINERS);
        }
        if (p4 >= 3528 && p4 <= 3589 && len >= 16) {
            return Optional.of(JCB);
        }
        if (digits.charAt(0) == '4' && (len == 13 || len == 16 || len == 19)) {
            return Optional.of(VISA);
        }
        if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len == 16) {
            return Optional.of(MASTERCARD);
        }
        if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) && len >= 16) {
            return Optional.of(DISCOVER);
        }
        if (p2 == 62 && len >= 16) {
            return Optional.of(UNIONPAY);
        }
        if ((p2 == 50 || (p2 >= 56 && p2 <= 58) || p4 == 6304 || p4 == 6390 || p2 == 67) && len >= 13) {
            return Optional.of(MAESTRO);
        }
        return Optional.empty();
    }

    /** True when {@code digits} passes the Luhn (mod 10) check. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int k = digits.length() - 1; k >= 0; k--) {
            int d = digits.charAt(k) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static int prefix(String digits, int n) {
        return digits.length() < n ? -1 : Integer.parseInt(digits, 0, n, 10);
    }
}
