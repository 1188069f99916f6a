package dev.parapet.detect.lexicon;

import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.MappedText;
import dev.parapet.core.text.TextNormalizer;

import java.util.List;

/** A minimal normaliser for tests: lower case, char for char, nothing decoded. */
final class LowercaseNormalizer implements TextNormalizer {

    @Override
    public AnalyzedText analyze(String original) {
        MappedText.Builder b = new MappedText.Builder(original.length(), original.length());
        for (int i = 0; i < original.length(); i++) {
            b.append(Character.toLowerCase(original.charAt(i)), i, i + 1);
        }
        MappedText lower = b.build();
        return new AnalyzedText(original, MappedText.identity(original), lower, List.of());
    }
}
