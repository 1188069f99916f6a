package dev.parapet.ml.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a trained model's openness manifest in the Model Openness Framework's YAML format: the release and
 * its licences, the components, and (under {@code provenance}) the exact data files and splits with their
 * licences, the recipe, the checksum and the held-out figures.
 */
final class ManifestWriter {

    private ManifestWriter() {
    }

    static String write(Recipe recipe, String recipePath, String sha256, TrainingSet set, HeldOutMetrics m,
                        String architecture) {
        StringBuilder y = new StringBuilder();
        y.append("# Openness manifest of a model that ships with Parapet; written by `parapet train`.\n");
        y.append("framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\n  date: '2024-12-15'\n");
        y.append("release:\n");
        y.append("  name: '").append(recipe.name()).append("'\n");
        y.append("  version: '").append(sha256, 0, 12).append("'\n");
        y.append("  date: ").append(q(recipe.date())).append('\n');
        y.append("  license:\n");
        y.append("    distribution: {name: Apache-2.0, path: LICENSE}\n");
        y.append("    code: {name: Apache-2.0, path: LICENSE}\n");
        y.append("    data: {name: ").append(q(dataLicences(recipe))).append(", path: }\n");
        y.append("    document: {name: Apache-2.0, path: docs/MODELS.md}\n");
        boolean minilm = recipe.kind().equals("minilm");
        y.append("  type: 'language'\n");
        y.append("  architecture: ").append(minilm ? "'encoder'" : "'other'").append('\n');
        y.append("  origin: ").append(minilm ? "'sentence-transformers/all-MiniLM-L6-v2'" : "''").append('\n');
        y.append("  producer: 'Parapet'\n  contact: ''\n");
        y.append("  components:\n");
        y.append("    -\n      name: 'Model architecture'\n      description: ").append(q(architecture))
                .append("\n      license: Apache-2.0\n      component_path: parapet-ml/src/main/java/dev/parapet/ml/model\n");
        component(y, "Data preprocessing code", "parapet-ml/src/main/java/dev/parapet/ml/train");
        component(y, "Training code", "parapet-ml/src/main/java/dev/parapet/ml/train");
        component(y, "Inference code", "parapet-ml/src/main/java/dev/parapet/ml/detect");
        component(y, "Evaluation code", "parapet-ml/src/main/java/dev/parapet/ml/train/HeldOutMetrics.java");
        component(y, "Model parameters (Final)", "parapet-ml/src/main/resources/dev/parapet/ml/models/"
                + recipe.name() + ".bin");
        component(y, "Model metadata", recipePath);
        component(y, "Model card", "docs/MODELS.md");
        component(y, "Data card", "docs/MODELS.md");
        component(y, "Evaluation results", "docs/MODELS.md");
        component(y, "Supporting libraries and tools", "pom.xml");
        y.append("    -\n      name: Datasets\n      description: 'Public training data; the files and splits are listed"
                + " under provenance.training_data'\n      license: ").append(q(dataLicences(recipe)))
                .append("\n      component_path: ").append(recipePath).append('\n');
        y.append("provenance:\n");
        y.append("  kind: ").append(recipe.kind()).append('\n');
        y.append("  sha256: ").append(sha256).append('\n');
        y.append("  recipe: ").append(recipePath).append('\n');
        y.append("  seed: ").append(recipe.seed()).append('\n');
        y.append("  licence_class: train-ok\n");
        y.append("  training_data:\n");
        for (DatasetSpec d : recipe.datasets()) {
            y.append("    - name: ").append(d.name()).append('\n');
            y.append("      licence: ").append(q(d.licence())).append('\n');
            y.append("      split: ").append(switch (d.split()) {
                case "hash" -> "'80% training part by SHA-256 of the text (bucket < 80); the 20% is never read'";
                case "all" -> "'the whole file (an official training or validation split)'";
                default -> q(d.splitField() + " in " + d.splitValues().stream().sorted().toList());
            }).append('\n');
            y.append("      files:\n");
            for (String f : set.files().getOrDefault(d.name(), List.of())) {
                // The project's own data is named by its path in the project, as the recipe is.
                String file = d.besideRecipe() ? Path.of(recipePath).resolveSibling(f).toString() : f;
                y.append("        - ").append(q(file)).append('\n');
            }
        }
        y.append("  held_out_evaluation:\n");
        y.append("    note: 'held-out rows of the training part (").append(recipe.heldOutPercent())
                .append("% by a salted hash), also used for calibration; never a test split'\n");
        y.append(String.format(Locale.ROOT, "    rows: %d%n    unsafe: %d%n    threshold: %.2f%n    precision: %.4f%n"
                        + "    recall: %.4f%n    f1: %.4f%n    fpr: %.4f%n    auprc: %.4f%n    precision_at_0_8: %.4f%n"
                        + "    category_accuracy: %.4f%n", m.n(), m.positives(), m.threshold(), m.precision(),
                m.recall(), m.f1(), m.fpr(), m.auprc(), m.precisionAt08(), m.categoryAccuracy()));
        y.append("    flagged_by_dataset:\n");
        rates(y, m.byDataset());
        y.append("    flagged_by_language:\n");
        rates(y, m.byLanguage());
        return y.toString();
    }

    private static void rates(StringBuilder y, Map<String, double[]> rows) {
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] d = e.getValue();
            y.append(String.format(Locale.ROOT, "      %s: {rows: %d, unsafe_share: %.3f, flagged: %.3f}%n",
                    q(e.getKey()), (int) d[0], d[2] / d[0], d[1] / d[0]));
        }
    }

    private static String dataLicences(Recipe recipe) {
        return String.join(" AND ", recipe.datasets().stream().map(DatasetSpec::licence).filter(s -> !s.isBlank())
                .distinct().sorted().toList());
    }

    private static void component(StringBuilder y, String name, String path) {
        y.append("    -\n      name: '").append(name).append("'\n      license: Apache-2.0\n      component_path: ")
                .append(path).append('\n');
    }

    private static String q(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
