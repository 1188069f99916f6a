package dev.parapet.detect.lexicon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconLoaderTest {

    private final LexiconLoader loader = LexiconLoader.canonical();

    @Test
    void readsTsvRowsCommentsMarkersAndAllowRows() {
        Lexicon lexicon = loader.readTsv("my.tsv", String.join("\n",
                "\uFEFF# comment",
                "",
                "   # indented comment",
                "damn\tprofanity\t1\ten",
                "пизд*\tprofanity\t3\tru\r",
                "*scheiße\tprofanity\t2\tde",
                "*fick*\tsexual_content\t2\tde",
                "kill myself\tsuicide_self_harm\t3\ten-GB",
                "cocktail\tallow",
                "Scunthorpe\tallow\t-\ten",
                ""));
        assertThat(lexicon.terms()).containsExactly(
                new Term("damn", "en", "profanity", 1, Term.Boundary.WORD, "my.tsv:4"),
                new Term("пизд", "ru", "profanity", 3, Term.Boundary.PREFIX, "my.tsv:5"),
                new Term("scheiße", "de", "profanity", 2, Term.Boundary.SUFFIX, "my.tsv:6"),
                new Term("fick", "de", "sexual_content", 2, Term.Boundary.ANYWHERE, "my.tsv:7"),
                new Term("kill myself", "en-GB", "suicide_self_harm", 3, Term.Boundary.WORD, "my.tsv:8"));
        assertThat(lexicon.allowed()).containsExactly("cocktail", "Scunthorpe");
        assertThat(lexicon.terms().get(1).toString()).isEqualTo("пизд*");
        assertThat(lexicon.counts()).containsEntry("de", java.util.Map.of("profanity", 1, "sexual_content", 1));
    }

    @Test
    void reportsBadTsvRowsWithFileLineAndReason() {
        assertTsvError("x\tprofanity\t2\n", 1, "expected 4 tab-separated columns (term, category, severity, lang), found 3");
        assertTsvError("# c\nx\tswearing\t2\ten\n", 2, "unknown category 'swearing' (known: ");
        assertTsvError("x\tprofanity\t4\ten\n", 1, "severity must be 1, 2 or 3, found '4'");
        assertTsvError("x\tprofanity\thigh\ten\n", 1, "severity must be 1, 2 or 3, found 'high'");
        assertTsvError("\tprofanity\t2\ten\n", 1, "empty term");
        assertTsvError("*\tprofanity\t2\ten\n", 1, "empty term");
        assertTsvError("**\tprofanity\t2\ten\n", 1, "empty term");
        assertTsvError("f*ck\tprofanity\t2\ten\n", 1, "'*' may only start or end a term");
        assertTsvError("x\tprofanity\t2\tEnglish\n", 1, "language must be a tag like en, pt-BR or hi-Latn, found 'English'");
        assertTsvError("x\tprofanity\t2\ten\nx\tprofanity\t1\tde\n", 2, "duplicate of line 1");
        assertTsvError("x\tallow\t2\n", 1, "an allow row is 'word<TAB>allow'");
        assertTsvError("\tallow\n", 1, "empty allowed word");
    }

    private void assertTsvError(String tsv, int line, String reason) {
        assertThatThrownBy(() -> loader.readTsv("bad.tsv", tsv))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.source()).isEqualTo("bad.tsv");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).startsWith(reason);
                    assertThat(e.getMessage()).startsWith("bad.tsv:" + line + ": ");
                });
    }

    @Test
    void theSameWordInTwoCategoriesOrModesIsNoDuplicate() {
        Lexicon lexicon = loader.readTsv("ok.tsv", "x\tprofanity\t2\ten\nx*\tprofanity\t2\ten\nx\thate\t2\ten\n");
        assertThat(lexicon.size()).isEqualTo(3);
    }

    @Test
    void readsYaml() {
        Lexicon lexicon = loader.readYaml("my.yaml", String.join("\n",
                "language: de",
                "terms:",
                "  - {term: scheiße, category: profanity, severity: 2}",
                "  - {term: 'fick*', category: sexual_content, severity: 2}",
                "  - {term: arsch, category: profanity, severity: 1, boundary: prefix, lang: de-AT}",
                "allow: [Arschbacke]"));
        assertThat(lexicon.terms()).containsExactly(
                new Term("scheiße", "de", "profanity", 2, Term.Boundary.WORD, "my.yaml:3"),
                new Term("fick", "de", "sexual_content", 2, Term.Boundary.PREFIX, "my.yaml:4"),
                new Term("arsch", "de-AT", "profanity", 1, Term.Boundary.PREFIX, "my.yaml:5"));
        assertThat(lexicon.allowed()).containsExactly("Arschbacke");
    }

    @Test
    void reportsBadYamlWithFileLineAndReason() {
        assertYamlError("terms:\n  - {term: x, category: profanity, severity: 2}\n", 2,
                "missing 'lang' (or give 'language' for the whole file)");
        assertYamlError("language: en\nterms:\n  - {term: x, category: nope, severity: 2}\n", 3,
                "unknown category 'nope'");
        assertYamlError("language: en\nterms:\n  - {term: x, category: hate, severity: 9}\n", 3,
                "severity must be 1, 2 or 3");
        assertYamlError("language: en\nterms:\n  - {term: x, category: hate, severity: 2, boundary: left}\n", 3,
                "boundary must be word, prefix, suffix or anywhere");
        assertYamlError("language: en\nterms:\n  - {term: x, category: hate, sev: 2}\n", 3, "unknown key 'sev'");
        assertYamlError("language: en\nterms: [\n", 0, "invalid YAML");
        assertYamlError("words: []\n", 1, "unknown key 'words'");
    }

    private void assertYamlError(String yaml, int line, String reason) {
        assertThatThrownBy(() -> loader.readYaml("bad.yaml", yaml))
                .isInstanceOfSatisfying(LexiconException.class, e -> {
                    assertThat(e.source()).isEqualTo("bad.yaml");
                    if (line > 0) {
                        assertThat(e.line()).isEqualTo(line);
                    }
                    assertThat(e.reason()).startsWith(reason);
                });
    }

    @Test
    void loadsFilesByExtension(@TempDir Path dir) throws IOException {
        Path tsv = Files.writeString(dir.resolve("mine.tsv"), "damn\tprofanity\t1\ten\n");
        Path yaml = Files.writeString(dir.resolve("mine.yml"), "language: en\nterms: [{term: damn, category: profanity, severity: 1}]\n");
        assertThat(loader.load(tsv).terms()).extracting(Term::text).containsExactly("damn");
        assertThat(loader.load(yaml).terms()).extracting(Term::text).containsExactly("damn");
        assertThat(loader.load(tsv).terms().get(0).origin()).isEqualTo(tsv + ":1");

        Path txt = Files.writeString(dir.resolve("mine.txt"), "damn");
        assertThatThrownBy(() -> loader.load(txt)).isInstanceOf(LexiconException.class)
                .hasMessageContaining("unknown lexicon format");
        Path latin1 = Files.write(dir.resolve("latin1.tsv"), "caf\u00e9\tprofanity\t1\tfr\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> loader.load(latin1)).isInstanceOf(LexiconException.class)
                .hasMessageEndingWith("not valid UTF-8");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.tsv"))).isInstanceOf(LexiconException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void aLoaderAcceptsOnlyItsCategories() {
        LexiconLoader custom = new LexiconLoader(java.util.Set.of("competitors"));
        assertThat(custom.readTsv("c.tsv", "acme\tcompetitors\t1\ten\n").categories()).containsExactly("competitors");
        assertThatThrownBy(() -> custom.readTsv("c.tsv", "damn\tprofanity\t1\ten\n"))
                .hasMessage("c.tsv:1: unknown category 'profanity' (known: competitors, or allow)");
    }

    @Test
    void lexiconsCombineAndFilter() {
        Lexicon a = loader.readTsv("a.tsv", "damn\tprofanity\t1\ten\ncocktail\tallow\n");
        Lexicon b = loader.readTsv("b.tsv", "merde\tprofanity\t1\tfr\n");
        Lexicon both = a.plus(b);
        assertThat(both.languages()).containsExactly("en", "fr");
        assertThat(both.allowed()).containsExactly("cocktail");
        assertThat(both.filter(t -> t.language().equals("fr")).terms()).extracting(Term::text).containsExactly("merde");
        assertThat(Lexicon.of(List.of()).size()).isZero();
    }
}
