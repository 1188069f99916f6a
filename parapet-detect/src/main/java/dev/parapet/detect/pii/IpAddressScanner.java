package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;

/**
 * IPv4 and IPv6 addresses, parsed strictly by hand (no {@code InetAddress}, so nothing is ever
 * resolved). Addresses that identify no one are skipped: unspecified ({@code 0.0.0.0}, {@code ::}),
 * loopback, broadcast and netmasks ({@code 255.255.255.0}). Private, link-local and shared ranges
 * identify a host inside a network, not a person on the internet, so they score lower.
 *
 * <p>IPv4 look-alikes: a fifth dotted number ({@code 1.2.3.4.5}), leading zeros, letters glued on
 * ({@code v1.2.3.4}), a "version"/"build" word just before, or all four numbers below ten
 * ({@code 2.0.1.4}, far more often a version than an address) without an "IP" word nearby.
 */
final class IpAddressScanner implements TextScanner {

    /** A public address: identifies a subscriber or a server. */
    static final double PUBLIC_SCORE = 0.8;
    /** Private, link-local or carrier-grade NAT: points into a network, not at a person. */
    static final double PRIVATE_SCORE = 0.5;
    /** Added when "ip", "address", "host" or "server" is near. */
    static final double CONTEXT_BONUS = 0.1;

    private static final String[] KEYWORDS = {"ip", "address", "host", "server", "client", "connect", "ping"};
    private static final String[] VERSION_WORDS = {"version", "ver.", "build", "release", "firmware", "update",
        "v.", "chrome", "firefox", "safari", "edge/", "android", "ios"};
    private static final int MAX_IPV6_TEXT = 45;

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i < n) {
            pacer.at(i);
            char c = text.charAt(i);
            if (!(Chars.isHex(c) || c == ':') || !startsToken(text, i)) {
                i++;
                continue;
            }
            // The token: a maximal run of hex digits, dots and colons.
            int end = i;
            boolean digit = false;
            while (end < n && isTokenChar(text.charAt(end))) {
                digit |= Chars.isDigit(text.charAt(end));
                end++;
            }
            // Without a digit it is neither dotted decimals nor an IPv6 address (see ipv6): words such as "bed".
            Hit hit = !digit || Chars.isWordChar(Chars.at(text, end)) ? null : address(text, i, end);
            if (hit != null) {
                out.add(hit);
            }
            i = Math.max(end, i + 1);
        }
    }

    /** A char of an address token: a hex digit, a dot or a colon. */
    static boolean isTokenChar(char c) {
        return Chars.isHex(c) || c == '.' || c == ':';
    }

    /** Whether an address token may start at {@code i}: nothing glued before it. */
    static boolean startsToken(String text, int i) {
        char before = Chars.at(text, i - 1);
        return !(Chars.isWordChar(before) || before == '.' || before == ':' || before == '-');
    }

    private static Hit address(String text, int start, int end) {
        // Trailing sentence punctuation is not part of the address.
        while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')
                && !(text.charAt(end - 1) == ':' && Chars.at(text, end - 2) == ':')) {
            end--;
        }
        if (end <= start) {
            return null;
        }
        int colon = start;
        while (colon < end && text.charAt(colon) != ':') {
            colon++;
        }
        if (colon < end) {
            // "192.0.2.7:8080" is an IPv4 address with a port; anything else with a colon is IPv6.
            if (colon > start && parseIpv4(text, start, colon) != null) {
                return ipv4Hit(text, start, colon);
            }
            return ipv6(text, start, end);
        }
        return ipv4Hit(text, start, end);
    }

    private static Hit ipv4Hit(String text, int start, int end) {
        int[] octets = parseIpv4(text, start, end);
        if (octets == null || !identifying(octets)) {
            return null;
        }
        boolean context = Chars.keywordNear(text, start, end, 40, 20, KEYWORDS);
        boolean small = octets[0] < 10 && octets[1] < 10 && octets[2] < 10 && octets[3] < 10;
        if ((small && !context) || Chars.keywordNear(text, start, end, 16, 0, VERSION_WORDS)) {
            return null;
        }
        boolean isPrivate = privateIpv4(octets);
        return hit(start, end, "IPv4", isPrivate, context);
    }

    /** Four dotted decimals 0-255 without leading zeros, exactly filling {@code [start, end)}. */
    static int[] parseIpv4(String text, int start, int end) {
        int[] octets = new int[4];
        int part = 0;
        int pos = start;
        while (part < 4) {
            int from = pos;
            int value = 0;
            while (pos < end && Chars.isDigit(text.charAt(pos)) && pos - from < 3) {
                value = value * 10 + (text.charAt(pos) - '0');
                pos++;
            }
            int digits = pos - from;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(from) == '0')) {
                return null;
            }
            octets[part++] = value;
            if (part < 4) {
                if (pos >= end || text.charAt(pos) != '.') {
                    return null;
                }
                pos++;
            }
        }
        return pos == end ? octets : null;
    }

    private static boolean identifying(int[] o) {
        if (o[0] == 0 || o[0] == 127 || o[0] >= 224) {
            return false; // "this network", loopback, multicast, reserved and broadcast
        }
        return !isNetmask(o);
    }

    private static boolean isNetmask(int[] o) {
        long bits = ((long) o[0] << 24) | ((long) o[1] << 16) | ((long) o[2] << 8) | o[3];
        long inverted = ~bits & 0xFFFFFFFFL;
        return o[0] == 255 && (inverted & (inverted + 1)) == 0; // ones followed only by zeros
    }

    private static boolean privateIpv4(int[] o) {
        return o[0] == 10
                || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
                || (o[0] == 192 && o[1] == 168)
                || (o[0] == 169 && o[1] == 254)
                || (o[0] == 100 && o[1] >= 64 && o[1] <= 127);
    }

    private static Hit ipv6(String text, int start, int end) {
        if (end - start > MAX_IPV6_TEXT) {
            return null;
        }
        int[] groups = Ipv6.parse(text, start, end);
        if (groups == null) {
            return null;
        }
        boolean hasDigit = false;
        int nonZero = 0;
        for (int k = start; k < end; k++) {
            hasDigit |= Chars.isDigit(text.charAt(k));
        }
        for (int g : groups) {
            nonZero += g != 0 ? 1 : 0;
        }
        // Without a digit it is a word-like token such as "face::add"; with fewer than two non-zero
        // groups it is "::", "::1" or a lone group, none of which identifies a host.
        if (!hasDigit || nonZero < 2) {
            return null;
        }
        if ((groups[0] & 0xff00) == 0xff00) {
            return null; // multicast
        }
        boolean isPrivate = (groups[0] & 0xffc0) == 0xfe80 || (groups[0] & 0xfe00) == 0xfc00;
        boolean context = Chars.keywordNear(text, start, end, 40, 20, KEYWORDS);
        return hit(start, end, "IPv6", isPrivate, context);
    }

    private static Hit hit(int start, int end, String family, boolean isPrivate, boolean context) {
        double score = (isPrivate ? PRIVATE_SCORE : PUBLIC_SCORE) + (context ? CONTEXT_BONUS : 0);
        return new Hit(start, end, "IP_ADDRESS", score, (isPrivate ? "private-range " : "") + family + " address"
                + (context ? " near a network keyword" : ""));
    }
}
