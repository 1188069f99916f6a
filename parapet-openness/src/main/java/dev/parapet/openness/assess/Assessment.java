package dev.parapet.openness.assess;

import dev.parapet.openness.model.ModelRelease;

import java.util.List;
import java.util.Optional;

/**
 * Everything Parapet says about one release: each framework's result with its explanation, the consistency
 * findings, the warnings from reading and licence repair, and the transparency-index look-up when configured.
 */
public record Assessment(ModelRelease release, MofResult mof, MofResult mofNormalized, List<String> mofChanges,
                         OsaidResult osaid, Optional<OsaiResult> osai, GradientResult gradient, Profile profile,
                         List<String> consistency, List<String> warnings, Optional<FmtiEntry> fmti) {

    public Assessment {
        mofChanges = List.copyOf(mofChanges);
        consistency = List.copyOf(consistency);
        warnings = List.copyOf(warnings);
    }
}
