package dev.parapet.server.chat;

import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.policy.Rule;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeldTextTest {

    static final Map<String, Rule> RULES = Map.of("pii", new Rule(0.5, Action.REDACT), "profanity",
            new Rule(0.5, Action.FLAG));

    static Verdict verdict(Action a, List<Finding> findings) {
        return new Verdict(a, Map.of(), Set.of(), findings, Optional.empty(), List.of(), List.of(), "p", "1",
                Duration.ZERO);
    }

    @Property
    void releasesEverythingInOrderWhateverTheChunks(@ForAll @StringLength(max = 300) String text,
                                                    @ForAll @IntRange(min = 1, max = 40) int chunk,
                                                    @ForAll @IntRange(min = 0, max = 80) int holdback) {
        HeldText h = new HeldText(holdback);
        StringBuilder out = new StringBuilder();
        Verdict allow = verdict(Action.ALLOW, List.of());
        for (int i = 0; i < text.length(); i += chunk) {
            h.append(text.substring(i, Math.min(text.length(), i + chunk)));
            if (h.hasReleasable()) {
                out.append(h.release(allow, false, RULES));
            }
            // never more than the text minus the window has left
            assertThat(out.length()).isLessThanOrEqualTo(Math.max(0, Math.min(text.length(), i + chunk) - holdback));
        }
        out.append(h.release(allow, true, RULES));
        assertThat(out.toString()).isEqualTo(text);
    }

    @Test
    void aValueToRedactIsNeverSplitAndIsReplaced() {
        String text = "write to bob@example.com today";
        Finding email = Finding.at("pii", 0.99, new Span(9, 24), "pii", "EMAIL", "an e-mail address");
        Verdict redact = verdict(Action.REDACT, List.of(email));
        HeldText h = new HeldText(4);
        h.append(text.substring(0, 15)); // "write to bob@ex"
        String first = h.release(redact, false, RULES);
        assertThat(first).isEqualTo("write to "); // stops before the value
        h.append(text.substring(15));
        String rest = h.release(redact, true, RULES);
        assertThat(first + rest).isEqualTo("write to [EMAIL] today");
    }

    @Test
    void flaggedButNotRedactedCategoriesPassUnchanged() {
        Finding rude = Finding.at("profanity", 0.9, new Span(0, 4), "lexicon", "", "");
        HeldText h = new HeldText(0);
        h.append("damn it");
        assertThat(h.release(verdict(Action.FLAG, List.of(rude)), true, RULES)).isEqualTo("damn it");
    }

    @Test
    void aBlockedTextIsNeverReleased() {
        HeldText h = new HeldText(0);
        h.append("x");
        assertThatThrownBy(() -> h.release(verdict(Action.BLOCK, List.of()), true, RULES))
                .isInstanceOf(IllegalStateException.class);
    }
}
