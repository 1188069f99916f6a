package dev.parapet.openness.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options to show Foundation Model Transparency Index scores beside results. */
final class FmtiOptions {
    @Option(names = "--fmti", paramLabel = "FILE", description = "Transparency-index scores CSV (indicators × developers).")
    Path scores;

    @Option(names = "--fmti-indicators", paramLabel = "FILE",
            description = "Indicators CSV naming each indicator's subdomain (default: a sibling *_indicators.csv).")
    Path indicators;
}
