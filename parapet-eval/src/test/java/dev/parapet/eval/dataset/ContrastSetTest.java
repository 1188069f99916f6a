package dev.parapet.eval.dataset;

import dev.parapet.core.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The project-written contrast set reads through the registry and keeps its shape (no shared data needed). */
class ContrastSetTest {

    private static final Path FILE = Path.of("src/test/resources/contrast/contrast-prompts.jsonl");

    @Test
    void readsThroughTheRegistryWithoutBadRows() {
        DatasetRegistry registry = DatasetRegistry.builtIn();
        LoadedDataset set = new DatasetLoader(Path.of("no-shared-data-needed"), Path.of(".."))
                .load(registry.get("contrast"), Selector.parse("contrast", registry), Long.MAX_VALUE);
        assertThat(set.badRows()).as(set.issues().toString()).isZero();
        assertThat(set.examples()).hasSize(999);
        assertThat(set.positives()).isEqualTo(400);
        assertThat(set.examples()).extracting(Example::category).doesNotContainNull().hasSize(999);
    }

    @Test
    void everyFamilyHasBothLabelsAndEveryHarmfulPromptACanonicalCategory() throws Exception {
        Set<String> canonical = Set.copyOf(Taxonomies.builtIn().canonical().ids());
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> byFamily = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        for (String line : lines) {
            JsonNode row = json.readTree(line);
            assertThat(row.size()).as(line).isEqualTo(4);
            String text = row.get("text").asText();
            assertThat(text).as(line).isNotBlank().isEqualTo(text.strip());
            assertThat(seen.add(text.toLowerCase(Locale.ROOT))).as("duplicate: " + text).isTrue();
            int label = row.get("label").asInt();
            assertThat(label).as(line).isIn(0, 1);
            String category = row.get("category").asText();
            if (label == 1) {
                assertThat(canonical).as(line).contains(category);
            } else {
                assertThat(category).as(line).isEqualTo("none");
            }
            byFamily.computeIfAbsent(row.get("family").asText(), f -> new int[2])[label]++;
        }
        assertThat(byFamily).hasSize(15);
        byFamily.forEach((family, counts) -> assertThat(Math.min(counts[0], counts[1])).as(family).isGreaterThan(20));
    }
}
