package dev.parapet.openness.assess;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parapet.openness.Fixtures;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.read.RecordReaders;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MofAssessorTest {

    private final MofAssessor tool = new MofAssessor(Fixtures.LICENSES, MofAssessor.Mode.TOOL);
    private final MofAssessor repaired = new MofAssessor(Fixtures.LICENSES, MofAssessor.Mode.NORMALIZED);

    @Test
    void globalLicencesMakeAFullReleaseClassOne() {
        MofResult r = tool.assess(Fixtures.READERS.read(Fixtures.fixture("class1.yml")));
        assertThat(r.mofClass()).isEqualTo(1);
        // No technical report, but the paper is there: optional in Class I, stands in for it in III and II.
        assertThat(r.progress()).containsEntry("1", 100.0).containsEntry("2", 100.0).containsEntry("3", 100.0);
    }

    @Test
    void paperStandsInForTechnicalReportInClassThree() {
        MofResult r = tool.assess(Fixtures.READERS.read(Fixtures.fixture("class3-paper.yml")));
        assertThat(r.mofClass()).isEqualTo(3);
        assertThat(r.progress().get("3")).isEqualTo(100.0);
        assertThat(r.progress().get("2")).isCloseTo(60.0, within(1e-9));
        assertThat(r.progress().get("1")).isEqualTo(0.0);
    }

    @Test
    void freeTextLicencesAreClosedForTheToolAndRepairedByParapet() {
        ModelRelease rel = Fixtures.READERS.read(Fixtures.fixture("freetext.yml"));
        MofResult t = tool.assess(rel);
        MofResult n = repaired.assess(rel);
        assertThat(t.mofClass()).isZero();
        assertThat(n.mofClass()).isEqualTo(3);
        assertThat(MofAssessor.differences(t, n)).anyMatch(s -> s.startsWith("Model architecture"));
        assertThat(rel.issues()).anyMatch(i -> i.message().contains("duplicate component"))
                .anyMatch(i -> i.message().contains("unknown MOF component 'Magic sauce'"));
    }

    @Test
    void reproducesTheModelOpennessToolsExpectedResults() throws Exception {
        Path expected = Fixtures.shared("mof/Test_Data/expected_results.json");
        ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        JsonNode models = json.readTree(expected.toFile()).path("models");
        YAMLMapper yaml = new YAMLMapper();
        int matched = 0;
        for (JsonNode m : models) {
            // Each expected result embeds the record it was computed from: evaluate exactly that record.
            String text = yaml.writeValueAsString(json.createObjectNode().setAll(java.util.Map.of(
                    "framework", m.path("framework"), "release", m.path("release"))));
            MofResult r = tool.assess(Fixtures.READERS.read("expected.yml", text));
            JsonNode c = m.path("classification");
            assertThat(r.mofClass()).as(m.path("release").path("name").asText()).isEqualTo(c.path("class").asInt());
            for (String k : List.of("1", "2", "3")) {
                assertThat(r.progress().get(k)).as(m.path("release").path("name").asText() + " progress " + k)
                        .isEqualTo(c.path("progress").path(k).asDouble());
            }
            matched++;
        }
        assertThat(matched).isEqualTo(27);
    }

    @Test
    void classifiesEveryRecordOfTheModelOpennessTool() throws Exception {
        Path dir = Fixtures.shared("mof/models");
        List<Path> files = RecordReaders.recordFiles(dir);
        int[] classes = new int[4];
        for (Path f : files) {
            classes[tool.assess(Fixtures.READERS.read(f)).mofClass()]++;
        }
        assertThat(files).hasSize(273);
        assertThat(classes[0] + classes[1] + classes[2] + classes[3]).isEqualTo(273);
        assertThat(classes[1]).isPositive();
        assertThat(Files.isDirectory(dir)).isTrue();
    }
}
