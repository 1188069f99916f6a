package dev.parapet.eval.dataset;

import dev.parapet.core.hash.HashSplit;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    private static SourceSpec source(String text, LabelRule label) {
        return new SourceSpec(List.of(), Optional.empty(), List.of(), text, Map.of(), label, ValueRule.NONE, Map.of(),
                ValueRule.NONE, "", "");
    }

    private static LabelRule values(String field, String positive, String... negative) {
        return new LabelRule.Values(field, Set.of(positive), Set.of(negative));
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void csvWithBomQuotedNewlinesAndBadRowsCountedWithTheirLines() throws IOException {
        Path f = write("d.csv", "\uFEFFprompt,label\n\"two\nlines\",unsafe\nfine,safe\nodd,maybe\n,unsafe\nlast,safe\n");
        LoadedDataset d = DatasetLoader.loadFile(f, source("prompt", values("label", "unsafe", "safe")), Long.MAX_VALUE);
        assertThat(d.examples()).extracting(Example::text).containsExactly("two\nlines", "fine", "last");
        assertThat(d.examples()).extracting(Example::positive).containsExactly(true, false, false);
        assertThat(d.badRows()).isEqualTo(2);
        assertThat(d.issues().get(0).line()).isEqualTo(5);
        assertThat(d.issues().get(0).column()).isEqualTo("label");
        assertThat(d.issues().get(0).reason()).contains("maybe");
        assertThat(d.issues().get(1).line()).isEqualTo(6);
        assertThat(d.issues().get(1).reason()).isEqualTo("no text");
        assertThat(d.examples().get(1).origin()).endsWith("d.csv:4");
    }

    @Test
    void missingColumnAndEmptyFileAreClearErrors() throws IOException {
        Path f = write("d.csv", "text,label\na,1\n");
        assertThatThrownBy(() -> DatasetLoader.loadFile(f, source("prompt", values("label", "1")), 10))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no column 'prompt'")
                .hasMessageContaining("columns: text, label");
        Path empty = write("e.jsonl", "");
        assertThatThrownBy(() -> DatasetLoader.loadFile(empty, source("t", values("l", "1")), 10))
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> DatasetLoader.loadFile(dir.resolve("none.csv"), source("t", values("l", "1")), 10))
                .hasMessageContaining("no such file");
    }

    @Test
    void jsonLinesWithMalformedAndNonUtf8Lines() throws IOException {
        Path f = dir.resolve("d.jsonl");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("{\"t\": \"a\", \"l\": 1}\n{broken\n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
            out.write("[1]\n\n{\"t\": \"b\", \"l\": 0}\n{\"t\": \"c\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        LoadedDataset d = DatasetLoader.loadFile(f, source("t", values("l", "1")), Long.MAX_VALUE);
        assertThat(d.examples()).extracting(Example::text).containsExactly("a", "b");
        assertThat(d.issues()).extracting(RowIssue::line).containsExactly(2L, 3L, 4L, 7L);
        assertThat(d.issues().get(0).reason()).startsWith("malformed JSON");
        assertThat(d.issues().get(1).reason()).contains("invalid UTF-8");
        assertThat(d.issues().get(2).reason()).contains("expected a JSON object");
        assertThat(d.issues().get(3).reason()).isEqualTo("no label");
    }

    @Test
    void jsonDocumentsWithARecordsPathAndNestedLabels() throws IOException {
        Path f = write("d.json", "{\"name\": \"x\", \"items\": [\n {\"text\": \"a\", \"ann\": {\"tox\": {\"m\": \"1\"}}},\n"
                + " {\"text\": \"b\", \"ann\": {\"tox\": {\"m\": \"0\"}}}\n]}");
        SourceSpec src = new SourceSpec(List.of(), Optional.empty(), List.of("items"), "text", Map.of(),
                values("ann.tox.m", "1", "0"), ValueRule.NONE, Map.of(), new ValueRule.Fixed("en"), "", "");
        LoadedDataset d = DatasetLoader.loadFile(f, src, Long.MAX_VALUE);
        assertThat(d.examples()).extracting(Example::positive).containsExactly(true, false);
        assertThat(d.examples().get(1).origin()).endsWith("d.json:3");
        assertThat(d.examples().get(0).language()).isEqualTo("en");

        assertThatThrownBy(() -> DatasetLoader.loadFile(f, source("text", values("l", "1")), 10))
                .hasMessageContaining("not an array of records").hasMessageContaining("arrays: items");
        Path lines = write("lines.json", "{\"t\": \"a\"}\n{\"t\": \"b\"}\n");
        assertThatThrownBy(() -> DatasetLoader.loadFile(lines, source("t", values("l", "1")), 10))
                .hasMessageContaining("JSON Lines");
    }

    @Test
    void anObjectOfNamedListsGivesOneRecordPerString() throws IOException {
        Path f = write("g.json", "{\"Phishing\": [\"send your password\", \"click here\"],\n \"Odd\": 3,\n"
                + " \"Ciphers\": [\"uryyb\", 7]}");
        SourceSpec src = new SourceSpec(List.of(), Optional.empty(), List.of(RecordSources.GROUPS), "text", Map.of(),
                new LabelRule.Constant(true), new ValueRule.Field("group", Map.of()), Map.of(), ValueRule.NONE, "", "");
        LoadedDataset d = DatasetLoader.loadFile(f, src, Long.MAX_VALUE);
        assertThat(d.examples()).extracting(Example::text).containsExactly("send your password", "click here", "uryyb");
        assertThat(d.examples()).extracting(Example::category).containsExactly("Phishing", "Phishing", "Ciphers");
        assertThat(d.issues()).extracting(RowIssue::reason).containsExactly("expected a list of strings",
                "expected a string");
        assertThat(d.issues().get(0).line()).isEqualTo(2);
    }

    @Test
    void gzippedJsonLinesAndANumericThreshold() throws IOException {
        Path f = dir.resolve("d.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("{\"t\": \"a\", \"s\": 4}\n{\"t\": \"b\", \"s\": 2}\n{\"t\": \"c\", \"s\": \"x\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        LoadedDataset d = DatasetLoader.loadFile(f, source("t", new LabelRule.AtLeast("s", 3, true)), Long.MAX_VALUE);
        assertThat(d.examples()).extracting(Example::text).containsExactly("a");
        assertThat(d.excluded()).isEqualTo(1);
        assertThat(d.badRows()).isEqualTo(1);
    }

    @Test
    void tsvWithLeadingCommentLines() throws IOException {
        Path f = write("c.tsv", "# a comment\n# another\nid\ttext\texpected\n1\tfine words\tnone\n2\t\"quoted\tprofanity\n");
        LoadedDataset d = DatasetLoader.loadFile(f, source("text", new LabelRule.SafeCategories("expected", Set.of("none"))),
                Long.MAX_VALUE);
        assertThat(d.examples()).extracting(Example::text).containsExactly("fine words", "\"quoted");
        assertThat(d.examples()).extracting(Example::positive).containsExactly(false, true);
        assertThat(d.examples().get(1).origin()).endsWith("c.tsv:5");
    }

    @Test
    void hostileCsvEndsInABadRowWithTheLine() throws IOException {
        Path f = write("q.csv", "t,l\nok,1\n\"" + "x".repeat(100_000) + "\n");
        LoadedDataset d = DatasetLoader.loadFile(f, source("t", values("l", "1")), Long.MAX_VALUE);
        assertThat(d.examples()).extracting(Example::text).containsExactly("ok");
        assertThat(d.badRows()).isEqualTo(1);
        assertThat(d.issues().get(0).toString()).contains("q.csv:3");
    }

    @Test
    void aHugeLineIsABadRowNotAnOutOfMemory() throws IOException {
        String huge = "{\"t\": \"" + "a".repeat(100_000) + "\", \"l\": 1}\n{\"t\": \"b\", \"l\": 1}\n";
        Path f = write("big.jsonl", huge);
        LoadedDataset d = DatasetLoader.loadFile(f, source("t", values("l", "1")), Long.MAX_VALUE);
        assertThat(d.examples()).hasSize(2); // 100k fits under the cap
        assertThat(d.examples().get(0).text()).hasSize(100_000);
    }

    @Test
    void registryDatasetsWithGlobsWideTablesFoldersAndHashSplit() throws IOException {
        write("multi/de/Insult.csv", "\"Du bist dumm\"\nzweite Zeile\n");
        write("multi/sp/Insult_n.csv", "eres tonto,\n");
        write("wide/w.csv", "id,en,fr,tags\n1,hello,bonjour,x\n2,bye,,y\n");
        DatasetRegistry reg = DatasetRegistry.read(Yaml.parse("test.yaml", """
                datasets:
                  - name: multi
                    title: t
                    folder: multi
                    licence: train-ok
                    splits: hash
                    target: unsafe
                    languages: [de, es]
                    sources:
                      - {files: "*/Insult*.csv", format: csv-no-header, text: "1", label: positive,
                         category: {value: Insult}, language: {from: folder, map: {sp: es}}}
                  - name: wide
                    title: w
                    folder: wide
                    licence: eval-only
                    splits: none
                    target: [hate]
                    languages: [en, fr]
                    sources:
                      - {files: w.csv, texts: {en: en, fr: fr}, label: positive, category: {field: tags},
                         canonical: {x: hate}}
                """));
        DatasetLoader loader = new DatasetLoader(dir);
        LoadedDataset all = loader.load(reg.get("multi"), Selector.parse("multi", reg), Long.MAX_VALUE);
        assertThat(all.examples()).extracting(Example::language).containsExactly("de", "de", "es");
        assertThat(all.examples()).allSatisfy(e -> assertThat(e.split()).isEqualTo(HashSplit.of(e.text())));
        LoadedDataset es = loader.load(reg.get("multi"), Selector.parse("multi:es", reg), Long.MAX_VALUE);
        assertThat(es.examples()).extracting(Example::text).containsExactly("eres tonto");

        LoadedDataset wide = loader.load(reg.get("wide"), Selector.parse("wide", reg), Long.MAX_VALUE);
        assertThat(wide.examples()).extracting(Example::text).containsExactly("hello", "bonjour", "bye");
        assertThat(wide.examples().get(0).canonical()).isEqualTo("hate");
        assertThat(wide.badRows()).isEqualTo(1); // row 2 has no French text
        assertThat(wide.licence()).isEqualTo("eval-only");

        assertThatThrownBy(() -> Selector.parse("wide:test", reg)).hasMessageContaining("neither a split nor a language");
        assertThatThrownBy(() -> reg.get("nope")).hasMessageContaining("known: multi, wide");
        assertThatThrownBy(() -> new DatasetLoader(dir.resolve("absent")).load(reg.get("wide"),
                Selector.parse("wide", reg), 1)).hasMessageContaining("--data DIR");
    }

    @Test
    void registryErrorsNameTheLine() {
        assertThatThrownBy(() -> DatasetRegistry.read(Yaml.parse("bad.yaml", """
                datasets:
                  - name: a
                    title: t
                    folder: f
                    licence: free-for-all
                    splits: none
                    target: unsafe
                    sources: [{files: x.csv, text: t, label: positive}]
                """))).isInstanceOf(YamlException.class).hasMessageContaining("bad.yaml:5")
                .hasMessageContaining("train-ok or eval-only");
    }

    @Test
    void theBuiltInRegistryReadsAndItsSelectorsParse() {
        DatasetRegistry reg = DatasetRegistry.builtIn();
        assertThat(reg.all()).extracting(DatasetSpec::name).contains("toxicchat", "xstest", "jbb", "harmbench",
                "hatecheck", "ailuminate", "xsafety", "rtp-lx", "multijail", "cyberseceval-frr", "wildguardmix",
                "deepset", "cyberseceval-pi");
        for (String s : List.of("toxicchat:test", "rtp-lx:de", "xsafety:test:ja", "ailuminate:test:fr", "jbb",
                "wildguardmix:test@injection")) {
            assertThat(Selector.parse(s, reg).toString()).isEqualTo(s);
        }
    }

    @Test
    void aSelectorMayJudgeADatasetByAnotherTarget() {
        DatasetRegistry reg = DatasetRegistry.builtIn();
        Selector own = Selector.parse("wildguardmix:test", reg);
        Selector asInjection = Selector.parse("wildguardmix:test @ injection", reg);
        assertThat(own.targetOr(List.of("unsafe"))).containsExactly("unsafe");
        assertThat(asInjection.targetOr(List.of("unsafe"))).containsExactly("injection");
        assertThat(asInjection.split()).contains("test");
        assertThatThrownBy(() -> Selector.parse("wildguardmix:test@", reg)).hasMessageContaining("no target after '@'");
    }
}
