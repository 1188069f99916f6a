package dev.parapet.eval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.hash.HashSplit;
import dev.parapet.core.taxonomy.Category;
import dev.parapet.core.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project-written sets beside the recipes (small talk, everyday requests, and harmful requests beside harmless
 * ones, which the n-gram recipe trains on the 80% parts of; injection messages, users' set-ups and pasted documents,
 * which the injection recipe does) and their held-out companions, which nothing trains on, read through the
 * registry: the benign sets with every row benign, the harmful-request sets with every hazard asked for and both
 * labels in every language, the texts about groups of people (MiniLM's exemplars) likewise with every
 * kind, the injection sets with their attacks in every family, the pasted documents in whole
 * pairs, all in the languages the registry names; a hash split's test part is the 20% no recipe reads. No shared
 * data needed.
 */
class ProjectSetsTest {

    /** The families both injection sets hold. */
    private static final Set<String> ATTACK_FAMILIES = Set.of("override", "extraction", "persona",
            "refusal_suppression", "hypothetical", "output_manipulation", "task_hijack", "fake_system",
            "payload_splitting");
    /** Families only the training set's second round holds. */
    private static final Set<String> LATER_FAMILIES = Set.of("encoded", "many_shot");
    private static final Set<String> LOOK_ALIKES = Set.of("benign_own_instructions", "benign_roleplay",
            "benign_tech", "benign_format", "benign_text");

    /** The kinds of hateful text in the identity sets (label 1). */
    private static final Set<String> HATEFUL_KINDS = Set.of("dehumanising", "negative_generalisation", "contempt",
            "threat_or_exclusion", "implicit", "request_for_hate", "obfuscated");
    /** The kinds of text that mention a group without attacking it (label 0). */
    private static final Set<String> MENTION_KINDS = Set.of("positive", "neutral", "counter_speech", "negated",
            "experience", "self_reference", "profanity_not_hate", "criticism_not_identity", "request_benign");

    /** The twelve AILuminate hazards (the canonical categories but Parapet's own), each asked for in the sets. */
    private static final Set<String> HAZARDS = Taxonomies.builtIn().canonical().categories().stream()
            .filter(c -> !c.group().equals("parapet")).map(Category::id).collect(Collectors.toSet());

    private final DatasetRegistry registry = DatasetRegistry.builtIn();
    private final DatasetLoader loader = new DatasetLoader(Path.of("no-shared-data-needed"), Path.of(".."));

    private LoadedDataset load(String name, String selector) {
        return loader.load(registry.get(name), Selector.parse(selector, registry), Long.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource({"smalltalk, 384", "everyday-requests, 3090", "everyday-heldout, 360", "user-setups, 277",
            "setup-probes, 519"})
    void everyRowIsBenignAndInALanguageTheRegistryNames(String name, int rows) {
        LoadedDataset all = load(name, name);
        assertThat(all.badRows()).as(all.issues().toString()).isZero();
        assertThat(all.examples()).hasSize(rows);
        assertThat(all.positives()).isZero();
        assertLanguagesAsTheRegistryNames(name, all);
    }

    @ParameterizedTest
    @CsvSource({"injection-messages, 7176, 3746, true", "injection-heldout, 352, 198, false"})
    void everyAttackFamilyIsThereBesideLookAlikes(String name, int rows, int attacks, boolean later) {
        LoadedDataset all = load(name, name);
        assertThat(all.badRows()).as(all.issues().toString()).isZero();
        assertThat(all.examples()).hasSize(rows);
        assertThat(all.positives()).isEqualTo(attacks);
        Set<String> families = new HashSet<>(ATTACK_FAMILIES);
        if (later) {
            families.addAll(LATER_FAMILIES);
        }
        assertThat(all.examples().stream().filter(Example::positive).map(Example::category))
                .containsOnly(families.toArray(String[]::new))
                .containsAll(families);
        assertThat(all.examples().stream().filter(e -> !e.positive()).map(Example::category))
                .containsOnly(LOOK_ALIKES.toArray(String[]::new));
        assertLanguagesAsTheRegistryNames(name, all);
    }

    @ParameterizedTest
    @CsvSource({"pasted-documents, parapet-ml/recipes/data/pasted-documents.jsonl, 337",
            "pasted-documents-heldout, parapet-eval/src/test/resources/documents/pasted-documents-heldout.jsonl, 92"})
    void pastedDocumentsComeInPairsOfOneOrdinaryAndOneWithAnInstructionToTheModel(String name, String file, int pairs)
            throws Exception {
        LoadedDataset all = load(name, name);
        assertThat(all.badRows()).as(all.issues().toString()).isZero();
        assertThat(all.examples()).hasSize(2 * pairs);
        assertThat(all.positives()).isEqualTo(pairs);
        assertThat(all.examples()).allSatisfy(e -> assertThat(e.category())
                .isEqualTo(e.positive() ? "hidden_instruction" : "benign_document"));
        assertLanguagesAsTheRegistryNames(name, all);
        Map<String, Set<Integer>> labelsByPair = pairs(file);
        assertThat(labelsByPair).hasSize(pairs).allSatisfy((pair, labels) -> assertThat(labels).containsOnly(0, 1));
    }

    /**
     * The sets of two labels: harmful requests (each hazard asked for) beside harmless ones, and texts about groups
     * of people (each hateful kind) beside ones that only mention a group (each kind of those).
     */
    @ParameterizedTest
    @CsvSource({"harmful-requests, 9076, 4339, hazards", "harmful-heldout, 680, 340, hazards",
            "identity-mentions, 1572, 632, identity", "identity-heldout, 490, 196, identity"})
    void everyCategoryIsUnderItsLabelAndEveryLanguageHasBothLabels(String name, int rows, int positives,
                                                                   String kinds) {
        Set<String> positiveKinds = kinds.equals("hazards") ? HAZARDS : HATEFUL_KINDS;
        Set<String> negativeKinds = kinds.equals("hazards") ? Set.of("benign") : MENTION_KINDS;
        LoadedDataset all = load(name, name);
        assertThat(all.badRows()).as(all.issues().toString()).isZero();
        assertThat(all.examples()).hasSize(rows);
        assertThat(all.positives()).isEqualTo(positives);
        assertThat(all.examples().stream().filter(Example::positive).map(Example::category))
                .containsOnly(positiveKinds.toArray(String[]::new)).containsAll(positiveKinds);
        assertThat(all.examples().stream().filter(e -> !e.positive()).map(Example::category))
                .containsOnly(negativeKinds.toArray(String[]::new)).containsAll(negativeKinds);
        Map<String, Set<Boolean>> labelsByLanguage = all.examples().stream().collect(Collectors.groupingBy(
                Example::language, Collectors.mapping(Example::positive, Collectors.toSet())));
        assertThat(labelsByLanguage).allSatisfy((lang, labels) -> assertThat(labels).containsOnly(true, false));
        assertLanguagesAsTheRegistryNames(name, all);
    }

    @ParameterizedTest
    @CsvSource({"harmful-requests, harmful-heldout", "identity-mentions, identity-heldout"})
    void noTextIsBothInATrainingSetAndInItsHeldOutSet(String training, String heldOut) {
        Set<String> trained = load(training, training).examples().stream().map(Example::text)
                .collect(Collectors.toSet());
        assertThat(load(heldOut, heldOut).examples().stream().map(Example::text)).doesNotContainAnyElementsOf(trained);
    }

    @Test
    void noPairIsBothTrainedOnAndHeldOut() throws Exception {
        Set<String> trained = pairs("parapet-ml/recipes/data/pasted-documents.jsonl").keySet();
        assertThat(pairs("parapet-eval/src/test/resources/documents/pasted-documents-heldout.jsonl").keySet())
                .doesNotContainAnyElementsOf(trained);
    }

    /** The labels of each pair of a pasted-documents file (the registry does not read the pair column). */
    private static Map<String, Set<Integer>> pairs(String file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<Integer>> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("..").resolve(file))) {
            JsonNode row = json.readTree(line);
            String pair = row.get("pair").asText();
            assertThat(out.computeIfAbsent(pair, k -> new HashSet<>()).add(row.get("label").asInt()))
                    .as("pair %s has one row of each label", pair).isTrue();
        }
        return out;
    }

    private void assertLanguagesAsTheRegistryNames(String name, LoadedDataset all) {
        Set<String> languages = all.examples().stream().map(Example::language).collect(Collectors.toSet());
        assertThat(languages).containsExactlyInAnyOrderElementsOf(registry.get(name).languages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"smalltalk", "everyday-requests", "injection-messages", "user-setups", "harmful-requests",
            "identity-mentions"})
    void theTestPartIsTheTwentyPercentNoRecipeReads(String name) {
        LoadedDataset all = load(name, name);
        LoadedDataset test = load(name, name + ":test");
        LoadedDataset train = load(name, name + ":train");
        assertThat(test.examples().size() + train.examples().size()).isEqualTo(all.examples().size());
        assertThat(test.examples()).isNotEmpty()
                .allSatisfy(e -> assertThat(HashSplit.bucket(e.text())).isGreaterThanOrEqualTo(80));
    }
}
