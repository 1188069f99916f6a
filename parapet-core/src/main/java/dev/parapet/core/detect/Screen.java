package dev.parapet.core.detect;

import dev.parapet.core.content.Role;

/**
 * A detector's cheap pre-check on plain text: {@link #mayFind} answers false only when the detector
 * certainly finds nothing in that text. It is asked only about texts whose analysis the pipeline's
 * normaliser proves char for char ({@link dev.parapet.core.text.TextNormalizer#plainView}): the {@code nfkc}
 * view is the text itself, the {@code normalized} view is {@code lower} (same length, each char from the
 * char at the same place: lower case, leetspeak undone), and nothing is decoded. A wrong "false" would let
 * a finding through, so a screen tests only necessary conditions of its detector's findings (a char, an
 * anchor word at a word boundary, a long token); a wrong "true" only costs the full path.
 * Implementations are thread-safe and immutable.
 */
@FunctionalInterface
public interface Screen {

    /**
     * @param text  the original text, plain
     * @param lower its normalised view: the text lowercased, leet chars in words replaced by their letters
     * @param role  who wrote it
     */
    boolean mayFind(String text, String lower, Role role);
}
