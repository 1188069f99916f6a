package dev.parapet.ml.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts hidden inside documents, as an indirect prompt injection hides in an e-mail, a table or a tool result:
 * each text is inserted into one document, at its start, in its middle or at its end, and the document is
 * trimmed around it so that the result fits the model's window. Document and place are picked by a hash of the
 * seed and the text, so the result depends on neither file order nor the machine.
 */
final class Insertions {

    private Insertions() {
    }

    /**
     * @param texts     the texts to hide (label, category, language and dataset carry over)
     * @param documents where to hide them (not empty)
     * @param maxChars  the model's window: a result is longer only when the text itself is
     * @param seed      the recipe's seed
     */
    static List<Example> of(List<Example> texts, List<Example> documents, int maxChars, long seed) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no documents to insert into");
        }
        List<Example> out = new ArrayList<>(texts.size());
        for (Example t : texts) {
            int h = TrainingSample.sampleKey(seed, t.text()).hashCode();
            String doc = documents.get(Integer.remainderUnsigned(h, documents.size())).text();
            String composed = insert(doc, t.text(), Integer.remainderUnsigned(h >>> 8, 3), maxChars);
            out.add(new Example(composed, t.unsafe(), t.category(), t.lang(), t.dataset()));
        }
        return out;
    }

    /** {@code text} at the start (0), in the middle (1) or at the end (2) of {@code doc}, within {@code maxChars}. */
    static String insert(String doc, String text, int where, int maxChars) {
        int room = Math.max(0, maxChars - text.length() - 2);
        return switch (where) {
            case 0 -> text + "\n" + TrainingSet.cut(doc, 0, Math.min(doc.length(), room));
            case 2 -> TrainingSet.cut(doc, Math.max(0, doc.length() - room), doc.length()) + "\n" + text;
            default -> {
                int mid = doc.length() / 2;
                yield TrainingSet.cut(doc, Math.max(0, mid - room / 2), mid) + "\n" + text + "\n"
                        + TrainingSet.cut(doc, mid, Math.min(doc.length(), mid + (room - room / 2)));
            }
        };
    }
}
