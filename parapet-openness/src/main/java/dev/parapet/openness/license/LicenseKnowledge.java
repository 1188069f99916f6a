package dev.parapet.openness.license;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Parapet knows about licences: the SPDX list with OSI and FSF flags, open-content licences for data
 * and documents, its table of AI model licences, SPDX expressions, and the repair of free-text licence names.
 * Immutable and thread-safe; load once with {@link #load()}.
 */
public final class LicenseKnowledge {

    private static final int MAX_TEXT = 2_000;

    private final SpdxLicenseList spdx;
    private final AiLicenseTable ai;
    /** Loose keys (see {@link #key}) to canonical ids, built from ids, names and aliases. */
    private final Map<String, String> byKey;

    private LicenseKnowledge(SpdxLicenseList spdx, AiLicenseTable ai) {
        this.spdx = spdx;
        this.ai = ai;
        Map<String, String> keys = new HashMap<>();
        // Priority order: AI licence ids and aliases, then current SPDX ids, then SPDX names, then deprecated ids.
        for (AiLicense l : ai.all()) {
            keys.putIfAbsent(key(l.id()), l.id());
            keys.putIfAbsent(key(l.name()), l.id());
            l.aliases().forEach(a -> keys.putIfAbsent(key(a), l.id()));
        }
        for (SpdxLicense l : spdx.licenses()) {
            if (!l.deprecated()) keys.putIfAbsent(key(l.id()), l.id());
        }
        for (SpdxLicense l : spdx.licenses()) {
            if (!l.deprecated()) keys.putIfAbsent(key(l.name()), l.id());
        }
        for (SpdxLicense l : spdx.licenses()) {
            keys.putIfAbsent(key(l.id()), l.id());
        }
        HUGGING_FACE_IDS.forEach((k, v) -> keys.put(key(k), v));
        this.byKey = Map.copyOf(keys);
    }

    /** Hugging Face licence ids whose spelling differs from SPDX (from the Hub's licence list). */
    private static final Map<String, String> HUGGING_FACE_IDS = Map.ofEntries(
            Map.entry("odc-by", "ODC-By-1.0"), Map.entry("odbl", "ODbL-1.0"), Map.entry("pddl", "PDDL-1.0"),
            Map.entry("gpl-3.0", "GPL-3.0-only"), Map.entry("gpl-2.0", "GPL-2.0-only"),
            Map.entry("lgpl-3.0", "LGPL-3.0-only"), Map.entry("lgpl-2.1", "LGPL-2.1-only"),
            Map.entry("agpl-3.0", "AGPL-3.0-only"), Map.entry("lgpl-lr", "LGPLLR"), Map.entry("c-uda", "C-UDA-1.0"),
            Map.entry("apache 2", "Apache-2.0"), Map.entry("apache", "Apache-2.0"), Map.entry("mit license", "MIT"),
            Map.entry("bsd 3", "BSD-3-Clause"), Map.entry("bsd 2", "BSD-2-Clause"),
            Map.entry("cc by", "CC-BY-4.0"), Map.entry("cc by sa", "CC-BY-SA-4.0"),
            Map.entry("creative commons attribution non commercial 4.0", "CC-BY-NC-4.0"),
            Map.entry("creative commons attribution non commercial share alike 4.0", "CC-BY-NC-SA-4.0"));

    public static LicenseKnowledge load() {
        return new LicenseKnowledge(SpdxLicenseList.load(), AiLicenseTable.load());
    }

    public SpdxLicenseList spdx() {
        return spdx;
    }

    public AiLicenseTable aiLicenses() {
        return ai;
    }

    /**
     * Whether an identifier, taken exactly as written, is an open licence: OSI-approved or FSF-libre in the SPDX
     * list, or an open-content licence. This is the Model Openness Tool's reading: no expressions, no repairs.
     */
    public boolean isOpenExactId(String id) {
        if (id == null) return false;
        if (OpenContentLicenses.IDS.contains(id)) return true;
        return spdx.exact(id).map(l -> l.osiApproved() || l.fsfLibre()).orElse(false);
    }

    /** Whether an exact SPDX id is OSI-approved. */
    public boolean isOsiApproved(String id) {
        return id != null && spdx.find(id).map(SpdxLicense::osiApproved).orElse(false);
    }

    /** Interprets a licence text: an exact expression, a repaired free-text name, or nothing. */
    public NormalizedLicense normalize(String text) {
        if (text == null || text.isBlank()) {
            return new NormalizedLicense("", NormalizedLicense.Kind.NONE, Optional.empty(), 1, "no licence stated");
        }
        String t = text.trim();
        if (t.length() > MAX_TEXT) {
            return unknown(t.substring(0, 60) + "…", "licence text too long to be an identifier");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        NormalizedLicense special = special(t, lower);
        if (special != null) return special;

        Optional<LicenseExpression> parsed = LicenseExpressionParser.parse(t);
        if (parsed.isPresent()) {
            List<String> repairs = new ArrayList<>();
            LicenseExpression canonical = canonicalize(parsed.get(), repairs);
            if (canonical != null) {
                return repairs.isEmpty()
                        ? new NormalizedLicense(t, NormalizedLicense.Kind.EXACT, Optional.of(canonical), 1.0, "")
                        : new NormalizedLicense(t, NormalizedLicense.Kind.REPAIRED, Optional.of(canonical), 0.95,
                        "read '" + t + "' as '" + canonical + "' (" + String.join("; ", repairs) + ")");
            }
        }
        String id = byKey.get(key(t));
        if (id != null) {
            return new NormalizedLicense(t, NormalizedLicense.Kind.REPAIRED,
                    Optional.of(new LicenseExpression.Id(id, false)), 0.85,
                    "free-text licence '" + t + "' read as " + id);
        }
        return unknown(t, "licence '" + t + "' is neither an SPDX expression nor a known AI licence");
    }

    private static NormalizedLicense unknown(String t, String note) {
        return new NormalizedLicense(t, NormalizedLicense.Kind.UNKNOWN, Optional.empty(), 0, note);
    }

    private static NormalizedLicense special(String t, String lower) {
        String k = lower.replaceAll("[^a-z]", "");
        if (k.equals("unlicensed") || k.equals("none") || k.equals("nolicense") || k.equals("noassertion")) {
            return new NormalizedLicense(t, NormalizedLicense.Kind.NONE, Optional.empty(), 1, "no licence");
        }
        if (k.startsWith("componentnotinclude") || k.startsWith("componentcomponentnotinclude")
                || k.equals("notincluded")) {
            return new NormalizedLicense(t, NormalizedLicense.Kind.NOT_INCLUDED, Optional.empty(), 1,
                    "the record says the component is not included");
        }
        if (k.equals("proprietary") || k.equals("undisclosed") || k.equals("otherlicense") || k.equals("other")
                || k.equals("unknown") || k.equals("license")) {
            return new NormalizedLicense(t, NormalizedLicense.Kind.PROPRIETARY, Optional.empty(), 0.9,
                    "'" + t + "' names no licence that grants open rights");
        }
        return null;
    }

    /** Replaces each id by its canonical spelling; null when an id is unknown. */
    private LicenseExpression canonicalize(LicenseExpression e, List<String> repairs) {
        if (e instanceof LicenseExpression.Id id) {
            String c = canonicalId(id.id(), repairs);
            return c == null ? null : new LicenseExpression.Id(c, id.orLater());
        }
        if (e instanceof LicenseExpression.With w) {
            String c = canonicalId(w.license().id(), repairs);
            Optional<String> ex = spdx.exception(w.exception());
            if (c == null || ex.isEmpty()) return null;
            if (!ex.get().equals(w.exception())) repairs.add("exception written as '" + w.exception() + "'");
            return new LicenseExpression.With(new LicenseExpression.Id(c, w.license().orLater()), ex.get());
        }
        if (e instanceof LicenseExpression.And a) {
            LicenseExpression l = canonicalize(a.left(), repairs);
            LicenseExpression r = canonicalize(a.right(), repairs);
            return l == null || r == null ? null : new LicenseExpression.And(l, r);
        }
        LicenseExpression.Or o = (LicenseExpression.Or) e;
        LicenseExpression l = canonicalize(o.left(), repairs);
        LicenseExpression r = canonicalize(o.right(), repairs);
        return l == null || r == null ? null : new LicenseExpression.Or(l, r);
    }

    private String canonicalId(String id, List<String> repairs) {
        if (spdx.exact(id).isPresent() || OpenContentLicenses.IDS.contains(id)) return id;
        if (id.startsWith("LicenseRef-")) return id;
        Optional<AiLicense> a = ai.find(id);
        if (a.isPresent()) {
            if (!a.get().id().equals(id)) repairs.add("'" + id + "' written in another case");
            return a.get().id();
        }
        Optional<SpdxLicense> s = spdx.find(id);
        if (s.isPresent()) {
            repairs.add("'" + id + "' written in another case");
            return s.get().id();
        }
        String k = byKey.get(key(id));
        if (k != null) {
            repairs.add("'" + id + "' is a common name for " + k);
            return k;
        }
        return null;
    }

    /** What a (normalised) licence expression means for openness. */
    public LicenseVerdict verdict(LicenseExpression e) {
        if (e instanceof LicenseExpression.Id id) {
            return idVerdict(id.id());
        }
        if (e instanceof LicenseExpression.With w) {
            LicenseVerdict v = idVerdict(w.license().id());
            return new LicenseVerdict(v.open(), v.osiApproved(), v.aiLicenses(), v.unknown(),
                    v.reason() + " with exception " + w.exception());
        }
        if (e instanceof LicenseExpression.And a) {
            LicenseVerdict l = verdict(a.left());
            LicenseVerdict r = verdict(a.right());
            boolean open = l.open() && r.open();
            return new LicenseVerdict(open, l.osiApproved() && r.osiApproved(),
                    concat(l.aiLicenses(), r.aiLicenses()), concat(l.unknown(), r.unknown()),
                    open ? "all of " + e + " are open" : "not every licence in " + e + " is open");
        }
        LicenseExpression.Or o = (LicenseExpression.Or) e;
        LicenseVerdict l = verdict(o.left());
        LicenseVerdict r = verdict(o.right());
        LicenseVerdict best = rank(l) >= rank(r) ? l : r;
        return new LicenseVerdict(best.open(), best.osiApproved(), best.aiLicenses(), best.unknown(),
                "choice of " + e + ": " + best.reason());
    }

    /** Normalises and judges a licence text in one step. */
    public LicenseVerdict verdict(String text) {
        NormalizedLicense n = normalize(text);
        return n.expression().map(this::verdict).orElseGet(() -> LicenseVerdict.none(n.note()));
    }

    private static int rank(LicenseVerdict v) {
        return (v.open() ? 2 : 0) + (v.osiApproved() ? 1 : 0);
    }

    private LicenseVerdict idVerdict(String id) {
        Optional<AiLicense> a = ai.find(id);
        if (a.isPresent()) {
            AiLicense l = a.get();
            return new LicenseVerdict(l.open(), false, List.of(l), List.of(),
                    l.name() + (l.restrictsUse() ? " restricts use: " + String.join("; ", l.restrictions())
                            : " (open, not OSI-approved)"));
        }
        Optional<SpdxLicense> s = spdx.find(id);
        if (s.isPresent()) {
            SpdxLicense l = s.get();
            boolean content = OpenContentLicenses.IDS.contains(l.id());
            boolean open = l.osiApproved() || l.fsfLibre() || content;
            String why = l.osiApproved() ? "OSI-approved" : l.fsfLibre() ? "FSF free licence"
                    : content ? "open-content licence for data and documents" : "not an open licence";
            return new LicenseVerdict(open, l.osiApproved(), List.of(), List.of(), l.id() + ": " + why);
        }
        if (OpenContentLicenses.IDS.contains(id)) {
            return new LicenseVerdict(true, false, List.of(), List.of(), id + ": open-content licence");
        }
        return new LicenseVerdict(false, false, List.of(), List.of(id), id + ": unknown licence");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    /**
     * A loose comparison key: lower case, letters and digits split into words, filler words dropped
     * ("license", "the", "version", "agreement", "clause"), and a trailing ".0" dropped, so that "Apache 2.0",
     * "Apache License, Version 2.0" and "apache-2" meet. Linear time, no regular expressions.
     */
    static String key(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int kind = 0; // 0 none, 1 letter, 2 digit
        for (int i = 0; i < s.length() && i < MAX_TEXT; i++) {
            char c = Character.toLowerCase(s.charAt(i));
            int k = Character.isLetter(c) ? 1 : Character.isDigit(c) ? 2 : 0;
            if (k == 0 || (kind != 0 && k != kind)) {
                flush(w, words);
            }
            if (k != 0) w.append(c);
            kind = k;
        }
        flush(w, words);
        int n = words.size();
        if (n >= 2 && words.get(n - 1).equals("0") && isNumber(words.get(n - 2))) words.remove(n - 1);
        return String.join(" ", words);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(0));
    }

    private static final java.util.Set<String> FILLER = java.util.Set.of("the", "license", "licence", "licensed",
            "agreement", "version", "v", "clause", "terms", "of", "use");

    private static void flush(StringBuilder w, List<String> words) {
        if (w.length() > 0) {
            String word = w.toString();
            if (!FILLER.contains(word)) words.add(word);
            w.setLength(0);
        }
    }
}
