package dev.parapet.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.eval.dataset.Example;
import dev.parapet.eval.dataset.LoadedDataset;
import dev.parapet.eval.run.Evaluator;
import dev.parapet.eval.run.Filter;
import dev.parapet.eval.run.Judgement;
import dev.parapet.eval.run.Progress;
import dev.parapet.eval.run.RunResult;
import dev.parapet.eval.run.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {

    /** Scores a text by the number in it: "0.7 ..." scores 0.7 under hate. */
    static final class NumberFilter implements Filter {
        @Override
        public String name() {
            return "numbers";
        }

        @Override
        public String configuration() {
            return "test";
        }

        @Override
        public Map<String, Double> thresholds() {
            return Map.of("hate", 0.5);
        }

        @Override
        public Judgement judge(String text, String language) {
            double s = Double.parseDouble(text.split(" ")[0]);
            return new Judgement(Map.of("hate", s), s >= 0.5 ? Set.of("hate") : Set.of(), false);
        }
    }

    static RunResult run(String name, double... negatives) {
        List<Example> ex = new java.util.ArrayList<>(List.of(
                new Example("0.8 a", true, "x", "", "en", "", ""), new Example("0.35 b", true, "x", "", "de", "", ""),
                new Example("0.4 c", false, "y", "", "en", "", "")));
        for (double d : negatives) ex.add(new Example(d + " n", false, "y", "", "de", "", ""));
        return new Evaluator(Progress.NONE).run(new NumberFilter(), new LoadedDataset(name, "eval-only", List.of(), ex,
                0, List.of(), 0), Target.resolve(List.of("hate")), OptionalDouble.empty(),
                new Evaluator.DatasetInfo("A <test> set", "ref", ""));
    }

    @Test
    void jsonHasTheHeadlineFiguresAsFractionsAndNullForUndefined() {
        JsonNode o = JsonReport.run(run("d", 0.1));
        assertThat(o.get("n").asInt()).isEqualTo(4);
        assertThat(o.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(o.get("precision").asDouble()).isEqualTo(1.0);
        assertThat(o.get("recall").asDouble()).isEqualTo(0.5);
        assertThat(o.get("f1").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(o.get("fpr").asDouble()).isZero();
        // scores .8 (+), .4 (−), .35 (+), .1 (−): AP = .5 · 1 + .5 · 2/3
        assertThat(o.get("auprc").asDouble()).isCloseTo(0.5 + 1.0 / 3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(o.get("by_language").fieldNames()).toIterable().containsExactly("de", "en");
        assertThat(o.get("by_category").get("y").get("recall").isNull()).isTrue();
        assertThat(o.get("pr_curve")).hasSize(4);
        assertThat(o.has("category_detection")).isFalse();
    }

    @Test
    void markdownAndHtmlCarryTheFiguresAndEscapeText() {
        JsonNode o = JsonReport.run(run("d", 0.1));
        String md = MarkdownReport.report("Report", List.of(o));
        assertThat(md).contains("| d | numbers | 4 | 2 | 2 | 0.500 | 1.000 | 0.500 | 0.667 | 0.000 | 0.833 |");
        assertThat(md).contains("| language | n | unsafe | safe |").contains("| de | 2 | 1 | 1 |");
        String html = HtmlReport.page("Report <1>", List.of(o));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Report &lt;1&gt;").contains("A &lt;test&gt; set")
                .contains("<polyline").contains("<rect").doesNotContain("<script")
                .endsWith("</html>\n");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }

    @Test
    void compareShowsTheChangeForTheSameDataset(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, JsonReport.write(List.of(run("d", 0.1), run("only-a", 0.2))));
        Files.writeString(b, JsonReport.write(JsonReport.run(run("d", 0.6))));
        String table = Comparison.markdown("a", Comparison.read(a), "b", Comparison.read(b));
        // with a flagged negative, precision falls from 1 to 0.5
        assertThat(table).contains("| d | 4 | 4 | 1.000 | 0.500 | -0.500 |");
        assertThat(table).contains("| only-a | 4 | – |");
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"x\": 1}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Comparison.read(junk))
                .hasMessageContaining("no evaluation runs");
        assertThat(new ObjectMapper().readTree(Files.readString(a)).get("runs")).hasSize(2);
    }

    @Test
    void theEvaluationPageSetsTheBarBesideTheFigures() {
        JsonNode o = JsonReport.run(run("toxicchat:test", 0.1));
        String page = EvaluationDoc.builtIn().render("parapet eval --suite standard", List.of(o), List.of("x: absent"));
        assertThat(page).contains("Generated by `parapet eval --suite standard`")
                .contains("| toxicchat:test | 4 | 0.500 | F1 0.667")
                .contains("F1 ≥ 0.50 (aim 0.60)").contains("Llama Guard 3-8B: F1 0.54")
                .contains("- x: absent").contains("SHA-256");
    }
}
