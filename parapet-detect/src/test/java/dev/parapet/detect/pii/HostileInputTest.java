package dev.parapet.detect.pii;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long adversarial inputs. Every scanner walks them with bounded look-around, so each finishes in
 * linear time; the timeout only keeps a regression from hanging the build, it measures nothing.
 */
class HostileInputTest {

    private static final int MB = 1 << 20;

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("1 MB of digits", "7".repeat(MB)),
                Arguments.of("1 MB of '@'", "@".repeat(MB)),
                Arguments.of("1 MB of base64 chars", "QUJDRGVmZ2hp".repeat(MB / 12)),
                Arguments.of("100k dots", ".".repeat(100_000)),
                Arguments.of("digits and spaces", "1 ".repeat(MB / 2)),
                Arguments.of("digits and dots", "1.".repeat(MB / 2)),
                Arguments.of("digit pairs and dashes", "12-".repeat(MB / 3)),
                Arguments.of("short addresses", "a@b.".repeat(MB / 4)),
                Arguments.of("JWT starts", "eyJ.".repeat(MB / 4)),
                Arguments.of("assignments", "key=".repeat(MB / 4)),
                Arguments.of("equals signs", "token" + "=".repeat(MB)),
                Arguments.of("colons and hex", "a1:".repeat(MB / 3)),
                Arguments.of("key headers", "-----BEGIN RSA PRIVATE KEY-----".repeat(30_000)),
                Arguments.of("bracketed at", "[at]".repeat(MB / 4)),
                Arguments.of("spelled dots", "x@a[dot]".repeat(MB / 8)),
                Arguments.of("IBAN starts", "GB82".repeat(MB / 4)),
                Arguments.of("AWS prefixes", "AKIA".repeat(MB / 4)),
                Arguments.of("URL user-info starts", "a://b:c".repeat(MB / 7)),
                Arguments.of("one long user-info", "x://u:" + "p".repeat(MB)),
                Arguments.of("slack prefixes", "xoxb-1".repeat(MB / 6)),
                Arguments.of("phone-like runs", "(201) 555-0123 ".repeat(MB / 15)),
                Arguments.of("valid numbers between commas", "2015550123,".repeat(MB / 176)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void bothDetectorsFinishWithSpansInsideTheText(String name, String text) throws Exception {
        AnalyzedText analyzed = AnalyzedText.plain(text);
        for (Detector detector : List.of(new PiiDetector(), new SecretsDetector())) {
            List<Finding> findings = detector.detect(Content.user(text), analyzed, Deadline.none());
            assertThat(findings).allSatisfy(f -> assertThat(f.span().orElseThrow().end()).isLessThanOrEqualTo(text.length()));
        }
    }
}
