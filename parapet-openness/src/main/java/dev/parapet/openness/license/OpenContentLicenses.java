package dev.parapet.openness.license;

import java.util.Set;

/**
 * Licences for data and documents that meet the Open Definition (free to use, modify and share, at most
 * attribution and share-alike) but that neither OSI nor FSF flags, because they are not software licences:
 * Creative Commons BY and BY-SA, CC0, the Community Data Licence Agreements, Open Data Commons and government
 * open licences. The Model Openness Tool counts these as open for weights, data and documents; written out
 * here so the decision is explicit. Non-commercial (NC) and no-derivatives (ND) variants are deliberately absent.
 */
final class OpenContentLicenses {

    static final Set<String> IDS = Set.of(
            "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-2.5-AU", "CC-BY-3.0", "CC-BY-3.0-AT", "CC-BY-3.0-AU",
            "CC-BY-3.0-DE", "CC-BY-3.0-IGO", "CC-BY-3.0-NL", "CC-BY-3.0-US", "CC-BY-4.0",
            "CC-BY-SA-1.0", "CC-BY-SA-2.0", "CC-BY-SA-2.0-UK", "CC-BY-SA-2.1-JP", "CC-BY-SA-2.5", "CC-BY-SA-3.0",
            "CC-BY-SA-3.0-AT", "CC-BY-SA-3.0-DE", "CC-BY-SA-3.0-IGO", "CC-BY-SA-4.0", "CC0-1.0", "CC-PDDC",
            "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "C-UDA-1.0",
            "ODC-By-1.0", "ODbL-1.0", "PDDL-1.0", "OGL-Canada-2.0", "OGL-UK-2.0", "OGL-UK-3.0", "FreeBSD-DOC",
            "OpenMDW-1.0");

    private OpenContentLicenses() {
    }
}
