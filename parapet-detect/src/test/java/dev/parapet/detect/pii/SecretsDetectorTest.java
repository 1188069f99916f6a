package dev.parapet.detect.pii;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.DetectorTimeoutException;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fake credentials below are assembled from pieces so that the source file itself does not look like
 * it leaks any; the detector sees them whole.
 */
class SecretsDetectorTest {

    private final SecretsDetector detector = new SecretsDetector();
    private final DetectorAssertions check = new DetectorAssertions(detector);

    private static final String AWS_ID = "AKIA" + "IOSFODNN7EXAMPLE";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG" + "/bPxRfiCYEXAMPLEKEY";
    private static final String GITHUB = "ghp" + "_" + "R4nd0mB0dy1234567890abcdefGHIJKLmnop";
    private static final String GOOGLE = "AI" + "za" + "SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY";
    private static final String STRIPE_BODY = "4eC39HqLyjWDarjtT1zdp7dc";

    @Test
    void describesItself() {
        assertThat(detector.id()).isEqualTo("secrets");
        assertThat(detector.categories()).containsExactly("secrets");
        assertThat(detector.cost()).isEqualTo(Cost.RULE);
    }

    @Test
    void testValuesHaveTheRealLayouts() {
        assertThat(AWS_ID).hasSize(20);
        assertThat(AWS_SECRET).hasSize(40);
        assertThat(GITHUB).hasSize(40);
        assertThat(GOOGLE).hasSize(39);
    }

    @Nested
    class Aws {

        @Test
        void findsKeyIds() {
            check.findsOnly("export AWS_ACCESS_KEY_ID=" + AWS_ID, "AWS_ACCESS_KEY", AWS_ID);
            String temporary = "ASIA" + "Y34FZKBOKMUTVV7A";
            check.findsOnly("creds " + temporary + " expire", "AWS_ACCESS_KEY", temporary);
        }

        @Test
        void findsSecretKeysNextToAnIdOrName() {
            check.findsOnly("aws_secret_access_key = " + AWS_SECRET, "AWS_SECRET_KEY", AWS_SECRET);
            List<Finding> pair = check.find("id: " + AWS_ID + "\nsecret: " + AWS_SECRET);
            assertThat(pair).extracting(Finding::label).containsExactly("AWS_ACCESS_KEY", "AWS_SECRET_KEY");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "AKIA" + "IOSFODNN7EXAMPL", "AKIA" + "IOSFODNN7EXAMPLE1", "AKIA" + "iosfodnn7example", "XAKIA" + "IOSFODNN7EXAMPLE",
            "AKIA" + "IOSFODNN1EXAMPLE", "Visit ASIA today",
        })
        void ignoresKeyIdLookAlikes(String text) {
            check.findsNo(text, "AWS_ACCESS_KEY");
        }

        @Test
        void ignoresFortyCharsWithoutAwsContext() {
            check.findsNo("checksum " + AWS_SECRET, "AWS_SECRET_KEY");
        }
    }

    @Nested
    class IssuerTokens {

        @Test
        void findsGithubTokens() {
            check.findsOnly("GITHUB_TOKEN=" + GITHUB, "GITHUB_TOKEN", GITHUB);
            for (String prefix : List.of("gho", "ghu", "ghs", "ghr")) {
                String token = prefix + "_" + GITHUB.substring(4);
                check.findsOnly("token " + token + " here", "GITHUB_TOKEN", token);
            }
            String fineGrained = "github" + "_pat_" + "11ABCDEFG0123456789abc_" + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8Ba7zYxWvUtSrQpOnMlKjIhGfEd";
            check.findsOnly(fineGrained, "GITHUB_TOKEN", fineGrained);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ghp" + "_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp" + "_your_token_here",
            "ghp" + "_R4nd0mB0dy1234567890abcdef", "ghx" + "_R4nd0mB0dy1234567890abcdefGHIJKLmnop",
            "myghp" + "_R4nd0mB0dy1234567890abcdefGHIJKLmnop"})
        void ignoresGithubLookAlikes(String text) {
            check.findsNo(text, "GITHUB_TOKEN");
        }

        @Test
        void findsSlackTokensAndWebhooks() {
            String bot = "xox" + "b-123456789012-1234567890123-" + "AbCdEfGhIjKlMnOpQrStUvWx";
            check.findsOnly("SLACK_BOT_TOKEN=" + bot, "SLACK_TOKEN", bot);
            String user = "xox" + "p-1234567890-1234567890-1234567890-" + "0123456789abcdef0123456789abcdef";
            check.findsOnly("\"" + user + "\"", "SLACK_TOKEN", user);
            String hook = "https://hooks.slack" + ".com/services/T0A1B2C3D/B4E5F6G7H/" + "aB3dE5gH7jK9mN1pQ3sT5vW7";
            check.findsOnly("POST to " + hook + " with JSON", "SLACK_WEBHOOK", hook);
        }

        @ParameterizedTest
        @ValueSource(strings = {"xox" + "b-your-token-here", "xox" + "b-", "xoxo-1234567890-abc", "xox" + "z-123456789012-1234567890123",
            "https://hooks.slack" + ".com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"})
        void ignoresSlackLookAlikes(String text) {
            check.findsNothing(text);
        }

        @Test
        void findsStripeKeysAndScoresByKind() {
            assertThat(check.findsOnly("sk" + "_live_" + STRIPE_BODY, "STRIPE_KEY", "sk" + "_live_" + STRIPE_BODY).score())
                    .isEqualTo(0.97);
            assertThat(check.findsOnly("rk" + "_live_" + STRIPE_BODY, "STRIPE_KEY", "rk" + "_live_" + STRIPE_BODY).score())
                    .isEqualTo(0.97);
            assertThat(check.findsOnly("sk" + "_test_" + STRIPE_BODY, "STRIPE_KEY", "sk" + "_test_" + STRIPE_BODY).score())
                    .isEqualTo(0.85);
            assertThat(check.findsOnly("pk" + "_live_" + STRIPE_BODY, "STRIPE_KEY", "pk" + "_live_" + STRIPE_BODY).score())
                    .isEqualTo(0.6);
        }

        @ParameterizedTest
        @ValueSource(strings = {"sk" + "_live_short", "sk" + "_prod_4eC39HqLyjWDarjtT1zdp7dc", "task" + "_live_4eC39HqLyjWDarjtT1zdp7dc",
            "sk" + "_live_xxxxxxxxxxxxxxxxxxxxxxxx"})
        void ignoresStripeLookAlikes(String text) {
            check.findsNo(text, "STRIPE_KEY");
        }

        @Test
        void findsGoogleApiKeys() {
            check.findsOnly("key=" + GOOGLE + "&q=x", "GOOGLE_API_KEY", GOOGLE);
            check.findsNo(GOOGLE + "X", "GOOGLE_API_KEY");
            check.findsNo(GOOGLE.substring(0, 38), "GOOGLE_API_KEY");
        }
    }

    @Nested
    class PrivateKeys {

        private final String body = base64Lines(new Random(7), 12);

        @Test
        void findsWholeBlocks() {
            String block = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----";
            Finding f = check.findsOnly("key:\n" + block + "\nthanks", "PRIVATE_KEY", block);
            assertThat(f.score()).isEqualTo(PrivateKeyScanner.SCORE);
            String openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "-----END OPENSSH PRIVATE KEY-----";
            check.findsOnly(openssh, "PRIVATE_KEY", openssh);
        }

        @Test
        void findsTruncatedBlocksWithALowerScore() {
            String cut = "-----BEGIN PRIVATE KEY-----\n" + body.strip();
            Finding f = check.findsOnly(cut + "\n(rest lost)", "PRIVATE_KEY", cut);
            assertThat(f.score()).isEqualTo(PrivateKeyScanner.TRUNCATED_SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n-----END PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n-----END CERTIFICATE-----",
            "Paste your -----BEGIN PRIVATE KEY----- block here",
            "-----BEGIN private key-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n-----END private key-----"})
        void ignoresPublicMaterialAndPlaceholders(String text) {
            check.findsNo(text, "PRIVATE_KEY");
        }
    }

    @Nested
    class Jwts {

        private final String header = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        private final String payload = b64url("{\"sub\":\"1234567890\",\"name\":\"Jane Roe\",\"iat\":1516239022}");

        @Test
        void findsSignedAndUnsignedTokens() {
            String signed = header + "." + payload + "." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
            check.findsOnly("Authorization: Bearer " + signed, "JWT", signed);
            String unsigned = b64url("{\"alg\":\"none\"}") + "." + b64url("{\"sub\":\"1\"}") + ".";
            check.findsOnly("token " + unsigned + " end", "JWT", unsigned);
        }

        @Test
        void ignoresLookAlikes() {
            String noAlg = b64url("{\"typ\":\"JWT\"}") + "." + payload + ".sig";
            check.findsNo(noAlg, "JWT");
            check.findsNo(header + ".bm90IGpzb24." + "sig", "JWT");
            check.findsNo(header + "." + payload, "JWT");
            check.findsNo("eyJ.eyJ.eyJ", "JWT");
        }
    }

    @Nested
    class AssignedSecrets {

        @Test
        void findsRandomValuesUnderSecretNames() {
            check.findsOnly("api_key = \"8f9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c\"", "SECRET", "8f9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c");
            check.findsOnly("{\"client_secret\": \"q8ZtR2vX9pL4mN7bK1cJ5hG3\"}", "SECRET", "q8ZtR2vX9pL4mN7bK1cJ5hG3");
            check.findsOnly("Authorization: Bearer abcDEF123ghiJKL456mnoPQR789", "SECRET", "abcDEF123ghiJKL456mnoPQR789");
            check.findsOnly("Your API key: 9fQ2xL7vR4tK8mZ1wB6nJ3cH.", "SECRET", "9fQ2xL7vR4tK8mZ1wB6nJ3cH");
            check.findsOnly("config.auth_token := 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5'", "SECRET", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5");
        }

        @Test
        void scoresPasswordsAndUuidsLower() {
            assertThat(check.findsOnly("DB_PASSWORD=Tr0ub4dor&3x", "SECRET", "Tr0ub4dor&3x").score())
                    .isEqualTo(AssignedSecretScanner.PASSWORD_SCORE);
            String uuid = "123e4567-e89b-12d3-a456-426614174000";
            assertThat(check.findsOnly("heroku_api_key: " + uuid, "SECRET", uuid).score())
                    .isEqualTo(AssignedSecretScanner.UUID_SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "api_key = os.environ[\"API_KEY\"]", "token = getToken(user, 42)", "api_key = \"<your-api-key>\"",
            "password: ********", "secret = \"${SECRET_VALUE_FROM_VAULT_2024}\"", "key: value", "password = \"password\"",
            "token_url = \"https://auth.example.com/oauth2/v2.0/token\"", "api_key = \"YOUR_API_KEY_HERE_12345678\"",
            "keyboard = \"ABCdef123456ghiJKL789xyz\"", "Password: must be at least 8 characters",
            "primary_key = \"user_id_column_2024_final\"", "key_path = /etc/ssl/private/server2024.key",
            "secret_santa = Monday", "auth_method: oauth2", "api_key = $API_KEY",
            "author_id = \"a1b2c3d4e5f6g7h8i9j0k1l2\"",
        })
        void ignoresReferencesPlaceholdersAndWords(String text) {
            check.findsNothing(text);
        }
    }

    @Nested
    class UrlCredentials {

        @ParameterizedTest
        @ValueSource(strings = {
            "DATABASE_URL=postgres://app:Sup3rS3cret@db.internal:5432/app|Sup3rS3cret",
            "mongodb+srv://admin:hunter2@cluster0.mongodb.net/test|hunter2",
            "redis://:p4ssw0rd-x@cache:6379|p4ssw0rd-x",
        })
        void findsThePasswordAlone(String row) {
            String[] parts = row.split("\\|");
            Finding f = check.findsOnly(parts[0], "SECRET", parts[1]);
            assertThat(f.score()).isEqualTo(UrlCredentialScanner.SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "postgres://user:password@localhost/db", "https://user:****@example.org", "ftp://anonymous@ftp.example.org",
            "https://example.org/a:b@c", "mysql://root:${DB_PASSWORD}@db/app", "see https://host:8080/path",
            "amqp://guest:<pass>@rabbit",
        })
        void ignoresPlaceholdersAndUrlsWithoutPasswords(String text) {
            check.findsNothing(text);
        }
    }

    @Nested
    class RandomTokens {

        @Test
        void findsLongRandomTokensAloneWithALowScore() {
            String token = "7Hq2ZkP9vX4mB8nL3tR6wY1cF5jD0sGa";
            assertThat(check.findsOnly("Use " + token + " to log in", "SECRET", token).score())
                    .isEqualTo(RandomTokenScanner.SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "commit 3f786850e387550fdab836ed7e6dc881de23001b fixed it",
            "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 matches",
            "id 123e4567-e89b-12d3-a456-426614174000", "VGhpcyBpcyBhIHNpbXBsZSBzZW50ZW5jZSBlbmNvZGVk",
            "AbstractSingletonProxyFactoryBean2Impl3", "https://example.com/a/7Hq2ZkP9vX4mB8nL3tR6wY1cF5jD0sGa",
            "integrity sha512-7Hq2ZkP9vX4mB8nL3tR6wY1cF5jD0sGa7Hq2ZkP9vX4mB8nL3tR6wY1cF5jD0sGa",
            "user.7Hq2ZkP9vX4mB8nL3tR6wY1cF5jD0sGa@example", "short 7Hq2ZkP9vX4mB8nL",
        })
        void ignoresHashesUuidsEncodedTextAndUrls(String text) {
            check.findsNothing(text);
        }

        @Test
        void ignoresDataBlobs() {
            String blob = base64Lines(new Random(3), 3).replace("\n", "");
            check.findsNothing("data:image/png;base64," + blob);
            check.findsNothing("blob " + blob);
        }
    }

    @Test
    void keepsTheSpecificLabelWhereAGenericOneOverlaps() {
        String text = "GITHUB_TOKEN = \"" + GITHUB + "\"";
        check.findsOnly(text, "GITHUB_TOKEN", GITHUB);
    }

    @Test
    void mapsSpansThroughTheNfkcViewToTheOriginal() {
        String hidden = "AKIA\u200B" + "IOSFODNN7EXAMPLE";
        check.findsOnly("id " + hidden, "AWS_ACCESS_KEY", hidden);
    }

    @Test
    void stopsWhenTheDeadlineHasPassed() throws InterruptedException {
        Deadline expired = Deadline.after(Duration.ofNanos(1));
        Thread.sleep(1);
        String text = "token = abc ".repeat(2000);
        assertThatThrownBy(() -> detector.detect(Content.user(text), AnalyzedText.plain(text), expired))
                .isInstanceOf(DetectorTimeoutException.class);
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Lines of 64 base64 chars of pseudo-random bytes, each ending in a newline. */
    private static String base64Lines(Random random, int lines) {
        byte[] bytes = new byte[48 * lines];
        random.nextBytes(bytes);
        String all = Base64.getEncoder().encodeToString(bytes);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < all.length(); k += 64) {
            sb.append(all, k, Math.min(all.length(), k + 64)).append('\n');
        }
        return sb.toString();
    }
}
