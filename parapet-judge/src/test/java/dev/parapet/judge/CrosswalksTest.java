package dev.parapet.judge;

import dev.parapet.core.taxonomy.Crosswalk;
import dev.parapet.core.taxonomy.Mapping;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.judge.model.GraniteGuardian;
import dev.parapet.judge.model.Qwen3Guard;
import dev.parapet.judge.model.ShieldGemma;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard families' crosswalks load, validate against the canonical taxonomy and cover every code each model can emit. */
class CrosswalksTest {

    private final Taxonomies taxonomies = Taxonomies.builtIn();

    private List<String> codes(String taxonomy) {
        return Judges.crosswalk(taxonomy, taxonomies).mappings().stream().map(Mapping::code).toList();
    }

    @Test
    void everyCodeAModelEmitsHasAMapping() {
        assertThat(codes("llama-guard-3")).hasSize(14);
        assertThat(codes("llama-guard-4")).containsExactlyElementsOf(codes("llama-guard-3"));
        assertThat(codes("shieldgemma")).containsExactlyInAnyOrderElementsOf(ShieldGemma.PRINCIPLES.keySet());
        assertThat(codes("granite-guardian")).containsExactlyInAnyOrderElementsOf(GraniteGuardian.RISKS.keySet());
        assertThat(codes("qwen3guard")).containsExactlyInAnyOrderElementsOf(Qwen3Guard.CATEGORIES);
        assertThat(codes("wildguard")).contains("harmful_request", "harmful_response");
    }

    @Test
    void mappingsPointAtCanonicalCategories() {
        Crosswalk qwen = Judges.crosswalk("qwen3guard", taxonomies);
        assertThat(qwen.toCanonical("Suicide & Self-Harm")).containsExactly("suicide_self_harm");
        assertThat(qwen.toCanonical("Politically Sensitive Topics")).isEmpty();
        assertThat(Judges.crosswalk("llama-guard-4", taxonomies).toCanonical("S13")).containsExactly("specialized_advice");
        assertThat(Judges.crosswalk("granite-guardian", taxonomies).toCanonical("jailbreak")).containsExactly("jailbreak");
    }

    @Test
    void everyFamilyBuildsADetectorThatNamesItsCategories() {
        for (GuardFamily f : GuardFamily.values()) {
            GuardDetector d = Judges.detector(JudgeConfig.defaults(f.wireName(), f, URI.create("http://127.0.0.1:9"),
                    "m", ApiStyle.OPENAI), taxonomies);
            assertThat(d.categories()).as(f.wireName()).isNotEmpty().allMatch(c -> taxonomies.canonical().contains(c));
            assertThat(d.policyVersion()).hasSize(16);
        }
    }
}
