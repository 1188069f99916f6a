package dev.parapet.core.text;

import java.util.List;

/**
 * ROT13: the stretch of a text whose words read as more common English function words rotated than as
 * written ({@link FunctionWords#stretch}), rotated, is a payload. ROT13 is char for char, so its offsets are
 * exact.
 */
final class Rot13PayloadDecoder implements PayloadDecoder {

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.ROT13;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int[] stretch = FunctionWords.stretch(text, FunctionWords.Undo.ROT13);
        if (stretch == null || !budget.allows(stretch[1] - stretch[0])) {
            return;
        }
        MappedText.Builder rotated = new MappedText.Builder(text.length(), stretch[1] - stretch[0]);
        for (int i = stretch[0]; i < stretch[1]; i++) {
            rotated.append(rot13(text.charAt(i)), i, i + 1);
        }
        budget.take(stretch[1] - stretch[0]);
        out.add(new Run(encoding(), stretch[0], stretch[1], rotated.build()));
    }

    static char rot13(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 13) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + 13) % 26);
        }
        return c;
    }
}
