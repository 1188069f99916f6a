package dev.parapet.core.yaml;

import dev.parapet.core.io.Utf8;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads YAML safely: no object construction (only the node graph), few aliases (no "billion laughs"),
 * bounded nesting and size, duplicate keys rejected, strict UTF-8. Every error names source and line.
 */
public final class Yaml {

    /** Bounds that no legitimate Parapet document comes near. */
    public static final int MAX_ALIASES = 50;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private Yaml() {
    }

    public static YamlNode parse(String source, String text) {
        return parse(source, new StringReader(text));
    }

    public static YamlNode parse(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_CODE_POINTS * 4L) {
                throw new YamlException(name, 0, 0, "file is too large (" + Files.size(file) + " bytes)");
            }
            return parse(name, decodeUtf8(name, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new YamlException(name, 0, 0, "cannot read: " + describe(e));
        }
    }

    public static YamlNode parse(String source, InputStream in) {
        try (in) {
            return parse(source, decodeUtf8(source, in.readAllBytes()));
        } catch (IOException e) {
            throw new YamlException(source, 0, 0, "cannot read: " + describe(e));
        }
    }

    private static YamlNode parse(String source, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(options);
        try {
            Node node = yaml.compose(reader);
            if (node == null) {
                throw new YamlException(source, 1, 1, "the document is empty");
            }
            return new YamlNode(source, node);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String reason = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new YamlException(source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "invalid YAML: " + (reason == null ? "syntax error" : reason.trim()));
        } catch (YAMLException e) {
            throw new YamlException(source, 0, 0, "invalid YAML: " + firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new YamlException(source, 0, 0, "invalid YAML: nested too deeply");
        }
    }

    private static String decodeUtf8(String source, byte[] bytes) {
        try {
            return Utf8.strict(bytes);
        } catch (CharacterCodingException e) {
            throw new YamlException(source, 0, 0, "not valid UTF-8");
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
