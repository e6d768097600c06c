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
import msb.core.AtomicFiles;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.dataset.Dataset;
import msb.dataset.Split;

/**
 * One training run: fit, judge the gates, write the run directory atomically, promote it when every gate
 * passes (and promotion is allowed), and leave a run record under {@code experiments/runs/}.
 */
public final class Training {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Training() {}

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
        Hyperparameters hp = opts.hyperparameters() != null ? opts.hyperparameters() : Hyperparameters.defaults(tf);
        long start = System.nanoTime();
        int[] train = ds.rowsOf(Split.TRAIN);
        int[] val = ds.rowsOf(Split.VAL);
        Map<String, GateResult> gates = new LinkedHashMap<>(Gates.beforeFit(train.length, ds.tf(), tf, hp.gates()));
        boolean fit = gates.values().stream().allMatch(GateResult::passed);
        Instant now = clock.instant();
        Path modelsDir = ws.modelsDir(symbol, tf);
        String runId = uniqueRunId(modelsDir, now, opts.model());
        Path tmp = modelsDir.resolve("." + runId + ".tmp");
        Path runDir = modelsDir.resolve(runId);
        Map<String, Long> timings = new LinkedHashMap<>();
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, String> files = Map.of();
        Map<String, Long> seeds = Map.of();
        Map<String, Double> bmaWeights = new LinkedHashMap<>();
        String calibration = "none";
        int historyRows = 1;
        boolean usedDjl = false;
        try {
            Files.createDirectories(tmp);
            if (fit) {
                if (!opts.quiet()) err.println("msb: training " + opts.model() + " for " + symbol + " " + tf + " on " + train.length
                        + " TRAIN rows, calibrating on " + val.length + " VAL rows (" + data.source() + ")");
                long tf0 = System.nanoTime();
                FitResult r = new StackTrainer(hp, opts.seed(), opts.quiet(), observer).fit(ds, opts.model());
                timings.putAll(r.timingsMs());
                timings.put("fit_total", (System.nanoTime() - tf0) / 1_000_000);
                try (Pipeline p = r.pipeline()) {
                    int[] yVal = Labels.indices(ds.label(), val);
                    double[] prior = ProbMetrics.frequencies(Labels.indices(ds.label(), train));
                    gates.putAll(Gates.onValidation(r.valProbs(), yVal, prior, hp.gates()));
                    metrics.put("val", Metrics.summary(r.valProbs(), yVal, prior, hp.gates()));
                    if (r.bmaValProbs() != null) metrics.put("bma_val", Metrics.summary(r.bmaValProbs(), yVal, prior, hp.gates()));
                    long tw = System.nanoTime();
                    files = PipelineFiles.write(p, tmp);
                    timings.put("write", (System.nanoTime() - tw) / 1_000_000);
                    p.bmaWeights().forEach((k, v) -> bmaWeights.put(k.id(), v));
                    historyRows = p.historyRows();
                    usedDjl = p.bases().containsKey(LearnerKind.LSTM);
                }
                seeds = r.seeds();
                calibration = r.calibrationMethod();
            }
            List<String> failed = new ArrayList<>();
            gates.forEach((k, v) -> { if (!v.passed()) failed.add(k); });
            boolean promoted = failed.isEmpty() && opts.promote();
            timings.put("total", (System.nanoTime() - start) / 1_000_000);
            ArtifactManifest m = new ArtifactManifest(ArtifactManifest.FORMAT_VERSION, runId, now.toString(), tf.label(), symbol,
                    opts.model().id(), fit, promoted, gates, train.length, val.length, ds.columns(), ds.schemaHash(),
                    ds.sha256(), range(ds, null), splits(ds), data.datasetManifest() == null ? null : data.datasetManifest().get("label"),
                    data.source(), historyRows, opts.seed(), seeds, hp,
                    hp.stack().balancedSampling() ? "balanced_resampling" : "none", calibration, metrics, bmaWeights,
                    Provenance.versions(usedDjl), timings, files, null);
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

    private static String uniqueRunId(Path modelsDir, Instant now, ModelKind kind) {
        String base = RUN_ID.format(now) + "-" + kind.id();
        String id = base;
        for (int k = 2; Files.exists(modelsDir.resolve(id)); k++) id = base + "-" + k;
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

    /** One JSON file per run under experiments/runs/, named after the run. */
    private static void writeRunRecord(Workspace ws, Path runDir, ArtifactManifest m, TrainOptions opts) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("run_id", m.runId());
        rec.put("run_dir", runDir.toString());
        rec.put("tf", m.tf());
        rec.put("symbol", m.symbol());
        rec.put("model", m.model());
        rec.put("seed", m.seed());
        rec.put("experiment", opts.experiment());
        rec.put("data_source", m.dataSource());
        rec.put("promoted", m.promoted());
        rec.put("promotion_allowed", opts.promote());
        rec.put("failed_gates", m.failedGates());
        rec.put("gates", m.gates());
        rec.put("metrics", m.metrics());
        rec.put("timings_ms", m.timingsMs());
        Json.write(ws.runsDir().resolve(m.symbol() + "-" + m.tf() + "-" + m.runId() + ".json"), rec);
    }
}
