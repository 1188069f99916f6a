package dev.parapet.detect.pii;

import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Measures recall of the PII detector on the hand-written obfuscation set in {@code pii/obfuscations.tsv}. */
public class ObfuscationRecallTest {

    private static final String RESOURCE = "/pii/obfuscations.tsv";

    record Case(int line, String label, String value, String text) {
    }

    @Test
    void findsAtLeastNinetyPercentOfObfuscatedValues() throws IOException {
        List<Case> cases = load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        DetectorAssertions check = new DetectorAssertions(new PiiDetector());
        List<String> missed = new ArrayList<>();
        for (Case c : cases) {
            int start = c.text().indexOf(c.value());
            Span expected = new Span(start, start + c.value().length());
            List<Finding> findings = check.find(c.text());
            boolean found = findings.stream()
                    .anyMatch(f -> f.label().equals(c.label()) && f.span().equals(Optional.of(expected)));
            if (!found) {
                missed.add("line " + c.line() + " " + c.label() + ": " + escape(c.text()) + " -> " + findings.stream()
                        .map(f -> f.label() + f.span().map(s -> "[" + s.start() + "," + s.end() + ")").orElse("")).toList());
            }
        }
        double recall = 1.0 - (double) missed.size() / cases.size();
        System.out.printf("PII obfuscation recall: %d of %d (%.1f%%)%n", cases.size() - missed.size(), cases.size(),
                100 * recall);
        missed.forEach(m -> System.out.println("  missed " + m));
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }

    private static List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ObfuscationRecallTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the test classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 3) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected 3 tab-separated columns, found " + cols.length);
                }
                Case c = new Case(number, cols[0], unescape(cols[1]), unescape(cols[2]));
                if (!c.text().contains(c.value())) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": the value does not occur in the text");
                }
                cases.add(c);
            }
        }
        return cases;
    }

    /** Replaces each {@code \}{@code uXXXX} with its char (how the project's TSV suites write invisible chars). */
    public static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 5 < s.length() + 0 && s.charAt(i + 1) == 'u') {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 128 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return sb.toString();
    }
}
