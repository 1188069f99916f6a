package dev.parapet.detect.pii;

/**
 * A strict IPv6 text parser (RFC 4291 section 2.2): eight groups of one to four hex digits, at most
 * one {@code ::}, optionally ending in a dotted IPv4 address. Pure text work: never resolves.
 */
final class Ipv6 {

    private Ipv6() {
    }

    /** The eight 16-bit groups of the address exactly filling {@code [start, end)}, or null. */
    static int[] parse(String text, int start, int end) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int pos = start;
        if (end - start >= 2 && text.charAt(start) == ':' && text.charAt(start + 1) == ':') {
            gap = 0;
            pos = start + 2;
        } else if (end > start && text.charAt(start) == ':') {
            return null;
        }
        while (pos < end) {
            if (count == 8) {
                return null;
            }
            int from = pos;
            int value = 0;
            while (pos < end && Chars.isHex(text.charAt(pos)) && pos - from < 4) {
                value = value * 16 + Character.digit(text.charAt(pos), 16);
                pos++;
            }
            if (pos < end && text.charAt(pos) == '.') {
                // A trailing IPv4 address fills the last two groups.
                int[] v4 = count <= 6 ? IpAddressScanner.parseIpv4(text, from, end) : null;
                if (v4 == null) {
                    return null;
                }
                groups[count++] = (v4[0] << 8) | v4[1];
                groups[count++] = (v4[2] << 8) | v4[3];
                pos = end;
                break;
            }
            if (pos == from) {
                return null;
            }
            groups[count++] = value;
            if (pos == end) {
                break;
            }
            if (text.charAt(pos) != ':') {
                return null;
            }
            pos++;
            if (pos < end && text.charAt(pos) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                pos++;
            } else if (pos == end) {
                return null; // a single trailing colon
            }
        }
        if (gap < 0) {
            return count == 8 ? groups : null;
        }
        if (count > 7) {
            return null; // "::" must stand for at least one group
        }
        int[] full = new int[8];
        int tail = count - gap;
        System.arraycopy(groups, 0, full, 0, gap);
        System.arraycopy(groups, gap, full, 8 - tail, tail);
        return full;
    }
}
