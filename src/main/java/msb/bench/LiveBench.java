package msb.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.dataset.DatasetBuilder;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import msb.live.EngineFeatures;
import msb.live.EngineTrader;
import msb.live.LiveClock;
import msb.live.DriftConfig;
import msb.live.DriftMonitor;
import msb.live.LiveRunner;
import msb.live.ReplayFeed;
import msb.live.Speed;
import msb.live.StateStore;
import msb.live.StatusDoc;
import msb.model.ArtifactStore;
import msb.model.LoadedArtifact;
import msb.model.ModelKind;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;
import msb.trading.StrategyConfig;

/**
 * {@code msb bench live}: trains an artifact of the given kind on synthetic 5m bars, then replays other
 * synthetic bars through the whole live loop (incremental features, the artifact's predictor over its
 * history rows, the trading engine with guards and paper book, the JSONL event log, checkpoints every
 * {@link #CHECKPOINT_EVERY_BARS} bars as real max-speed replays do). Everything goes to a temporary
 * workspace that is deleted afterwards. The engine trades on paper whatever the artifact's gates say:
 * the loop's cost is measured, not the model's quality.
 */
public final class LiveBench {
    public static final int CHECKPOINT_EVERY_BARS = msb.live.RunLive.MAX_SPEED_CHECKPOINT_BARS;
    private static final int TRAIN_BARS = 6_000;
    private static final Timeframe TF = Timeframe.M5;

    /**
     * Throughput of the timed pass (checkpoints included), per-bar latency percentiles, and the CPU time of the whole
     * process over the timed pass (every thread: the bar loop, the checkpoint writer, GC, JIT), which on a shared
     * machine compares runs better than wall time; NaN where the JVM cannot tell.
     */
    public record Result(long bars, double barsPerSec, double p50Ms, double p99Ms, double maxMs, long orders, long roundTrips,
                         double wallSec, double cpuSec) {}

    private LiveBench() {}

    public static Result run(ModelKind kind, int bars, long seed, PrintStream err) {
        return run(kind, bars, seed, err, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As above, with the temporary workspace created (and deleted) under {@code scratchParent}, e.g. --home. */
    public static Result run(ModelKind kind, int bars, long seed, PrintStream err, Path scratchParent) {
        Path tmp;
        try {
            Files.createDirectories(scratchParent);
            tmp = Files.createTempDirectory(scratchParent, ".msb-bench-live-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Workspace ws = Workspace.at(tmp);
            err.println("msb: training a " + kind.id() + " artifact on " + TRAIN_BARS + " synthetic 5m bars (not timed)");
            var computed = DatasetBuilder.compute(fiveMinute(TRAIN_BARS, seed), null, null, TF, "BTC", LabelSpec.DEFAULT, SplitSpec.DEFAULT);
            TrainResult tr = Training.train(ws, "BTC", TF, new TrainingData(computed.dataset(), null, "synthetic"),
                    TrainOptions.defaults().withModel(kind).withQuiet(true), err, Clock.systemUTC());
            try (LoadedArtifact artifact = ArtifactStore.load(tr.runDir())) {
                Bars replay = fiveMinute(bars, seed + 1);
                err.println("msb: warm-up pass (not timed), then " + bars + " bars timed; history rows "
                        + artifact.predictor().historyRows() + ", checkpoint every " + CHECKPOINT_EVERY_BARS + " bars");
                pass(artifact, replay.slice(0, Math.min(replay.size(), 20_000)), tmp.resolve("warmup"), null);
                long[] nanos = new long[replay.size()];
                int[] k = {0};
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                StatusDoc s = pass(artifact, replay, tmp.resolve("timed"), ns -> nanos[k[0]++] = ns);
                double sec = (System.nanoTime() - t0) / 1e9;
                long cpu1 = processCpuNanos();
                long[] sorted = Arrays.copyOf(nanos, k[0]);
                Arrays.sort(sorted);
                return new Result(s.barsProcessed(), s.barsProcessed() / sec, pct(sorted, 0.50), pct(sorted, 0.99),
                        sorted[sorted.length - 1] / 1e6, s.orders().total(), s.roundTrips().size(), sec,
                        cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static StatusDoc pass(LoadedArtifact artifact, Bars bars, Path stateDir, java.util.function.LongConsumer nanos)
            throws InterruptedException {
        var setup = new LiveRunner.Setup(TF, "BTC", artifact.dir().toString(), "replay", false, artifact.failedGates(),
                artifact.manifest()::seenInFitting, CHECKPOINT_EVERY_BARS);
        LiveRunner runner = new LiveRunner(setup, new EngineFeatures(msb.features.FeatureSchema.of(false, false)),
                artifact.predictor(), artifact.bma().orElse(null), new EngineTrader(TF, StrategyConfig.defaults(TF), false),
                new StateStore(stateDir), a -> { }, LiveClock.SYSTEM);
        var m = artifact.manifest();
        if (m.trainDistribution() != null) runner.monitorDrift(new DriftMonitor(m.trainDistribution(), m.columns(), DriftConfig.DEFAULT));
        runner.open();
        return runner.run(new ReplayFeed(bars, null, Speed.MAX, LiveClock.SYSTEM), Long.MAX_VALUE, nanos);
    }

    /** Synthetic BTC-like bars re-stamped as 5m bars (the generator's dynamics do not depend on the interval). */
    static Bars fiveMinute(int n, long seed) {
        Bars m = SyntheticBars.minutes(n, seed);
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) ts[i] = 1_600_000_200L + 300L * i;
        return new Bars(300, ts, m.open(), m.high(), m.low(), m.close(), m.volume());
    }

    /** CPU time of this process so far, all threads; -1 when the JVM does not report it. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
