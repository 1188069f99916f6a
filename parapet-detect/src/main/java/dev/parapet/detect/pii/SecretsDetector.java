package dev.parapet.detect.pii;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.detect.Screen;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds credentials: AWS access key ids ({@code AWS_ACCESS_KEY}) and secret keys next to them
 * ({@code AWS_SECRET_KEY}), GitHub tokens ({@code GITHUB_TOKEN}), Slack tokens and webhook URLs
 * ({@code SLACK_TOKEN}, {@code SLACK_WEBHOOK}), Stripe keys ({@code STRIPE_KEY}), Google API keys
 * ({@code GOOGLE_API_KEY}), private key blocks ({@code PRIVATE_KEY}), JSON Web Tokens ({@code JWT})
 * and other secrets ({@code SECRET}): passwords in URLs, random-looking values assigned to a key,
 * token, secret or password name, and long random tokens standing alone.
 *
 * <p>Scores: 0.95-0.99 for issuer-prefixed tokens, key blocks and JWTs (a prefix and an alphabet that
 * ordinary text never has); 0.85 for Stripe test keys and passwords in URLs; 0.8 for a high-entropy
 * value under a secret name; 0.7 for passwords and UUIDs under such a name; 0.6 for Stripe
 * publishable keys (meant to be public) and stand-alone random tokens. Hex digests and UUIDs alone
 * are never reported: commit ids and checksums are everyday text. Evidence names the kind, never the value. Thread-safe and immutable.
 */
public final class SecretsDetector implements Detector {

    /** The detector id in findings. */
    public static final String ID = "secrets";
    /** The category of every finding. */
    public static final String CATEGORY = "secrets";

    private final List<TextScanner> scanners = List.of(new PrivateKeyScanner(), new KnownTokenScanner(),
            new JwtScanner(), new AwsSecretKeyScanner(), new UrlCredentialScanner(), new AssignedSecretScanner(),
            new RandomTokenScanner());

    private final Screen screen = new SecretsScreen();

    @Override
    public Optional<Screen> screen() {
        return Optional.of(screen);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> categories() {
        return Set.of(CATEGORY);
    }

    @Override
    public Cost cost() {
        return Cost.RULE;
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
        return Hits.findings(text, scanners, deadline, CATEGORY, ID);
    }
}
