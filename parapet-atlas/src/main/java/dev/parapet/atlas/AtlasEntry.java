package dev.parapet.atlas;

import java.util.List;
import java.util.Optional;

/**
 * One safety tool or intervention in the atlas.
 *
 * @param name        its usual name, unique in the atlas
 * @param stages      stages of the AI development workflow where it is used (ids from {@link Atlas#stages()})
 * @param kind        what it is (ids from {@link Atlas#kinds()}): dataset, classifier, guard_model, …
 * @param licence     SPDX id where one exists, else the licence's name
 * @param openWeights true when model weights are downloadable (false for tools that are not models)
 * @param modalities  text, image, audio, video, code …
 * @param languages   BCP 47 tags of the languages it is built or evaluated for; {@code any} when the method
 *                    does not depend on language (hash matching, frameworks)
 * @param taxonomy    the harm taxonomy it uses, or {@code none}
 * @param sides       input (prompts, training data) and/or output (responses, generations)
 * @param maintainer  who maintains it
 * @param link        where it is published
 * @param parapet     the parapet-judge guard family that drives it as a detector, if any
 * @param checked     where its description was checked (a public page), if it was
 * @param line        line of the entry in the atlas file
 */
public record AtlasEntry(String name, List<String> stages, String kind, String licence, boolean openWeights,
                         List<String> modalities, List<String> languages, String taxonomy, List<String> sides,
                         String maintainer, String link, Optional<String> parapet, Optional<String> checked,
                         int line) {

    public AtlasEntry {
        stages = List.copyOf(stages);
        modalities = List.copyOf(modalities);
        languages = List.copyOf(languages);
        sides = List.copyOf(sides);
    }

    /** Open: weights downloadable, or code or data under an open licence. */
    public boolean open(java.util.Set<String> openLicences) {
        return openWeights || openLicences.contains(licence);
    }

    /** Built for a language (a tool for {@code any} language covers none in particular). */
    public boolean covers(String language) {
        return languages.stream().anyMatch(l -> l.equals(language) || l.startsWith(language + "-"));
    }
}
