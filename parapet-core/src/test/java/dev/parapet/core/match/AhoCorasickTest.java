package dev.parapet.core.match;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AhoCorasickTest {

    record Match(int pattern, int start, int end) {
    }

    record Case(List<String> patterns, String text) {
    }

    private static List<Match> all(AhoCorasick ac, CharSequence text) {
        List<Match> out = new ArrayList<>();
        ac.search(text, (p, s, e) -> out.add(new Match(p, s, e)));
        return out;
    }

    private static Set<Match> bruteForce(List<String> patterns, String text, int from, int to) {
        Set<Match> out = new HashSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            String pat = patterns.get(p);
            for (int s = from; s + pat.length() <= to; s++) {
                if (text.startsWith(pat, s)) {
                    out.add(new Match(p, s, s + pat.length()));
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> alphabet = Arbitraries.of("ab", "abc", "aé", "x\uD83D\uDE00", "abcd");
        return alphabet.flatMap(a -> {
            Arbitrary<Character> ch = Arbitraries.of(a.chars().mapToObj(c -> (char) c).toList());
            Arbitrary<String> pattern = ch.list().ofMinSize(1).ofMaxSize(5)
                    .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
            Arbitrary<String> text = ch.list().ofMaxSize(60)
                    .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
            return Combinators.combine(pattern.list().ofMinSize(1).ofMaxSize(25), text).as(Case::new);
        });
    }

    @Property(tries = 400)
    void findsExactlyWhatBruteForceFinds(@ForAll("cases") Case c) {
        AhoCorasick ac = AhoCorasick.build(c.patterns());
        List<Match> found = all(ac, c.text());
        assertThat(new HashSet<>(found)).hasSameSizeAs(found); // nothing twice
        assertThat(new HashSet<>(found)).isEqualTo(bruteForce(c.patterns(), c.text(), 0, c.text().length()));
        assertThat(found).isSortedAccordingTo((x, y) -> Integer.compare(x.end(), y.end()));
    }

    @Property(tries = 200)
    void searchesOnlyInsideTheRange(@ForAll("cases") Case c, @ForAll Random random) {
        String text = c.text();
        int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        int to = from + random.nextInt(text.length() - from + 1);
        AhoCorasick ac = AhoCorasick.build(c.patterns());
        Set<Match> found = new HashSet<>();
        ac.search(text, from, to, (p, s, e) -> found.add(new Match(p, s, e)));
        assertThat(found).isEqualTo(bruteForce(c.patterns(), text, from, to));
    }

    @Property(tries = 200)
    void steppingEqualsSearching(@ForAll("cases") Case c) {
        AhoCorasick ac = AhoCorasick.build(c.patterns());
        List<Match> stepped = new ArrayList<>();
        int state = ac.root();
        for (int i = 0; i < c.text().length(); i++) {
            state = ac.next(state, c.text().charAt(i));
            if (ac.hasMatches(state)) {
                ac.matches(state, i + 1, (p, s, e) -> stepped.add(new Match(p, s, e)));
            }
        }
        assertThat(stepped).isEqualTo(all(ac, c.text()));
    }

    @Test
    void reportsOverlappingNestedAndDuplicatePatterns() {
        AhoCorasick ac = AhoCorasick.build(List.of("he", "she", "his", "hers", "she", "e"));
        assertThat(all(ac, "ushers")).containsExactlyInAnyOrder(
                new Match(1, 1, 4), new Match(4, 1, 4), new Match(0, 2, 4), new Match(5, 3, 4), new Match(3, 2, 6));
        assertThat(ac.patternCount()).isEqualTo(6);
        assertThat(ac.patternLength(3)).isEqualTo(4);
    }

    @Test
    void stopsWhenTheSinkSaysSo() {
        AhoCorasick ac = AhoCorasick.build(List.of("a"));
        List<Integer> seen = new ArrayList<>();
        ac.search("aaaa", (p, s, e) -> {
            seen.add(s);
            return seen.size() < 2;
        });
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void rejectsEmptyAndNullPatterns() {
        assertThatThrownBy(() -> AhoCorasick.build(List.of("ok", ""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern 1 is empty");
        List<String> withNull = new ArrayList<>(List.of("ok"));
        withNull.add(null);
        assertThatThrownBy(() -> AhoCorasick.build(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("pattern 1");
    }

    @Test
    void anEmptyAutomatonFindsNothing() {
        AhoCorasick ac = AhoCorasick.build(List.of());
        assertThat(all(ac, "anything")).isEmpty();
        assertThat(ac.patternCount()).isZero();
    }

    @Test
    void handlesAllCharsIncludingTheExtremes() {
        AhoCorasick ac = AhoCorasick.build(List.of("\u0000\uFFFF", "\uFFFF"));
        assertThat(all(ac, "x\u0000\uFFFF")).containsExactlyInAnyOrder(new Match(0, 1, 3), new Match(1, 2, 3));
    }

    @Test
    void aHundredThousandTermsStayWellUnderFiftyMegabytes() {
        Random random = new Random(7);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int len = 4 + random.nextInt(12);
            StringBuilder sb = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            terms.add(sb.toString());
        }
        AhoCorasick ac = AhoCorasick.build(terms);
        assertThat(ac.estimatedBytes()).isLessThan(50L * 1024 * 1024);
        String probe = "zz " + terms.get(12345) + " zz";
        assertThat(all(ac, probe)).contains(new Match(12345, 3, 3 + terms.get(12345).length()));
    }

    @Test
    void longHostileInputIsLinear() {
        AhoCorasick ac = AhoCorasick.build(List.of("a".repeat(50) + "b", "aab"));
        String text = "a".repeat(100_000);
        assertThat(all(ac, text)).isEmpty();
        assertThat(all(ac, text + "b")).extracting(Match::pattern).containsExactlyInAnyOrder(0, 1);
    }
}
