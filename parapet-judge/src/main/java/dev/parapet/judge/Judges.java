package dev.parapet.judge;

import dev.parapet.core.detect.Detector;
import dev.parapet.core.taxonomy.Category;
import dev.parapet.core.taxonomy.Crosswalk;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.taxonomy.Taxonomy;
import dev.parapet.core.yaml.Yaml;
import dev.parapet.judge.client.ChatClient;
import dev.parapet.judge.model.GptOssSafeguard;
import dev.parapet.judge.model.GraniteGuardian;
import dev.parapet.judge.model.GuardModel;
import dev.parapet.judge.model.LlamaGuard;
import dev.parapet.judge.model.Qwen3Guard;
import dev.parapet.judge.model.ShieldGemma;
import dev.parapet.judge.model.WildGuard;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds guard detectors and ensembles from {@link JudgeConfig}s:
 * <pre>
 * List&lt;JudgeConfig&gt; judges = new JudgeConfigLoader().load(Path.of("judges.yaml"));
 * GuardDetector guard = Judges.detector(judges.get(0));
 * Detector ensemble = Judges.ensemble(judges.get(0), guard, RuleDetectors.defaults(normalizer));
 * </pre>
 */
public final class Judges {

    private static final String CROSSWALKS = "/dev/parapet/judge/crosswalks/";

    private Judges() {
    }

    /** A guard detector mapped through the built-in taxonomies. */
    public static GuardDetector detector(JudgeConfig config) {
        return detector(config, Taxonomies.builtIn());
    }

    public static GuardDetector detector(JudgeConfig config, Taxonomies taxonomies) {
        GuardModel model = model(config, taxonomies.canonical());
        ChatClient client = new ChatClient(config.baseUrl(), config.model(), config.api(), config.connectTimeout());
        return new GuardDetector(config, model, client, mapping(model.taxonomy(), taxonomies), System::nanoTime);
    }

    /** An ensemble of cheap detectors and the guard, escalating within the configuration's band. */
    public static EnsembleDetector ensemble(JudgeConfig config, Detector guard, List<? extends Detector> cheap) {
        return new EnsembleDetector(config.id() + "-ensemble", List.copyOf(cheap), guard, config.band());
    }

    /**
     * The detectors with each judge put behind them, in the order given: every guard model is asked only where
     * the detectors before it (cheap ones and earlier judges) are unsure.
     */
    public static List<Detector> behind(List<JudgeConfig> judges, List<Detector> detectors) {
        List<Detector> out = detectors;
        for (JudgeConfig judge : judges) {
            out = List.of(ensemble(judge, detector(judge), out));
        }
        return out;
    }

    /** The canonical categories a configured judge reports: what its codes map to, narrowed by {@code categories}. */
    public static Set<String> reported(JudgeConfig config, Taxonomies taxonomies) {
        GuardModel model = model(config, taxonomies.canonical());
        return reported(config, model.codes(), mapping(model.taxonomy(), taxonomies));
    }

    static Set<String> reported(JudgeConfig config, List<String> codes, Function<String, List<String>> toCanonical) {
        Set<String> covered = new LinkedHashSet<>();
        for (String code : codes) {
            covered.addAll(toCanonical.apply(code));
        }
        if (!config.categories().isEmpty()) {
            covered.retainAll(Set.copyOf(config.categories()));
        }
        return covered;
    }

    /** The prompt and answer format of the configured family. */
    static GuardModel model(JudgeConfig config, Taxonomy canonical) {
        int maxTokens = config.maxTokens();
        return switch (config.family()) {
            case LLAMA_GUARD_3 -> new LlamaGuard(3, maxTokens);
            case LLAMA_GUARD_4 -> new LlamaGuard(4, maxTokens);
            case SHIELDGEMMA -> new ShieldGemma(config.policies().isEmpty()
                    ? List.copyOf(ShieldGemma.PRINCIPLES.keySet()) : config.policies(), maxTokens);
            case GRANITE_GUARDIAN -> new GraniteGuardian(config.policies().isEmpty()
                    ? List.of("harm") : config.policies(), maxTokens);
            case WILDGUARD -> new WildGuard(maxTokens);
            case QWEN3GUARD -> new Qwen3Guard(config.controversialScore(), maxTokens);
            case GPT_OSS_SAFEGUARD -> new GptOssSafeguard(definitions(config, canonical), config.ownPolicy(), maxTokens);
        };
    }

    /** gpt-oss-safeguard's categories: the configured ones, or AILuminate's hazards, with canonical descriptions. */
    private static Map<String, String> definitions(JudgeConfig config, Taxonomy canonical) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Category c : canonical.categories()) {
            boolean wanted = config.categories().isEmpty() ? !c.group().equals("parapet") : config.categories().contains(c.id());
            if (wanted) {
                out.put(c.id(), c.name() + ". " + c.description());
            }
        }
        for (String id : config.categories()) {
            if (!out.containsKey(id)) {
                throw new IllegalArgumentException("unknown canonical category '" + id + "'");
            }
        }
        return out;
    }

    /** Code → canonical ids through the family's crosswalk. */
    static Function<String, List<String>> mapping(String taxonomy, Taxonomies taxonomies) {
        if (taxonomy.equals("canonical")) {
            return code -> taxonomies.canonical().contains(code) ? List.of(code) : List.of();
        }
        Crosswalk crosswalk = crosswalk(taxonomy, taxonomies);
        return crosswalk::toCanonical;
    }

    /** The crosswalk of a guard family: Llama Guard 3's ships in core, the others in this module. */
    public static Crosswalk crosswalk(String taxonomy, Taxonomies taxonomies) {
        var builtIn = taxonomies.crosswalk(taxonomy);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        String name = CROSSWALKS + taxonomy + ".yaml";
        InputStream in = Judges.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing crosswalk resource " + name);
        }
        return taxonomies.readCrosswalk(Yaml.parse("judge/crosswalks/" + taxonomy + ".yaml", in));
    }
}
