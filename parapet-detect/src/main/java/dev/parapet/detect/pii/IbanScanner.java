package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * International bank account numbers: a country code from the IBAN registry, two check digits and the
 * country's exact length, written solid ({@code GB82WEST12345698765432}) or in groups of four
 * separated by single spaces or dashes ({@code GB82 WEST 1234 5698 7654 32}), passing the ISO 7064 mod-97 check.
 */
final class IbanScanner implements TextScanner {

    /** Registered length and mod-97 together leave about one random string in many thousands. */
    static final double SCORE = 0.97;

    /** IBAN lengths per country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
            Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
            Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22),
            Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24),
            Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20), Map.entry("MR", 27),
            Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24),
            Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31),
            Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30),
            // Territories that use their country's IBAN format under their own code.
            Map.entry("AX", 18), Map.entry("IM", 22), Map.entry("JE", 22), Map.entry("GG", 22),
            Map.entry("GF", 27), Map.entry("GP", 27), Map.entry("MQ", 27), Map.entry("RE", 27),
            Map.entry("PF", 27), Map.entry("TF", 27), Map.entry("YT", 27), Map.entry("NC", 27),
            Map.entry("BL", 27), Map.entry("MF", 27), Map.entry("PM", 27), Map.entry("WF", 27));

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i + 4 <= n) {
            pacer.at(i);
            Hit hit = startsIban(text, i) ? read(text, i) : null;
            if (hit != null) {
                out.add(hit);
                i = hit.end();
            } else {
                i++;
            }
        }
    }

    private static boolean startsIban(String s, int i) {
        // The check digits first: most places of a text have letters where they would be.
        return Chars.isDigit(s.charAt(i + 2)) && Chars.isDigit(s.charAt(i + 3))
                && Chars.isAsciiLetter(s.charAt(i)) && Chars.isAsciiLetter(s.charAt(i + 1))
                && !Chars.isWordChar(Chars.at(s, i - 1));
    }

    /** Reads exactly the country's length, solid or grouped by four; null when it does not validate. */
    private static Hit read(String s, int start) {
        String country = s.substring(start, start + 2).toUpperCase(Locale.ROOT);
        Integer length = LENGTHS.get(country);
        if (length == null) {
            return null;
        }
        StringBuilder iban = new StringBuilder(length);
        char separator = Chars.at(s, start + 4);
        boolean grouped = separator == ' ' || separator == '-';
        int pos = start;
        int inGroup = 0;
        while (iban.length() < length) {
            if (pos >= s.length()) {
                return null;
            }
            char c = s.charAt(pos);
            if (grouped && inGroup == 4) {
                if (c != separator) {
                    return null;
                }
                inGroup = 0;
                pos++;
                continue;
            }
            if (!Chars.isAsciiAlnum(c)) {
                return null;
            }
            iban.append(Character.toUpperCase(c));
            inGroup++;
            pos++;
        }
        if (Chars.isWordChar(Chars.at(s, pos))) {
            return null;
        }
        if (!validBody(iban) || mod97(iban) != 1) {
            return null;
        }
        return new Hit(start, pos, "IBAN", SCORE, "IBAN with valid " + country + " length and mod-97 check digits");
    }

    /** Check digits 00, 01 and 99 are never issued. */
    private static boolean validBody(CharSequence iban) {
        int check = (iban.charAt(2) - '0') * 10 + (iban.charAt(3) - '0');
        return check >= 2 && check <= 98;
    }

    /** ISO 7064 mod 97-10 over the IBAN with its first four chars moved to the end. */
    static int mod97(CharSequence iban) {
        int length = iban.length();
        int remainder = 0;
        for (int k = 0; k < length; k++) {
            char c = iban.charAt((k + 4) % length);
            int value = Chars.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
