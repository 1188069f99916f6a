package dev.parapet.ml.train;

import dev.parapet.core.hash.HashSplit;
import dev.parapet.core.hash.Sha256;

/**
 * How training picks and orders its rows, by stable hashes of the text (never by file order). Sets without an
 * official split are first cut by {@link HashSplit}, the evaluation harness's own rule, so no evaluation row is
 * ever trained on; the text is hashed exactly as the file holds it, a leading byte-order mark removed. Inside the
 * training part a second, salted hash picks the held-out rows used for calibration and the printed metrics.
 */
public final class TrainingSample {

    private TrainingSample() {
    }

    /** True when a training text is held out for calibration and metrics ({@code percent} of them). */
    public static boolean isHeldOut(String text, int percent) {
        return HashSplit.bucket("held-out\u0000" + text) < percent;
    }

    /** A deterministic order key for sampling under a seed. */
    public static String sampleKey(long seed, String text) {
        return Sha256.hex(seed + "\u0000" + text);
    }
}
