package dev.parapet.openness.read;

import dev.parapet.openness.Fixtures;
import dev.parapet.openness.model.Availability;
import dev.parapet.openness.model.ComponentType;
import dev.parapet.openness.model.ModelRelease;
import dev.parapet.openness.model.SourceFormat;
import dev.parapet.openness.report.ManifestWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordReadersTest {

    private final RecordReaders readers = Fixtures.READERS;

    @Test
    void readsAModelCard() {
        ModelRelease r = readers.read(Fixtures.fixture("card.README.md"));
        assertThat(r.format()).isEqualTo(SourceFormat.HF_CARD);
        assertThat(r.baseModel()).isEqualTo("meta-llama/Llama-3.1-8B");
        assertThat(r.component(ComponentType.WEIGHTS_FINAL).orElseThrow().availability()).isEqualTo(Availability.GATED);
        assertThat(r.component(ComponentType.WEIGHTS_FINAL).orElseThrow().license()).isEqualTo("llama3.1");
        assertThat(r.component(ComponentType.TECHNICAL_REPORT).orElseThrow().location()).isEqualTo("https://arxiv.org/abs/2401.00001");
        assertThat(r.claimsOpenSource()).isTrue();
    }

    @Test
    void readsACycloneDxBom() {
        ModelRelease r = readers.read(Fixtures.fixture("bom.json"));
        assertThat(r.name()).isEqualTo("example/tiny-model");
        assertThat(r.component(ComponentType.WEIGHTS_FINAL).orElseThrow().license()).isEqualTo("Apache-2.0");
        assertThat(r.availability(ComponentType.TRAINING_DATA)).isEqualTo(Availability.DOWNLOADABLE);
        assertThat(r.availability(ComponentType.EVALUATION_RESULTS)).isEqualTo(Availability.DOWNLOADABLE);
    }

    @Test
    void manifestRoundTrips(@TempDir Path tmp) throws Exception {
        ManifestWriter w = new ManifestWriter();
        for (String f : new String[] {"manifest.yaml", "class1.yml", "llama-index.yaml", "card.README.md", "bom.json"}) {
            ModelRelease a = readers.read(Fixtures.fixture(f));
            Path out = tmp.resolve(f + ".parapet.yaml");
            Files.writeString(out, w.toManifest(a));
            ModelRelease b = readers.read(out);
            assertThat(b.components()).as(f).isEqualTo(a.components().entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                            e -> new dev.parapet.openness.model.Component(e.getKey(), e.getValue().availability(),
                                    e.getValue().location(), e.getValue().license(),
                                    b.components().get(e.getKey()).line()))));
            assertThat(b.globalLicenses()).isEqualTo(a.globalLicenses());
            assertThat(b.indexParameters().keySet()).isEqualTo(a.indexParameters().keySet());
            assertThat(Fixtures.ASSESSOR.assess(b).mof()).isEqualTo(Fixtures.ASSESSOR.assess(a).mof());
        }
    }

    @Test
    void badInputIsReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> readers.read(Fixtures.fixture("batch/broken.yml")))
                .isInstanceOf(RecordException.class).hasMessageContaining("broken.yml:");
        assertThatThrownBy(() -> readers.read(Fixtures.fixture("batch/bomb.yml")))
                .isInstanceOf(RecordException.class).hasMessageContaining("bomb.yml");
        Path wrong = tmp.resolve("wrong.yml");
        Files.writeString(wrong, "framework: 3\nrelease:\n  name: [a, b]\n  components: nope\n");
        ModelRelease r = readers.read(wrong);
        assertThat(r.issues()).anyMatch(i -> i.line() == 3 && i.message().contains("name"))
                .anyMatch(i -> i.line() == 4 && i.message().contains("components"));
        Path unknown = tmp.resolve("unknown.yml");
        Files.writeString(unknown, "hello: world\n");
        assertThatThrownBy(() -> readers.read(unknown)).hasMessageContaining("unrecognised record");
        Path dup = tmp.resolve("dup.yml");
        Files.writeString(dup, "release:\n  name: a\n  name: b\n");
        assertThatThrownBy(() -> readers.read(dup)).hasMessageContaining("dup.yml:3");
        Path big = tmp.resolve("big.yml");
        Files.write(big, new byte[(int) RecordReaders.MAX_BYTES + 1]);
        assertThatThrownBy(() -> readers.read(big)).hasMessageContaining("too large");
        Path json = tmp.resolve("bad.json");
        Files.writeString(json, "{\n \"bomFormat\": \"CycloneDX\",\n oops\n}");
        assertThatThrownBy(() -> readers.read(json)).hasMessageContaining("bad.json:3");
        Path noFront = tmp.resolve("card.md");
        Files.writeString(noFront, "# just a readme\n");
        assertThatThrownBy(() -> readers.read(noFront)).hasMessageContaining("front matter");
    }

    @Test
    void readsEverySharedRecord() throws Exception {
        int n = 0;
        for (String dir : new String[] {"mof/models", "osai-index/main-database", "osai-index/main-database-14param-e39b4ed",
                "osai-index/opening-up-chatgpt/projects", "hf-modelcards/cards", "cyclonedx/examples"}) {
            for (Path f : RecordReaders.recordFiles(Fixtures.shared(dir))) {
                assertThat(readers.read(f)).isNotNull();
                n++;
            }
        }
        assertThat(n).isGreaterThan(700);
    }
}
