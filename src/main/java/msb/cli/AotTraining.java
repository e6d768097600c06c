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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import msb.bench.SyntheticBars;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.live.Alert;
import msb.live.AlertMonitor;
import msb.live.DriftStatus;
import msb.live.RetrainStatus;
import msb.live.RunnerState;
import msb.live.SplitPnl;
import msb.live.StateStore;
import msb.live.StatusDoc;
import msb.signal.DirectionCounts;
import msb.trading.FunnelCounts;

/**
 * The training run behind the launcher's ahead-of-time cache (JDK 25, JEP 483/514/515): the launcher runs
 * this once after each build with {@code -XX:AOTCacheOutput}, and the JVM records which classes the
 * one-shot commands load and link and how their hot methods behave, so that later runs start with those
 * classes ready and compile the hot loops at once. It runs the commands a user waits for, in one JVM, on
 * synthetic data in a temporary home: help, version, decide, status (no runner, then a runner's checkpoint),
 * data import, dataset build --tf all, dataset show (or, for the short commands' cache, only the first four).
 * Not a user command: nothing of
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
     * With {@code light}, only help, version, decide and status: the cache for the short commands; with
     * {@code help}, only the root's help and version. A cache holds every class its training loaded and the JVM
     * loads them all at start-up, so the short commands start faster from a cache without the pipeline's
     * classes, and help from one without even Jackson's (~40 ms of CPU less than the light cache).
     */
    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "pipeline";
        if (mode.equals("help")) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            RootHelp.print(new String[]{"--help"}, quiet);
            RootHelp.print(new String[]{"--version"}, quiet);
            trainExit();
            return;
        }
        boolean light = mode.equals("light");
        Path home = Files.createTempDirectory("msb-aot-training");
        PrintStream realOut = System.out, realErr = System.err;
        InputStream realIn = System.in;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        try {
            System.setOut(quiet);
            System.setErr(quiet);
            String h = home.toString();
            trainShortCommands(home);
            if (!light) {
                Path csv = home.resolve("train-1m.csv");
                writeCsv(csv, SyntheticBars.minutes(TRAINING_BARS, 1));
                run("--home", h, "data", "import", "--in", csv.toString());
                run("--home", h, "dataset", "build", "--tf", "all");
                run("--home", h, "dataset", "show", "--tf", "1h");
            }
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            System.setIn(realIn);
            deleteTree(home);
        }
        trainExit();
    }

    /** Every command ends in ProcessExit's check (its reflection then starts ready); the result does not matter here. */
    private static void trainExit() {
        try {
            ProcessExit.nothingWaits();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a JVM started without the launcher's flags: the check is simply not trained
        }
    }

    /**
     * The short commands' paths as Main runs them, in {@code home} (empty: status's no-runner refusal first,
     * then a runner's checkpoint to show); returns their exit codes (AotTrainingTest checks that each path
     * ran as meant: a refused or failed run would train the cache on its error path instead).
     */
    static List<Integer> trainShortCommands(Path home) {
        String h = home.toString();
        List<Integer> codes = new ArrayList<>();
        codes.add(run("--help"));
        codes.add(run("--version"));
        System.setIn(new ByteArrayInputStream(DECIDE_LINE.repeat(3).getBytes(StandardCharsets.UTF_8)));
        codes.add(run("decide"));
        codes.add(run("--home", h, "status"));
        writeCheckpoint(new StateStore(Workspace.at(home).stateDir("BTC", Timeframe.parse("5m"))));
        codes.add(run("--home", h, "status"));
        codes.add(run("--home", h, "status", "--json"));
        return codes;
    }

    /**
     * A checkpoint as a runner writes it (StateStore.save), with every section that status shows: what
     * status reads and renders is then in the cache without a replay in the training run.
     */
    private static void writeCheckpoint(StateStore store) {
        DirectionCounts one = new DirectionCounts(1, 1);
        StatusDoc status = new StatusDoc("5m", "BTC", "models/BTC/5m/training", "paper", "replay", 2, 600L, 0.5, 1.01,
                0.01, one, one, List.of(), Map.of("gate", one), false, false, Map.of(), List.of(new Alert(300, "alert", "training")),
                new SplitPnl(1, 0.01), new SplitPnl(1, 0.0), 0.5, List.of(), false, "cohort",
                new FunnelCounts(one, DirectionCounts.ZERO, DirectionCounts.ZERO, DirectionCounts.ZERO, one),
                new DriftStatus(10, 10, 0.2, null, false, 0, List.of(new DriftStatus.FeaturePsi("f", 0.1))),
                new RetrainStatus("1d", 86_400, "training", 86_400L, null, null, null, null, null, 0, 0, 0));
        store.save(new RunnerState(RunnerState.VERSION, "5m", "BTC", status.artifact(), "replay", "training", 2, 600L, 0, 0,
                Json.mapper().createObjectNode(), AlertMonitor.State.initial(), status.inSample(), status.outOfSample(), status,
                null));
    }

    /** One command as Main runs it, its output discarded; returns its exit code. */
    private static int run(String... args) {
        if (RootHelp.print(args, new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))) return 0;
        picocli.CommandLine cl = Main.forArgs(args);
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        cl.setOut(nowhere);
        cl.setErr(nowhere);
        return cl.execute(args);
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
