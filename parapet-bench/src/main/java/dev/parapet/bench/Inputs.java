package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark inputs: project-written texts shipped as resources, and texts of the shared data's everyday
 * English prompts (read at run time, never shipped).
 */
final class Inputs {

    /** The everyday English prompts of the shared data: GPTeacher prompts and NQ-Open questions. */
    static final List<String> ENGLISH = List.of(
            "data/train-extra/gpteacher-prompts/gpteacher_prompts.jsonl",
            "data/train-extra/nq-open-questions/nq_open_questions.jsonl");

    /**
     * The name of the input made of {@link #corpus} texts. One text repeated lets the processor learn
     * its every branch, which flatters a per-message figure (by about two on the rule pipeline); these
     * thousands of different texts do not.
     */
    static final String CORPUS_1KB = "corpus-1kb";

    /** The shared data, as the report passes it to the benchmark JVMs. */
    static Path shared() {
        return Path.of(System.getProperty("parapet.shared", "../shared"));
    }

    /**
     * {@code count} different texts of {@code size} chars: the {@link #ENGLISH} prompts in file order,
     * joined by a space and cut every {@code size} chars.
     */
    static List<String> corpus(Path shared, int count, int size) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> out = new ArrayList<>(count);
        StringBuilder b = new StringBuilder(2 * size);
        for (String source : ENGLISH) {
            Path p = shared.resolve(source);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("the input " + CORPUS_1KB + " needs " + p + " (the shared data)");
            }
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null && out.size() < count) {
                    JsonNode n = mapper.readTree(line);
                    if (n == null || !n.hasNonNull("text")) {
                        continue;
                    }
                    b.append(b.isEmpty() ? "" : " ").append(n.get("text").asText());
                    while (b.length() >= size && out.size() < count) {
                        out.add(b.substring(0, size));
                        b.delete(0, size);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.size() < count) {
            throw new IllegalStateException("the shared English prompts hold fewer than " + count + " texts of " + size);
        }
        return out;
    }

    /** The texts of a benchmark's {@code input} parameter: a project-written text, or {@link #CORPUS_1KB}. */
    static String[] texts(String input) {
        return input.equals(CORPUS_1KB) ? corpus(shared(), 1024, 1024).toArray(String[]::new) : new String[]{text(input)};
    }

    private Inputs() {
    }

    static String text(String name) {
        try (InputStream in = Inputs.class.getResourceAsStream("/dev/parapet/bench/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark input " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
