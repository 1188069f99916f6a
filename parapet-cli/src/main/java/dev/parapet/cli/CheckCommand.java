package dev.parapet.cli;

import dev.parapet.core.io.Utf8;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.core.verdict.VerdictJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code parapet check}: a verdict for one text. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check one text and print the verdict.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing flagged", "1:something flagged, redacted or blocked", "2:usage or input error"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT",
            description = "The text, or - to read it from standard input (default: -).")
    String text;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Option(names = "--instructions", paramLabel = "TEXT",
            description = "For a user's message: the instructions (system prompt) of the model it is sent to; "
                    + "asking for what they forbid or keep secret is flagged as prompt injection.")
    String instructions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String input = text == null || text.equals("-") ? readStdin(err) : text;
        Verdict v;
        try (Parapet parapet = pipeline.build(true)) {
            v = parapet.check(Content.of(input, pipeline.role()).withInstructions(instructions));
        }
        if (json) {
            out.println(new VerdictJson(new ObjectMapper()).write(v));
        } else {
            printHuman(out, input, v, CommandLine.Help.Ansi.AUTO.enabled());
        }
        out.flush();
        return v.flagged() ? ExitCodes.FLAGGED : ExitCodes.OK;
    }

    private static String readStdin(PrintWriter err) throws IOException {
        Utf8.Lenient d = Utf8.lenient(System.in.readAllBytes());
        if (d.replaced() > 0) {
            err.println("parapet: warning: standard input is not valid UTF-8; " + d.replaced()
                    + " invalid byte sequence(s) replaced with U+FFFD");
        }
        return d.text();
    }

    static void printHuman(PrintWriter out, String input, Verdict v, boolean colour) {
        String actionText = v.action().wireName().toUpperCase(Locale.ROOT);
        out.println(paint(colour, v.flagged() ? "1;31" : "1;32", actionText)
                + String.format(Locale.ROOT, "  (policy %s %s, %.2f ms)", v.policyId(), v.policyVersion(),
                v.elapsed().toNanos() / 1e6));
        if (!v.categories().isEmpty()) {
            out.println("categories:");
            v.categories().entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .forEach(e -> out.println(String.format(Locale.ROOT, "  %-26s %.2f%s", e.getKey(), e.getValue(),
                            v.flaggedCategories().contains(e.getKey()) ? "  flagged" : "")));
        }
        if (!v.findings().isEmpty()) {
            out.println("findings:");
            for (Finding f : v.findings()) {
                String where = f.span().map(s -> "[" + s.start() + "," + s.end() + ")  \""
                        + printable(s.of(input)) + "\"").orElse("(whole text)");
                out.println(String.format(Locale.ROOT, "  %-20s %.2f  %-14s %s  %s", f.category(), f.score(),
                        f.label(), where, f.detector() + (f.evidence().isEmpty() ? "" : ": " + f.evidence())));
            }
            if (input.length() <= 2000) {
                out.println("text: " + highlight(input, v.findings(), colour));
            }
        }
        v.redactedText().ifPresent(t -> out.println("redacted: " + printable(t)));
        for (String r : v.reasons()) {
            out.println("reason: " + r);
        }
    }

    /** The text with finding spans marked: red on a terminal, «guillemets» otherwise. */
    static String highlight(String input, List<Finding> findings, boolean colour) {
        boolean[] marked = new boolean[input.length()];
        for (Finding f : findings) {
            if (f.span().isPresent()) {
                Span s = f.span().get();
                for (int i = s.start(); i < s.end() && i < marked.length; i++) {
                    marked[i] = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            int j = i;
            while (j < input.length() && marked[j] == marked[i]) {
                j++;
            }
            String piece = printable(input.substring(i, j));
            sb.append(marked[i] ? (colour ? "\u001B[1;4;31m" + piece + "\u001B[0m" : "«" + piece + "»") : piece);
            i = j;
        }
        return sb.toString();
    }

    /** Control characters shown as escapes so they cannot move the cursor or fake output. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n') {
                sb.append("\\n");
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String paint(boolean colour, String code, String s) {
        return colour ? "\u001B[" + code + "m" + s + "\u001B[0m" : s;
    }
}
