package dev.parapet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code parapet} command run in-process, as a user runs it: real files, real pipeline. */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        CommandLine cl = ParapetCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkReportsACardNumberWithItsSpanAndExitsOne() throws IOException {
        Run r = run("check", "--pipeline", "rules", "--json", "My card is 4111 1111 1111 1111");
        assertThat(r.code()).isEqualTo(ExitCodes.FLAGGED);
        JsonNode v = r.json();
        assertThat(v.get("action").asText()).isEqualTo("redact");
        assertThat(v.get("flagged").asBoolean()).isTrue();
        assertThat(v.get("categories").has("pii")).isTrue();
        JsonNode f = v.get("findings").get(0);
        assertThat(f.get("category").asText()).isEqualTo("pii");
        assertThat(f.get("start").asInt()).isEqualTo(11);
        assertThat(f.get("end").asInt()).isEqualTo(30);
        assertThat(f.get("detector").asText()).isEqualTo("pii");
        assertThat(v.get("redacted_text").asText()).isEqualTo("My card is [CREDIT_CARD_1]");
    }

    @Test
    void checkFindsProfanityWrittenWithACyrillicLetter() throws IOException {
        Run r = run("check", "--pipeline", "rules", "--json", "\u0455hit");
        assertThat(r.code()).isEqualTo(ExitCodes.FLAGGED);
        assertThat(r.json().get("categories").has("profanity")).isTrue();
    }

    @Test
    void cleanTextExitsZeroAndHumanOutputNamesTheAction() {
        Run r = run("check", "--pipeline", "rules", "a quiet afternoon in the garden");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("ALLOW");
    }

    @Test
    void usageErrorsExitTwoWithOneLineAndNoStackTrace(@TempDir Path dir) throws IOException {
        Run role = run("check", "--role", "wizard", "x");
        assertThat(role.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(role.err()).contains("unknown role 'wizard'").doesNotContain("\tat ");

        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, "id: p\ncategories:\n  hat: {}\n");
        Run bad = run("check", "--policy", policy.toString(), "x");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("p.yaml:3").contains("unknown category 'hat'").doesNotContain("\tat ");

        Path judges = dir.resolve("judges.yaml");
        Files.writeString(judges, "judges:\n  - id: g\n    family: llama-guard-9\n");
        Run badJudges = run("check", "--pipeline", "rules", "--judges", judges.toString(), "x");
        assertThat(badJudges.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badJudges.err()).contains("judges.yaml:3").doesNotContain("\tat ");

        Run unknown = run("frobnicate");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void scanReportsBadLinesWithFileAndLineAndKeepsTheOthers(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("docs.jsonl");
        byte[] invalidUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        try (var out = Files.newOutputStream(in)) {
            out.write("{\"text\":\"hello there\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"text\": oops}\n".getBytes(StandardCharsets.UTF_8));
            out.write("\n".getBytes(StandardCharsets.UTF_8));
            out.write("{\"prompt\":\"wrong field\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(invalidUtf8);
            out.write("{\"text\":\"mail me at jane.doe@northwind.io\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write("[1,2]\n".getBytes(StandardCharsets.UTF_8));
        }
        Path verdicts = dir.resolve("out.jsonl");
        Run r = run("scan", "--pipeline", "rules", "--threads", "2", in.toString(), "--out", verdicts.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FLAGGED);
        assertThat(r.err()).contains("docs.jsonl:2: malformed JSON")
                .contains("docs.jsonl:4: no field 'text' (fields: prompt)")
                .contains("docs.jsonl:5: warning: invalid UTF-8")
                .contains("docs.jsonl:7: expected a JSON object")
                .contains("scanned 3 documents (3 bad rows skipped)")
                .doesNotContain("\tat ");
        List<String> lines = Files.readAllLines(verdicts);
        assertThat(lines).hasSize(3);
        JsonNode third = JSON.readTree(lines.get(2));
        assertThat(third.get("line").asInt()).isEqualTo(6);
        assertThat(third.get("flagged_categories").get(0).asText()).isEqualTo("pii");
    }

    @Test
    void scanPrintsTheFirstMessagesOfAFileAndCountsTheRest(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("blob.txt");
        byte[] junk = new byte[5000 * 8];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (i % 8 == 7) ? (byte) '\n' : (byte) (0x80 + i % 64); // lone continuation bytes
        }
        Files.write(binary, junk);
        Path fine = dir.resolve("fine.jsonl");
        Files.writeString(fine, "{\"text\": oops}\n{\"text\": \"hello\"}\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--pipeline", "rules", "--threads", "2", binary.toString(), fine.toString(),
                "--out", dir.resolve("out.jsonl").toString());
        List<String> warnings = r.err().lines().filter(l -> l.contains("blob.txt:") && l.contains("warning")).toList();
        assertThat(warnings).hasSize(ScanCommand.MESSAGES_PER_FILE);
        assertThat(warnings.get(0)).contains("blob.txt:1: warning: invalid UTF-8");
        assertThat(r.err()).contains("blob.txt: 4,980 more messages like these not shown")
                .contains("fine.jsonl:1: malformed JSON")
                .contains("scanned 5,001 documents (1 bad rows skipped)");
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(5001);
    }

    @Test
    void scanSaysWhetherTheFieldIsMissingNullOrNotText(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("docs.jsonl");
        Files.writeString(in, "{\"text\": null}\n{\"text\": [\"a\"]}\n{\"id\": 3}\n{\"text\": \"fine\"}\n",
                StandardCharsets.UTF_8);
        Run r = run("scan", "--pipeline", "rules", in.toString());
        assertThat(r.err()).contains("docs.jsonl:1: field 'text' is null")
                .contains("docs.jsonl:2: field 'text' is not text")
                .contains("docs.jsonl:3: no field 'text' (fields: id)")
                .contains("scanned 1 documents (3 bad rows skipped)");
        assertThat(r.lines()).hasSize(1);
    }

    @Test
    void scanReadsCsvAndNamesTheColumnsWhenTheFieldIsWrong(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("docs.csv");
        Files.writeString(csv, "id,prompt\n1,\"hello, world\"\n2,\"you are a \u0455hit\"\n");
        Run ok = run("scan", "--pipeline", "rules", csv.toString(), "--field", "prompt");
        assertThat(ok.code()).isEqualTo(ExitCodes.FLAGGED);
        assertThat(ok.lines()).hasSize(2);

        Run wrong = run("scan", "--pipeline", "rules", csv.toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("no column 'text' (columns: id, prompt)");
    }

    @Test
    void scanOfAMissingFileIsAnInputErrorButTheOtherFilesGoOn(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("docs.txt");
        Files.writeString(txt, "first line\nsecond line\n");
        Run r = run("scan", "--pipeline", "rules", dir.resolve("missing.jsonl").toString(), txt.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("missing.jsonl: cannot read");
        assertThat(r.lines()).hasSize(2);
    }

    @Test
    void taxonomyMapPrintsTheLlamaGuardCrosswalk() {
        Run r = run("taxonomy", "map", "--from", "llama-guard-3", "--to", "mlcommons");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("S1 Violent Crimes").contains("-> violent_crimes").contains("S14");
        Run bad = run("taxonomy", "map", "--from", "nope", "--to", "mlcommons");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("unknown taxonomy 'nope'");
    }

    @Test
    void everyCommandIsRegistered() {
        assertThat(ParapetCommand.commandLine().getSubcommands().keySet())
                .contains("check", "scan", "taxonomy", "openness", "eval", "serve", "train", "judge", "policy", "atlas");
    }
}
