package dev.parapet.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The prompts of AgentDojo's user tasks and the goals of its injection tasks, as extracted from the
 * benchmark (Python string literals, possibly f-strings joined with {@code +}); for each task the newest
 * version is kept. Placeholders are filled from a scenario's variables.
 */
final class DojoTasks {

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();

    DojoTasks(Path extractedJson) {
        JsonNode all;
        try {
            all = new ObjectMapper().readTree(Files.readString(extractedJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + extractedJson + ": " + e.getMessage(), e);
        }
        for (JsonNode t : all) {
            String key = t.path("suite").asText() + "/" + t.path("task_class").asText();
            String version = t.path("version").asText();
            String text = t.has("prompt") ? t.path("prompt").asText() : t.path("goal").asText();
            String old = versions.get(key);
            if (old == null || newer(version, old)) {
                versions.put(key, version);
                texts.put(key, literal(text));
            }
        }
    }

    /** The task's text with placeholders filled; fails naming the task and the missing variable. */
    String text(String suite, String task, Map<String, String> vars) {
        String raw = texts.get(suite + "/" + task);
        if (raw == null) {
            throw new IllegalArgumentException(suite + ": no task " + task + " in the AgentDojo data");
        }
        return fill(raw, vars, suite + "/" + task);
    }

    static String fill(String raw, Map<String, String> vars, String where) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf('{', i);
            if (open < 0) {
                break;
            }
            int close = raw.indexOf('}', open);
            if (close < 0) {
                break;
            }
            String name = raw.substring(open + 1, close);
            out.append(raw, i, open);
            if (isIdentifier(name)) {
                String v = vars.get(name);
                if (v == null) {
                    throw new IllegalArgumentException(where + ": no value for {" + name + "}");
                }
                out.append(v);
            } else {
                out.append(raw, open, close + 1);
            }
            i = close + 1;
        }
        return out.append(raw.substring(i)).toString();
    }

    private static boolean isIdentifier(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    /** "v1_2" is newer than "v1_1_2": compares the numbers in order. */
    private static boolean newer(String a, String b) {
        String[] x = a.substring(1).split("_");
        String[] y = b.substring(1).split("_");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return p > q;
            }
        }
        return false;
    }

    /** The value of Python string literals joined by {@code +} (f-prefixes dropped); plain text stays. */
    static String literal(String s) {
        String t = s.trim();
        if (!(t.startsWith("f'") || t.startsWith("f\"") || t.startsWith("'") || t.startsWith("\""))) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && (Character.isWhitespace(t.charAt(i)) || t.charAt(i) == '+' || t.charAt(i) == 'f')) {
                i++;
            }
            if (i >= t.length()) {
                break;
            }
            char q = t.charAt(i);
            if (q != '\'' && q != '"') {
                return s; // not a literal after all
            }
            i++;
            while (i < t.length() && t.charAt(i) != q) {
                char c = t.charAt(i);
                if (c == '\\' && i + 1 < t.length()) {
                    char n = t.charAt(i + 1);
                    out.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> n;
                    });
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
            }
            i++;
        }
        return out.toString();
    }
}
