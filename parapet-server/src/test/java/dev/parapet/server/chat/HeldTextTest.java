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

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.detect.RuleDetectors;
import dev.parapet.server.guard.Guard;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

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

    // ---- checks of a window, against the real rule pipeline ----

    static final TextNormalizer NORMALIZER = Parapet.builder().normalizerOrDefault();
    static final Guard GUARD = Guard.of(Policy.defaultPolicy(), NORMALIZER, RuleDetectors.defaults(NORMALIZER));
    static final String HARMFUL = "you should kill yourself";
    static final String SENTENCE = "The museum opens at nine and the tickets are sold at the door. ";

    /**
     * What the stream relay does, on a real pipeline: whatever the chunking and however much harmless text
     * comes first (more than the context a window keeps), a blocked phrase is caught and no part of it is
     * ever released.
     */
    @Property(tries = 60)
    void aBlockedPhraseSplitAcrossChunksNeverLeaksWhateverCameBefore(
            @ForAll @IntRange(min = 0, max = 3000) int before, @ForAll @IntRange(min = 1, max = 40) int chunk,
            @ForAll("holdbacks") int holdback) {
        String intro = SENTENCE.repeat(before / SENTENCE.length() + 1).substring(0, before);
        String text = intro + HARMFUL + ". And then some more words follow.";
        HeldText h = new HeldText(holdback);
        StringBuilder out = new StringBuilder();
        boolean blocked = false;
        for (int i = 0; i < text.length() && !blocked; i += chunk) {
            h.append(text.substring(i, Math.min(text.length(), i + chunk)));
            if (h.hasReleasable()) {
                int from = h.windowStart();
                Verdict v = GUARD.checkFast(Content.of(h.text(from), Role.ASSISTANT));
                if (v.action() == Action.BLOCK) {
                    blocked = true;
                } else {
                    out.append(h.release(v, from, false, GUARD.policy().rules(Role.ASSISTANT)));
                }
            }
        }
        if (!blocked) {
            blocked = GUARD.checkFast(Content.of(h.text(), Role.ASSISTANT)).action() == Action.BLOCK;
        }
        assertThat(blocked).isTrue();
        assertThat(out.length()).isLessThanOrEqualTo(intro.length());
        assertThat(intro).startsWith(out.toString());
    }

    @Provide
    Arbitrary<Integer> holdbacks() {
        return Arbitraries.of(HARMFUL.length(), 32, 64);
    }

    @Test
    void anEmailFarIntoALongAnswerIsStillRedacted() {
        String intro = SENTENCE.repeat(40); // longer than the context a window keeps
        String text = intro + "Write to bob.smith@example.com for details. Thanks for reading this far.";
        HeldText h = new HeldText(32);
        StringBuilder out = new StringBuilder();
        int lastFrom = 0;
        for (int i = 0; i < text.length(); i += 3) {
            h.append(text.substring(i, Math.min(text.length(), i + 3)));
            if (h.hasReleasable()) {
                int from = h.windowStart();
                lastFrom = from;
                Verdict v = GUARD.checkFast(Content.of(h.text(from), Role.ASSISTANT));
                out.append(h.release(v, from, false, GUARD.policy().rules(Role.ASSISTANT)));
            }
        }
        assertThat(lastFrom).isGreaterThan(0); // the later checks saw a window, not the whole answer
        out.append(h.release(GUARD.checkFast(Content.of(h.text(), Role.ASSISTANT)), true,
                GUARD.policy().rules(Role.ASSISTANT)));
        assertThat(out.toString()).startsWith(intro + "Write to [").endsWith("] for details. Thanks for reading this far.")
                .doesNotContain("bob.smith").doesNotContain("example.com");
    }

    @Property
    void aWindowKeepsTheContextStartsAtAWordAndNeverSplitsASurrogatePair(
            @ForAll @StringLength(min = 1, max = 4000) String text, @ForAll @IntRange(min = 0, max = 64) int holdback) {
        HeldText h = new HeldText(holdback);
        h.append(text);
        h.release(verdict(Action.ALLOW, List.of()), false, RULES);
        int released = Math.max(0, text.length() - holdback);
        int from = h.windowStart();
        if (released <= HeldText.CONTEXT_CHARS) {
            assertThat(from).isZero();
        } else {
            assertThat(from).isBetween(released - HeldText.CONTEXT_CHARS - 64, released - HeldText.CONTEXT_CHARS);
            assertThat(Character.isLowSurrogate(text.charAt(from)) && Character.isHighSurrogate(text.charAt(from - 1)))
                    .isFalse();
        }
    }
}
