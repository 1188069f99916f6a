package dev.parapet.server.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as fixed-width UTC text, so that they sort the same as text on every database. */
final class Times {

    /** The format; {@link #format} writes it by hand for the years 1 to 9999 (one per decision written). */
    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Digits of year, month, day, hour, minute, second and millisecond, and the character after each. */
    private static final int[] WIDTHS = {4, 2, 2, 2, 2, 2, 3};
    private static final String AFTER = "--T::.Z";

    private Times() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, e.g. {@code 2026-12-01T01:30:44.123Z}. */
    static String format(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        if (d.getYear() < 1 || d.getYear() > 9999) {
            return FORMAT.format(t);
        }
        int[] fields = {d.getYear(), d.getMonthValue(), d.getDayOfMonth(), d.getHour(), d.getMinute(), d.getSecond(),
                d.getNano() / 1_000_000};
        char[] c = new char[24];
        int at = 0;
        for (int f = 0; f < fields.length; f++) {
            for (int i = at + WIDTHS[f] - 1, v = fields[f]; i >= at; i--, v /= 10) {
                c[i] = (char) ('0' + v % 10);
            }
            at += WIDTHS[f];
            c[at++] = AFTER.charAt(f);
        }
        return new String(c);
    }

    static Instant parse(String s) {
        return Instant.parse(s);
    }
}
