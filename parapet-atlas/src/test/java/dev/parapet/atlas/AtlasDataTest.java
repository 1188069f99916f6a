package dev.parapet.atlas;

import dev.parapet.core.yaml.YamlException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped atlas is valid, large enough, and covers every stage. */
class AtlasDataTest {

    final Atlas atlas = Atlas.builtIn();

    @Test
    void hasAtLeastSixtyEntriesAcrossEveryStage() {
        assertThat(atlas.entries()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(atlas.stages()).containsExactly("data", "pretraining", "post-training", "evaluation", "deployment",
                "monitoring");
        for (String stage : atlas.stages()) {
            assertThat(atlas.select(Optional.of(stage), Optional.empty(), false, Optional.empty()))
                    .as(stage).isNotEmpty();
        }
    }

    @Test
    void everyParapetGuardFamilyIsInTheAtlasAsAGuardModel() {
        Set<String> driven = atlas.entries().stream().flatMap(e -> e.parapet().stream()).collect(Collectors.toSet());
        assertThat(driven).isEqualTo(AtlasLoader.PARAPET_FAMILIES);
        atlas.entries().stream().filter(e -> e.parapet().isPresent())
                .forEach(e -> assertThat(e.kind()).as(e.name()).isEqualTo("guard_model"));
    }

    @Test
    void fieldsAreFromTheVocabularies() {
        for (AtlasEntry e : atlas.entries()) {
            assertThat(atlas.kinds()).as(e.name()).contains(e.kind());
            assertThat(atlas.stages()).as(e.name()).containsAll(e.stages());
            assertThat(atlas.modalities()).as(e.name()).containsAll(e.modalities());
            assertThat(e.link()).as(e.name()).startsWith("https://");
            if (!e.kind().endsWith("model") && !e.kind().equals("classifier") && !e.kind().equals("unlearning")
                    && !e.kind().equals("training_library") && !e.kind().equals("dataset") && !e.kind().equals("benchmark")) {
                assertThat(e.openWeights()).as(e.name() + " is not a model").isFalse();
            }
        }
    }

    @Test
    void filters() {
        assertThat(atlas.select(Optional.of("deployment"), Optional.of("guard_model"), true, Optional.empty()))
                .extracting(AtlasEntry::name).contains("Llama Guard 3", "Qwen3Guard", "WildGuard")
                .doesNotContain("garak");
        assertThat(atlas.select(Optional.empty(), Optional.empty(), false, Optional.of("sw")))
                .extracting(AtlasEntry::name).contains("MultiJail");
        assertThat(atlas.entry("qwen3guard")).map(AtlasEntry::parapet).contains(Optional.of("qwen3guard"));
        assertThat(atlas.entry("no such tool")).isEmpty();
    }

    @Test
    void gapsAreComputedFromTheData() {
        Gaps g = Gaps.of(atlas);
        assertThat(g.stagesWithoutOpenTools()).isEmpty();
        Gaps.StageGaps deployment = g.byStage().stream().filter(s -> s.stage().equals("deployment")).findFirst().orElseThrow();
        assertThat(deployment.languages()).contains("yo", "ha", "am").doesNotContain("en", "de");
        Gaps.StageGaps post = g.byStage().stream().filter(s -> s.stage().equals("post-training")).findFirst().orElseThrow();
        assertThat(post.modalities()).contains("image", "audio");
    }

    private static final String HEAD = """
            stages: [data, deployment]
            kinds: [classifier, guard_model]
            modalities: [text, image]
            languages: [en, sw]
            open_licences: [MIT]
            entries:
            """;

    private static String entry(String name, String extra) {
        return """
                  - name: %s
                    stages: [deployment]
                    kind: classifier
                    licence: MIT
                    open_weights: true
                    modalities: [text]
                    languages: [en]
                    taxonomy: none
                    side: [input]
                    maintainer: someone
                    link: https://example.org/x
                """.formatted(name) + extra;
    }

    @Test
    void gapsOnASmallAtlas() {
        Atlas small = AtlasLoader.parse("t.yaml", HEAD + entry("A", "") + entry("B", "").replace("licence: MIT", "licence: Proprietary")
                .replace("open_weights: true", "open_weights: false").replace("[en]", "[sw]").replace("[text]", "[image]"));
        Gaps g = Gaps.of(small);
        assertThat(g.stagesWithoutOpenTools()).containsExactly("data");
        Gaps.StageGaps d = g.byStage().get(1);
        assertThat(d.openTools()).isEqualTo(1);
        assertThat(d.modalities()).containsExactly("image");
        assertThat(d.languages()).containsExactly("sw");
    }

    @Test
    void invalidEntriesNameFileAndLine() {
        assertThatThrownBy(() -> AtlasLoader.parse("t.yaml", HEAD + entry("A", "") + entry("a", "")))
                .isInstanceOf(YamlException.class).hasMessageContaining("t.yaml:18").hasMessageContaining("duplicate entry 'a'");
        assertThatThrownBy(() -> AtlasLoader.parse("t.yaml", HEAD + entry("A", "").replace("kind: classifier", "kind: oracle")))
                .hasMessageContaining("t.yaml:9").hasMessageContaining("unknown kind 'oracle'");
        assertThatThrownBy(() -> AtlasLoader.parse("t.yaml", HEAD + entry("A", "    parapet: wildguard\n")))
                .hasMessageContaining("only guard models are driven as detectors");
        assertThatThrownBy(() -> AtlasLoader.parse("t.yaml", HEAD + entry("A", "").replace("https://example.org/x", "http://x")))
                .hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> AtlasLoader.parse("t.yaml", HEAD + entry("A", "").replace("    taxonomy: none\n", "")))
                .hasMessageContaining("missing required key 'taxonomy'");
    }

    @Property(tries = 200)
    void arbitraryTextOnlyFailsAsAYamlException(@ForAll @StringLength(max = 300) String text) {
        try {
            AtlasLoader.parse("t.yaml", HEAD + text);
        } catch (YamlException expected) {
            assertThat(expected.getMessage()).startsWith("t.yaml");
        }
    }
}
