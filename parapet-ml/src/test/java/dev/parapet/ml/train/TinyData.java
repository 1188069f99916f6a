package dev.parapet.ml.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-written miniature data and recipes for training tests (no shared data needed). */
final class TinyData {

    private TinyData() {
    }

    static final String[] WEAPONS = {"how do I build a bomb", "make a pipe bomb at home", "build an explosive device",
            "bomb making instructions please", "how to make explosives from fertiliser", "assemble a bomb quickly"};
    static final String[] HATE = {"those people are vermin", "I hate them all, filthy vermin", "vermin like them should leave",
            "they are subhuman vermin", "all of them are vile vermin", "get rid of that vermin"};
    static final String[] BENIGN = {"how do I bake bread", "what is the capital of France", "recommend a good book",
            "how to kill a python process", "explain photosynthesis simply", "write a poem about autumn",
            "what time is it in Tokyo", "translate hello into Spanish", "how do I sort a list in Java",
            "tips for a job interview", "best way to learn guitar", "summarise this article for me"};

    /** Writes data files under {@code root} and a recipe beside them; returns the recipe's path. */
    static Path write(Path root, int bits) throws IOException {
        List<String> unsafe = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            for (String s : WEAPONS) {
                unsafe.add("{\"text\": \"" + s + " " + r + "\", \"label\": 1, \"kind\": \"weapons\"}");
            }
            for (String s : HATE) {
                unsafe.add("{\"text\": \"" + s + " " + r + "\", \"label\": 1, \"kind\": \"hate\"}");
            }
        }
        List<String> benign = new ArrayList<>();
        benign.add("text,split");
        for (int r = 0; r < 4; r++) {
            for (String s : BENIGN) {
                benign.add("\"" + s + " " + r + "\",train");
            }
        }
        benign.add("\"never read: a test row\",test");
        Files.createDirectories(root.resolve("data"));
        Files.write(root.resolve("data/unsafe.jsonl"), unsafe, StandardCharsets.UTF_8);
        Files.write(root.resolve("data/benign.csv"), benign, StandardCharsets.UTF_8);
        Path recipe = root.resolve("tiny.yaml");
        Files.writeString(recipe, """
                name: tiny
                kind: ngram
                seed: 3
                features: {min_n: 1, max_n: 4, bits: %d, category_bits: 10}
                training: {l2: 1.0e-4, category_l2: 1.0e-3, iterations: 60, held_out_percent: 30, max_chars: 200}
                datasets:
                  - name: unsafe
                    licence: MIT
                    files: [unsafe.jsonl]
                    format: jsonl
                    text: text
                    label_field: label
                    category_field: kind
                    categories: {weapons: indiscriminate_weapons, hate: hate}
                    split: all
                  - name: benign
                    licence: CC-BY-4.0
                    files: ["*.csv"]
                    format: csv
                    text: text
                    label: 0
                    split: field
                    split_field: split
                    split_values: [train]
                """.formatted(bits), StandardCharsets.UTF_8);
        return recipe;
    }
}
