package dev.parapet.eval.run;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.Rule;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.eval.dataset.DatasetException;
import dev.parapet.eval.dataset.Example;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Parapet pipeline as a {@link Filter}: every text is checked as user input under the policy, exhaustively (so
 * every category gets its score, not only the first that decides), and the policy's thresholds decide.
 */
public final class PipelineFilter implements Filter {

    private final String name;
    private final Parapet parapet;

    private PipelineFilter(String name, Parapet parapet) {
        this.name = name;
        this.parapet = parapet;
    }

    /**
     * @param detectorIds when not empty, only these detectors of the pipeline run (evaluating one detector)
     */
    public static PipelineFilter create(PipelineFactory factory, Policy policy, Set<String> detectorIds) {
        Parapet.Builder b = Parapet.builder().policy(policy).exhaustive(true);
        List<Detector> all = factory.detectors(b.normalizerOrDefault());
        List<Detector> chosen = detectorIds.isEmpty() ? all
                : all.stream().filter(d -> detectorIds.contains(d.id())).toList();
        if (chosen.size() < (detectorIds.isEmpty() ? 1 : detectorIds.size())) {
            throw new DatasetException("pipeline " + factory.name() + " has detectors "
                    + String.join(", ", all.stream().map(Detector::id).toList()) + "; asked for " + detectorIds);
        }
        String name = detectorIds.isEmpty() ? factory.name()
                : factory.name() + "/" + String.join("+", detectorIds.stream().sorted().toList());
        return new PipelineFilter(name, b.detectors(chosen).build());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String configuration() {
        return parapet.policy().id() + "@" + parapet.policy().version();
    }

    @Override
    public Map<String, Double> thresholds() {
        Map<String, Double> t = new TreeMap<>();
        for (Map.Entry<String, Rule> e : parapet.policy().rules(Role.USER).entrySet()) {
            t.put(e.getKey(), e.getValue().threshold());
        }
        return t;
    }

    @Override
    public Judgement judge(String text, String language) {
        return judge(text, language, "");
    }

    /** The example as a user's message, checked against its instructions when it has them. */
    @Override
    public Judgement judge(Example example) {
        return judge(example.text(), example.language(), example.instructions());
    }

    private Judgement judge(String text, String language, String instructions) {
        Content c = Content.user(text).withLanguage(language.isEmpty() ? null : language).withInstructions(instructions);
        Verdict v = parapet.check(c);
        return new Judgement(v.categories(), v.flaggedCategories(), !v.failures().isEmpty());
    }

    @Override
    public void close() {
        parapet.close();
    }
}
