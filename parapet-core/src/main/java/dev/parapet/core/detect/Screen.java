package dev.parapet.core.detect;

import dev.parapet.core.content.Role;

/**
 * A detector's cheap pre-check on plain text: {@link #mayFind} answers false only when the detector
 * certainly finds nothing in that text. It is asked only about texts that the pipeline's normaliser
 * proves plain ({@link dev.parapet.core.text.TextNormalizer#isPlain}): the {@code nfkc} view is the text
 * itself, the {@code normalized} view is {@code lower}, and nothing is decoded. A wrong "false" would let
 * a finding through, so a screen tests only necessary conditions of its detector's findings (a char, an
 * anchor word at a word boundary, a long token); a wrong "true" only costs the full path.
 * Implementations are thread-safe and immutable.
 */
@FunctionalInterface
public interface Screen {

    /**
     * @param text  the original text, plain
     * @param lower the text with its ASCII letters lowercased: its normalised view
     * @param role  who wrote it
     */
    boolean mayFind(String text, String lower, Role role);
}
