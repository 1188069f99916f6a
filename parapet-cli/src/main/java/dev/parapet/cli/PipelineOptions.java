package dev.parapet.cli;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Role;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.PolicyLoader;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.detect.RuleDetectors;
import dev.parapet.ml.DefaultDetectors;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options shared by the commands that run the pipeline. */
final class PipelineOptions {

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (default: the built-in policy).")
    Path policyFile;

    @Option(names = "--pipeline", paramLabel = "NAME", defaultValue = "default",
            description = "default (rules and classifiers) or rules (rule detectors only) (default: ${DEFAULT-VALUE}).")
    String pipeline;

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

    /** The chosen pipeline under the chosen policy. */
    Parapet build(boolean exhaustive) {
        Parapet.Builder b = Parapet.builder().policy(policy()).exhaustive(exhaustive);
        return b.detectors(switch (pipeline) {
            case "default" -> DefaultDetectors.all(b.normalizerOrDefault());
            case "rules" -> RuleDetectors.defaults(b.normalizerOrDefault());
            default -> throw new InputException("unknown pipeline '" + pipeline + "' (default or rules)");
        }).build();
    }
}
