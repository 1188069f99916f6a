package dev.parapet.eval.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever text a well-formed file holds comes back unchanged, with its label, in order. */
class ReaderPropertiesTest {

    private static final SourceSpec SOURCE = new SourceSpec(List.of(), Optional.empty(), List.of(), "text", Map.of(),
            new LabelRule.Values("label", Set.of("1"), Set.of("0")), ValueRule.NONE, Map.of(), ValueRule.NONE, "", "");

    private static List<String> usable(List<String> texts) {
        // blank texts are bad rows by design; unpaired surrogates cannot be written as UTF-8
        return texts.stream().filter(t -> !t.isBlank() && isWellFormed(t)).toList();
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @org.junit.jupiter.api.Test
    void onlyTheFilesFirstRowMayStartWithAByteOrderMarkThatIsDropped() throws IOException {
        Path f = Files.createTempFile("parapet-eval", ".csv");
        try {
            Files.writeString(f, "\uFEFFtext,label\n\uFEFFzero width no-break,1\n\uFEFF,0\n", StandardCharsets.UTF_8);
            assertThat(DatasetLoader.loadFile(f, SOURCE, Long.MAX_VALUE).examples()).extracting(Example::text)
                    .containsExactly("\uFEFFzero width no-break", "\uFEFF");
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 100)
    void csvRoundTrip(@ForAll @Size(max = 8) List<String> texts) throws IOException {
        List<String> kept = usable(texts);
        StringBuilder csv = new StringBuilder("text,label\n");
        CsvMapper mapper = new CsvMapper();
        for (int i = 0; i < kept.size(); i++) {
            csv.append(mapper.writer(CsvSchema.emptySchema()).writeValueAsString(new String[]{kept.get(i), i % 2 == 0 ? "1" : "0"}));
        }
        Path f = Files.createTempFile("parapet-eval", ".csv");
        try {
            Files.writeString(f, csv, StandardCharsets.UTF_8);
            LoadedDataset d = read(f, kept.isEmpty());
            if (d == null) return;
            assertThat(d.examples()).extracting(Example::text).containsExactlyElementsOf(kept);
            assertThat(d.badRows()).isZero();
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 100)
    void jsonLinesRoundTrip(@ForAll @Size(max = 8) List<String> texts) throws IOException {
        List<String> kept = usable(texts);
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            lines.add(mapper.writeValueAsString(Map.of("text", kept.get(i), "label", i % 2)));
        }
        Path f = Files.createTempFile("parapet-eval", ".jsonl");
        try {
            Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            LoadedDataset d = read(f, kept.isEmpty());
            if (d == null) return;
            assertThat(d.examples()).extracting(Example::text).containsExactlyElementsOf(kept);
            for (int i = 0; i < kept.size(); i++) {
                assertThat(d.examples().get(i).positive()).isEqualTo(i % 2 == 1);
            }
        } finally {
            Files.delete(f);
        }
    }

    /** Reads the file; with nothing usable in it, checks that the error is a clear one and returns null. */
    private static LoadedDataset read(Path f, boolean empty) {
        if (empty) {
            try {
                DatasetLoader.loadFile(f, SOURCE, Long.MAX_VALUE);
            } catch (DatasetException e) {
                assertThat(e.getMessage()).containsAnyOf("no usable rows", "empty file");
                return null;
            }
            throw new AssertionError("a file without rows must be an error");
        }
        return DatasetLoader.loadFile(f, SOURCE, Long.MAX_VALUE);
    }
}
