package dev.parapet.openness.license;

import java.util.List;

/**
 * What a licence means for openness.
 *
 * @param open          free to use, study, modify and share (OSI-approved, FSF-libre, or open-content for data
 *                      and documents); for OR the best alternative counts, for AND every part must be open
 * @param osiApproved   every required part is OSI-approved (what the OSI definition asks of code and parameters)
 * @param aiLicenses    AI licences involved, with their restrictions
 * @param unknown       identifiers Parapet does not know
 * @param reason        one line saying why
 */
public record LicenseVerdict(boolean open, boolean osiApproved, List<AiLicense> aiLicenses, List<String> unknown,
                             String reason) {

    public LicenseVerdict {
        aiLicenses = List.copyOf(aiLicenses);
        unknown = List.copyOf(unknown);
    }

    public static LicenseVerdict none(String reason) {
        return new LicenseVerdict(false, false, List.of(), List.of(), reason);
    }

    /** True when an AI licence restricts use (user caps, acceptable-use policies, field-of-use limits). */
    public boolean restrictsUse() {
        return aiLicenses.stream().anyMatch(AiLicense::restrictsUse);
    }
}
