package dev.parapet.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Times a {@code parapet} command in a fresh JVM (cold start), as a user would run it. */
final class ColdCommand {

    private ColdCommand() {
    }

    /** Median wall time of three runs of {@code java -jar parapet-cli/target/parapet.jar ARGS}, in seconds. */
    static double seconds(List<String> args) throws IOException, InterruptedException {
        Path jar = Path.of("parapet-cli/target/parapet.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("build the command first: " + jar + " is missing");
        }
        double[] runs = new double[3];
        for (int i = 0; i < runs.length; i++) {
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long t0 = System.nanoTime();
            int code = pb.start().waitFor();
            runs[i] = (System.nanoTime() - t0) / 1e9;
            if (code == 2) {
                throw new IllegalStateException("command failed: " + cmd);
            }
        }
        Arrays.sort(runs);
        return runs[1];
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
