package dev.parapet.eval.run;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A suite that measures something other than a filter's detection quality and reports in its own shape
 * (e.g. the agent benchmark's attack success and utility loss). {@code parapet eval --suite NAME} hands it
 * the data folder and the output format and prints what it returns.
 */
public interface ExternalSuite {

    String name();

    /**
     * @param dataRoot the data folder ({@code --data}, e.g. {@code ../shared/data})
     * @param format   {@code text} or {@code json}
     * @return the exit code: 0 done, 2 usage or missing data
     */
    int run(Path dataRoot, String format, PrintWriter out, PrintWriter err) throws Exception;

    /**
     * The suite's own section of the evaluation page that {@code --suite NAME --markdown FILE} writes for a
     * detection suite (a Markdown heading and its figures), or empty when its data is absent.
     */
    java.util.Optional<String> markdownSection(Path dataRoot) throws Exception;
}
