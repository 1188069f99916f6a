package dev.parapet.packs;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.ml.embed.MiniLmEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped packs on the real MiniLM embedder: they load, compile, and recognise texts they have not seen. */
class ShippedPacksTest {

    static MiniLmEmbedder embedder;
    static final PackCatalog CATALOG = new PackCatalog(Optional.empty());

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static List<Finding> check(PackDetector d, String text) {
        return d.detect(Content.user(text), new UnicodeNormalizer().analyze(text), Deadline.after(Duration.ofSeconds(30)));
    }

    @Test
    void threeShippedPacksWithAtLeastTwentyExamplesPerSide() {
        List<PolicyPack> packs = CATALOG.shipped();
        assertThat(packs).extracting(PolicyPack::id)
                .containsExactly("children-education", "medical-information", "community-moderation-de");
        assertThat(packs.get(2).languages()).containsExactly("de");
        for (PolicyPack p : packs) {
            for (PackCategory c : p.categories()) {
                assertThat(c.positives()).as(p.id() + "/" + c.id()).hasSizeGreaterThanOrEqualTo(20);
                assertThat(c.negatives()).as(p.id() + "/" + c.id()).hasSizeGreaterThanOrEqualTo(20);
            }
        }
    }

    @Test
    void leaveOneOutIsInformativeButNotPerfect() {
        for (PolicyPack p : CATALOG.shipped()) {
            PackEvaluation ev = PackEvaluation.of(ExemplarClassifier.build(p, embedder::embed));
            assertThat(ev.precision()).as(p.id()).isGreaterThan(0.6);
            assertThat(ev.recall()).as(p.id()).isGreaterThan(0.6);
            for (PackEvaluation.CategoryResult r : ev.categories()) {
                int total = r.truePositives() + r.falsePositives() + r.falseNegatives() + r.trueNegatives();
                assertThat(total).isEqualTo(p.category(r.category()).orElseThrow().examples().size());
                assertThat(r.misses()).hasSize(r.falsePositives() + r.falseNegatives());
            }
        }
    }

    @Test
    void detectorReportsThePacksOwnCategoryWithProvenance() {
        PolicyPack pack = CATALOG.resolve("children-education");
        PackDetector d = new PackDetector(ExemplarClassifier.build(pack, embedder::embed));
        assertThat(d.id()).isEqualTo("pack-children-education");
        assertThat(d.categories()).containsExactlyInAnyOrder("off_platform_contact", "age_inappropriate_content");

        List<Finding> contact = check(d, "hey, give me your phone number and we can chat on snapchat tonight");
        assertThat(contact).extracting(Finding::category).contains("off_platform_contact");
        assertThat(contact.get(0).evidence()).contains(pack.provenance());
        assertThat(contact.get(0).span()).isEmpty();

        assertThat(check(d, "what is the boiling point of water at sea level?")).isEmpty();
        assertThat(check(d, "   ")).isEmpty();
    }

    @Test
    void longTextsAreJudgedWindowByWindowWithASpan() {
        PackDetector d = new PackDetector(ExemplarClassifier.build(CATALOG.resolve("children-education"), embedder::embed));
        String filler = "The water cycle moves water between the oceans, the air and the land. ".repeat(12);
        String text = filler + "Send me your home address and a photo of yourself, and don't tell your parents. " + filler;
        List<Finding> found = check(d, text);
        assertThat(found).extracting(Finding::category).contains("off_platform_contact");
        Finding f = found.stream().filter(x -> x.category().equals("off_platform_contact")).findFirst().orElseThrow();
        assertThat(f.span()).isPresent();
        int at = text.indexOf("Send me");
        assertThat(f.span().get().start()).isLessThanOrEqualTo(at);
        assertThat(f.span().get().end()).isGreaterThan(at);
    }

    @Test
    void germanPackRecognisesAnUnseenInsult() {
        PackDetector d = new PackDetector(ExemplarClassifier.build(CATALOG.resolve("community-moderation-de"), embedder::embed));
        assertThat(check(d, "Du bist so ein dummer Idiot, halt einfach den Mund."))
                .extracting(Finding::category).contains("persoenliche_beleidigung");
    }

    /** Prints how long a pack of 200 examples takes to compile; the target is at most 2 s (not asserted). */
    @Test
    void compilesAPackOfTwoHundredExamples() {
        List<String> lines = new ArrayList<>(List.of("pack: two-hundred", "version: 1.0.0", "categories:"));
        int n = 0;
        for (PolicyPack p : CATALOG.shipped()) {
            for (PackCategory c : p.categories()) {
                if (n >= 200) {
                    break;
                }
                lines.add("  - id: " + c.id());
                lines.add("    definition: " + "\"" + c.definition().replace("\"", "'") + "\"");
                lines.add("    severity: " + c.severity().wireName());
                lines.add("    action: " + c.action().wireName());
                lines.add("    examples:");
                for (String side : List.of("positive", "negative")) {
                    lines.add("      " + side + ":");
                    for (Example e : side.equals("positive") ? c.positives() : c.negatives()) {
                        lines.add("        - \"" + e.text().replace("\"", "'") + "\"");
                        n++;
                    }
                }
            }
        }
        PolicyPack big = PackLoader.parse("two-hundred.yaml", String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(big.exampleCount()).isGreaterThanOrEqualTo(200);
        long t0 = System.nanoTime();
        ExemplarClassifier c = ExemplarClassifier.build(big, embedder::embed);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("compiled a pack of " + big.exampleCount() + " examples in " + ms + " ms");
        assertThat(c.score("hello").keySet()).hasSize(big.categories().size());
    }
}
