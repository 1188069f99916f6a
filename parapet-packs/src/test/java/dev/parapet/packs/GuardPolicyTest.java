package dev.parapet.packs;

import dev.parapet.judge.model.GptOssSafeguard;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.parapet.packs.PackLoaderTest.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

class GuardPolicyTest {

    @Test
    void compilesDefinitionsScopeAndExamples() {
        PolicyPack p = PackLoader.load(FIXTURES.resolve("small.yaml"));
        GuardPolicy g = GuardPolicy.of(p);
        assertThat(g.definitions()).containsOnlyKeys("cooking_spam");
        assertThat(g.definitions().get("cooking_spam")).contains("Advertising for cooking products").contains("severity: low");
        assertThat(g.details())
                .contains(p.provenance())
                .contains("Violates when:\n- links to shops selling pans")
                .contains("Does not violate:\n- recipes")
                .contains("\"limited offer on kitchen knives, order today\"")
                .contains("\"how long should I boil an egg?\"");
        assertThat(g.text()).startsWith("# Content policy").contains("## Output format").contains("\"violation\"");
    }

    @Test
    void isWhatTheGptOssSafeguardFamilyTakes() {
        PolicyPack p = new PackCatalog(Optional.empty()).resolve("medical-information");
        GuardPolicy g = GuardPolicy.of(p);
        GptOssSafeguard model = new GptOssSafeguard(g.definitions(), Optional.of(g.details()), 1024);
        assertThat(model.codes()).containsExactly("individual_dosing_advice", "self_diagnosis_request");
        assertThat(model.policy()).contains("- individual_dosing_advice: ").contains("## Policy details")
                .contains("medical-information@1.0.0");
    }
}
