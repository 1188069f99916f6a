package dev.parapet.ml.train;

import dev.parapet.ml.model.ModelFile;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Deterministic splits by a stable hash of the text: the first 8 bytes of SHA-256 over the text in Unicode NFC,
 * encoded as UTF-8, read as an unsigned big-endian number, modulo 100 (the same split the evaluation harness
 * uses, so no evaluation row is ever trained on). The text is hashed exactly as the file holds it, a leading
 * byte-order mark removed. A text is in the 80% training part when that bucket is below
 * 80; the other 20% is kept for evaluation and never read by training. Inside the training part a second,
 * salted hash picks the held-out rows used for calibration and the printed metrics.
 */
public final class HashSplit {

    /** Buckets below this are the training part of a set without an official split. */
    public static final int TRAIN_PERCENT = 80;

    private HashSplit() {
    }

    /** The text's bucket in 0..99. */
    public static int bucket(String text) {
        byte[] d = sha256(Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(v, 100);
    }

    /** True when a text of a set without an official split may be trained on. */
    public static boolean isTrainPart(String text) {
        return bucket(text) < TRAIN_PERCENT;
    }

    /** True when a training text is held out for calibration and metrics ({@code percent} of them). */
    public static boolean isHeldOut(String text, int percent) {
        return bucket("held-out\u0000" + text) < percent;
    }

    /** A deterministic order key for sampling under a seed. */
    public static String sampleKey(long seed, String text) {
        return ModelFile.sha256((seed + "\u0000" + text).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
