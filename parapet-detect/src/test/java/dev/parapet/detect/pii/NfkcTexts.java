package dev.parapet.detect.pii;

import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;

import java.text.Normalizer;
import java.util.List;

/**
 * Builds the NFKC view a text normaliser hands to pattern detectors (NFKC per code point, invisible
 * format characters removed, offsets kept), so the detectors can be tested on obfuscated input
 * without depending on the full normaliser.
 */
final class NfkcTexts {

    private NfkcTexts() {
    }

    static AnalyzedText analyze(String original) {
        MappedText.Builder view = new MappedText.Builder(original.length(), original.length());
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!invisible(cp)) {
                view.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC), i, next);
            }
            i = next;
        }
        MappedText nfkc = view.build();
        if (nfkc.text().equals(original)) {
            return AnalyzedText.plain(original);
        }
        return new AnalyzedText(original, nfkc, nfkc, List.of());
    }

    private static boolean invisible(int cp) {
        return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF
                || cp == 0x180E;
    }
}
