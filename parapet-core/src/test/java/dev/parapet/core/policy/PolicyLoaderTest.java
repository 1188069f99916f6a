package dev.parapet.core.policy;

import dev.parapet.core.content.Role;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.yaml.YamlException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTest {

    private final PolicyLoader loader = new PolicyLoader(Taxonomies.builtIn().canonical());

    @Test
    void defaultPolicyFailsClosedAndCoversEveryCanonicalCategoryOnInput() {
        Policy p = Policy.defaultPolicy();
        assertThat(p.failMode()).isEqualTo(FailMode.CLOSED);
        assertThat(p.enabled(Role.USER)).containsAll(Taxonomies.builtIn().canonical().ids());
        assertThat(p.rule("pii", Role.USER)).map(Rule::action).hasValue(Action.REDACT);
        assertThat(p.rule("sexual_content", Role.USER)).map(Rule::action).hasValue(Action.FLAG);
        assertThat(p.rule("sexual_content", Role.ASSISTANT)).map(Rule::action).hasValue(Action.BLOCK);
        assertThat(p.rule("prompt_injection", Role.ASSISTANT)).isEmpty();
        assertThat(p.rule("prompt_injection", Role.TOOL)).isPresent();
    }

    @Test
    void rulesInheritDefaultsThenCategoryThenSide() {
        Policy p = loader.load("p.yaml", """
                id: p
                version: "7"
                fail_mode: open
                detector_budget_ms: 25
                detector_budgets_ms: {lexicon: 5}
                defaults: {threshold: 0.6, action: flag}
                categories:
                  hate: {threshold: 0.8}
                  pii: {action: redact}
                  profanity:
                input:
                  pii: {action: block}
                output:
                  profanity: "off"
                """);
        assertThat(p.version()).isEqualTo("7");
        assertThat(p.failMode()).isEqualTo(FailMode.OPEN);
        assertThat(p.rule("hate", Role.USER)).hasValue(new Rule(0.8, Action.FLAG));
        assertThat(p.rule("pii", Role.USER)).hasValue(new Rule(0.6, Action.BLOCK));
        assertThat(p.rule("pii", Role.ASSISTANT)).hasValue(new Rule(0.6, Action.REDACT));
        assertThat(p.rule("profanity", Role.USER)).hasValue(new Rule(0.6, Action.FLAG));
        assertThat(p.rule("profanity", Role.ASSISTANT)).isEmpty();
        assertThat(p.rule("violent_crimes", Role.USER)).isEmpty();
        assertThat(p.budget("lexicon")).isEqualTo(Duration.ofMillis(5));
        assertThat(p.budget("pii")).isEqualTo(Duration.ofMillis(25));
    }

    @Test
    void customCategoriesAndDenyTerms() {
        Policy p = loader.load("p.yaml", """
                id: p
                custom_categories: [competitors]
                categories: [hate]
                deny_terms: ["project x", {term: acme, category: competitors}]
                allow_terms: [scunthorpe]
                """);
        assertThat(p.denyTerms()).containsExactly(new TermRule("project x", Policy.DENY_LIST),
                new TermRule("acme", "competitors"));
        assertThat(p.rule("competitors", Role.USER)).isPresent();
        assertThat(p.rule(Policy.DENY_LIST, Role.ASSISTANT)).isPresent();
        assertThat(p.allowTerms()).containsExactly("scunthorpe");
    }

    @Test
    void invalidPoliciesAreRejectedWithFileLineAndReason() {
        assertError("""
                id: p
                categories:
                  hate: {threshold: 1.5}
                """, "p.yaml:3", "threshold must be between 0 and 1");
        assertError("""
                id: p
                categories:
                  hat: {}
                """, "p.yaml:3", "unknown category 'hat'");
        assertError("""
                id: p
                categories:
                  hate: {action: obliterate}
                """, "p.yaml:3", "unknown action 'obliterate'");
        assertError("""
                id: p
                categories: [hate]
                fail_mode: sideways
                """, "p.yaml:3", "fail_mode must be closed or open");
        assertError("""
                id: p
                categories: [hate]
                colour: blue
                """, "p.yaml:3", "unknown key 'colour'");
        assertError("""
                categories: [hate]
                """, "p.yaml:1", "missing required key 'id'");
        assertError("""
                id: p
                categories: [hate
                """, "p.yaml:", "invalid YAML");
        assertError("""
                id: p
                id: q
                categories: [hate]
                """, "p.yaml:", "duplicate key");
        assertError("", "p.yaml", "empty");
    }

    @Test
    void yamlBombsAreRefused() {
        StringBuilder sb = new StringBuilder("id: p\ncategories: [hate]\na: &a [x,x,x,x,x,x,x,x,x]\n");
        String prev = "a";
        for (int i = 0; i < 60; i++) {
            String name = "b" + i;
            sb.append(name).append(": &").append(name).append(" [*").append(prev).append(",*").append(prev).append("]\n");
            prev = name;
        }
        assertThatThrownBy(() -> loader.load("bomb.yaml", sb.toString())).isInstanceOf(YamlException.class)
                .hasMessageContaining("bomb.yaml");
    }

    private void assertError(String yaml, String where, String reason) {
        assertThatThrownBy(() -> loader.load("p.yaml", yaml)).isInstanceOf(YamlException.class)
                .hasMessageContaining(where).hasMessageContaining(reason);
    }
}
