package dev.parapet.eval.run;

import dev.parapet.eval.dataset.DatasetException;
import dev.parapet.eval.dataset.DatasetRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suites {@code parapet eval --suite NAME} can run. Immutable: {@link #with} returns a new registry. */
public final class SuiteRegistry {

    /** The name reserved for the agent benchmark, which its own module registers. */
    public static final String AGENTS = "agents";

    private final Map<String, Suite> suites;

    private SuiteRegistry(Map<String, Suite> suites) {
        this.suites = Collections.unmodifiableMap(suites);
    }

    /** The {@code standard} and {@code development} suites over the given datasets. */
    public static SuiteRegistry builtIn(DatasetRegistry datasets) {
        return new SuiteRegistry(new LinkedHashMap<>()).with(DatasetSuite.standard(datasets))
                .with(DatasetSuite.development(datasets));
    }

    public SuiteRegistry with(Suite suite) {
        Map<String, Suite> m = new LinkedHashMap<>(suites);
        m.put(suite.name(), suite);
        return new SuiteRegistry(m);
    }

    public Suite get(String name) {
        Suite s = suites.get(name);
        if (s == null) {
            throw new DatasetException("unknown suite '" + name + "' (known: " + String.join(", ", names()) + ")"
                    + (name.equals(AGENTS) ? "; the agent benchmark is not part of this build" : ""));
        }
        return s;
    }

    public List<String> names() {
        return new ArrayList<>(suites.keySet());
    }
}
