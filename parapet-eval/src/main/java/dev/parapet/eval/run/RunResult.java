package dev.parapet.eval.run;

import dev.parapet.eval.dataset.RowIssue;
import dev.parapet.eval.metric.CategoryDetection;
import dev.parapet.eval.metric.Latency;
import dev.parapet.eval.metric.Metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One filter on one dataset.
 *
 * @param dataset        the selector ({@code toxicchat:test}) or file name
 * @param title          what the dataset is
 * @param reference      where it comes from
 * @param licence        its licence class
 * @param filter         the filter's name
 * @param configuration  its policy or configuration
 * @param target         the categories that count as catching a positive
 * @param threshold      the decision threshold most target categories use (see {@code thresholds})
 * @param thresholds     the decision threshold per target category
 * @param overall        all examples
 * @param byCategory     per dataset category (only where the dataset has categories)
 * @param byLanguage     per language (only where the dataset has more than one)
 * @param categories     canonical-category detection, where the labels map to canonical categories
 * @param latency        time per check
 * @param badRows        rows that could not be used
 * @param issues         the first bad rows
 * @param excluded       rows left out by design
 * @param failures       texts on which a detector failed
 * @param notes          caveats
 */
public record RunResult(String dataset, String title, String reference, String licence, String filter,
                        String configuration, List<String> target, double threshold, Map<String, Double> thresholds,
                        Metrics overall, Map<String, Metrics> byCategory, Map<String, Metrics> byLanguage,
                        Optional<CategoryDetection> categories, Latency latency, long badRows, List<RowIssue> issues,
                        long excluded, long failures, String notes) {

    public RunResult {
        target = List.copyOf(target);
        thresholds = Map.copyOf(thresholds);
        byCategory = Map.copyOf(byCategory);
        byLanguage = Map.copyOf(byLanguage);
        issues = List.copyOf(issues);
    }

    public long n() {
        return overall.confusion().n();
    }
}
