package dev.parapet.core.hash;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The deterministic 80/20 split for datasets without an official one: SHA-256 of the text in Unicode NFC, encoded
 * as UTF-8; its first 8 bytes read as an unsigned big-endian number; that number modulo 100 below 80 means
 * {@code train}, otherwise {@code test}. The same text always lands in the same split, on every machine, so a
 * duplicate cannot sit on both sides. Training ({@code parapet train}) and evaluation ({@code parapet eval}) both
 * split by this class, so no evaluation row is ever trained on.
 */
public final class HashSplit {

    /** Percent of texts that go to the training side. */
    public static final int TRAIN_PERCENT = 80;

    private HashSplit() {
    }

    /** {@code "train"} or {@code "test"}. */
    public static String of(String text) {
        return isTrainPart(text) ? "train" : "test";
    }

    /** True when the text is in the training part; the other part is kept for evaluation and never trained on. */
    public static boolean isTrainPart(String text) {
        return bucket(text) < TRAIN_PERCENT;
    }

    /** The text's bucket, 0..99. */
    public static int bucket(String text) {
        byte[] digest = Sha256.digest(Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(v, 100);
    }
}
