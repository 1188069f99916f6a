package dev.parapet.ml.train;

import dev.parapet.core.hash.HashSplit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingSampleTest {

    @Test
    void bucketIsTheFirstEightBytesOfSha256ModuloOneHundred() {
        // SHA-256("abc") begins ba7816bf8f01cfea; 0xba7816bf8f01cfea mod 100 = 46 (unsigned)
        assertThat(HashSplit.bucket("abc")).isEqualTo(Long.remainderUnsigned(0xba7816bf8f01cfeaL, 100));
        assertThat(HashSplit.isTrainPart("abc")).isEqualTo(HashSplit.bucket("abc") < 80);
    }

    @Test
    void aboutEightyPercentAreInTheTrainingPart() {
        int train = 0;
        for (int i = 0; i < 10_000; i++) {
            train += HashSplit.isTrainPart("text " + i) ? 1 : 0;
        }
        assertThat(train).isBetween(7800, 8200);
    }

    @Test
    void heldOutIsAnIndependentSaltedSplit() {
        int held = 0;
        int both = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean h = TrainingSample.isHeldOut("text " + i, 10);
            held += h ? 1 : 0;
            both += h && HashSplit.isTrainPart("text " + i) ? 1 : 0;
        }
        assertThat(held).isBetween(900, 1100);
        assertThat(both).isBetween(700, 900);
    }
}
