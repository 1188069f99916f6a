package dev.parapet.eval.run;

import dev.parapet.eval.dataset.DatasetRegistry;
import dev.parapet.eval.dataset.Selector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in suites: what each runs, and that deciding on the development suite never reads a test split. */
class DatasetSuiteTest {

    private final DatasetRegistry registry = DatasetRegistry.builtIn();

    @Test
    void theDevelopmentSuiteNamesASplitForEveryDatasetAndNeverTheTestSplit() {
        List<Selector> selectors = DatasetSuite.development(registry).selectors().stream()
                .map(s -> Selector.parse(s, registry)).toList();

        assertThat(selectors).allSatisfy(s -> {
            assertThat(s.split()).as("%s", s).isPresent();
            assertThat(s.split().get()).as("%s", s).isNotEqualTo("test");
        });
    }

    @Test
    void onlyTheStandardSuiteWritesTheEvaluationPage() {
        SuiteRegistry suites = SuiteRegistry.builtIn(registry);

        assertThat(suites.names()).containsExactly("standard", "development");
        assertThat(suites.get("standard").evaluationPage()).isTrue();
        assertThat(suites.get("development").evaluationPage()).isFalse();
    }
}
