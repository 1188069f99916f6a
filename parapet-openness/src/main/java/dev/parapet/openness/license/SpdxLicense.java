package dev.parapet.openness.license;

/** One entry of the SPDX licence list, with the flags openness decisions need. */
public record SpdxLicense(String id, String name, boolean osiApproved, boolean fsfLibre, boolean deprecated) {
}
