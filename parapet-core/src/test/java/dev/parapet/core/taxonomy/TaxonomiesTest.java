package dev.parapet.core.taxonomy;

import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomiesTest {

    private final Taxonomies taxonomies = Taxonomies.builtIn();

    @Test
    void canonicalHasTheTwelveHazardsAndParapetsOwnCategories() {
        assertThat(taxonomies.canonical().ids()).containsExactly(
                "violent_crimes", "sex_related_crimes", "child_sexual_exploitation", "suicide_self_harm",
                "indiscriminate_weapons", "intellectual_property", "defamation", "non_violent_crimes", "hate",
                "privacy", "specialized_advice", "sexual_content",
                "prompt_injection", "jailbreak", "pii", "secrets", "profanity");
        assertThat(taxonomies.canonical().byCode("spc_hlt")).map(Category::id).hasValue("specialized_advice");
        assertThat(taxonomies.canonical().byCode("HTE")).map(Category::id).hasValue("hate");
    }

    @Test
    void everyCrosswalkCodeMapsSomewhereOrIsUnmappedOnPurpose() {
        assertThat(taxonomies.crosswalks()).extracting(Crosswalk::id)
                .containsExactly("llama-guard-3", "openai-moderation", "aegis-2", "azure-content-safety");
        for (Crosswalk cw : taxonomies.crosswalks()) {
            for (Mapping m : cw.mappings()) {
                assertThat(!m.canonical().isEmpty() || m.unmappedReason().isPresent())
                        .as(cw.id() + " " + m.code()).isTrue();
                m.canonical().forEach(c -> assertThat(taxonomies.canonical().contains(c)).as(c).isTrue());
            }
            for (String id : taxonomies.canonical().ids()) {
                assertThat(cw.coveredCanonical().contains(id) || cw.canonicalUnmapped().containsKey(id))
                        .as(cw.id() + " covers or declares " + id).isTrue();
            }
        }
    }

    @Test
    void llamaGuardHasFourteenCodesAndMapsToCanonical() {
        Map<String, List<String>> map = taxonomies.map("llama-guard-3", "mlcommons");
        assertThat(map).hasSize(14);
        assertThat(map.get("S1")).containsExactly("violent_crimes");
        assertThat(map.get("S10")).containsExactly("hate");
        assertThat(map.get("S13")).containsExactly("specialized_advice");
    }

    @Test
    void openAiModerationHasItsThirteenCategories() {
        assertThat(taxonomies.crosswalk("openai").orElseThrow().mappings()).hasSize(13);
        assertThat(taxonomies.crosswalk("azure").orElseThrow().mappings()).hasSize(4);
    }

    @Test
    void mapsBetweenTwoExternalTaxonomiesThroughTheCanonicalOne() {
        Map<String, List<String>> map = taxonomies.map("llama-guard-3", "openai-moderation");
        assertThat(map.get("S11")).containsExactly("self-harm", "self-harm/intent", "self-harm/instructions");
        assertThat(map.get("S8")).isEmpty(); // no intellectual-property category at OpenAI
        Map<String, List<String>> back = taxonomies.map("mlcommons", "llama-guard-3");
        assertThat(back.get("pii")).isEmpty();
        assertThat(back.get("hate")).containsExactly("S10");
    }

    @Test
    void unknownTaxonomyNamesTheKnownOnes() {
        assertThatThrownBy(() -> taxonomies.map("nope", "mlcommons"))
                .hasMessageContaining("unknown taxonomy 'nope'").hasMessageContaining("llama-guard-3");
    }

    @Test
    void aCrosswalkThatForgetsACategoryIsRejectedWithItsLine() {
        String yaml = """
                id: partial
                codes:
                  - {code: A, maps_to: [hate]}
                """;
        assertThatThrownBy(() -> taxonomies.readCrosswalk(Yaml.parse("partial.yaml", yaml)))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("partial.yaml:1")
                .hasMessageContaining("neither mapped");
    }

    @Test
    void aCodeMappingToAnUnknownCategoryIsRejectedWithItsLine() {
        String yaml = """
                id: bad
                codes:
                  - {code: A, maps_to: [hate]}
                  - {code: B, maps_to: [nonsense]}
                """;
        assertThatThrownBy(() -> taxonomies.readCrosswalk(Yaml.parse("bad.yaml", yaml)))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("bad.yaml:4")
                .hasMessageContaining("unknown canonical category 'nonsense'");
    }
}
