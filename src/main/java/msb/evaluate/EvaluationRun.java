package msb.evaluate;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.RawStore;
import msb.dataset.Dataset;
import msb.dataset.DatasetManifest;
import msb.dataset.DatasetStore;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.Hyperparameters;
import msb.signal.VerdictOptions;
import msb.model.LoadedArtifact;
import msb.signal.Probs;
import msb.trading.CohortInputs;
import msb.trading.StrategyConfig;

/**
 * Evaluates run directories on their dataset's test split, or on a range of the stored bars
 * ({@link RangeRows}): verifies each artifact (checksums, then timeframe, symbol and schema) before any row is
 * scored, then runs {@link Evaluator} with the timeframe's live strategy config. The decision replay reads the
 * stored cohort data, when there is some, through {@link CohortInputs} (the same lookup as run-live's replay).
 */
public final class EvaluationRun {
    private final Workspace ws;
    private final String symbol;
    private final Function<Timeframe, StrategyConfig> configs;
    private final PrintWriter log;
    private final EvalRange rangeOrNull;
    private final Map<Timeframe, Dataset> datasets = new HashMap<>();
    private final Map<Timeframe, Bars> bars = new HashMap<>();
    private final Map<String, List<Trade>> trades = new java.util.LinkedHashMap<>();

    /** @param log stderr: which artifact is being scored, and rows left out */
    public EvaluationRun(Workspace ws, String symbol, Function<Timeframe, StrategyConfig> configs, PrintWriter log) {
        this(ws, symbol, configs, log, null);
    }

    /**
     * @param rangeOrNull evaluate on the stored bars closing in this range instead of each artifact's test split
     *                    (see {@link RangeRows}); null for the test split
     */
    public EvaluationRun(Workspace ws, String symbol, Function<Timeframe, StrategyConfig> configs,
                         PrintWriter log, EvalRange rangeOrNull) {
        this.ws = ws;
        this.symbol = symbol;
        this.configs = configs;
        this.log = log;
        this.rangeOrNull = rangeOrNull;
    }

    /** The stored cohort data for the replay's mood and cohort arms (the same lookup as run-live's replay). */
    private CohortInputs cohorts(Timeframe tf) {
        var signals = RawStore.cohorts(ws, symbol).orElse(null);
        return CohortInputs.of(signals, tf);
    }

    public List<ArtifactEvaluation> evaluate(List<Path> runDirs) {
        List<ArtifactEvaluation> out = new ArrayList<>();
        for (Path run : runDirs) out.add(evaluate(run));
        return Evaluator.withDeflatedSharpe(out);
    }

    public ArtifactEvaluation evaluate(Path runDir) {
        ArtifactManifest m = ArtifactStore.verifiedManifest(runDir);
        Timeframe tf = m.timeframe();
        if (!m.symbol().equals(symbol)) {
            throw new UserInputException("artifact " + runDir + " is a " + m.symbol() + " model, evaluating " + symbol
                    + "; pass --symbol " + m.symbol());
        }
        if (rangeOrNull != null) return evaluateRange(runDir, m);
        DatasetManifest dm = DatasetStore.manifest(ws, symbol, tf);
        if (!dm.schemaHash().equals(m.schemaHash()) || !dm.columns().equals(m.columns())) {
            throw new UserInputException("artifact " + runDir + " has schema " + m.schemaHash() + " " + m.columns()
                    + ", the " + tf.label() + " dataset " + DatasetStore.dir(ws, symbol, tf) + " has schema "
                    + dm.schemaHash() + " " + dm.columns() + "; retrain the model on this dataset or rebuild the dataset");
        }
        Dataset ds = datasets.computeIfAbsent(tf, t -> DatasetStore.load(ws, symbol, t));
        int[] rows = outOfSampleTestRows(ds, m, runDir);
        log.println("evaluating " + tf.label() + " " + m.model() + " (" + (m.promoted() ? "promoted" : "rejected")
                + ") on " + rows.length + " test bars: " + runDir);
        log.flush();
        StrategyConfig cfg = configs.apply(tf);
        EngineReplay replay = EngineReplay.of(tf, cfg, bars.computeIfAbsent(tf, t -> DatasetStore.loadBars(ws, symbol, t)))
                .withCohorts(cohorts(tf));
        return score(runDir, m, ds, rows, replay).withEvaluatedOn("test split of the " + tf.label() + " dataset");
    }

    /** Range mode: the stored bars in the range, features and labels recomputed in memory (see {@link RangeRows}). */
    private ArtifactEvaluation evaluateRange(Path runDir, ArtifactManifest m) {
        RangeRows r = RangeRows.select(ws, symbol, runDir, m, rangeOrNull, log);
        Timeframe tf = m.timeframe();
        log.println("evaluating " + tf.label() + " " + m.model() + " (" + (m.promoted() ? "promoted" : "rejected")
                + ") on " + r.rows().length + " stored bars " + r.describe() + " (out-of-sample for this artifact): " + runDir);
        log.flush();
        EngineReplay replay = EngineReplay.of(tf, configs.apply(tf), r.computed().tfBars()).withCohorts(cohorts(tf));
        return score(runDir, m, r.computed().dataset(), r.rows(), replay).withEvaluatedOn(
                "stored " + tf.label() + " bars " + r.describe() + ", features and labels recomputed");
    }

    private ArtifactEvaluation score(Path runDir, ArtifactManifest m, Dataset ds, int[] rows, EngineReplay replay) {
        Map<String, Object> provenance = Json.mapper().convertValue(m, new TypeReference<Map<String, Object>>() {});
        try (LoadedArtifact a = ArtifactStore.loadFor(runDir, m.timeframe(), symbol, ds.columns())) {
            Evaluator.Scorer scorer = (d, r) -> toArray(a.predictRows(d.x(), r));
            Evaluator.Scorer bma = a.bma().isPresent() ? (d, r) -> toArray(a.bmaRows(d.x(), r).orElseThrow()) : null;
            var subject = new Evaluator.Subject(runDir.toAbsolutePath().normalize().toString(), m.model(), m.promoted(),
                    scorer, bma, provenance, m.signalSpec(), m.trainLabelPrior(), horizonBars(m));
            Recording recording = new Recording(replay, null);
            ArtifactEvaluation e = Evaluator.evaluate(subject, ds, EvalRows.of(ds, rows), recording, verdictOptions(m));
            if (recording.first != null) trades.put(e.artifact(), recording.first.trades());
            String current = DatasetStore.exists(ws, symbol, m.timeframe()) ? DatasetStore.manifest(ws, symbol, m.timeframe()).files()
                    .get(msb.dataset.DatasetFile.NAME) : null;
            return e.withFailedGates(m.failedGates()).withData(DataOrigin.of(m, current));
        }
    }

    /** The round trips of each evaluated artifact's replay, by artifact path (the report's trade list). */
    public Map<String, List<Trade>> trades() { return java.util.Collections.unmodifiableMap(trades); }

    /**
     * Keeps the first replay of an evaluation: the model's own (the baselines replay after it, on the same rows).
     * The report checks the trade list against the equity curve, so a wrong pick would not go unnoticed.
     */
    private static final class Recording implements DecisionReplay {
        private final DecisionReplay inner;
        /** The recording this one was derived from by {@link #withSignal}: the first replay is kept there. */
        private final Recording root;
        ReplayResult first;

        Recording(DecisionReplay inner, Recording root) {
            this.inner = inner;
            this.root = root;
        }

        @Override
        public ReplayResult replay(EvalRows rows, double[][] probs, double[][] bmaProbs) {
            ReplayResult r = inner.replay(rows, probs, bmaProbs);
            Recording keep = root == null ? this : root;
            if (keep.first == null) keep.first = r;
            return r;
        }

        @Override
        public DecisionReplay withSignal(msb.signal.SignalSpec s) { return new Recording(inner.withSignal(s), root == null ? this : root); }

        @Override public double sMin() { return inner.sMin(); }

        @Override public double costPerSideFrac() { return inner.costPerSideFrac(); }
    }

    /**
     * The limits the artifact was judged by at training time, or its timeframe's defaults where those were weaker
     * (a run judged by weaker settings is never promoted, and evaluate never judges by them).
     */
    static VerdictOptions verdictOptions(ArtifactManifest m) {
        VerdictOptions d = Hyperparameters.defaults(m.timeframe()).gates();
        VerdictOptions used = m.hyperparameters() == null ? d : m.hyperparameters().gates();
        return used.weakerThan(d).isEmpty() ? used : d.withSignal(used.signal());
    }

    /** The label horizon from the manifest's label spec (1 when it does not say). */
    static int horizonBars(ArtifactManifest m) {
        var l = m.label();
        if (l != null && l.path("spec").has("horizon_bars")) return l.path("spec").get("horizon_bars").asInt();
        return 1;
    }

    /**
     * The dataset's test rows that the artifact never saw in fitting or calibration. When the dataset was
     * rebuilt since training (another sha256), its split may have moved: rows inside the artifact's own
     * train/validation range are left out, and stderr says how many.
     */
    private int[] outOfSampleTestRows(Dataset ds, ArtifactManifest m, Path runDir) {
        int[] test = Evaluator.testRows(ds);
        int[] keep = java.util.Arrays.stream(test).filter(r -> !m.seenInFitting(ds.ts()[r])).toArray();
        if (!ds.sha256().equals(m.datasetSha256())) {
            log.println("note: " + runDir + " was trained on dataset sha256 " + m.datasetSha256() + ", the current "
                    + ds.tf().label() + " dataset is " + ds.sha256() + "; " + (test.length - keep.length)
                    + " test rows inside the artifact's training/validation range are left out");
        }
        if (keep.length == 0) {
            throw new UserInputException("artifact " + runDir + ": every test row of the current " + ds.tf().label()
                    + " dataset lies inside its training/validation range; rebuild the dataset with newer data or retrain");
        }
        return keep;
    }

    private static double[][] toArray(Probs[] p) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) out[i] = new double[]{p[i].down(), p[i].neutral(), p[i].up()};
        return out;
    }
}
