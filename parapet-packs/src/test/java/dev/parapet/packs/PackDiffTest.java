package dev.parapet.packs;

import org.junit.jupiter.api.Test;

import static dev.parapet.packs.PackLoaderTest.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

class PackDiffTest {

    @Test
    void listsVersionActionAndExampleChanges() {
        PolicyPack a = PackLoader.load(FIXTURES.resolve("small.yaml"));
        PolicyPack b = PackLoader.load(FIXTURES.resolve("small-v2.yaml"));
        assertThat(PackDiff.between(a, b)).containsExactly(
                "version: 0.1.0 -> 0.2.0",
                "~ cooking_spam: action: flag -> block",
                "~ cooking_spam: positive example added: \"subscribe for daily discounts on ovens\"");
        assertThat(PackDiff.between(a, a)).isEmpty();
    }

    @Test
    void addedAndRemovedCategories() {
        PolicyPack a = PackLoader.load(FIXTURES.resolve("small.yaml"));
        PolicyPack other = new PackCatalog(java.util.Optional.empty()).resolve("medical-information");
        assertThat(PackDiff.between(a, other))
                .contains("- category cooking_spam removed")
                .anyMatch(l -> l.startsWith("+ category individual_dosing_advice added (block, 22 positive, 21 negative"));
    }
}
