package dev.parapet.openness.license;

import java.util.Optional;

/**
 * A licence as written in a record, interpreted: the SPDX expression or AI-licence id it means, how sure
 * Parapet is, and a note when the text had to be repaired.
 *
 * @param original   the text as written
 * @param kind       what the text turned out to be
 * @param expression the canonical expression (SPDX ids and AI-licence ids), when one was found
 * @param confidence 1 for an exact identifier, lower for repaired spellings, 0 when nothing was found
 * @param note       why the text was changed or not understood; empty for exact identifiers
 */
public record NormalizedLicense(String original, Kind kind, Optional<LicenseExpression> expression,
                                double confidence, String note) {

    /** What a licence text turned out to be. */
    public enum Kind {
        /** A valid SPDX expression or known AI-licence id, exactly as written. */
        EXACT,
        /** A recognisable licence written loosely ("Apache 2.0", "MIT license"), repaired. */
        REPAIRED,
        /** The record says there is no licence ("unlicensed"). */
        NONE,
        /** The record says the component is not included. */
        NOT_INCLUDED,
        /** Proprietary, undisclosed or other non-licence terms. */
        PROPRIETARY,
        /** Not understood. */
        UNKNOWN
    }

    public boolean resolved() {
        return expression.isPresent();
    }

    public String canonical() {
        return expression.map(Object::toString).orElse("");
    }
}
