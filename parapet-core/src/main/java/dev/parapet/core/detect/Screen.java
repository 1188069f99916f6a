package dev.parapet.core.detect;

import dev.parapet.core.content.Role;

import java.util.Optional;

/**
 * A detector's cheap pre-check on plain text: {@link #mayFind} answers false only when the detector
 * certainly finds nothing in that text. It is asked only about texts whose analysis the pipeline's
 * normaliser proves plain ({@link dev.parapet.core.text.TextNormalizer#plainAnalysis}): the {@code nfkc}
 * view is the text itself, nothing is decoded, and the {@code normalized} view is {@code lower}: the text
 * lowercased and its leet chars in words replaced by their letters, char for char, except that a run of
 * three or more of one char (digits excepted) may be squeezed to that char: whitespace in a text with leetspeak,
 * any char in one without ("www." is "w.", "sooo" is "so"). So {@code lower} may be shorter than the text, a place
 * in one is not a place in the other, and a run of one char in {@code lower} may stand for three or more in the
 * text: a screen whose detector weighs run lengths reads them from the text. A wrong "false" would let a finding
 * through, so a screen tests only necessary conditions of its detector's findings (a char, an anchor word at a
 * word boundary, a long token); a wrong "true" only costs the full path.
 * Implementations are thread-safe and immutable.
 */
@FunctionalInterface
public interface Screen {

    /**
     * @param text  the original text, plain
     * @param lower its normalised view: the text lowercased, leet chars in words replaced by their letters,
     *              runs of one char maybe squeezed
     * @param role  who wrote it
     */
    boolean mayFind(String text, String lower, Role role);

    /**
     * The same question about a text checked against instructions ({@code Content.instructions()}, e.g. a user's
     * message and the system prompt it is sent with). A detector that reads the instructions must answer here for
     * them too; the default, for one that does not, answers as for the text alone.
     *
     * @param instructions the instructions the text is checked against, when there are any
     */
    default boolean mayFind(String text, String lower, Role role, Optional<String> instructions) {
        return mayFind(text, lower, role);
    }
}
