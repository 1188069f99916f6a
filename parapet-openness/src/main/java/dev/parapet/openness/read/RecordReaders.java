package dev.parapet.openness.read;

import dev.parapet.core.io.Utf8;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.core.yaml.YamlException;
import dev.parapet.core.yaml.YamlNode;
import dev.parapet.openness.model.ModelRelease;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads any supported record: sniffs the format from the file name and content, and hands the parsed document
 * to the reader for that format. Every failure is a {@link RecordException} naming file and line.
 */
public final class RecordReaders {

    /** Files larger than this are refused before reading. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    /** A directory batch stops listing after this many files and says so. */
    public static final int MAX_FILES = 100_000;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private final MofReader mof = new MofReader();
    private final OsaiIndexReader osai = new OsaiIndexReader();
    private final HfCardReader hf = new HfCardReader();
    private final CycloneDxReader cyclonedx = new CycloneDxReader();
    private final ManifestReader manifest = new ManifestReader();

    public RecordReaders() {
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    /** Reads one file. */
    public ModelRelease read(Path path) {
        String file = path.toString();
        try {
            if (!Files.isRegularFile(path)) throw new RecordException(file, 0, "not a readable file");
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new RecordException(file, 0, "file is too large (" + size + " bytes; the limit is " + MAX_BYTES + ")");
            }
            return read(file, decode(file, Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new RecordException(file, 0, "cannot read: " + e.getClass().getSimpleName());
        }
    }

    /** Reads a record from text, using {@code file} for its name and format. */
    public ModelRelease read(String file, String text) {
        String lower = file.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".json") || text.stripLeading().startsWith("{")) {
                return readJson(file, text);
            }
            if (lower.endsWith(".md") || HfCardReader.accepts(text) && !lower.endsWith(".yml") && !lower.endsWith(".yaml")) {
                if (!HfCardReader.accepts(text)) {
                    throw new RecordException(file, 1, "a model card must start with YAML front matter ('---')");
                }
                return hf.read(file, text);
            }
            YamlNode root = Yaml.parse(file, text);
            if (ManifestReader.accepts(root)) return manifest.read(file, root);
            if (MofReader.accepts(root)) return mof.read(file, root);
            if (OsaiIndexReader.accepts(root)) return osai.read(file, root);
            throw new RecordException(file, root.line(), "unrecognised record: expected a Parapet manifest ('parapet:'), "
                    + "an MOF record ('release:'), an index record ('system:' and 'org:'), a model card or a CycloneDX BOM");
        } catch (YamlException e) {
            throw new RecordException(file, e.line(), e.reason());
        }
    }

    private ModelRelease readJson(String file, String text) {
        JsonNode root;
        try (JsonParser p = json.getFactory().createParser(text)) {
            root = json.readTree(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RecordException(file, line, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RecordException(file, 0, "cannot read JSON");
        }
        if (root == null || !root.isObject()) throw new RecordException(file, 1, "expected a JSON object");
        if (CycloneDxReader.accepts(root)) return cyclonedx.read(file, root);
        throw new RecordException(file, 1, "unrecognised JSON: only CycloneDX BOMs ('bomFormat': 'CycloneDX') are read");
    }

    private static String decode(String file, byte[] bytes) {
        try {
            return Utf8.strict(bytes);
        } catch (CharacterCodingException e) {
            throw new RecordException(file, 0, "not valid UTF-8");
        }
    }

    /**
     * The record files under {@code dir} (recursively, sorted): YAML, JSON and Markdown files, skipping hidden
     * files and files whose name starts with '_' (index metadata such as _parameters.yml).
     */
    public static List<Path> recordFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 8)) {
            s.filter(Files::isRegularFile).filter(RecordReaders::isRecordFile).sorted().limit(MAX_FILES).forEach(out::add);
        }
        return out;
    }

    static boolean isRecordFile(Path p) {
        String n = p.getFileName().toString();
        String l = n.toLowerCase(Locale.ROOT);
        if (n.startsWith(".") || n.startsWith("_")) return false;
        return l.endsWith(".yml") || l.endsWith(".yaml") || l.endsWith(".json") || l.endsWith(".md");
    }
}
