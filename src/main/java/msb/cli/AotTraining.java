package msb.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import msb.bench.SyntheticBars;
import msb.data.Bars;

/**
 * The training run behind the launcher's ahead-of-time cache (JDK 25, JEP 483/514/515): the launcher runs
 * this once after each build with {@code -XX:AOTCacheOutput}, and the JVM records which classes the
 * one-shot commands load and link and how their hot methods behave, so that later runs start with those
 * classes ready and compile the hot loops at once. It runs the commands a user waits for, in one JVM, on
 * synthetic data in a temporary home: help, data import, dataset build --tf all, dataset show, decide,
 * status (or, for the short commands' cache, only help, decide and status). Not a user command: nothing of
 * it is reachable from the CLI, and it writes only in its temp dir.
 */
public final class AotTraining {
    /** Enough 1m bars that the import and build loops get hot (5m dataset of ~40k rows). */
    private static final int TRAINING_BARS = 200_000;
    private static final String DECIDE_LINE = "{\"thresholds\": {\"S_MIN\": 0.05, \"M_MIN\": 0.05, \"CONF_MIN\": 0.0,"
            + " \"ALPHA_MIN\": 0.1, \"flip_mood\": false, \"flip_model\": true, \"allow_model_only_when_mood_neutral\": true,"
            + " \"require_consensus\": true}, \"cohort\": {\"pros\": 0.2, \"amateurs\": -0.9, \"mood\": 0.33},"
            + " \"model\": {\"s_model\": 0.85}}\n";

    private AotTraining() {}

    /**
     * With {@code light}, only help, version, decide and status: the cache for the short commands. A cache
     * holds every class its training loaded and the JVM loads them all at start-up, so the short commands
     * start faster from a cache without the pipeline's classes.
     */
    public static void main(String[] args) throws IOException {
        boolean light = args.length > 0 && args[0].equals("light");
        Path home = Files.createTempDirectory("msb-aot-training");
        PrintStream realOut = System.out, realErr = System.err;
        InputStream realIn = System.in;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        try {
            System.setOut(quiet);
            System.setErr(quiet);
            String h = home.toString();
            run("--help");
            run("--version");
            if (!light) {
                Path csv = home.resolve("train-1m.csv");
                writeCsv(csv, SyntheticBars.minutes(TRAINING_BARS, 1));
                run("--home", h, "data", "import", "--in", csv.toString());
                run("--home", h, "dataset", "build", "--tf", "all");
                run("--home", h, "dataset", "show", "--tf", "1h");
            }
            System.setIn(new ByteArrayInputStream(DECIDE_LINE.repeat(3).getBytes(StandardCharsets.UTF_8)));
            run("decide");
            run("--home", h, "status");
            run("--home", h, "status", "--json");
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            System.setIn(realIn);
            deleteTree(home);
        }
    }

    /** One command as Main runs it, its output discarded; its exit code does not matter here. */
    private static void run(String... args) {
        picocli.CommandLine cl = Main.forArgs(args);
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        cl.setOut(nowhere);
        cl.setErr(nowhere);
        cl.execute(args);
    }

    private static void writeCsv(Path file, Bars b) throws IOException {
        StringBuilder sb = new StringBuilder(b.size() * 56).append("ts,open,high,low,close,volume\n");
        for (int i = 0; i < b.size(); i++) {
            sb.append(b.ts(i)).append(',').append(b.open()[i]).append(',').append(b.high()[i]).append(',')
                    .append(b.low()[i]).append(',').append(b.close()[i]).append(',').append(b.volume()[i]).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.US_ASCII);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
