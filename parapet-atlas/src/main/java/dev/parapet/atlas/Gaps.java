package dev.parapet.atlas;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the atlas has no open tool: stages with none at all, and for each stage the modalities and the
 * languages that no open tool there covers. A tool marked {@code any} language covers no language in
 * particular: a hash matcher says nothing about how well harms are understood in Swahili.
 *
 * @param stagesWithoutOpenTools stages with no open tool
 * @param byStage                per stage, what is missing
 */
public record Gaps(List<String> stagesWithoutOpenTools, List<StageGaps> byStage) {

    /**
     * @param stage      the stage
     * @param openTools  how many open tools it has
     * @param modalities modalities of the atlas's list that no open tool of the stage handles
     * @param languages  languages of the atlas's list that no open tool of the stage is built for
     */
    public record StageGaps(String stage, int openTools, List<String> modalities, List<String> languages) {

        public StageGaps {
            modalities = List.copyOf(modalities);
            languages = List.copyOf(languages);
        }
    }

    public Gaps {
        stagesWithoutOpenTools = List.copyOf(stagesWithoutOpenTools);
        byStage = List.copyOf(byStage);
    }

    public static Gaps of(Atlas atlas) {
        List<String> empty = new ArrayList<>();
        List<StageGaps> by = new ArrayList<>();
        for (String stage : atlas.stages()) {
            List<AtlasEntry> open = atlas.entries().stream()
                    .filter(e -> e.stages().contains(stage) && atlas.open(e)).toList();
            if (open.isEmpty()) {
                empty.add(stage);
            }
            List<String> modalities = atlas.modalities().stream()
                    .filter(m -> open.stream().noneMatch(e -> e.modalities().contains(m))).toList();
            List<String> languages = atlas.languages().stream()
                    .filter(l -> open.stream().noneMatch(e -> e.covers(l))).toList();
            by.add(new StageGaps(stage, open.size(), modalities, languages));
        }
        return new Gaps(empty, by);
    }
}
