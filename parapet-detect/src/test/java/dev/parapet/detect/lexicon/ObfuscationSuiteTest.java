package dev.parapet.detect.lexicon;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the lexicon detector on the project's obfuscation suite: recall per technique on obfuscated
 * offensive terms, and false positives on harmless look-alikes ("Scunthorpe", "cocktail", "assessment").
 */
class ObfuscationSuiteTest {

    record Case(int line, String id, String technique, String text, String expected) {
        boolean benign() {
            return expected.equals("none");
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = ObfuscationSuiteTest.class.getResourceAsStream("/obfuscation/cases.tsv")) {
            assertThat(in).as("obfuscation/cases.tsv").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                assertThat(cols).as("line " + (i + 1)).hasSize(4);
                out.add(new Case(i + 1, cols[0], cols[1], cols[2], cols[3]));
            }
        }
        return out;
    }

    @Test
    void recallPerTechniqueAndFalsePositivesOnLookAlikes() throws IOException {
        TextNormalizer normalizer = SuiteNormalizer.get();
        LexiconDetector detector = LexiconDetector.defaults(normalizer);
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);

        Map<String, int[]> byTechnique = new TreeMap<>(); // technique -> {found, total}
        List<String> missed = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        int found = 0;
        int total = 0;
        for (Case c : cases) {
            List<Finding> findings = detector.detect(Content.user(c.text()), normalizer.analyze(c.text()),
                    Deadline.none());
            if (c.benign()) {
                if (!findings.isEmpty()) {
                    falsePositives.add(c.id() + " " + findings.get(0).category());
                }
                continue;
            }
            boolean hit = findings.stream().anyMatch(f -> f.category().equals(c.expected()));
            int[] t = byTechnique.computeIfAbsent(c.technique(), k -> new int[2]);
            t[1]++;
            total++;
            if (hit) {
                t[0]++;
                found++;
            } else {
                missed.add(c.id());
            }
        }
        long benign = cases.stream().filter(Case::benign).count();
        StringBuilder table = new StringBuilder("obfuscation suite with " + SuiteNormalizer.name() + "\n");
        table.append(String.format("  %-16s %7s %6s%n", "technique", "recall", "cases"));
        byTechnique.forEach((tech, t) -> table.append(String.format("  %-16s %7.2f %6d%n", tech, (double) t[0] / t[1], t[1])));
        table.append(String.format("  %-16s %7.2f %6d%n", "overall", (double) found / total, total));
        table.append(String.format("  benign look-alikes flagged: %d of %d%n", falsePositives.size(), benign));
        table.append("  missed case ids: ").append(missed).append('\n');
        table.append("  false positive case ids: ").append(falsePositives);
        System.out.println(table);

        assertThat((double) found / total).as("overall recall").isGreaterThanOrEqualTo(SuiteNormalizer.minimumRecall());
        assertThat(falsePositives.size()).as("benign look-alikes flagged").isLessThanOrEqualTo((int) (benign / 20));
    }
}
