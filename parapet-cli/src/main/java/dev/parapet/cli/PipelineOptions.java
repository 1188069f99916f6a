package dev.parapet.cli;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Role;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.PolicyLoader;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.detect.RuleDetectors;
import dev.parapet.core.detect.Detector;
import dev.parapet.judge.JudgeConfigLoader;
import dev.parapet.judge.Judges;
import dev.parapet.ml.DefaultDetectors;
import dev.parapet.ml.embed.MiniLmEmbedder;
import dev.parapet.packs.ExemplarClassifier;
import dev.parapet.packs.PackCatalog;
import dev.parapet.packs.PackDetector;
import dev.parapet.packs.PolicyPack;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Options shared by the commands that run the pipeline. */
final class PipelineOptions {

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (default: the built-in policy).")
    Path policyFile;

    @Option(names = "--pipeline", paramLabel = "NAME", defaultValue = "default",
            description = "default (rules and classifiers) or rules (rule detectors only) (default: ${DEFAULT-VALUE}).")
    String pipeline;

    @Option(names = "--pack", paramLabel = "PACK",
            description = "Add a policy pack's categories (a shipped pack's id or a pack file); repeatable.")
    List<String> packs = new ArrayList<>();

    @Option(names = "--judges", paramLabel = "FILE",
            description = "Guard models to escalate to where the pipeline is unsure (see docs/GUARD-MODELS.md).")
    Path judgesFile;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "user",
            description = "Who wrote the text: system, user, assistant or tool (default: ${DEFAULT-VALUE}).")
    String role;

    Role role() {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    Policy policy() {
        if (policyFile == null) {
            return Policy.defaultPolicy();
        }
        if (!Files.isRegularFile(policyFile)) {
            throw new InputException(policyFile + ": no such policy file");
        }
        return new PolicyLoader(Taxonomies.builtIn().canonical()).load(policyFile);
    }

    /** The chosen pipeline under the chosen policy, with the chosen policy packs. */
    Parapet build(boolean exhaustive) {
        Policy policy = policy();
        List<Detector> packDetectors = new ArrayList<>();
        if (!packs.isEmpty()) {
            PackCatalog catalog = new PackCatalog(Optional.empty());
            // The embedder lives as long as the process, like the shipped classifiers' sessions.
            MiniLmEmbedder embedder = MiniLmEmbedder.load();
            for (String name : packs) {
                PolicyPack pack = catalog.resolve(name);
                policy = pack.applyTo(policy);
                packDetectors.add(new PackDetector(ExemplarClassifier.build(pack, embedder::embed)));
            }
        }
        Parapet.Builder b = Parapet.builder().policy(policy).exhaustive(exhaustive);
        List<Detector> detectors = switch (pipeline) {
            case "default" -> DefaultDetectors.all(b.normalizerOrDefault());
            case "rules" -> RuleDetectors.defaults(b.normalizerOrDefault());
            default -> throw new InputException("unknown pipeline '" + pipeline + "' (default or rules)");
        };
        if (judgesFile != null) {
            if (!Files.isRegularFile(judgesFile)) {
                throw new InputException(judgesFile + ": no such judges file");
            }
            detectors = Judges.behind(new JudgeConfigLoader().load(judgesFile), detectors);
        }
        return b.detectors(detectors).detectors(packDetectors).build();
    }
}
