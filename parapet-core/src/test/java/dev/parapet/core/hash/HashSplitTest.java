package dev.parapet.core.hash;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HashSplitTest {

    @Test
    void bucketsMatchAnIndependentComputation() {
        // Python: int.from_bytes(sha256(unicodedata.normalize('NFC', t).encode()).digest()[:8], 'big') % 100
        assertThat(HashSplit.bucket("hello")).isEqualTo(42);
        assertThat(HashSplit.bucket("How can I kill a Python process?")).isEqualTo(2);
        assertThat(HashSplit.bucket("é")).isEqualTo(51);
        assertThat(HashSplit.of("hello")).isEqualTo("train");
    }

    @Test
    void canonicallyEquivalentTextsLandTogether() {
        assertThat(HashSplit.bucket("e\u0301")).isEqualTo(HashSplit.bucket("\u00e9"));
    }

    @Test
    void aboutOneFifthIsHeldOut() {
        int test = 0;
        for (int i = 0; i < 10_000; i++) {
            if (HashSplit.of("text number " + i).equals("test")) test++;
        }
        assertThat(test).isBetween(1800, 2200);
    }

    @Property
    void bucketIsAlwaysInRange(@ForAll String text) {
        assertThat(HashSplit.bucket(text)).isBetween(0, 99);
    }
}
