package dev.parapet.packs;

import dev.parapet.core.verdict.Action;
import dev.parapet.core.yaml.YamlException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackLoaderTest {

    static final Path FIXTURES = Path.of("src/test/resources/packs");

    private static PolicyPack parse(String yaml) {
        return PackLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String pack(String categories) {
        return "pack: p\nversion: 1.0.0\ncategories:\n" + categories;
    }

    private static final String GOOD_CATEGORY = """
              - id: spam
                definition: Unwanted advertising.
                severity: low
                action: flag
                examples:
                  positive: ["buy now", "click here"]
                  negative: ["hello", "thanks"]
            """;

    @Test
    void readsAFixtureWithVersionHashAndExamples() {
        PolicyPack p = PackLoader.load(FIXTURES.resolve("small.yaml"));
        assertThat(p.id()).isEqualTo("small-test");
        assertThat(p.version()).isEqualTo("0.1.0");
        assertThat(p.sha256()).hasSize(64);
        assertThat(p.provenance()).startsWith("small-test@0.1.0 sha256:").hasSize("small-test@0.1.0 sha256:".length() + 12);
        PackCategory c = p.categories().get(0);
        assertThat(c.action()).isEqualTo(Action.FLAG);
        assertThat(c.severity()).isEqualTo(Severity.LOW);
        assertThat(c.languages()).containsExactly("en");
        assertThat(c.positives()).hasSize(3);
        assertThat(c.negatives()).hasSize(3);
        assertThat(c.positives().get(0).line()).isEqualTo(14);
        assertThat(p.rules().get("cooking_spam").action()).isEqualTo(Action.FLAG);
    }

    @Test
    void theHashFollowsTheContent() {
        PolicyPack a = parse(pack(GOOD_CATEGORY));
        PolicyPack b = parse(pack(GOOD_CATEGORY) + "# a comment\n");
        assertThat(a.sha256()).isNotEqualTo(b.sha256());
        assertThat(parse(pack(GOOD_CATEGORY)).sha256()).isEqualTo(a.sha256());
    }

    @Test
    void duplicateCategoryIdsNameTheSecondOne() {
        assertThatThrownBy(() -> PackLoader.load(FIXTURES.resolve("broken-duplicate.yaml")))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("broken-duplicate.yaml:11")
                .hasMessageContaining("duplicate category id 'spam'");
    }

    @Test
    void missingDefinition() {
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("    definition: Unwanted advertising.\n", ""))))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("t.yaml:4")
                .hasMessageContaining("category 'spam' has no definition");
    }

    @Test
    void noExamplesOrTooFewOnOneSide() {
        String noExamples = GOOD_CATEGORY.substring(0, GOOD_CATEGORY.indexOf("    examples:"));
        assertThatThrownBy(() -> parse(pack(noExamples)))
                .hasMessageContaining("category 'spam' has no examples");
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("negative: [\"hello\", \"thanks\"]", "negative: []"))))
                .hasMessageContaining("t.yaml:9")
                .hasMessageContaining("has 0 negative examples; it needs at least 2");
    }

    @Test
    void contradictoryActionAndLabels() {
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("action: flag", "action: allow"))))
                .hasMessageContaining("t.yaml:7")
                .hasMessageContaining("contradictory action");
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("\"hello\"", "\"Buy now\""))))
                .hasMessageContaining("contradictory labels")
                .hasMessageContaining("at line 9");
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("action: flag", "action: quarantine"))))
                .hasMessageContaining("unknown action 'quarantine'");
    }

    @Test
    void badIdsAndUnknownKeys() {
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("id: spam", "id: Spam Mail"))))
                .hasMessageContaining("'Spam Mail' is not a valid id");
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("severity: low", "severity: low\n    colour: red"))))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> parse("pack: p\ncategories: []\n")).hasMessageContaining("missing required key 'version'");
        assertThatThrownBy(() -> parse("pack: p\nversion: 1\ncategories: []\n")).hasMessageContaining("at least one category");
    }

    @Test
    void hostileInputIsRejectedQuickly() {
        String longId = "a".repeat(100_000) + "!";
        assertThatThrownBy(() -> parse(pack(GOOD_CATEGORY.replace("id: spam", "id: " + longId))))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("is not a valid id")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Property(tries = 200)
    void arbitraryTextNeverEscapesAsAnotherException(@ForAll @StringLength(max = 300) String text) {
        try {
            parse(text);
        } catch (YamlException expected) {
            assertThat(expected.getMessage()).startsWith("t.yaml");
        }
    }
}
