package msb.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import msb.core.AtomicFiles;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.BarImporter;
import msb.data.EmbeddedData;
import msb.data.ImportFormat;
import msb.data.FundingImporter;
import msb.data.FundingInfo;
import msb.data.FundingStore;
import msb.data.RawStore;
import msb.data.SourceInfo;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetManifest;
import msb.dataset.DatasetStore;
import msb.dataset.SplitSpec;
import msb.evaluate.ArtifactEvaluation;
import msb.evaluate.EngineReplay;
import msb.evaluate.EvaluationReport;
import msb.evaluate.EvaluationRun;
import msb.evaluate.ReportWriter;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;
import msb.trading.StrategyConfig;

/**
 * {@code msb experiment run}: import (when the spec's file is not stored yet) -> dataset build -> train ->
 * evaluate (with report) -> optional walk-forward, through the other packages' public APIs, recording the run
 * in {@code <home>/experiments/runs/<run-id>/} (the id of the training run it made, beside that run's
 * {@code run.json}): {@code record.json}, the spec as written ({@code spec.yaml}),
 * the per-bar net returns ({@code returns.json}, for the deflated Sharpe of {@code compare}) and
 * {@code report/}. record.json is moved in last, so a run with a record is complete.
 */
public final class ExperimentRunner {
    public static final String RECORD = "record.json";
    public static final String RETURNS = "returns.json";
    public static final String SPEC_COPY = "spec.yaml";
    public static final String REPORT_DIR = "report";
    /** returns.json keys of the walk-forward's out-of-sample rows: bar close time, s_model, label, forward return. */
    public static final String WF_TS = "walk_forward_ts", WF_S_MODEL = "walk_forward_s_model", WF_LABELS = "walk_forward_labels",
            WF_FWD_RETURNS = "walk_forward_fwd_returns";

    /** @param walkForward also run the spec's walk-forward evaluation */
    public record Options(boolean walkForward, boolean quiet) {}

    private final Workspace ws;
    private final Clock clock;
    private final PrintStream err;

    public ExperimentRunner(Workspace ws, Clock clock, PrintStream err) {
        this.ws = ws;
        this.clock = clock;
        this.err = err;
    }

    public RunOutcome run(Experiment e, Options o, String commandLine) {
        if (o.walkForward() && e.walkForwardOrNull() == null) {
            throw new UserInputException(e.file() + ": --walk-forward needs a walk_forward section; add e.g. `walk_forward: "
                    + "{window: expanding, train_bars: 1000, refit_every_bars: 250}`");
        }
        long start = System.nanoTime();
        Instant started = clock.instant();
        Map<String, Long> timings = new LinkedHashMap<>();
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("name", e.name());
        rec.put("experiment_file", e.file().toString());
        rec.put("command", commandLine);
        rec.put("started_at", started.toString());
        rec.put("machine", Machine.describe());
        rec.put("spec", specSummary(e));

        long t = System.nanoTime();
        SourceInfo src = importIfNeeded(e, rec);
        importFundingIfNeeded(e, rec);
        importCrossIfNeeded(e, rec);
        timings.put("import", ms(t));

        t = System.nanoTime();
        String sourceName = src == null ? EmbeddedData.SOURCE_NAME : src.source();
        DatasetBuilder.Result built = DatasetBuilder.build(ws, e.symbol(), e.tf(),
                new DatasetBuilder.Options(e.label(), SplitSpec.DEFAULT, sourceName, e.features()), err);
        DatasetManifest dm = built.manifest();
        Dataset ds = DatasetStore.load(ws, e.symbol(), e.tf());
        rec.put("dataset", datasetSummary(built.dir(), ds, dm));
        timings.put("dataset", ms(t));

        t = System.nanoTime();
        TrainingData data = new TrainingData(ds, Json.mapper().valueToTree(dm),
                "dataset " + built.dir() + " from source " + sourceName + " (experiment " + e.name() + ")");
        TrainOptions topts = new TrainOptions(e.model(), e.seed(), e.hyperparameters(), true, o.quiet(),
                e.file().getFileName().toString(), null);
        TrainResult tr = Training.train(ws, e.symbol(), e.tf(), data, topts, err, clock);
        ArtifactManifest am = ArtifactStore.verifiedManifest(tr.runDir());
        rec.put("artifact", artifactSummary(tr, am));
        timings.put("train", ms(t));

        List<String> problems = new ArrayList<>();
        for (String g : tr.failedGates()) {
            problems.add(e.tf().label() + " " + e.model().id() + ": gate " + g + " refused promotion ("
                    + am.gates().get(g).detail() + ")");
        }
        // One id everywhere: the experiment run is recorded beside its training run's record, under its id.
        String runId = am.runId();
        Path runDir = ws.runsDir().resolve(runId);
        Path tmp = ws.runsDir().resolve("." + runId + ".tmp");
        try {
            Files.createDirectories(tmp);
            Map<String, Object> returns = new LinkedHashMap<>();
            t = System.nanoTime();
            if (am.fitted()) {
                var evaluator = new EvaluationRun(ws, e.symbol(), StrategyConfig::defaults,
                        new PrintWriter(err, true));
                ArtifactEvaluation ev = evaluator.evaluate(tr.runDir());
                ReportWriter.write(new EvaluationReport(List.of(ev), List.of(), evaluator.trades()), tmp.resolve(REPORT_DIR), commandLine);
                rec.put("evaluation", evaluationSummary(ev));
                rec.put("report_dir", runDir.resolve(REPORT_DIR).toString());
                returns.put("test_ts", ev.series().ts());
                returns.put("test_net_returns", ev.series().netReturns());
                for (var v : ev.verdicts()) if (!v.passed()) problems.add(v.name() + ": " + v.detail());
            } else {
                rec.put("evaluation", null);
                rec.put("report_dir", null);
                err.println("msb: the model was not fitted (gates refused it before fitting); nothing to evaluate");
            }
            timings.put("evaluate", ms(t));

            if (o.walkForward()) {
                t = System.nanoTime();
                WalkForwardSpec wf = e.walkForwardOrNull();
                int purge = wf.purgeBars(e.label().horizonBars());
                List<Fold> folds = WalkForwardPlan.folds(ds.rows(), e.label().horizonBars(), wf, e.file().toString());
                // start and finish lines even with --quiet: a long job is never silent
                err.println("msb: walk-forward over " + folds.size() + " folds (" + wf.window().name().toLowerCase()
                        + " window, re-fit every " + wf.refitEveryBars() + " bars)");
                var replay = EngineReplay.of(e.tf(), StrategyConfig.defaults(e.tf()), DatasetStore.loadBars(ws, e.symbol(), e.tf()));
                WalkForward.Result r = WalkForward.run(ds, folds, purge, e.model(), e.hyperparameters(), e.seed(), replay, o.quiet(), err);
                rec.put("walk_forward", walkForwardSummary(wf, purge, r));
                returns.put("walk_forward_net_returns", r.netReturns());
                // per out-of-sample row, so that runs of two feature sets can be compared bar for bar (compare --baseline)
                returns.put(WF_TS, r.scores().ts());
                returns.put(WF_S_MODEL, r.scores().sModel());
                returns.put(WF_LABELS, r.scores().labels());
                returns.put(WF_FWD_RETURNS, r.scores().fwdReturn());
                timings.put("walk_forward", ms(t));
                err.println(String.format(java.util.Locale.ROOT, "msb: walk-forward done in %.1f s", ms(t) / 1000.0));
            }
            timings.put("total", ms(start));
            rec.put("timings_ms", timings);
            rec.put("finished_at", clock.instant().toString());
            rec.put("run_id", runId);
            rec.put("run_dir", runDir.toString());
            rec.put("problems", problems);
            rec.put("exit_code", problems.isEmpty() ? 0 : 3);
            AtomicFiles.writeString(tmp.resolve(SPEC_COPY), e.text());
            Json.write(tmp.resolve(RETURNS), returns);
            Json.write(tmp.resolve(RECORD), rec);
            Files.createDirectories(runDir);
            // record.json last: a directory with a record is a complete experiment run
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.filter(f -> !f.getFileName().toString().equals(RECORD)).toList()) {
                    AtomicFiles.move(f, runDir.resolve(f.getFileName()));
                }
            }
            AtomicFiles.move(tmp.resolve(RECORD), runDir.resolve(RECORD));
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write the run record " + runDir + ": " + ex.getMessage(), ex);
        } finally {
            deleteTree(tmp);
        }
        return new RunOutcome(runId, runDir, rec, problems);
    }

    /** Imports each {@code data.cross} file under its symbol unless the store already holds this exact input. */
    private void importCrossIfNeeded(Experiment e, Map<String, Object> rec) {
        if (e.data().cross().isEmpty()) return;
        Map<String, Object> all = new LinkedHashMap<>();
        rec.put("cross", all);
        for (Map.Entry<String, Path> c : e.data().cross().entrySet()) {
            String sym = c.getKey();
            Path file = c.getValue();
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(e.file() + ": field 'data.cross." + sym + "': " + file + " does not exist; fix the path"
                        + " (relative paths start at the repository root, the parent of experiments/)");
            }
            String name = RawStore.sourceNameOf(file);
            String sha = Hashing.sha256(file);
            Map<String, Object> d = new LinkedHashMap<>();
            all.put(sym, d);
            d.put("file", file.toString());
            d.put("sha256", sha);
            d.put("source_name", name);
            Optional<SourceInfo> stored = RawStore.source(ws, sym, name);
            boolean same = stored.isPresent() && sha.equals(stored.get().inputSha256());
            d.put("imported", !same);
            if (same) continue;
            BarImporter.Result r = BarImporter.read(file, BarImporter.Options.auto());
            SourceInfo info = RawStore.replace(ws, sym, name, r.bars(), file.getFileName().toString(), r.inputSha256(), r.format().cliName());
            err.println("msb: imported " + info.rows() + " " + info.intervalLabel() + " " + sym + " bars from " + file + " as source " + name);
        }
    }

    /** Imports the spec's {@code data.funding} file unless the store already holds this exact input. */
    private void importFundingIfNeeded(Experiment e, Map<String, Object> rec) {
        Path file = e.data().fundingOrNull();
        if (file == null) return;
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(e.file() + ": field 'data.funding': " + file + " does not exist; fix the path (relative"
                    + " paths start at the repository root, the parent of experiments/)");
        }
        String name = RawStore.sourceNameOf(file);
        String sha = Hashing.sha256(file);
        Map<String, Object> d = new LinkedHashMap<>();
        rec.put("funding", d);
        d.put("file", file.toString());
        d.put("sha256", sha);
        d.put("source_name", name);
        boolean stored = FundingStore.sources(ws, e.symbol()).stream()
                .anyMatch(fi -> fi.source().equals(name) && sha.equals(fi.inputSha256()));
        d.put("imported", !stored);
        if (stored) return;
        FundingImporter.Result r = FundingImporter.read(file, FundingImporter.Format.AUTO, FundingImporter.DEFAULT_PERIOD_HOURS);
        FundingInfo info = FundingStore.replace(ws, e.symbol(), name, r.series(), file.getFileName().toString(), r.inputSha256(),
                r.format().cliName(), r.periodHours(), r.duplicatesDropped());
        err.println("msb: imported " + info.rows() + " funding settlements from " + file + " as source " + name);
    }

    /** Imports the spec's file unless the raw store already holds this exact input; null for embedded data. */
    private SourceInfo importIfNeeded(Experiment e, Map<String, Object> rec) {
        Map<String, Object> d = new LinkedHashMap<>();
        rec.put("data", d);
        d.put("source", e.data().declared());
        if (e.data().embedded()) {
            d.put("source_name", EmbeddedData.SOURCE_NAME);
            d.put("description", EmbeddedData.description());
            d.put("sha256", EmbeddedData.sha256());
            d.put("imported", false);
            return null;
        }
        Path file = e.data().fileOrNull();
        if (e.data().synthetic()) {
            // the control's market, generated into the workspace (seeded: the same spec gives the same file)
            file = ws.home().resolve("datasets").resolve("synth").resolve(e.name() + ".csv");
            e.data().synthOrNull().writeCsv(file);
            d.put("synth", e.data().synthOrNull());
            d.put("description", e.data().synthOrNull().describe());
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(e.file() + ": field 'data.source': " + file + " does not exist; fix the path (relative"
                    + " paths start at the repository root, the parent of experiments/) or use `source: embedded`");
        }
        String name = RawStore.sourceNameOf(file);
        String sha = Hashing.sha256(file);
        Optional<SourceInfo> stored = RawStore.source(ws, e.symbol(), name);
        SourceInfo info;
        if (stored.isPresent() && sha.equals(stored.get().inputSha256())) {
            info = stored.get();
            d.put("imported", false);
        } else {
            BarImporter.Result r = BarImporter.read(file, new BarImporter.Options(ImportFormat.parse(e.data().format()), true, 0));
            info = RawStore.replace(ws, e.symbol(), name, r.bars(), file.getFileName().toString(), r.inputSha256(),
                    r.format().cliName());
            d.put("imported", true);
            err.println("msb: imported " + info.rows() + " " + info.intervalLabel() + " bars from " + file + " as source " + name);
        }
        d.put("file", file.toString());
        d.put("sha256", sha);
        d.put("source_name", info.source());
        d.put("format", info.format());
        d.put("rows", info.rows());
        d.put("interval", info.intervalLabel());
        d.put("first_open", info.firstOpen());
        d.put("last_close", info.lastClose());
        return info;
    }

    private static Map<String, Object> specSummary(Experiment e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tf", e.tf().label());
        s.put("symbol", e.symbol());
        s.put("model", e.model().id());
        s.put("seed", e.seed());
        s.put("data_source", e.data().declared());
        s.put("label", e.label());
        s.put("label_definition", e.label().describe());
        s.put("hyperparameters", e.hyperparameters());
        s.put("walk_forward", e.walkForwardOrNull());
        if (!e.features().isDefault()) s.put("features", e.features());
        if (e.description() != null) s.put("description", e.description());
        return s;
    }

    private static Map<String, Object> datasetSummary(Path dir, Dataset ds, DatasetManifest dm) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dir", dir.toString());
        s.put("sha256", ds.sha256());
        s.put("rows", ds.rows());
        s.put("schema_hash", ds.schemaHash());
        s.put("columns", ds.columns());
        s.put("label_definition", dm.labelDefinition());
        s.put("splits", dm.splits());
        s.put("class_shares", dm.classShares());
        return s;
    }

    private static Map<String, Object> artifactSummary(TrainResult tr, ArtifactManifest m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dir", tr.runDir().toString());
        s.put("run_id", m.runId());
        s.put("model", m.model());
        s.put("fitted", m.fitted());
        s.put("promoted", tr.promoted());
        s.put("failed_gates", tr.failedGates());
        s.put("gates", m.gates());
        s.put("train_rows", m.trainRows());
        s.put("timings_ms", m.timingsMs());
        s.put("val_metrics", m.metrics());
        return s;
    }

    static Map<String, Object> evaluationSummary(ArtifactEvaluation ev) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("flagged", ev.flagged());
        s.put("reasons", ev.reasons());
        s.put("verdicts", ev.verdicts());
        s.put("predicted_shares", ev.predictedShares());
        s.put("argmax_shares", ev.argmaxShares());
        s.put("label_shares", ev.labelShares());
        s.put("metrics", ev.metrics());
        s.put("baselines", ev.baselines());
        s.put("beats_baselines", ev.beatsBaselines());
        return s;
    }

    private static Map<String, Object> walkForwardSummary(WalkForwardSpec wf, int purge, WalkForward.Result r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("spec", wf);
        s.put("purge_bars", purge);
        s.put("summary", r.summary());
        List<Map<String, Object>> folds = new ArrayList<>();
        for (WalkForward.FoldResult f : r.folds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fold", f.fold().index());
            m.put("train_rows", List.of(f.fold().fitFrom(), f.fold().trainTo()));
            m.put("val_rows", List.of(f.fold().valFrom(), f.fold().fitTo()));
            m.put("test_rows", List.of(f.fold().testFrom(), f.fold().testTo()));
            m.put("test_first_ts", f.testFromTs());
            m.put("test_last_ts", f.testToTs());
            m.put("metrics", f.metrics());
            m.put("baselines", f.baselines());
            m.put("predicted_shares", f.predictedShares());
            m.put("gates_passed", f.gates().values().stream().allMatch(msb.signal.Verdict::passed));
            m.put("failed_gates", f.gates().entrySet().stream().filter(x -> !x.getValue().passed()).map(Map.Entry::getKey).toList());
            m.put("fit_ms", f.fitMs());
            folds.add(m);
        }
        s.put("folds", folds);
        return s;
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp dir is named .<id>.tmp and never read
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
