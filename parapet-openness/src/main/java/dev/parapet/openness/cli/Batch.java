package dev.parapet.openness.cli;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.FmtiTable;
import dev.parapet.openness.assess.OpennessAssessor;
import dev.parapet.openness.license.LicenseKnowledge;
import dev.parapet.openness.read.RecordException;
import dev.parapet.openness.read.RecordReaders;
import dev.parapet.openness.report.JsonReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and assesses a file or a directory of records; one bad record is reported and the rest go on. */
final class Batch {

    final List<Assessment> assessments = new ArrayList<>();
    final List<JsonReport.Failure> failures = new ArrayList<>();

    static OpennessAssessor assessor(Path fmti, Path fmtiIndicators) {
        FmtiTable table = fmti == null ? null : FmtiTable.load(fmti, fmtiIndicators);
        return new OpennessAssessor(LicenseKnowledge.load(), table);
    }

    /** Assesses {@code path}; failures go to {@code err} as "file:line: reason". */
    static Batch run(Path path, OpennessAssessor assessor, PrintWriter err) throws IOException {
        Batch b = new Batch();
        RecordReaders readers = new RecordReaders();
        List<Path> files = Files.isDirectory(path) ? RecordReaders.recordFiles(path) : List.of(path);
        if (files.size() >= RecordReaders.MAX_FILES) {
            err.println(path + ": more than " + RecordReaders.MAX_FILES + " files; only the first are read");
        }
        for (Path f : files) {
            try {
                b.assessments.add(assessor.assess(readers.read(f)));
            } catch (RecordException e) {
                b.failures.add(new JsonReport.Failure(e.file(), e.line(), e.reason()));
                err.println(e.getMessage());
            } catch (RuntimeException e) {
                // A defect must not abort a batch: name the file and go on.
                b.failures.add(new JsonReport.Failure(f.toString(), 0, "internal error: " + e));
                err.println(f + ": internal error: " + e);
            }
        }
        return b;
    }
}
