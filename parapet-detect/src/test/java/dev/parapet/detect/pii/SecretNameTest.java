package dev.parapet.detect.pii;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens' allocation-free name check answers as the scanner's own one, at every operator of a text;
 * the secrets screen's one-pass prefix search finds every issuer prefix wherever it is.
 */
class SecretNameTest {

    @Property(tries = 2000)
    void sameAnswerAsBuildingTheName(@ForAll("assignments") String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '=' || text.charAt(i) == ':') {
                boolean expected = AssignedSecretScanner.mayNameSecret(AssignedSecretScanner.nameBefore(text, i));
                Statistics.label("names a secret").collect(expected);
                assertThat(AssignedSecretScanner.mayNameSecretBefore(text, i)).as("%s at %d", text, i)
                        .isEqualTo(expected);
            }
        }
    }

    @net.jqwik.api.Example
    void everyIssuerPrefixAnywhereSendsTheTextToTheFullPath() {
        SecretsScreen screen = new SecretsScreen();
        for (String p : new String[]{"AKIA", "ASIA", "ABIA", "ACCA", "AIza", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
                "github_pat_", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "k_live_", "k_test_", "hooks.slack.com",
                "eyJ", "-----"}) {
            for (String text : new String[]{p, "see " + p + " here", "x" + p, p + "!"}) {
                assertThat(screen.mayFind(text, text.toLowerCase(java.util.Locale.ROOT),
                        dev.parapet.core.content.Role.USER)).as(text).isTrue();
            }
        }
        assertThat(screen.mayFind("plain words, no key", "plain words, no key", dev.parapet.core.content.Role.USER))
                .isFalse();
    }

    @Provide
    Arbitrary<String> assignments() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("API_KEY", "apiKey", "Token", "SECRET", "password", "PassWord", "pwd", "auth",
                        "author", "monkey", "x", "db", "passphrase", "Bearer", "credentials", "K\u0130Y", "\u00e9key",
                        "\"key\"", "'token'", "user", "key_path"),
                Arbitraries.strings().withChars("abcdefkeytonKEYTO_-.$ \"'").ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(4));
        Arbitrary<String> op = Arbitraries.of("=", ":", " = ", ": ", "  =", ":=", " ");
        return word.list().ofMaxSize(8).flatMap(words -> op.list().ofSize(words.size()).map(ops -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                b.append(words.get(i)).append(ops.get(i));
            }
            return b.toString();
        }));
    }
}
