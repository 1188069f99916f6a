package dev.parapet.openness.assess;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parapet.openness.Fixtures;
import dev.parapet.openness.read.RecordReaders;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OsaiScorerTest {

    private final OsaiScorer scorer = new OsaiScorer();

    @Test
    void scoresOpenPartialClosedAsOneHalfZero() {
        var r = scorer.assess(Fixtures.READERS.read(Fixtures.fixture("llama-index.yaml"))).orElseThrow();
        // open: weights x2, preprint, modelcard, licenses = 5; partial: endmodel data, training code, code = 1.5
        assertThat(r.points()).isEqualTo(6.5);
        assertThat(r.score()).isCloseTo(6.5 / 12, within(1e-12));
        assertThat(r.categories().get("availability")).isCloseTo(3.0 / 5, within(1e-12));
        assertThat(r.categories().get("access")).isEqualTo(1.0);
    }

    @Test
    void recordsWithoutIndexParametersHaveNoScore() {
        assertThat(scorer.assess(Fixtures.READERS.read(Fixtures.fixture("class1.yml")))).isEmpty();
    }

    @Test
    void reproducesTheOriginalIndexScoresOfOpeningUpChatGpt() throws Exception {
        Path root = Fixtures.shared("osai-index/opening-up-chatgpt");
        CsvMapper csv = new CsvMapper();
        int compared = 0;
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(root.resolve("docs/df.csv").toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                Path file = root.resolve(row.get("source.file").replaceFirst("^/", ""));
                double expected = Double.parseDouble(row.get("openness"));
                var score = scorer.assess(Fixtures.READERS.read(file)).orElseThrow();
                assertThat(score.points()).as(file.toString()).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void scoresEveryRecordOfTheCurrentAndLegacyIndex() throws Exception {
        for (String dir : new String[] {"osai-index/main-database", "osai-index/main-database-14param-e39b4ed"}) {
            var files = RecordReaders.recordFiles(Fixtures.shared(dir));
            for (Path f : files) {
                var o = scorer.assess(Fixtures.READERS.read(f)).orElseThrow();
                double mean = o.parameters().stream().mapToDouble(OsaiResult.Parameter::points).average().orElseThrow();
                assertThat(o.score()).as(f.toString()).isCloseTo(mean, within(1e-12)).isBetween(0.0, 1.0);
                assertThat(o.parameters()).hasSize(dir.contains("14param") ? 14 : 12);
            }
            assertThat(files).hasSizeGreaterThan(190);
        }
    }
}
