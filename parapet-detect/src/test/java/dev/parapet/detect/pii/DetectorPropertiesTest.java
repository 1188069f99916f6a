package dev.parapet.detect.pii;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * On any string the detectors never throw, and every finding is well-formed and inside the text; every
 * generated card number and IBAN with valid check digits is found.
 */
class DetectorPropertiesTest {

    private static final PiiDetector PII = new PiiDetector();

    private final List<Detector> detectors = List.of(PII, new SecretsDetector());

    @Property(tries = 300)
    void anyStringGivesWellFormedFindings(@ForAll String text) throws Exception {
        checkAll(text);
    }

    @Property(tries = 500)
    void patternLikeStringsGiveWellFormedFindings(@ForAll("patternLike") String text) throws Exception {
        checkAll(text);
    }

    @Property(tries = 200)
    void everyLuhnValidVisaNumberIsFoundInAnyCardLayout(@ForAll("visaBodies") String body,
                                                         @ForAll("separators") String separator) throws Exception {
        String number = body + luhnCheckDigit(body);
        String printed = String.join(separator, number.substring(0, 4), number.substring(4, 8),
                number.substring(8, 12), number.substring(12));
        String text = "paid with " + printed + " yesterday";
        List<Finding> findings = PII.detect(Content.user(text), DetectorAssertions.NORMALIZER.analyze(text), Deadline.none());
        assertThat(findings).extracting(Finding::label, f -> f.span().orElseThrow())
                .containsExactly(tuple("CREDIT_CARD", new Span(10, 10 + printed.length())));
    }

    @Property(tries = 200)
    void everyIbanWithValidCheckDigitsIsFound(@ForAll("germanAccounts") String bban) throws Exception {
        String iban = "DE" + ibanCheckDigits("DE", bban) + bban;
        String text = "Konto " + iban + ".";
        List<Finding> findings = PII.detect(Content.user(text), DetectorAssertions.NORMALIZER.analyze(text), Deadline.none());
        assertThat(findings).extracting(Finding::label).contains("IBAN");
    }

    @Provide
    Arbitrary<String> visaBodies() {
        return Arbitraries.strings().numeric().ofLength(14).map(digits -> "4" + digits);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", ".", " - ", "\u200B");
    }

    @Provide
    Arbitrary<String> germanAccounts() {
        return Arbitraries.strings().numeric().ofLength(18);
    }

    private static char luhnCheckDigit(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (CardNetwork.luhn(body + d)) {
                return d;
            }
        }
        throw new AssertionError("no Luhn digit for " + body);
    }

    private static String ibanCheckDigits(String country, String bban) {
        int remainder = IbanScanner.mod97(country + "00" + bban);
        return String.format("%02d", 98 - remainder);
    }

    /** Strings over the chars the scanners care about, so their edge paths are walked. */
    @Provide
    Arbitrary<String> patternLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789 -.@:/+()[]_=AKIaxbpghsk\u200B\uFF11\uFF20\u0661").ofMaxLength(30),
                Arbitraries.of("4111 1111 1111 1111", "john@northwind.com", "[at]", "[dot]", "GB82WEST12345698765432",
                        "+1 650-253-0000", "123-45-6789", "2001:db8::1", "203.0.113.5", "AKIA", "ghp_", "xoxb-",
                        "eyJhbGciOiJub25lIn0", "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", "api_key = ",
                        "sk_live_", "AIza", "hooks.slack.com/services/", "ssn", "\n"));
        return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    private void checkAll(String text) throws Exception {
        for (Detector detector : detectors) {
            List<Finding> findings = detector.detect(Content.user(text), DetectorAssertions.NORMALIZER.analyze(text),
                    Deadline.none());
            Span previous = null;
            for (Finding f : findings) {
                Span span = f.span().orElseThrow();
                assertThat(span.start()).isGreaterThanOrEqualTo(0);
                assertThat(span.end()).isLessThanOrEqualTo(text.length()).isGreaterThan(span.start());
                assertThat(f.score()).isBetween(0.0, 1.0);
                assertThat(f.label()).isNotBlank();
                assertThat(f.detector()).isEqualTo(detector.id());
                if (previous != null) {
                    assertThat(span.start()).as("findings are ordered and do not overlap").isGreaterThanOrEqualTo(previous.end());
                }
                previous = span;
            }
        }
    }
}
