package dev.parapet.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.hash.HashSplit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * False alarms of the injection detectors on ordinary documents in many languages, to decide changes on: the
 * Universal Dependencies sentences of the training part of the hash split ({@link HashSplit}; the evaluation
 * reads the other part one sentence at a time), ten consecutive sentences of one language to a document, one
 * sentence a line, each document read as a tool output. News, reviews, e-mails and forum posts hold questions and
 * orders addressed to their own readers, which a rule for text addressed to the model must leave alone. The English
 * ATIS treebank is left out: it is made of travellers' requests to a flight-booking system ("please list all flights
 * from dallas to pittsburgh"), requests to a machine by nature. Reported in the agent benchmarks' shape with no
 * attacks: utility loss = documents flagged / documents.
 */
final class BenignDocumentsBenchmark {

    /** Sentences to a document. */
    static final int SENTENCES = 10;
    /** Treebanks whose sentences are requests to a system, not documents. */
    private static final String REQUESTS_TREEBANK = "UD_English-Atis";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path sentences;
    private final ToolOutputCheck check;

    /**
     * @param sentences the Universal Dependencies sentences file (JSON Lines with {@code text} and {@code lang})
     * @param check     how each document is read
     */
    BenignDocumentsBenchmark(Path sentences, ToolOutputCheck check) {
        this.sentences = sentences;
        this.check = check;
    }

    BenchmarkResult run() {
        List<String> documents = documents();
        int flagged = 0;
        for (String d : documents) {
            flagged += check.flagged(d) ? 1 : 0;
        }
        return new BenchmarkResult("ud-docs", "train sentences, " + SENTENCES + " a document, " + check.detectorIds(),
                0, 0, 0, 0, 0, documents.size(), flagged, documents.size(), flagged);
    }

    /** The training part's sentences by language in file order, cut into documents of {@link #SENTENCES}. */
    List<String> documents() {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(sentences, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                String text = row.path("text").asText("");
                if (!text.isBlank() && HashSplit.isTrainPart(text)
                        && !row.path("treebank").asText("").equals(REQUESTS_TREEBANK)) {
                    byLanguage.computeIfAbsent(row.path("lang").asText(""), k -> new ArrayList<>()).add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(sentences + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        for (List<String> s : byLanguage.values()) {
            for (int i = 0; i + SENTENCES <= s.size(); i += SENTENCES) {
                out.add(String.join("\n", s.subList(i, i + SENTENCES)));
            }
        }
        return out;
    }
}
