package dev.parapet.openness.license;

import dev.parapet.openness.model.ContentType;

import java.util.Set;

/**
 * The licences the Model Openness Framework names as fitting each kind of component: permissive code licences
 * for code, open-data licences for data and weights, open-content licences for documents. An open licence of
 * another kind still counts towards a class, but earns a warning (e.g. Apache-2.0 on a model card).
 */
public final class TypeAppropriateLicenses {

    private static final Set<String> CODE = Set.of("0BSD", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0",
            "Apache-1.0", "Apache-1.1", "Apache-2.0", "ECL-1.0", "ECL-2.0", "ISC", "MIT", "MIT-0", "MulanPSL-1.0",
            "MulanPSL-2.0", "NCSA", "UPL-1.0", "BSD-2-Clause", "BSD-3-Clause", "OpenMDW-1.0");
    private static final Set<String> DATA = Set.of("CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "C-UDA-1.0",
            "CC-PDDC", "CC0-1.0", "PDDL-1.0", "CC-BY-4.0", "ODC-By-1.0", "OpenMDW-1.0");
    private static final Set<String> DOCUMENT = Set.of("Apache-2.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
            "FreeBSD-DOC", "CC-PDDC", "CC0-1.0", "OpenMDW-1.0");

    private TypeAppropriateLicenses() {
    }

    public static boolean fits(String licenseId, ContentType type) {
        return switch (type) {
            case CODE -> CODE.contains(licenseId);
            case DATA -> DATA.contains(licenseId);
            case DOCUMENT -> DOCUMENT.contains(licenseId);
            case SERVICE -> true;
        };
    }
}
