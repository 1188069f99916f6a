package dev.parapet.openness.license;

import dev.parapet.openness.Fixtures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseKnowledgeTest {

    private final LicenseKnowledge k = Fixtures.LICENSES;

    @Test
    void spdxListComesWithFlags() {
        assertThat(k.spdx().version()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(k.spdx().exact("Apache-2.0").orElseThrow().osiApproved()).isTrue();
        assertThat(k.spdx().exact("ODbL-1.0").orElseThrow().fsfLibre()).isTrue();
        assertThat(k.isOpenExactId("CC-BY-4.0")).isTrue();
        assertThat(k.isOpenExactId("CC-BY-NC-4.0")).isFalse();
        assertThat(k.isOpenExactId("apache-2.0")).as("the tool compares exactly").isFalse();
    }

    @Test
    void repairsFreeTextNames() {
        assertThat(k.normalize("Apache 2.0").canonical()).isEqualTo("Apache-2.0");
        assertThat(k.normalize("MIT license").canonical()).isEqualTo("MIT");
        assertThat(k.normalize("apache-2.0").canonical()).isEqualTo("Apache-2.0");
        assertThat(k.normalize("llama3.1").canonical()).isEqualTo("llama3.1");
        assertThat(k.normalize("Llama 3.1 Community License").canonical()).isEqualTo("llama3.1");
        assertThat(k.normalize("Meta Llama 3 Community License Agreement").canonical()).isEqualTo("llama3");
        assertThat(k.normalize("Gemma Terms of Use").canonical()).isEqualTo("gemma");
        assertThat(k.normalize("BSD-3").canonical()).isEqualTo("BSD-3-Clause");
        NormalizedLicense n = k.normalize("Apache 2.0");
        assertThat(n.kind()).isEqualTo(NormalizedLicense.Kind.REPAIRED);
        assertThat(n.confidence()).isLessThan(1.0);
        assertThat(n.note()).contains("Apache 2.0");
        assertThat(k.normalize("Apache-2.0").kind()).isEqualTo(NormalizedLicense.Kind.EXACT);
    }

    @Test
    void recognisesNonLicences() {
        assertThat(k.normalize("unlicensed").kind()).isEqualTo(NormalizedLicense.Kind.NONE);
        assertThat(k.normalize("Component not included").kind()).isEqualTo(NormalizedLicense.Kind.NOT_INCLUDED);
        assertThat(k.normalize("Proprietary").kind()).isEqualTo(NormalizedLicense.Kind.PROPRIETARY);
        assertThat(k.normalize("our own special terms v7").kind()).isEqualTo(NormalizedLicense.Kind.UNKNOWN);
    }

    @Test
    void understandsExpressions() {
        assertThat(k.verdict("Apache-2.0 OR llama2").open()).isTrue();
        assertThat(k.verdict("Apache-2.0 AND llama2").open()).isFalse();
        assertThat(k.verdict("Apache-2.0 AND llama2").restrictsUse()).isTrue();
        assertThat(k.verdict("GPL-2.0-only WITH Classpath-exception-2.0").osiApproved()).isTrue();
        assertThat(k.verdict("(MIT OR CC0-1.0) AND CC-BY-4.0").open()).isTrue();
        assertThat(k.verdict("CC-BY-4.0").osiApproved()).isFalse();
        assertThat(k.verdict("CC-BY-4.0").open()).isTrue();
    }

    @Test
    void aiLicencesCarryTheirRestrictions() {
        AiLicense llama = k.aiLicenses().find("llama3.1").orElseThrow();
        assertThat(llama.userCap()).isEqualTo(700_000_000L);
        assertThat(llama.acceptableUse()).isTrue();
        assertThat(llama.restrictsUse()).isTrue();
        assertThat(k.aiLicenses().find("OpenMDW-1.0").orElseThrow().restrictsUse()).isFalse();
        assertThat(k.verdict("gemma").reason()).contains("restricts use");
    }

    @Test
    void hostileInputFailsFast() {
        assertThat(k.normalize("a".repeat(100_000)).kind()).isEqualTo(NormalizedLicense.Kind.UNKNOWN);
        assertThat(LicenseExpressionParser.parse("(".repeat(10_00) + "MIT" + ")".repeat(1_000))).isEmpty();
        assertThat(LicenseExpressionParser.parse("MIT AND ".repeat(200) + "MIT")).isPresent();
        assertThat(LicenseKnowledge.key("x-".repeat(50_000))).isNotNull();
    }

    @Property(tries = 300)
    void parserAndNormaliserNeverThrow(@ForAll String text) {
        LicenseExpressionParser.parse(text);
        assertThat(k.normalize(text)).isNotNull();
    }

    @Property(tries = 100)
    void canonicalExpressionsReparseToThemselves(@ForAll("ids") String a, @ForAll("ids") String b) {
        String e = a + " OR (" + b + " AND MIT)";
        NormalizedLicense n = k.normalize(e);
        assertThat(n.resolved()).isTrue();
        assertThat(k.normalize(n.canonical()).canonical()).isEqualTo(n.canonical());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> ids() {
        return net.jqwik.api.Arbitraries.of("Apache-2.0", "MIT", "GPL-3.0-or-later", "CC-BY-4.0", "llama2", "gemma", "BSD-3-Clause");
    }
}
