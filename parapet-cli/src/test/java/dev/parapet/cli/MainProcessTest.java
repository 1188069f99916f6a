package dev.parapet.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command as a user starts it: {@link Main} in its own JVM, standard streams read as they are. */
class MainProcessTest {

    @Test
    void aPhoneNumberWithoutAlternateFormatsLeavesNoLibraryWarningOnStandardError() throws Exception {
        // A Vietnamese office number whose grouping the phone detector checks: libphonenumber looks for alternate
        // formats of its country calling code and, finding none, would log a WARNING.
        Result r = main("check", "--json", "--pipeline", "rules", "Điện thoại : ( 84 . 4 ) 5727780 - ( 84 . 4 ) 8529126 .");

        assertThat(r.code()).isNotEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).doesNotContain("WARNING").doesNotContain("PhoneNumberAlternateFormats");
        assertThat(r.out()).contains("\"action\"");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result main(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        // Small outputs: read after exit without filling a pipe.
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("parapet did not finish");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
