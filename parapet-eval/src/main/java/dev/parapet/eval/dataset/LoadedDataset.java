package dev.parapet.eval.dataset;

import java.util.List;

/**
 * The examples read for one selector, with everything that went wrong on the way.
 *
 * @param name      what was loaded ({@code toxicchat:test}, or a file name)
 * @param licence   {@code train-ok}, {@code eval-only}, or {@code mixed}; "" when unknown (a user's file)
 * @param files     the files read, relative to the data root where there is one
 * @param examples  the examples, in file order
 * @param badRows   how many rows could not be used
 * @param issues    the first {@link DatasetLoader#MAX_ISSUES} bad rows, with file, line and reason
 * @param excluded  rows left out by design (e.g. a toxicity score between the classes)
 */
public record LoadedDataset(String name, String licence, List<String> files, List<Example> examples, long badRows,
                            List<RowIssue> issues, long excluded) {

    public LoadedDataset {
        files = List.copyOf(files);
        examples = List.copyOf(examples);
        issues = List.copyOf(issues);
    }

    public long positives() {
        return examples.stream().filter(Example::positive).count();
    }

    public long negatives() {
        return examples.size() - positives();
    }
}
