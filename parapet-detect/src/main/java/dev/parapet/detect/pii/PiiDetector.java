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
 * Finds personal data with validators, so look-alikes stay quiet: e-mail addresses ({@code EMAIL}),
 * phone numbers ({@code PHONE}, via libphonenumber), payment card numbers ({@code CREDIT_CARD}, Luhn
 * and IIN ranges), IBANs ({@code IBAN}, registry length and mod-97), US social security numbers
 * ({@code US_SSN}, issuing rules) and IP addresses ({@code IP_ADDRESS}, strict IPv4 and IPv6).
 *
 * <p>Scans the {@linkplain AnalyzedText#nfkc() NFKC view}, so full-width digits and invisible
 * characters inside a number do not hide it, and reports spans in the original text. Evidence names
 * the kind and the check that passed, never the value. Scores: 0.95 and above for values that a
 * checksum or a registry confirms (cards, IBANs, e-mail addresses); lower where a valid value is still
 * often something else (phone numbers without a keyword nearby: 0.6-0.8; SSN layout without a
 * keyword: 0.7-0.85; IP addresses: 0.5-0.9). Thread-safe and immutable.
 */
public final class PiiDetector implements Detector {

    /** The detector id in findings. */
    public static final String ID = "pii";
    /** The category of every finding. */
    public static final String CATEGORY = "pii";
    /** Region assumed for phone numbers written without a country code, unless another is given. */
    public static final String DEFAULT_PHONE_REGION = "US";

    private final List<TextScanner> scanners;
    private final String phoneRegion;
    private final Screen screen;

    /** A detector that reads phone numbers without a country code as US numbers. */
    public PiiDetector() {
        this(DEFAULT_PHONE_REGION);
    }

    /**
     * @param phoneRegion ISO 3166 two-letter region for phone numbers written without a country code
     * @throws IllegalArgumentException when the region is unknown
     */
    public PiiDetector(String phoneRegion) {
        PhoneScanner phones = new PhoneScanner(phoneRegion);
        this.phoneRegion = phones.region();
        this.screen = new PiiScreen(phones.minDigits());
        // Checksum-validated kinds first: on overlaps the higher score wins anyway, order only breaks ties.
        this.scanners = List.of(new IbanScanner(), new PaymentCardScanner(), new EmailScanner(), new SsnScanner(),
                new IpAddressScanner(), phones);
    }

    /** The region assumed for phone numbers without a country code. */
    public String phoneRegion() {
        return phoneRegion;
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
    public Optional<Screen> screen() {
        return Optional.of(screen);
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
        return Hits.findings(text, scanners, deadline, CATEGORY, ID);
    }
}
