package dev.parapet.detect.cue;

import dev.parapet.core.detect.Deadline;
import dev.parapet.core.match.AhoCorasick;
import dev.parapet.core.match.AsciiStepTable;
import dev.parapet.core.text.TextNormalizer;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds cue rules in a folded text: one Aho–Corasick pass collects every term hit, then each rule looks
 * for a window that holds a hit of each of its groups. Time is linear in the text plus the hits, which
 * are capped. Immutable and thread-safe.
 */
public final class CueMatcher {

    /** What a text is, for which rules may fire in it. */
    public enum Reading {
        /** A person's own words (a user's or the system's message, an answer): rules for every role. */
        OWN_WORDS,
        /** A user's message that may hold pasted documents: also the data rules marked {@code pasted}. */
        WITH_PASTED,
        /**
         * A user's message sent with instructions that restrict the assistant: also the data rules marked
         * {@code restricted}.
         */
        RESTRICTED,
        /** Data (a tool result, a document): every rule. */
        DATA;

        public boolean counts(CueRule rule) {
            return !rule.dataOnly() || this == DATA || this == WITH_PASTED && rule.pasted()
                    || this == RESTRICTED && rule.restricted();
        }
    }

    /** A rule that fired: its half-open range in the scanned text. */
    public record Match(CueRule rule, int start, int end) {
    }

    private record Hit(int rule, int group, int start, int end) {
    }

    /** Hits kept per scan: far above any real text, a bound for hostile ones. */
    private static final int MAX_HITS = 4096;
    /** Terms this long are distinctive enough to match without a word start before them. */
    private static final int LONG_TERM = 6;

    private final List<CueRule> rules;
    private final AhoCorasick automaton;
    private final AsciiStepTable ascii; // the automaton's ASCII part, every pattern marked
    /**
     * A table of its own for the ASCII terms of one group of each rule, its anchor ({@link #anchorGroup}): a rule
     * fires only where every group has a hit, so an ASCII text with no anchor term in it fires none. Its walk stops at
     * the first marked row, and few rows are marked (1,280 of 12,043 for the shipped injection cues, against 2,840
     * of 15,953 in {@link #ascii}, where common words such as "all" and "your" mark rows and cost a step each time
     * they occur).
     */
    private final AsciiStepTable anchors;
    private final int[] patternRule;
    private final int[] firstGroup; // rule -> index of its first group among all rules' groups
    private final int groupCount;
    private final long[] allGroups; // rule -> a bit for each of its groups
    /**
     * Per row of {@link #ascii}: the groups (bit {@code firstGroup[rule] + group} over all rules' groups) of
     * the patterns that end there and need no word edge; null where none does.
     */
    private final long[][] rowGroups;
    /** Per row of {@link #ascii}: the patterns that end there and need a word edge; null where none does. */
    private final int[][] rowEdged;
    private final int[] patternGroup;
    private final boolean[] needsStart;
    private final boolean[] needsEnd;
    /** The rules' {@code unless} terms (folded), searched only in a text where a rule that has them fired. */
    private final Unless unless;

    /** @throws IllegalArgumentException when two rules share an id (evidence and labels name rules by it) */
    public CueMatcher(List<CueRule> rules, TextNormalizer normalizer) {
        this.rules = List.copyOf(rules);
        if (rules.stream().map(CueRule::id).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("two cue rules share an id: " + rules.stream().map(CueRule::id).toList());
        }
        List<String> patterns = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        List<String> anchorTerms = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<List<String>> groups = rules.get(r).groups();
            List<List<String>> folded = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                List<String> group = new ArrayList<>();
                for (String term : groups.get(g)) {
                    String f = normalizer.analyze(term).normalized().text();
                    if (f.isBlank()) {
                        throw new IllegalArgumentException("rule " + rules.get(r).id() + ": term '" + term
                                + "' is empty once normalised");
                    }
                    patterns.add(f);
                    owners.add(new int[]{r, g});
                    group.add(f);
                }
                folded.add(group);
            }
            // Data-only rules fire in no text a screen is asked about (a tool result always takes the full path, and
            // so does a user's message under restricting instructions) but in pasted documents.
            if (Reading.WITH_PASTED.counts(rules.get(r))) {
                anchorTerms.addAll(anchorGroup(folded, rules.get(r).anchor()));
            }
        }
        this.automaton = AhoCorasick.build(patterns);
        this.ascii = AsciiStepTable.of(automaton, p -> true, Integer.MAX_VALUE);
        this.anchors = AsciiStepTable.of(AhoCorasick.build(anchorTerms), p -> true, Integer.MAX_VALUE);
        this.firstGroup = new int[rules.size()];
        int groups = 0;
        for (int r = 0; r < rules.size(); r++) {
            firstGroup[r] = groups;
            groups += rules.get(r).groups().size();
        }
        this.groupCount = groups;
        this.allGroups = new long[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            int g = rules.get(r).groups().size();
            if (g > 63) {
                throw new IllegalArgumentException("rule " + rules.get(r).id() + " has more than 63 groups");
            }
            allGroups[r] = (1L << g) - 1;
        }
        this.rowGroups = new long[ascii.rows()][];
        this.rowEdged = new int[ascii.rows()][];
        int n = patterns.size();
        this.patternRule = new int[n];
        this.patternGroup = new int[n];
        this.needsStart = new boolean[n];
        this.needsEnd = new boolean[n];
        for (int i = 0; i < n; i++) {
            patternRule[i] = owners.get(i)[0];
            patternGroup[i] = owners.get(i)[1];
            String p = patterns.get(i);
            // A term whose first word is long may be glued to the word before it ("USAIgnore your previous
            // instructions"); one whose first word is short must start a word, or "now you are" fires inside
            // "I know you are busy".
            needsStart[i] = needsStart(p);
            needsEnd[i] = needsEnd(p);
        }
        this.unless = Unless.of(rules, normalizer);
        for (int row = 0; row < ascii.rows(); row++) {
            if (ascii.marked(row)) {
                long[] bits = new long[(groupCount + 63) / 64];
                List<Integer> edged = new ArrayList<>();
                automaton.matches(ascii.state(row), 0, (pattern, start, end) -> {
                    if (needsStart[pattern] || needsEnd[pattern]) {
                        edged.add(pattern);
                    } else {
                        int g = bit(pattern);
                        bits[g >>> 6] |= 1L << g;
                    }
                    return true;
                });
                rowGroups[row] = bits;
                rowEdged[row] = edged.isEmpty() ? null : edged.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private static boolean needsStart(String term) {
        return spacedWordChar(term.codePointAt(0)) && firstWordLength(term) < LONG_TERM;
    }

    private static boolean needsEnd(String term) {
        return inflectsAtEnd(term.codePointBefore(term.length())) && term.codePointCount(0, term.length()) <= 4;
    }

    /** Whether a hit of a term at {@code [start, end)} has the word edges it asks for ("dan" is not in "danger"). */
    private static boolean atWordEdges(CharSequence text, boolean needsStart, boolean needsEnd, int start, int end) {
        return !(needsStart && start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))
                && !(needsEnd && end < text.length() && Character.isLetterOrDigit(text.charAt(end)));
    }

    /**
     * The {@code unless} terms of every rule in one automaton, with the rule each belongs to. A match of a rule is
     * cancelled by a hit of one of its terms within the rule's window before its start or after its end.
     */
    private record Unless(AhoCorasick automaton, int[] rule, boolean[] needsStart, boolean[] needsEnd) {

        static Unless of(List<CueRule> rules, TextNormalizer normalizer) {
            List<String> terms = new ArrayList<>();
            List<Integer> owner = new ArrayList<>();
            for (int r = 0; r < rules.size(); r++) {
                for (String term : rules.get(r).unless()) {
                    String f = normalizer.analyze(term).normalized().text();
                    if (f.isBlank()) {
                        throw new IllegalArgumentException("rule " + rules.get(r).id() + ": unless term '" + term
                                + "' is empty once normalised");
                    }
                    terms.add(f);
                    owner.add(r);
                }
            }
            if (terms.isEmpty()) {
                return null;
            }
            boolean[] start = new boolean[terms.size()];
            boolean[] end = new boolean[terms.size()];
            for (int i = 0; i < terms.size(); i++) {
                start[i] = CueMatcher.needsStart(terms.get(i));
                end[i] = CueMatcher.needsEnd(terms.get(i));
            }
            return new Unless(AhoCorasick.build(terms), owner.stream().mapToInt(Integer::intValue).toArray(), start,
                    end);
        }

        /** {@code matches} without those an unless term of their rule cancels. */
        List<Match> filter(CharSequence text, List<Match> matches, List<CueRule> rules) {
            record Cancel(CueRule rule, int start, int end) {
            }
            List<Cancel> hits = new ArrayList<>();
            automaton.search(text, (pattern, start, end) -> {
                if (atWordEdges(text, needsStart[pattern], needsEnd[pattern], start, end)) {
                    hits.add(new Cancel(rules.get(rule[pattern]), start, end));
                }
                return hits.size() < MAX_HITS;
            });
            if (hits.isEmpty()) {
                return matches;
            }
            List<Match> kept = new ArrayList<>(matches.size());
            for (Match m : matches) {
                int window = m.rule().window();
                boolean cancelled = false;
                for (Cancel h : hits) {
                    cancelled |= h.rule() == m.rule() && h.end() > m.start() - window
                            && h.start() < m.end() + window;
                }
                if (!cancelled) {
                    kept.add(m);
                }
            }
            return kept;
        }
    }

    /**
     * The ASCII terms of a rule's anchor group (folded): the one the rule names, else the one ASCII text holds least
     * often going by length, the group whose shortest ASCII term is longest, of two such the one with fewer
     * ("ignore, disregard, …" rather than "all, any, your, …"). None when a group has no ASCII term: the rule cannot
     * fire on ASCII text.
     */
    private static List<String> anchorGroup(List<List<String>> groups, int named) {
        List<List<String>> ascii = groups.stream().map(g -> g.stream().filter(CueMatcher::isAscii).toList()).toList();
        if (ascii.stream().anyMatch(List::isEmpty)) {
            return List.of();
        }
        if (named >= 0) {
            return ascii.get(named);
        }
        Comparator<List<String>> rarer = Comparator.comparingInt(
                (List<String> g) -> g.stream().mapToInt(String::length).min().orElseThrow())
                .thenComparing(Comparator.comparingInt(List<String>::size).reversed());
        return ascii.stream().max(rarer).orElseThrow();
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    /** Code points before the first space of {@code term} (the whole term when it has none). */
    private static int firstWordLength(String term) {
        int space = term.indexOf(' ');
        return term.codePointCount(0, space < 0 ? term.length() : space);
    }

    /**
     * Whether some rule may fire in {@code text}: a necessary condition of {@link #find}. First, whether an ASCII
     * text holds a term of some rule's anchor group at all (a small table of those terms alone); then, stepping
     * the dense table, whether every group of some rule has a hit at proper word edges at all; only then, by
     * a search of every match ({@link #mayMatchSearching}), whether every group has one within the rule's
     * window. The rule that distinct groups be distinct words, which {@code find} also asks for, is not checked.
     *
     * @param reading which rules count: a person's own words, with or without pasted documents, a user's message under
     *                restricting instructions, or data
     */
    public boolean mayMatch(String text, Reading reading) { // a String, not a CharSequence: its charAt inlines
        // The anchors are those of the rules a person's own words and pasted documents count.
        if ((reading == Reading.OWN_WORDS || reading == Reading.WITH_PASTED) && !mayHoldAnchor(text)) {
            return false;
        }
        // Then, without windows, whether every group of some rule has a hit at all: in most texts none has,
        // and common words ("all", "your", "new") then cost an OR, not a walk of matches.
        long[] seen = null;
        int n = text.length();
        int row = AsciiStepTable.ROOT;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return mayMatchSearching(text, reading); // the table covers ASCII only: start over
            }
            row = ascii.next(row, c);
            if (ascii.marked(row)) {
                if (seen == null) {
                    seen = new long[(groupCount + 63) / 64];
                }
                long[] groups = rowGroups[row];
                for (int k = 0; k < groups.length; k++) {
                    seen[k] |= groups[k];
                }
                int[] edged = rowEdged[row];
                if (edged != null) {
                    for (int p : edged) {
                        if (atWordEdges(text, p, i + 1 - automaton.patternLength(p), i + 1)) {
                            int g = bit(p);
                            seen[g >>> 6] |= 1L << g;
                        }
                    }
                }
            }
        }
        return seen != null && someRuleHasEveryGroup(seen, reading) && mayMatchSearching(text, reading);
    }

    /** Whether {@code text} holds a term of some rule's anchor group, or a char beyond ASCII (then: maybe). */
    private boolean mayHoldAnchor(String text) {
        int row = AsciiStepTable.ROOT;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return true;
            }
            row = anchors.next(row, c);
            if (anchors.marked(row)) {
                return true;
            }
        }
        return false;
    }

    /** The bit of {@code pattern}'s group among all rules' groups. */
    private int bit(int pattern) {
        return firstGroup[patternRule[pattern]] + patternGroup[pattern];
    }

    /** Whether a hit of {@code pattern} has the word edges its term asks for ("dan" is not in "danger"). */
    private boolean atWordEdges(CharSequence text, int pattern, int start, int end) {
        return atWordEdges(text, needsStart[pattern], needsEnd[pattern], start, end);
    }

    private boolean someRuleHasEveryGroup(long[] seen, Reading reading) {
        for (int r = 0; r < rules.size(); r++) {
            if (!reading.counts(rules.get(r))) {
                continue;
            }
            boolean every = true;
            for (int g = firstGroup[r], end = g + rules.get(r).groups().size(); g < end && every; g++) {
                every = (seen[g >>> 6] & 1L << g) != 0;
            }
            if (every) {
                return true;
            }
        }
        return false;
    }

    /** {@link #mayMatch} by the automaton's own search, for any text. */
    public boolean mayMatchSearching(CharSequence text, Reading reading) {
        Probe probe = new Probe(text, reading);
        ascii.search(text, probe);
        return probe.found;
    }

    /**
     * Collects hits for {@link #mayMatch}: per rule and group, the latest start of a hit at proper word
     * edges so far; stops once every group of one rule has a hit within the rule's window.
     */
    private final class Probe implements AhoCorasick.MatchSink {
        private final CharSequence text;
        private final Reading reading;
        private int[] latest; // per group of every rule: 1 + the latest start of a hit, 0 for none; made on the first hit
        private long[] seen;  // per rule, a bit for each group with a hit so far
        boolean found;

        Probe(CharSequence text, Reading reading) {
            this.text = text;
            this.reading = reading;
        }

        @Override
        public boolean onMatch(int pattern, int start, int end) {
            if (!atWordEdges(text, pattern, start, end)) {
                return true;
            }
            int r = patternRule[pattern];
            CueRule rule = rules.get(r);
            if (!reading.counts(rule)) {
                return true;
            }
            if (latest == null) {
                latest = new int[groupCount];
                seen = new long[rules.size()];
            }
            int base = firstGroup[r];
            int groups = rule.groups().size();
            int g = base + patternGroup[pattern];
            latest[g] = Math.max(latest[g], start + 1);
            seen[r] |= 1L << patternGroup[pattern];
            if (seen[r] != allGroups[r]) {
                return true; // a group of the rule has no hit yet: most hits of most texts (common words)
            }
            boolean all = true;
            for (int k = base; k < base + groups && all; k++) {
                all = latest[k] > 0 && latest[k] - 1 >= start - rule.window();
            }
            found = all;
            return !all;
        }
    }

    /** Rules that fire in {@code text}, at most one match per rule and place, sorted by start. */
    public List<Match> find(CharSequence text, Deadline deadline) {
        List<Hit> hits = new ArrayList<>();
        ascii.search(text, (pattern, start, end) -> {
            if (!atWordEdges(text, pattern, start, end)) {
                return true;
            }
            hits.add(new Hit(patternRule[pattern], patternGroup[pattern], start, end));
            return hits.size() < MAX_HITS;
        });
        deadline.check();
        List<Hit> complete = ofCompleteRules(hits);
        if (complete.isEmpty()) {
            return List.of();
        }
        // Each rule's hits together, by start; the sort is stable, so hits that start together keep the order
        // the automaton reported them in.
        complete.sort(Comparator.comparingInt(Hit::rule).thenComparingInt(Hit::start));
        List<Match> out = new ArrayList<>();
        for (int from = 0; from < complete.size(); ) {
            int rule = complete.get(from).rule;
            int to = from + 1;
            while (to < complete.size() && complete.get(to).rule == rule) {
                to++;
            }
            matchRule(rules.get(rule), complete.subList(from, to), out);
            from = to;
        }
        out.sort(Comparator.comparingInt(Match::start));
        return unless == null || out.stream().allMatch(m -> m.rule().unless().isEmpty()) ? out
                : unless.filter(text, out, rules);
    }

    /**
     * The hits of rules that have a hit in every group, in their order: a rule with a group that has none
     * cannot fire, and most hits of most texts are of such rules (common words), so they are dropped
     * before the sort.
     */
    private List<Hit> ofCompleteRules(List<Hit> hits) {
        long[] groupsHit = new long[rules.size()];
        for (Hit h : hits) {
            groupsHit[h.rule] |= 1L << h.group;
        }
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            if (groupsHit[h.rule] == allGroups[h.rule]) {
                kept.add(h);
            }
        }
        return kept;
    }

    /** Slides a window over the rule's hits; reports a match when every group is covered. */
    private static void matchRule(CueRule rule, List<Hit> hits, List<Match> out) {
        int groups = rule.groups().size();
        int i = 0;
        while (i < hits.size()) {
            long covered = 0;
            List<Hit> used = new ArrayList<>(groups);
            int found = -1;
            for (int j = i; j < hits.size() && hits.get(j).start - hits.get(i).start <= rule.window(); j++) {
                Hit h = hits.get(j);
                // Distinct groups must be distinct words: "ignore" alone cannot stand for two groups.
                if ((covered & (1L << h.group)) == 0 && !overlapsAny(used, h)) {
                    covered |= 1L << h.group;
                    used.add(h);
                }
                if (Long.bitCount(covered) == groups) {
                    found = j;
                    break;
                }
            }
            if (found >= 0) {
                int start = used.stream().mapToInt(Hit::start).min().orElseThrow();
                int end = used.stream().mapToInt(Hit::end).max().orElseThrow();
                out.add(new Match(rule, start, end));
                int next = found + 1;
                while (next < hits.size() && hits.get(next).start < end) {
                    next++;
                }
                i = next;
            } else {
                i++;
            }
        }
    }

    private static boolean overlapsAny(List<Hit> used, Hit h) {
        for (Hit u : used) {
            if (u.start < h.end && h.start < u.end) {
                return true;
            }
        }
        return false;
    }

    /** Short words of these scripts must end at a word end ("dan" is not "danger"); Korean attaches particles. */
    private static boolean inflectsAtEnd(int cp) {
        if (!Character.isLetterOrDigit(cp)) {
            return false;
        }
        UnicodeScript s = UnicodeScript.of(cp);
        return s == UnicodeScript.LATIN || s == UnicodeScript.CYRILLIC || s == UnicodeScript.GREEK
                || s == UnicodeScript.COMMON;
    }

    /** True for letters of scripts that separate words with spaces. */
    private static boolean spacedWordChar(int cp) {
        if (!Character.isLetterOrDigit(cp)) {
            return false;
        }
        UnicodeScript s = UnicodeScript.of(cp);
        return s != UnicodeScript.HAN && s != UnicodeScript.HIRAGANA && s != UnicodeScript.KATAKANA
                && s != UnicodeScript.THAI;
    }
}
