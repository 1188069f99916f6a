package dev.parapet.eval.dataset;

import dev.parapet.core.hash.HashSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads every registry dataset from the shared data (small slices), and checks the sizes the sources state. */
class SharedDataTest {

    private static Path data;
    private static final DatasetRegistry REGISTRY = DatasetRegistry.builtIn();

    @BeforeAll
    static void locate() {
        String shared = System.getProperty("parapet.shared", "../shared");
        data = Path.of(shared, "data");
        assumeTrue(Files.isDirectory(data), "shared data not found at " + data.toAbsolutePath()
                + " (set -Dparapet.shared); skipping the tests on real data");
    }

    private LoadedDataset load(String selector, long limit) {
        Selector s = Selector.parse(selector, REGISTRY);
        return new DatasetLoader(data, Path.of("..")).load(REGISTRY.get(s.name()), s, limit); // tests run in the module
    }

    @Test
    void everyDatasetAndSplitReadsWithoutBadRows() {
        for (DatasetSpec d : REGISTRY.all()) {
            java.util.List<String> selectors = new java.util.ArrayList<>(d.splitNames().stream()
                    .map(s -> d.name() + ":" + s).toList());
            if (selectors.isEmpty()) selectors.add(d.name());
            for (String s : selectors) {
                LoadedDataset l = load(s, 50);
                assertThat(l.examples()).as(s).isNotEmpty();
                assertThat(l.badRows()).as(s + " " + l.issues()).isZero();
                assertThat(l.licence()).as(s).isIn("train-ok", "eval-only");
            }
        }
    }

    @Test
    void sizesMatchWhatTheSourcesState() {
        LoadedDataset xstest = load("xstest", Long.MAX_VALUE);
        assertThat(xstest.positives()).isEqualTo(200);
        assertThat(xstest.negatives()).isEqualTo(250);
        LoadedDataset jbb = load("jbb", Long.MAX_VALUE);
        assertThat(jbb.positives()).isEqualTo(100);
        assertThat(jbb.negatives()).isEqualTo(100);
        assertThat(load("harmbench:test", Long.MAX_VALUE).examples()).hasSize(320);
        assertThat(load("harmbench:val", Long.MAX_VALUE).licence()).isEqualTo("train-ok");
        LoadedDataset deepset = load("deepset:test", Long.MAX_VALUE);
        assertThat(deepset.examples()).hasSize(116);
        assertThat(deepset.licence()).isEqualTo("eval-only");
        assertThat(load("hatecheck", Long.MAX_VALUE).examples()).hasSize(3728);
        assertThat(load("toxicchat:test", Long.MAX_VALUE).examples()).hasSize(2853);
        LoadedDataset obfuscation = load("obfuscation", Long.MAX_VALUE);
        assertThat(obfuscation.negatives()).isPositive();
        assertThat(obfuscation.positives()).isGreaterThan(obfuscation.negatives());
        LoadedDataset bipia = load("bipia:test", Long.MAX_VALUE);
        assertThat(bipia.positives()).isEqualTo(75 + 50);
        assertThat(bipia.negatives()).isEqualTo(50 + 100);
        assertThat(bipia.licence()).isEqualTo("eval-only");
        LoadedDataset multijail = load("multijail:th", Long.MAX_VALUE);
        assertThat(multijail.examples()).hasSize(315).allSatisfy(e -> assertThat(e.language()).isEqualTo("th"));
    }

    @Test
    void hashSplitsAreDisjointAndCoverTheSet() {
        LoadedDataset all = load("ailuminate", Long.MAX_VALUE);
        LoadedDataset test = load("ailuminate:test", Long.MAX_VALUE);
        LoadedDataset train = load("ailuminate:train", Long.MAX_VALUE);
        assertThat(all.examples()).hasSize(2400);
        assertThat(test.examples().size() + train.examples().size()).isEqualTo(2400);
        assertThat(test.examples()).allSatisfy(e -> assertThat(HashSplit.bucket(e.text())).isGreaterThanOrEqualTo(80));
        assertThat(test.examples()).allSatisfy(e -> assertThat(e.canonical()).isNotEmpty());
        assertThat(load("ailuminate:test:fr", Long.MAX_VALUE).examples()).allSatisfy(e ->
                assertThat(e.language()).isEqualTo("fr"));
    }
}
