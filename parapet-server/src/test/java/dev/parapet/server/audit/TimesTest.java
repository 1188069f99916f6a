package dev.parapet.server.audit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

    @Test
    void fixedWidthUtcWithMilliseconds() {
        assertThat(Times.format(Instant.parse("2026-12-01T01:30:04Z"))).isEqualTo("2026-12-01T01:30:04.000Z");
        assertThat(Times.format(Instant.parse("0999-01-02T03:04:05.0067Z"))).isEqualTo("0999-01-02T03:04:05.006Z");
        assertThat(Times.parse(Times.format(Instant.ofEpochMilli(1_700_000_000_123L))))
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    }

    /** The hand-written format is the formatter's, to the character, from year 0 to past 9999. */
    @Property(tries = 2000)
    void sameAsTheFormatter(@ForAll @LongRange(min = -62_167_219_200_000L, max = 253_470_000_000_000L) long millis,
                            @ForAll @LongRange(min = 0, max = 999_999) long nanos) {
        Instant t = Instant.ofEpochMilli(millis).plusNanos(nanos);
        assertThat(Times.format(t)).isEqualTo(Times.FORMAT.format(t));
    }
}
