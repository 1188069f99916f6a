package dev.parapet.detect.pii;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.DetectorTimeoutException;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiDetectorTest {

    private final PiiDetector detector = new PiiDetector();
    private final DetectorAssertions check = new DetectorAssertions(detector);

    @Test
    void describesItself() {
        assertThat(detector.id()).isEqualTo("pii");
        assertThat(detector.categories()).containsExactly("pii");
        assertThat(detector.cost()).isEqualTo(Cost.RULE);
        assertThat(detector.phoneRegion()).isEqualTo("US");
        assertThat(new PiiDetector("gb").phoneRegion()).isEqualTo("GB");
    }

    @Test
    void rejectsAnUnknownPhoneRegion() {
        assertThatThrownBy(() -> new PiiDetector("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown phone region 'XX'");
    }

    @Test
    void findsNothingInOrdinaryText() {
        check.findsNothing("How do I bake sourdough bread at 230 degrees for 45 minutes?");
        check.findsNothing("");
    }

    @Nested
    class Emails {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Write to john.doe@northwind.com today.|john.doe@northwind.com",
            "mailto:jane_roe+news@mail.northwind.co.uk|jane_roe+news@mail.northwind.co.uk",
            "<a.b-c@sub.northwind.org>|a.b-c@sub.northwind.org",
            "Contact: SUPPORT@NORTHWIND.IO.|SUPPORT@NORTHWIND.IO",
            "IDN: user@xn--bcher-kva.ch|user@xn--bcher-kva.ch",
            "请联系 li.wei@northwind.cn 谢谢|li.wei@northwind.cn",
            "(x.y@northwind.museum)|x.y@northwind.museum",
        })
        void findsAddresses(String text, String value) {
            Finding f = check.findsOnly(text, "EMAIL", value);
            assertThat(f.score()).isEqualTo(EmailScanner.SCORE);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "john [at] northwind [dot] com|john [at] northwind [dot] com",
            "write jane(at)northwind.org please|jane(at)northwind.org",
            "bob[@]mail.northwind.io|bob[@]mail.northwind.io",
            "mail: ann {at} northwind {dot} co {dot} uk|ann {at} northwind {dot} co {dot} uk",
            "joe@northwind[dot]net|joe@northwind[dot]net",
            "JOE (AT) NORTHWIND (DOT) COM|JOE (AT) NORTHWIND (DOT) COM",
            "write john @ northwind.com|john @ northwind.com",
        })
        void findsSpelledOutAddressesWithALowerScore(String text, String value) {
            Finding f = check.findsOnly(text, "EMAIL", value);
            assertThat(f.score()).isEqualTo(EmailScanner.OBFUSCATED_SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "user@localhost", "a@b.c", "john..doe@example.com", "john.@example.com", "john@example..com",
            "john@-example.com", "john@example-.com", "icon@2x.png", "logo@3x.webp", "@app.route('/')",
            "git@github.com:org/repo.git", "https://user:pass@example.com/path", "npm i react@18.2.0",
            "name@123.456", "x@example.c0m", "email me at (at) noon", "team@example.com_backup",
            "a@example.abcdefghijklmnopqrstuvwxyz", "@@@@@",
        })
        void ignoresLookAlikes(String text) {
            check.findsNo(text, "EMAIL");
        }

        @ParameterizedTest
        @ValueSource(strings = {"john@example.com", "a.b@mail.example.org", "x@example.net", "dev@shop.test",
            "q@host.example", "jane [at] example [dot] com"})
        void scoresReservedExampleDomainsLow(String value) {
            assertThat(check.findsOnly("write to " + value, "EMAIL", value).score()).isEqualTo(EmailScanner.RESERVED_SCORE);
        }

        @Test
        void rejectsOverlongLocalPartsAndLabels() {
            check.findsNo("a".repeat(65) + "@example.com", "EMAIL");
            check.findsNo("x@" + "a".repeat(64) + ".com", "EMAIL");
            check.findsOnly("a".repeat(64) + "@northwind.com", "EMAIL", "a".repeat(64) + "@northwind.com");
        }
    }

    @Nested
    class Phones {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Reach me at +1 650-253-0000 today|+1 650-253-0000",
            "UK desk: +44 20 7946 0958.|+44 20 7946 0958",
            "Paris +33 1 42 68 53 00|+33 1 42 68 53 00",
            "Our office is (201) 555-0123.|(201) 555-0123",
            "Ring 415.555.0132 after six|415.555.0132",
        })
        void findsValidNumbers(String text, String value) {
            check.findsOnly(text, "PHONE", value);
        }

        @Test
        void scoresByFormatAndContext() {
            assertThat(check.findsOnly("order 2015550123 shipped", "PHONE", "2015550123").score())
                    .isEqualTo(PhoneScanner.BARE_SCORE);
            assertThat(check.findsOnly("see (201) 555-0123", "PHONE", "(201) 555-0123").score())
                    .isEqualTo(PhoneScanner.FORMATTED_SCORE);
            assertThat(check.findsOnly("see +1 201 555 0123", "PHONE", "+1 201 555 0123").score())
                    .isEqualTo(PhoneScanner.INTERNATIONAL_SCORE);
            assertThat(check.findsOnly("my phone: (201) 555-0123", "PHONE", "(201) 555-0123").score())
                    .isEqualTo(PhoneScanner.FORMATTED_SCORE + PhoneScanner.CONTEXT_BONUS);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Dates 2023-10-12 and 12/10/2023 at 10:30", "ISBN 978-3-16-148410-0", "years 1999-2005",
            "version 10.0.19041.1234", "population 7,900,000,000", "invoice 1234567", "$2,015,550,123",
            "pi is 3.14159265358979", "serial 123-456-789", "A1-201-555-0123", "201-555-0123-77",
            "call 555-0123", "coordinates 40.7128, -74.0060", "account number 123-1234-1234", "numbers 1 2 3 4 5 6 7 8 9 10",
        })
        void ignoresLookAlikes(String text) {
            check.findsNo(text, "PHONE");
        }

        @Test
        void readsNationalNumbersInTheConfiguredRegion() {
            DetectorAssertions uk = new DetectorAssertions(new PiiDetector("GB"));
            uk.findsOnly("Tel: 020 7946 0958", "PHONE", "020 7946 0958");
            check.findsNo("Tel: 020 7946 0958", "PHONE");
        }
    }

    @Nested
    class Cards {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "card 4111111111111111 exp 12/27|4111111111111111|Visa",
            "4111 1111 1111 1111|4111 1111 1111 1111|Visa",
            "4012-8888-8888-1881.|4012-8888-8888-1881|Visa",
            "old visa 4222222222222|4222222222222|Visa",
            "mc 5555 5555 5555 4444|5555 5555 5555 4444|Mastercard",
            "2-series 2223003122003222|2223003122003222|Mastercard",
            "amex 3782 822463 10005|3782 822463 10005|American Express",
            "amex 371449635398431|371449635398431|American Express",
            "disc 6011 1111 1111 1117|6011 1111 1111 1117|Discover",
            "jcb 3530 1113 3330 0000|3530 1113 3330 0000|JCB",
            "diners 3056 930902 5904|3056 930902 5904|Diners Club",
            "up 6200 0000 0000 0005|6200 0000 0000 0005|UnionPay",
            "maestro 6759 6498 2643 8453|6759 6498 2643 8453|Maestro",
            "spaced 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ok|4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1|Visa",
            "paid 2024 4111 1111 1111 1111 ok|4111 1111 1111 1111|Visa",
            "dots 4111.1111.1111.1111 ok|4111.1111.1111.1111|Visa",
            "spaced dashes 4111 - 1111 - 1111 - 1111|4111 - 1111 - 1111 - 1111|Visa",
            "halves 41111111 11111111|41111111 11111111|Visa",
        })
        void findsLuhnValidNumbers(String text, String value, String network) {
            Finding f = check.findsOnly(text, "CREDIT_CARD", value);
            assertThat(f.evidence()).contains("Luhn-valid " + network);
        }

        @Test
        void findsSolidNumbersInASpaceSeparatedList() {
            List<Finding> findings = check.find("cards: 4111111111111111 5555555555554444 12");
            assertThat(findings).extracting(f -> f.span().orElseThrow())
                    .containsExactly(new Span(7, 23), new Span(24, 40));
        }

        @Test
        void scoresGroupedOrNamedNumbersHigher() {
            assertThat(check.findsOnly("ref 4111111111111111", "CREDIT_CARD", "4111111111111111").score())
                    .isEqualTo(PaymentCardScanner.BARE_SCORE);
            assertThat(check.findsOnly("ref 4111 1111 1111 1111", "CREDIT_CARD", "4111 1111 1111 1111").score())
                    .isEqualTo(PaymentCardScanner.STRONG_SCORE);
            assertThat(check.findsOnly("my visa 4111111111111111", "CREDIT_CARD", "4111111111111111").score())
                    .isEqualTo(PaymentCardScanner.STRONG_SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "4111 1111 1111 1112", "4111111111111112", "order 1234567890123456", "0000 0000 0000 0000",
            "41111111111111111111111", "4111 1111 1111 1111 1111 1111", "1 2 3 4 4111 1111 1111 1111", "4111-1111 1111-1111", "4111.1111 1111.1111", "4111 1111 1111 1111.5",
            "id=A4111111111111111", "4111111111111111.25", "41 11 11 11 11 11 11 11", "9111111111111111",
            "3.4111111111111111", "1.2.3.4111111111111111",
        })
        void ignoresLookAlikes(String text) {
            check.findsNo(text, "CREDIT_CARD");
        }
    }

    @Nested
    class Ibans {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "IBAN GB82WEST12345698765432.|GB82WEST12345698765432",
            "pay to GB82 WEST 1234 5698 7654 32 by Friday|GB82 WEST 1234 5698 7654 32",
            "DE89 3704 0044 0532 0130 00|DE89 3704 0044 0532 0130 00",
            "FR1420041010050500013M02606|FR1420041010050500013M02606",
            "(NL91ABNA0417164300)|NL91ABNA0417164300",
            "Konto: CH93 0076 2011 6238 5295 7|CH93 0076 2011 6238 5295 7",
            "IBAN: GB82-WEST-1234-5698-7654-32.|GB82-WEST-1234-5698-7654-32",
            "be68539007547034|be68539007547034",
            "NO9386011117947|NO9386011117947",
        })
        void findsValidIbans(String text, String value) {
            Finding f = check.findsOnly(text, "IBAN", value);
            assertThat(f.score()).isEqualTo(IbanScanner.SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "GB82WEST12345698765433", "GB82WEST1234569876543", "GB82WEST123456987654321", "XX82WEST12345698765432",
            "GB82 WEST 1234 5698 7654 3", "GB82WEST 1234 5698 7654 32", "ABGB82WEST12345698765432", "US12345678",
            "GB82 WE ST12 3456 9876 5432", "GB82 WEST-1234-5698-7654-32",
        })
        void ignoresLookAlikes(String text) {
            check.findsNo(text, "IBAN");
        }
    }

    @Nested
    class Ssns {

        @Test
        void findsSsnsAndScoresByLayoutAndContext() {
            assertThat(check.findsOnly("SSN: 123-45-6789", "US_SSN", "123-45-6789").score())
                    .isEqualTo(SsnScanner.CONTEXT_SCORE);
            assertThat(check.findsOnly("ref 123-45-6789", "US_SSN", "123-45-6789").score())
                    .isEqualTo(SsnScanner.DASHED_SCORE);
            assertThat(check.findsOnly("SSN 123 45 6789", "US_SSN", "123 45 6789").score())
                    .isEqualTo(SsnScanner.CONTEXT_SCORE);
            check.findsOnly("my social security number is 078051120", "US_SSN", "078051120");
            check.findsOnly("078051120 is my SSN", "US_SSN", "078051120");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000", "123-45-67890",
            "1123-45-6789", "123-45-6789-1", "123-45 6789", "order 123456789", "SSN 666123456",
            "x123-45-6789", "12.123-45-6789", "End Portal(883 17 1228)", "ref 123 45 6789",
        })
        void ignoresNumbersThatAreNeverIssued(String text) {
            check.findsNo(text, "US_SSN");
        }
    }

    @Nested
    class IpAddresses {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "server at 203.0.113.5 is down|203.0.113.5",
            "from 198.51.100.23:8080 today|198.51.100.23",
            "blocked 93.184.216.34.|93.184.216.34",
            "route 192.0.2.0/24|192.0.2.0",
            "v6 2001:db8::1 works|2001:db8::1",
            "[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:443|2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "mapped ::ffff:198.51.100.7 here|::ffff:198.51.100.7",
            "2001:db8:0:0:1:0:0:1|2001:db8:0:0:1:0:0:1",
        })
        void findsPublicAddresses(String text, String value) {
            check.findsOnly(text, "IP_ADDRESS", value);
        }

        @Test
        void scoresPrivateRangesLower() {
            assertThat(check.findsOnly("router 192.168.1.1", "IP_ADDRESS", "192.168.1.1").score())
                    .isEqualTo(IpAddressScanner.PRIVATE_SCORE);
            assertThat(check.findsOnly("see 10.20.30.40", "IP_ADDRESS", "10.20.30.40").score())
                    .isEqualTo(IpAddressScanner.PRIVATE_SCORE);
            assertThat(check.findsOnly("see fe80::1ff:fe23:4567:890a", "IP_ADDRESS", "fe80::1ff:fe23:4567:890a").score())
                    .isEqualTo(IpAddressScanner.PRIVATE_SCORE);
            assertThat(check.findsOnly("see 203.0.113.5", "IP_ADDRESS", "203.0.113.5").score())
                    .isEqualTo(IpAddressScanner.PUBLIC_SCORE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "version 1.2.3.4", "v1.2.3.4", "release 10.0.19041.1", "1.2.3.4.5", "2.0.1.4", "0.0.0.0",
            "127.0.0.1", "255.255.255.255", "255.255.255.0", "256.1.1.1", "01.02.03.04", "1.2.3",
            "224.0.0.1", "::", "::1", "std::vector", "face::add", "12:30:45", "00:1A:2B:3C:4D:5E",
            "1::2::3", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "2001:db8::12345", "Chrome 120.0.6099.109",
            "a.b.c.d", "ff02::1",
        })
        void ignoresLookAlikesAndNonIdentifyingAddresses(String text) {
            check.findsNo(text, "IP_ADDRESS");
        }

        @Test
        void acceptsSmallOctetsWithAnIpWordNearby() {
            check.findsOnly("the DNS server ip is 1.1.1.1", "IP_ADDRESS", "1.1.1.1");
        }
    }

    @Test
    void findsSeveralKindsWithSpansInTextOrder() {
        String text = "Mail john.doe@northwind.com, card 4111 1111 1111 1111, IBAN DE89370400440532013000.";
        List<Finding> findings = check.find(text);
        assertThat(findings).extracting(Finding::label).containsExactly("EMAIL", "CREDIT_CARD", "IBAN");
    }

    @Test
    void mapsSpansThroughTheNfkcViewToTheOriginal() {
        String text = "card ４１１１ １１１１ １１１１ １１１１ thanks";
        check.findsOnly(text, "CREDIT_CARD", "４１１１ １１１１ １１１１ １１１１");
        String hidden = "mail jo\u200Bhn@exa\u200Dmple.com now";
        check.findsOnly(hidden, "EMAIL", "jo\u200Bhn@exa\u200Dmple.com");
    }

    @Test
    void givesTheSameFindingsWhenCalledFromManyThreads() throws Exception {
        List<String> texts = List.of("Mail john.doe@northwind.com or call +1 650-253-0000.",
                "card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32", "SSN 123-45-6789 from 203.0.113.5",
                "nothing to see here", "jane [at] northwind [dot] org, 2001:db8::7");
        List<List<Finding>> expected = texts.stream().map(check::find).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                int index = k % texts.size();
                runs.add(pool.submit(() -> check.find(texts.get(index)).equals(expected.get(index))));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stopsWhenTheDeadlineHasPassed() throws InterruptedException {
        Deadline expired = Deadline.after(Duration.ofNanos(1));
        Thread.sleep(1);
        String text = "call me maybe ".repeat(2000);
        assertThatThrownBy(() -> detector.detect(Content.user(text), AnalyzedText.plain(text), expired))
                .isInstanceOf(DetectorTimeoutException.class);
    }
}
