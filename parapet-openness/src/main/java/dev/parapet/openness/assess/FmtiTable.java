package dev.parapet.openness.assess;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.parapet.openness.read.RecordException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores from the Foundation Model Transparency Index: a CSV with one row per indicator and one column per
 * developer (October 2023 files carry Domain and Subdomain columns; later files name subdomains in a separate
 * indicators CSV). Loaded from a user-given file; nothing ships with Parapet.
 */
public final class FmtiTable {

    private final String source;
    private final Map<String, FmtiEntry> byKey;

    private FmtiTable(String source, Map<String, FmtiEntry> byKey) {
        this.source = source;
        this.byKey = byKey;
    }

    /**
     * Loads scores; {@code indicators} (Domain, Subdomain, Indicator columns) names subdomains when the scores file
     * lacks them. When it is null, a sibling file ending in "_indicators.csv" is used if there is one.
     */
    public static FmtiTable load(Path scores, Path indicators) {
        List<String[]> rows = rows(scores);
        if (rows.isEmpty()) throw new RecordException(scores.toString(), 1, "empty transparency-index file");
        String[] header = rows.get(0);
        int indicatorCol = index(header, "Indicator");
        if (indicatorCol < 0) throw new RecordException(scores.toString(), 1, "no 'Indicator' column");
        int subCol = index(header, "Subdomain");
        Map<String, String> subdomainOf = new HashMap<>();
        if (subCol < 0) {
            Path ind = indicators != null ? indicators : sibling(scores);
            if (ind != null) {
                List<String[]> irows = rows(ind);
                if (!irows.isEmpty()) {
                    int ic = index(irows.get(0), "Indicator");
                    int sc = index(irows.get(0), "Subdomain");
                    for (String[] r : irows.subList(1, irows.size())) {
                        if (ic >= 0 && sc >= 0 && r.length > Math.max(ic, sc)) subdomainOf.put(r[ic].trim(), r[sc].trim());
                    }
                }
            }
        }
        Map<String, FmtiEntry> entries = new LinkedHashMap<>();
        for (int col = 0; col < header.length; col++) {
            String dev = header[col].trim();
            if (col == indicatorCol || col == subCol || dev.isEmpty() || dev.equals("Domain") || dev.equals("Total")) continue;
            double score = 0;
            int n = 0;
            Map<String, double[]> subs = new LinkedHashMap<>();
            for (String[] r : rows.subList(1, rows.size())) {
                if (r.length <= col || r.length <= indicatorCol) continue;
                String indicator = r[indicatorCol].trim();
                if (indicator.isEmpty() || indicator.equalsIgnoreCase("Total")) continue; // a totals row, not an indicator
                Double v = number(r[col]);
                if (v == null) continue;
                String sub = subCol >= 0 && r.length > subCol ? r[subCol].trim()
                        : subdomainOf.getOrDefault(r[indicatorCol].trim(), "Other");
                double[] s = subs.computeIfAbsent(sub.isEmpty() ? "Other" : sub, k -> new double[2]);
                s[0] += v;
                s[1]++;
                score += v;
                n++;
            }
            if (n > 0) entries.put(key(dev), new FmtiEntry(dev, score, n, subs));
        }
        return new FmtiTable(scores.toString(), entries);
    }

    /** The developer whose name matches {@code producer} (ignoring case, punctuation and suffixes like "AI"). */
    public Optional<FmtiEntry> lookup(String producer) {
        if (producer == null || producer.isBlank()) return Optional.empty();
        String k = key(producer);
        FmtiEntry exact = byKey.get(k);
        if (exact != null) return Optional.of(exact);
        for (Map.Entry<String, FmtiEntry> e : byKey.entrySet()) {
            String d = e.getKey();
            if (d.length() >= 3 && k.length() >= 3 && (k.startsWith(d) || d.startsWith(k))) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    public String source() {
        return source;
    }

    public int developers() {
        return byKey.size();
    }

    static String key(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char c : l.toCharArray()) if (Character.isLetterOrDigit(c)) sb.append(c);
        String k = sb.toString();
        for (String alias : new String[] {"metallama", "facebook"}) if (k.startsWith(alias)) return "meta";
        if (k.startsWith("googledeepmind") || k.startsWith("deepmind")) return "google";
        if (k.startsWith("qwen") || k.startsWith("alibabacloud")) return "alibaba";
        if (k.startsWith("mistralai")) return "mistral";
        if (k.startsWith("deepseekai")) return "deepseek";
        if (k.startsWith("ibmgranite") || k.startsWith("ibmresearch")) return "ibm";
        if (k.startsWith("stabilityai")) return "stability";
        return k;
    }

    private static Path sibling(Path scores) {
        Path dir = scores.toAbsolutePath().getParent();
        if (dir == null) return null;
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith("_indicators.csv")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String[]> rows(Path file) {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            List<String[]> out = new ArrayList<>();
            try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(text)) {
                while (it.hasNext()) out.add(it.next());
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new RecordException(file.toString(), 0, "cannot read transparency-index CSV: " + e.getClass().getSimpleName());
        }
    }

    private static int index(String[] header, String name) {
        for (int i = 0; i < header.length; i++) if (header[i].trim().equalsIgnoreCase(name)) return i;
        return -1;
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
