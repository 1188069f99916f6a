package dev.parapet.core.text;

import java.util.List;

/**
 * Text written backwards ("?drowssap eht si tahW"): the stretch of a text whose words read as more common
 * English function words backwards than as written ({@link FunctionWords#stretch}), reversed code point by code
 * point, each mapped to its place in the text, is a payload.
 */
final class ReversedPayloadDecoder implements PayloadDecoder {

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.REVERSED;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int[] stretch = FunctionWords.stretch(text, FunctionWords.Undo.REVERSED);
        if (stretch == null || !budget.allows(stretch[1] - stretch[0])) {
            return;
        }
        MappedText.Builder reversed = new MappedText.Builder(text.length(), stretch[1] - stretch[0]);
        for (int end = stretch[1]; end > stretch[0]; ) {
            int start = end - 2 >= stretch[0] && Character.isLowSurrogate(text.charAt(end - 1))
                    && Character.isHighSurrogate(text.charAt(end - 2)) ? end - 2 : end - 1;
            for (int k = start; k < end; k++) {
                reversed.append(text.charAt(k), start, end);
            }
            end = start;
        }
        budget.take(stretch[1] - stretch[0]);
        out.add(new Run(encoding(), stretch[0], stretch[1], reversed.build()));
    }
}
