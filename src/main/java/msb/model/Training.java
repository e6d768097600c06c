package msb.model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import msb.core.AtomicFiles;
import msb.core.Json;
import msb.core.Parallel;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetManifest;
import msb.dataset.DatasetStore;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import msb.dataset.Split;
import msb.features.FeatureDistribution;
import msb.features.TrainDistribution;
import msb.signal.Metrics;
import msb.signal.SignalSpec;
import msb.signal.Verdict;
import msb.signal.Verdicts;

/**
 * One training run: fit, judge the gates, write the run directory atomically, promote it when every gate
 * passes (and promotion is allowed), and leave a run record under {@code experiments/runs/}.
 */
public final class Training {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Training() {}

    /**
     * Trains on the workspace's dataset of {@code tf}: the stored one, else built first from the stored bars
     * or, when nothing is imported, from the embedded default data (the dataset builder says which on
     * {@code err}). An experiment's label definition other than the stored dataset's recomputes the
     * dataset in memory.
     */
    public static TrainResult train(Workspace ws, String symbol, Timeframe tf, TrainOptions opts, PrintStream err) {
        preloadEngine(ws, List.of(symbol), tf, opts);
        return train(ws, symbol, tf, load(ws, symbol, tf, opts.labelDefinition(), err), opts, err, Clock.systemUTC());
    }

    /**
     * A model with an LSTM loads PyTorch while the dataset loads (LstmModel#preloadEngine); only when the
     * datasets are there, so that a run refused for want of data exits at once (an exit waits for a library
     * being loaded).
     */
    static void preloadEngine(Workspace ws, List<String> symbols, Timeframe tf, TrainOptions opts) {
        if (!opts.model().learners().contains(LearnerKind.LSTM)) return;
        for (String s : symbols) if (!DatasetStore.exists(ws, s, tf)) return;
        LstmModel.preloadEngine();
    }

    static TrainingData load(Workspace ws, String symbol, Timeframe tf, LabelSpec label, PrintStream err) {
        boolean stored = DatasetStore.exists(ws, symbol, tf);
        if (label != null && stored && !label.equals(DatasetStore.manifest(ws, symbol, tf).label())) {
            DatasetBuilder.Options o = new DatasetBuilder.Options(label, SplitSpec.DEFAULT, null);
            Dataset d = DatasetBuilder.computeFromWorkspace(ws, symbol, tf, o, err).dataset();
            err.println("msb: the experiment's label definition (" + label.describe() + ") differs from the stored dataset's;"
                    + " recomputed the " + tf.label() + " dataset in memory");
            var m = Json.mapper().createObjectNode();
            m.set("label", Json.mapper().valueToTree(label));
            m.put("label_definition", label.describe());
            return new TrainingData(d, m, "computed in memory from the stored bars with the experiment's label");
        }
        DatasetBuilder.Options o = label == null ? DatasetBuilder.Options.DEFAULT
                : new DatasetBuilder.Options(label, SplitSpec.DEFAULT, null);
        Dataset d = DatasetBuilder.loadOrBuild(ws, symbol, tf, o, err);
        DatasetManifest dm = DatasetStore.manifest(ws, symbol, tf);
        String source = dm.source() == null ? "dataset " + DatasetStore.dir(ws, symbol, tf)
                : "dataset " + DatasetStore.dir(ws, symbol, tf) + " from source " + dm.source().name();
        return new TrainingData(d, Json.mapper().valueToTree(dm), source);
    }

    public static TrainResult train(Workspace ws, String symbol, Timeframe tf, TrainingData data, TrainOptions opts,
                                    PrintStream err, Clock clock) {
        return train(ws, symbol, tf, data, opts, err, clock, FitObserver.NONE);
    }

    static TrainResult train(Workspace ws, String symbol, Timeframe tf, TrainingData data, TrainOptions opts,
                             PrintStream err, Clock clock, FitObserver observer) {
        Dataset ds = data.dataset();
        if (!ds.symbol().equals(symbol)) {
            throw new UserInputException("the dataset is for " + ds.symbol() + ", --symbol is " + symbol + "; build the dataset for " + symbol);
        }
        Hyperparameters hp = purgeAtLeastHorizon(opts.hyperparameters() != null ? opts.hyperparameters() : Hyperparameters.defaults(tf), data);
        long start = System.nanoTime();
        int[] train = ds.rowsOf(Split.TRAIN);
        int[] val = ds.rowsOf(Split.VAL);
        Map<String, Verdict> gates = new LinkedHashMap<>(Gates.beforeFit(train.length, ds.tf(), tf, hp.gates()));
        boolean fit = gates.values().stream().allMatch(Verdict::passed);
        gates.put(Verdicts.GATE_SETTINGS, Verdicts.settings(hp.gates(), Hyperparameters.defaults(tf).gates()));
        Instant now = clock.instant();
        Path modelsDir = ws.modelsDir(symbol, tf);
        String runId = uniqueRunId(modelsDir, ws.runsDir(), now, opts.model());
        Path tmp = modelsDir.resolve("." + runId + ".tmp");
        Path runDir = modelsDir.resolve(runId);
        Map<String, Long> timings = new LinkedHashMap<>();
        ArtifactMetrics metrics = ArtifactMetrics.NONE;
        SignalSpec signal = null;
        double[] prior = Metrics.frequencies(Labels.of(ds.label(), train));
        Map<String, String> files = Map.of();
        Map<String, Long> seeds = Map.of();
        Map<String, Double> bmaWeights = new LinkedHashMap<>();
        String calibration = "none";
        int historyRows = 1;
        boolean usedDjl = false;
        Map<String, Map<String, Verdict>> memberVerdicts = new LinkedHashMap<>();
        try {
            Files.createDirectories(tmp);
            if (fit) {
                // a start and a finish line even with --quiet: a long job is never silent
                err.println("msb: training " + opts.model() + " for " + symbol + " " + tf + " on " + train.length
                        + " TRAIN rows, calibrating on " + val.length + " VAL rows (" + data.source() + ")");
                long tf0 = System.nanoTime();
                FitResult r = new StackTrainer(hp, opts.seed(), opts.quiet(), observer, err).fit(ds, opts.model());
                timings.putAll(r.timingsMs());
                timings.put("fit_total", (System.nanoTime() - tf0) / 1_000_000);
                err.println(String.format(java.util.Locale.ROOT, "msb: fitted %s for %s %s in %.1f s", opts.model(), symbol, tf,
                        (System.nanoTime() - tf0) / 1e9));
                try (Pipeline p = r.pipeline()) {
                    // the model files are written while the gates are judged, which read the validation scores only
                    long[] writeMs = new long[1];
                    FutureTask<Map<String, String>> written = new FutureTask<>(() -> {
                        long tw = System.nanoTime();
                        Map<String, String> f = PipelineFiles.write(p, tmp);
                        writeMs[0] = (System.nanoTime() - tw) / 1_000_000;
                        return f;
                    });
                    Thread writer = Thread.ofPlatform().name("msb-write-model").start(written);
                    try {
                        // bootstrap blocks span the horizon in bars: pooled rows interleave the symbols
                        Gates.Judged judged = Gates.onValidation(r, ds, train, hp.gates(), horizonBars(data) * data.rowsPerBar());
                        gates.putAll(judged.verdicts());
                        if (data.poolOrNull() != null) memberVerdicts.putAll(memberVerdicts(r, data, hp.gates()));
                        metrics = judged.metrics();
                        signal = r.scores().shipped();
                    } catch (RuntimeException | Error e) {
                        // never close the pipeline nor delete the directory under a write in progress
                        joinUninterruptibly(writer);
                        if (written.state() == java.util.concurrent.Future.State.FAILED && written.exceptionNow() != e) {
                            e.addSuppressed(written.exceptionNow());
                        }
                        throw e;
                    }
                    joinUninterruptibly(writer);
                    files = Parallel.join(written);
                    timings.put("write", writeMs[0]);
                    p.bmaWeights().forEach((k, v) -> bmaWeights.put(k.id(), v));
                    historyRows = p.historyRows();
                    usedDjl = p.bases().containsKey(LearnerKind.LSTM);
                }
                seeds = r.seeds();
                calibration = r.calibrationMethod();
            }
            List<String> failed = new ArrayList<>();
            gates.forEach((k, v) -> { if (!v.passed()) failed.add(k); });
            failed.sort(Verdicts.byOrder());
            boolean promoted = failed.isEmpty() && opts.promote();
            timings.put("total", (System.nanoTime() - start) / 1_000_000);
            ArtifactManifest m = new ArtifactManifest(ArtifactManifest.FORMAT_VERSION, runId, now.toString(), tf.label(), symbol,
                    opts.model().id(), fit, promoted, gates, train.length, val.length, ds.columns(), ds.schemaHash(),
                    ds.sha256(), range(ds, null), splits(ds), labelOf(data),
                    data.source(), historyRows, opts.seed(), seeds, hp,
                    hp.stack().balancedSampling() ? "balanced_resampling" : "none", calibration, metrics, signal, prior, bmaWeights,
                    TrainDistribution.of(Split.TRAIN.label(), ds.columns(), ds.x(), train, FeatureDistribution.DEFAULT_BINS),
                    Provenance.versions(usedDjl), timings, files, pool(data, memberVerdicts), null);
            ArtifactStore.writeManifest(tmp, m);
            AtomicFiles.move(tmp, runDir);
            if (promoted) ArtifactStore.promote(runDir, now.toString());
            writeRunRecord(ws, runDir, m, opts);
            return new TrainResult(runDir, promoted, failed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run directory " + runDir + ": " + e.getMessage(), e);
        } finally {
            ArtifactStore.deleteTree(tmp);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The label horizon in bars, from the dataset manifest (1 when it does not say). */
    static int horizonBars(TrainingData data) {
        var m = data.datasetManifest();
        return m != null && m.path("label").has("horizon_bars") ? m.path("label").get("horizon_bars").asInt() : 1;
    }

    /**
     * The walk-forward folds purge at least the label horizon, whatever the settings say; on pooled rows, which
     * interleave the symbols, the purge counts bars (rows per bar times the setting).
     */
    private static Hyperparameters purgeAtLeastHorizon(Hyperparameters hp, TrainingData data) {
        StackOptions s = hp.stack();
        int h = Math.max(horizonBars(data), s.foldPurgeRows()) * data.rowsPerBar();
        if (h <= s.foldPurgeRows()) return hp;
        return new Hyperparameters(hp.gbm(), hp.rf(), hp.logreg(), hp.lstm(), new StackOptions(s.oofFolds(), h,
                s.calibrationFolds(), s.minCalibrationRowsPerClass(), s.balancedSampling(), s.bmaBootstrapDraws()), hp.gates());
    }

    /** Per member symbol of a pooled run, the verdicts on its own VAL rows (its own TRAIN prior, its horizon). */
    private static Map<String, Map<String, Verdict>> memberVerdicts(FitResult r, TrainingData data, msb.signal.VerdictOptions o) {
        var pool = data.poolOrNull();
        Map<String, Map<String, Verdict>> out = new LinkedHashMap<>();
        for (int m = 0; m < pool.symbols().size(); m++) {
            int sym = m;
            out.put(pool.symbols().get(m), Gates.onValidationRows(r, data.dataset(), pool.rowsOf(Split.TRAIN, m), o, horizonBars(data),
                    row -> pool.symbolOfRow()[row] == sym));
        }
        return out;
    }

    /** The artifact's pool: each member's dataset hash, its rows of each split and its VAL verdicts. */
    private static List<PoolMember> pool(TrainingData data, Map<String, Map<String, Verdict>> verdicts) {
        if (data.poolOrNull() == null) return null;
        List<PoolMember> out = new ArrayList<>();
        for (Dataset d : data.poolOrNull().members()) {
            out.add(new PoolMember(d.symbol(), d.sha256(), splits(d), verdicts.get(d.symbol())));
        }
        return out;
    }

    /** The dataset manifest's label spec plus its one-line description. */
    private static com.fasterxml.jackson.databind.JsonNode labelOf(TrainingData data) {
        if (data.datasetManifest() == null) return null;
        var out = Json.mapper().createObjectNode();
        if (data.datasetManifest().has("label")) out.set("spec", data.datasetManifest().get("label"));
        if (data.datasetManifest().has("label_definition")) out.set("definition", data.datasetManifest().get("label_definition"));
        return out;
    }

    /** Unique among this timeframe's runs and among every run record of the workspace (one id space). */
    private static String uniqueRunId(Path modelsDir, Path runsDir, Instant now, ModelKind kind) {
        String base = RUN_ID.format(now) + "-" + kind.id();
        String id = base;
        for (int k = 2; Files.exists(modelsDir.resolve(id)) || Files.exists(runsDir.resolve(id)); k++) id = base + "-" + k;
        return id;
    }

    static SplitRange range(Dataset ds, Split s) {
        int n = 0;
        long first = 0, last = 0;
        for (int i = 0; i < ds.rows(); i++) {
            if (s != null && ds.split()[i] != s) continue;
            if (n == 0) first = ds.ts()[i];
            last = ds.ts()[i];
            n++;
        }
        return new SplitRange(n, first, last);
    }

    static Map<String, SplitRange> splits(Dataset ds) {
        Map<String, SplitRange> m = new LinkedHashMap<>();
        for (Split s : Split.values()) m.put(s.label(), range(ds, s));
        return m;
    }

    /**
     * The run record under experiments/runs/RUN-ID/ (the same id as the run directory), where an experiment
     * run that trained this artifact also leaves its record and report.
     */
    private static void writeRunRecord(Workspace ws, Path runDir, ArtifactManifest m, TrainOptions opts) {
        RunRecord record = RunRecord.of(runDir, m, opts.promote(), opts.experiment());
        Json.write(ws.runsDir().resolve(m.runId()).resolve(RunRecord.FILE), record);
        MlflowRuns.write(ws, record, m);
    }
}
