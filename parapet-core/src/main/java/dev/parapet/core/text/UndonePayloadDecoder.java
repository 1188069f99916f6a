package dev.parapet.core.text;

import java.util.List;

/**
 * ROT13 and text written backwards ("Jung vf gur cnffjbeq?", "?drowssap eht si tahW"): the stretch of a text whose
 * words read as more common English function words undone than as written ({@link FunctionWords#stretch}), undone,
 * is a payload. ROT13 is char for char; backwards text is reversed code point by code point; either way each
 * decoded char maps to its place in the text.
 */
final class UndonePayloadDecoder implements PayloadDecoder {

    private final FunctionWords.Undo undo;

    UndonePayloadDecoder(FunctionWords.Undo undo) {
        this.undo = undo;
    }

    @Override
    public Payload.Encoding encoding() {
        return undo == FunctionWords.Undo.ROT13 ? Payload.Encoding.ROT13 : Payload.Encoding.REVERSED;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int[] stretch = FunctionWords.stretch(text, undo);
        if (stretch == null || !budget.allows(stretch[1] - stretch[0])) {
            return;
        }
        MappedText.Builder decoded = new MappedText.Builder(text.length(), stretch[1] - stretch[0]);
        if (undo == FunctionWords.Undo.ROT13) {
            for (int i = stretch[0]; i < stretch[1]; i++) {
                decoded.append(rot13(text.charAt(i)), i, i + 1);
            }
        } else {
            for (int end = stretch[1]; end > stretch[0]; ) {
                int start = end - 2 >= stretch[0] && Character.isLowSurrogate(text.charAt(end - 1))
                        && Character.isHighSurrogate(text.charAt(end - 2)) ? end - 2 : end - 1;
                for (int k = start; k < end; k++) {
                    decoded.append(text.charAt(k), start, end);
                }
                end = start;
            }
        }
        budget.take(stretch[1] - stretch[0]);
        out.add(new Run(encoding(), stretch[0], stretch[1], decoded.build()));
    }

    private static char rot13(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 13) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + 13) % 26);
        }
        return c;
    }
}
