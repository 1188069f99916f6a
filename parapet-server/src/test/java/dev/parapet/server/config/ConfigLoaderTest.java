package dev.parapet.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void builtInDefaultsAreSafeAndLocal() {
        GatewayConfig c = ConfigLoader.load(Map.of());
        assertThat(c.server().host()).isEqualTo("127.0.0.1");
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.failOpen()).isFalse();
        assertThat(c.audit().storeText()).isFalse();
        assertThat(c.audit().databaseUrl()).isEqualTo("jdbc:sqlite:./parapet-data/parapet.db");
        assertThat(c.policyFile()).isEmpty();
        assertThat(c.chat().onInputBlock()).isEqualTo(GatewayConfig.OnBlock.REFUSAL);
        assertThat(c.chat().refusal("de-CH")).startsWith("Bei dieser");
        assertThat(c.chat().refusal("sw")).isEqualTo(c.chat().refusal(null));
        assertThat(c.auth().required()).isFalse();
    }

    @Test
    void aFileOverridesOnlyItsKeysAndTheEnvironmentOverridesTheFile() throws Exception {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, "server:\n  port: 9000\n  host: 0.0.0.0\nchat:\n  holdback_chars: 10\n");
        GatewayConfig c = ConfigLoader.load(Optional.of(f), Map.of("PARAPET_PORT", "9100", "PARAPET_FAIL_OPEN", "true"));
        assertThat(c.server().port()).isEqualTo(9100);
        assertThat(c.server().host()).isEqualTo("0.0.0.0");
        assertThat(c.chat().holdbackChars()).isEqualTo(10);
        assertThat(c.server().maxRequestBytes()).isEqualTo(4_194_304);
        assertThat(c.failOpen()).isTrue();
    }

    @Test
    void mistakesNameTheirFileLineOrVariable() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "server:\n  port: 8080\n  prot: 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(f), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad.yaml").hasMessageContaining(":3")
                .hasMessageContaining("server.prot");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PARAPET_PORT", "eighty")))
                .hasMessageContaining("environment variable PARAPET_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PARAPET_PORT", "70000"))).hasMessageContaining("65535");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PARAPET_UPSTREAM_URL", "ftp://x"))).hasMessageContaining("http");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PARAPET_DATABASE_URL", "jdbc:mysql://x")))
                .hasMessageContaining("jdbc:sqlite:");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PARAPET_AUTH_REQUIRED", "true")))
                .hasMessageContaining("no key");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(dir.resolve("missing.yaml")), Map.of()))
                .hasMessageContaining("no such configuration file");
        Path keys = dir.resolve("keys.yaml");
        Files.writeString(keys, "auth:\n  keys:\n    - {id: a, hash: plaintext-key}\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(keys), Map.of()))
                .hasMessageContaining("keys.yaml:3").hasMessageContaining("sha256:SALT:HASH");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "server: [\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(broken), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.yaml");
    }

    @Test
    void everyKeyOfTheBuiltInFileHasAnEnvironmentVariableAndIsDocumented() throws Exception {
        Path doc = Path.of("..", "docs", "GATEWAY.md"); // tests run in the module's directory
        String text = Files.readString(doc);
        for (Map.Entry<String, String> e : ConfigLoader.ENVIRONMENT.entrySet()) {
            assertThat(text).as("docs/GATEWAY.md documents " + e.getKey()).contains("`" + e.getKey() + "`");
            assertThat(text).as("docs/GATEWAY.md names " + e.getValue()).contains(e.getValue());
        }
        assertThat(text).contains("`chat.refusals`").contains("`auth.keys`");
    }
}
