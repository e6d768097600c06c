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
    private final Map<String, Dataset> datasets = new HashMap<>();
    private final Map<String, Bars> bars = new HashMap<>();
    private final Map<String, FeatureReport.Report> featureReports = new java.util.LinkedHashMap<>();
    /** Bootstrap draws of the feature report computed per evaluation; 0: none (evaluate without --report). */
    private int featureDraws;
    /** Whether --symbol was given: a pooled artifact is then evaluated on that symbol only, else on each of its symbols. */
    private boolean symbolGiven;
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
    private CohortInputs cohorts(String sym, Timeframe tf) {
        var signals = RawStore.cohorts(ws, sym).orElse(null);
        return CohortInputs.of(signals, tf);
    }

    /** A pooled artifact is evaluated on {@code symbol} alone (refused when not one of its symbols), not on each. */
    public EvaluationRun withSymbolGiven(boolean given) {
        this.symbolGiven = given;
        return this;
    }

    /**
     * Also computes, per evaluation, the feature report ({@link FeatureReport}, the code behind {@code msb features
     * report}) of the artifact's feature set on its symbol's stored dataset, with {@code bootstrapDraws} draws per
     * interval (>= 100; 0 leaves it out).
     */
    public EvaluationRun withFeatureReports(int bootstrapDraws) {
        if (bootstrapDraws != 0 && bootstrapDraws < 100) {
            throw new UserInputException("--feature-draws " + bootstrapDraws + ": give 0 (no feature section) or at least 100 draws");
        }
        this.featureDraws = bootstrapDraws;
        return this;
    }

    /** The feature reports computed, by {@link EvaluationReport#tradesKey}. */
    public Map<String, FeatureReport.Report> featureReports() { return java.util.Collections.unmodifiableMap(featureReports); }

    public List<ArtifactEvaluation> evaluate(List<Path> runDirs) {
        List<ArtifactEvaluation> out = new ArrayList<>();
        for (Path run : runDirs) out.addAll(evaluateEach(run));
        return Evaluator.withDeflatedSharpe(out);
    }

    /** One evaluation per symbol the artifact is evaluated on: its one symbol, or each member of a pool. */
    public List<ArtifactEvaluation> evaluateEach(Path runDir) {
        ArtifactManifest m = ArtifactStore.verifiedManifest(runDir);
        if (m.pool() == null) return List.of(evaluate(runDir));
        List<String> symbols = m.symbols();
        boolean one = symbolGiven && !symbol.equals(m.symbol()); // --symbol POOL (evaluate --tf) means each member
        if (one && !symbols.contains(symbol)) {
            throw new UserInputException("artifact " + runDir + " is pooled over " + String.join(", ", symbols) + "; --symbol "
                    + symbol + " is not one of them: pass one of those, or leave --symbol out to evaluate each");
        }
        List<ArtifactEvaluation> out = new ArrayList<>();
        for (String s : one ? List.of(symbol) : symbols) out.add(evaluateMember(runDir, m, s));
        return out;
    }

    /**
     * One symbol of a pooled artifact: its stored dataset's rows from the symbol's first pooled TEST bar on (the
     * common cut-off plus its own embargo), replayed on its own bars.
     */
    private ArtifactEvaluation evaluateMember(Path runDir, ArtifactManifest m, String sym) {
        Timeframe tf = m.timeframe();
        if (rangeOrNull != null) return evaluateRange(runDir, m, sym);
        var member = m.member(sym).orElseThrow();
        checkSchema(runDir, m, sym, tf);
        Dataset ds = datasets.computeIfAbsent(sym + "/" + tf.label(), k -> DatasetStore.load(ws, sym, tf));
        var test = member.splits().get("test");
        if (test == null || test.rows() == 0) {
            throw new UserInputException("artifact " + runDir + " kept no TEST rows of " + sym + " (its split has no test part);"
                    + " evaluate it on later bars with --from/--to");
        }
        int[] rows = java.util.stream.IntStream.range(0, ds.rows())
                .filter(i -> ds.ts()[i] >= test.firstTs() && !member.seenInFitting(ds.ts()[i])).toArray();
        if (!ds.sha256().equals(member.datasetSha256())) {
            log.println("note: " + runDir + " pooled " + sym + "'s dataset sha256 " + member.datasetSha256() + ", the current " + tf.label()
                    + " dataset of " + sym + " is " + ds.sha256() + "; evaluating its rows from the pooled TEST start on");
        }
        if (rows.length == 0) {
            throw new UserInputException("artifact " + runDir + ": the current " + tf.label() + " dataset of " + sym
                    + " has no rows after the pool's TEST cut-off; rebuild it with the data the pool was trained on, or newer");
        }
        log.println("evaluating " + tf.label() + " " + m.model() + " (" + (m.promoted() ? "promoted" : "rejected") + ", pooled) on "
                + rows.length + " test bars of " + sym + ": " + runDir);
        log.flush();
        EngineReplay replay = EngineReplay.of(tf, configs.apply(tf), bars.computeIfAbsent(sym + "/" + tf.label(),
                k -> DatasetStore.loadBars(ws, sym, tf))).withCohorts(cohorts(sym, tf));
        return score(runDir, m, ds, rows, replay, sym).withEvaluatedOn("test rows of " + sym + " in the pooled split of the "
                + tf.label() + " datasets");
    }

    private void checkSchema(Path runDir, ArtifactManifest m, String sym, Timeframe tf) {
        DatasetManifest dm = DatasetStore.manifest(ws, sym, tf);
        if (!dm.schemaHash().equals(m.schemaHash()) || !dm.columns().equals(m.columns())) {
            throw new UserInputException("artifact " + runDir + " has schema " + m.schemaHash() + " " + m.columns()
                    + ", the " + tf.label() + " dataset " + DatasetStore.dir(ws, sym, tf) + " has schema "
                    + dm.schemaHash() + " " + dm.columns() + "; retrain the model on this dataset or rebuild the dataset");
        }
    }

    public ArtifactEvaluation evaluate(Path runDir) {
        ArtifactManifest m = ArtifactStore.verifiedManifest(runDir);
        Timeframe tf = m.timeframe();
        if (!m.symbol().equals(symbol)) {
            throw new UserInputException("artifact " + runDir + " is a " + m.symbol() + " model, evaluating " + symbol
                    + "; pass --symbol " + m.symbol());
        }
        if (rangeOrNull != null) return evaluateRange(runDir, m, symbol);
        checkSchema(runDir, m, symbol, tf);
        Dataset ds = datasets.computeIfAbsent(symbol + "/" + tf.label(), k -> DatasetStore.load(ws, symbol, tf));
        int[] rows = outOfSampleTestRows(ds, m, runDir);
        log.println("evaluating " + tf.label() + " " + m.model() + " (" + (m.promoted() ? "promoted" : "rejected")
                + ") on " + rows.length + " test bars: " + runDir);
        log.flush();
        StrategyConfig cfg = configs.apply(tf);
        EngineReplay replay = EngineReplay.of(tf, cfg, bars.computeIfAbsent(symbol + "/" + tf.label(), k -> DatasetStore.loadBars(ws, symbol, tf)))
                .withCohorts(cohorts(symbol, tf));
        return score(runDir, m, ds, rows, replay, symbol).withEvaluatedOn("test split of the " + tf.label() + " dataset");
    }

    /** Range mode: the stored bars in the range, features and labels recomputed in memory (see {@link RangeRows}). */
    private ArtifactEvaluation evaluateRange(Path runDir, ArtifactManifest m, String sym) {
        RangeRows r = RangeRows.select(ws, sym, runDir, m, rangeOrNull, log);
        Timeframe tf = m.timeframe();
        log.println("evaluating " + tf.label() + " " + m.model() + " (" + (m.promoted() ? "promoted" : "rejected")
                + ") on " + r.rows().length + " stored bars " + r.describe() + " (out-of-sample for this artifact): " + runDir);
        log.flush();
        EngineReplay replay = EngineReplay.of(tf, configs.apply(tf), r.computed().tfBars()).withCohorts(cohorts(sym, tf));
        return score(runDir, m, r.computed().dataset(), r.rows(), replay, sym).withEvaluatedOn(
                "stored " + tf.label() + " bars of " + sym + " " + r.describe() + ", features and labels recomputed");
    }

    private ArtifactEvaluation score(Path runDir, ArtifactManifest m, Dataset ds, int[] rows, EngineReplay replay, String sym) {
        Map<String, Object> provenance = Json.mapper().convertValue(m, new TypeReference<Map<String, Object>>() {});
        try (LoadedArtifact a = ArtifactStore.loadFor(runDir, m.timeframe(), sym, ds.columns())) {
            Evaluator.Scorer scorer = (d, r) -> toArray(a.predictRows(d.x(), r));
            Evaluator.Scorer bma = a.bma().isPresent() ? (d, r) -> toArray(a.bmaRows(d.x(), r).orElseThrow()) : null;
            var subject = new Evaluator.Subject(runDir.toAbsolutePath().normalize().toString(), m.model(), m.promoted(),
                    scorer, bma, provenance, m.signalSpec(), m.trainLabelPrior(), horizonBars(m));
            Recording recording = new Recording(replay, null);
            ArtifactEvaluation e = Evaluator.evaluate(subject, ds, EvalRows.of(ds, rows), recording, verdictOptions(m));
            if (recording.first != null) trades.put(EvaluationReport.tradesKey(e), recording.first.trades());
            if (featureDraws > 0) featureReport(runDir, m, sym).ifPresent(r -> featureReports.put(EvaluationReport.tradesKey(e), r));
            String current = DatasetStore.exists(ws, sym, m.timeframe()) ? DatasetStore.manifest(ws, sym, m.timeframe()).files()
                    .get(msb.dataset.DatasetFile.NAME) : null;
            String trainedOn = m.member(sym).map(msb.model.PoolMember::datasetSha256).orElse(m.datasetSha256());
            // the same PSI the live runner watches, of these rows against the artifact's TRAIN bins
            return e.withFailedGates(m.failedGatesFor(sym)).withData(DataOrigin.of(m, trainedOn, current))
                    .withFeaturePsi(m.trainDistribution() == null ? null : m.trainDistribution().psiOf(ds.columns(), ds.x(), rows));
        }
    }

    /**
     * The feature report on the symbol's stored dataset, TRAIN and VAL rows as the artifact split them (a pool
     * member's by its recorded ranges); absent, with a note, when that dataset has another schema.
     */
    private java.util.Optional<FeatureReport.Report> featureReport(Path runDir, ArtifactManifest m, String sym) {
        Timeframe tf = m.timeframe();
        if (!DatasetStore.exists(ws, sym, tf) || !DatasetStore.manifest(ws, sym, tf).schemaHash().equals(m.schemaHash())) {
            log.println("note: no feature section for " + runDir + ": the stored " + tf.label() + " dataset of " + sym
                    + " is missing or has another schema");
            return java.util.Optional.empty();
        }
        Dataset ds = datasets.computeIfAbsent(sym + "/" + tf.label(), k -> DatasetStore.load(ws, sym, tf));
        var member = m.member(sym);
        if (member.isPresent()) ds = withSplitOf(ds, member.get().splits());
        Hyperparameters hp = m.hyperparameters() == null ? Hyperparameters.defaults(tf) : m.hyperparameters();
        var boot = new msb.signal.Skill.BootstrapOptions(featureDraws, msb.signal.Skill.BootstrapOptions.DEFAULTS.level(),
                msb.signal.Skill.BootstrapOptions.DEFAULTS.seed(), 1);
        return java.util.Optional.of(FeatureReport.of(ds, horizonBars(m), hp, boot, boot.seed()));
    }

    /** The dataset with TRAIN and VAL where a pool put this symbol's rows (by its recorded ranges), TEST after. */
    private static Dataset withSplitOf(Dataset ds, Map<String, msb.model.SplitRange> splits) {
        msb.dataset.Split[] s = new msb.dataset.Split[ds.rows()];
        for (int i = 0; i < s.length; i++) {
            long t = ds.ts()[i];
            s[i] = splits.get("train").contains(t) ? msb.dataset.Split.TRAIN : splits.get("val").contains(t) ? msb.dataset.Split.VAL
                    : splits.get("test").contains(t) ? msb.dataset.Split.TEST : msb.dataset.Split.PURGED;
        }
        return ds.withSplit(s);
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
