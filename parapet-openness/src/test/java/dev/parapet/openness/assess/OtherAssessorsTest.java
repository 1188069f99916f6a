package dev.parapet.openness.assess;

import dev.parapet.openness.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OtherAssessorsTest {

    @Test
    void fullyOpenManifestPassesOsaidAndUnlocksResearchGoalsPartly() {
        Assessment a = Fixtures.assess("manifest.yaml");
        assertThat(a.osaid().pass()).as(a.osaid().reasons().toString()).isTrue();
        assertThat(a.gradient().level()).isEqualTo(Gradient.FULLY_OPEN);
        assertThat(a.profile().goals().get("adaptation-innovation").unlocked()).isTrue();
        assertThat(a.profile().goals().get("research-reproducibility").blockers())
                .anyMatch(b -> b.startsWith("Model architecture"));
        assertThat(a.consistency()).isEmpty();
    }

    @Test
    void llamaFineTuneFailsOsaidOnTermsAndIsFlagged() {
        Assessment a = Fixtures.assess("card.README.md");
        assertThat(a.osaid().pass()).isFalse();
        assertThat(a.osaid().reasons()).anyMatch(r -> r.startsWith("OSI-approved terms"))
                .anyMatch(r -> r.startsWith("code:")).anyMatch(r -> r.startsWith("parameters:"));
        assertThat(a.gradient().level()).isEqualTo(Gradient.DOWNLOADABLE);
        assertThat(a.consistency()).anyMatch(c -> c.contains("claims to be open source"));
    }

    @Test
    void indexRecordGetsEveryFramework() {
        Assessment a = Fixtures.assess("llama-index.yaml");
        assertThat(a.osai()).isPresent();
        assertThat(a.consistency()).anyMatch(c -> c.contains("index grades licences open"));
        assertThat(a.osaid().reasons()).anyMatch(r -> r.startsWith("OSI-approved terms"));
    }

    @Test
    void baseModelLicenceConstrainsFineTune() {
        Assessment a = Fixtures.assess("freetext.yml");
        assertThat(a.consistency()).anyMatch(c -> c.contains("built on Llama-3.1-8B"));
        assertThat(a.warnings()).anyMatch(w -> w.contains("licence repaired"));
    }

    @Test
    void transparencyIndexLookUp() {
        FmtiTable t = FmtiTable.load(Fixtures.fixture("fmti.csv"), null);
        FmtiEntry e = t.lookup("Example Org").orElseThrow();
        assertThat(e.score()).isEqualTo(2.0);
        assertThat(e.indicators()).isEqualTo(3);
        assertThat(e.subdomains().get("Data")).containsExactly(2.0, 2.0);
        assertThat(t.lookup("Nobody")).isEmpty();
        Assessment a = new OpennessAssessor(Fixtures.LICENSES, t).assess(
                Fixtures.READERS.read(Fixtures.fixture("llama-index.yaml")));
        assertThat(a.fmti()).isPresent();
    }

    @Test
    void transparencyIndexOnSharedData() {
        Path dec = Fixtures.shared("fmti/Dec2025/Dec2025_scores.csv");
        FmtiTable t = FmtiTable.load(dec, null);
        FmtiEntry meta = t.lookup("meta-llama").orElseThrow();
        assertThat(meta.developer()).isEqualTo("Meta");
        assertThat(meta.subdomains()).hasSizeGreaterThan(3);
        FmtiTable oct = FmtiTable.load(Fixtures.shared("fmti/October2023/October2023_scores.csv"), null);
        assertThat(oct.lookup("Meta").orElseThrow().indicators()).isEqualTo(100);
    }
}
