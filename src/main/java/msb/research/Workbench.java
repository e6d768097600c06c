package msb.research;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import msb.core.CheckFailedException;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.BarImporter;
import msb.data.RawStore;
import msb.data.SourceInfo;
import msb.data.SymbolCheck;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetManifest;
import msb.dataset.DatasetStore;
import msb.dataset.Split;
import msb.evaluate.EvaluationReport;
import msb.evaluate.EvaluationRun;
import msb.experiment.RunIndex;
import msb.live.LiveClock;
import msb.live.RunLive;
import msb.live.Speed;
import msb.live.StateStore;
import msb.model.ArtifactStore;
import msb.model.LoadedArtifact;
import msb.model.ModelKind;
import msb.model.RunRecord;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.signal.Probs;
import msb.trading.StrategyConfig;
import tech.tablesaw.api.Table;

/**
 * One msb home seen from research code: import bars, build and read datasets, train, list runs, predict, evaluate
 * and replay the live runner, each returning the stages' typed records (or Tablesaw tables, through
 * {@link Frames}). Every step calls the implementation the command of the same name calls ({@code data import},
 * {@code dataset build}, {@code train}, {@code evaluate}, {@code run-live --feed replay}), so a figure read here
 * is the figure the command prints. Progress and notes go to {@link #withLog} (discarded by default).
 *
 * <pre>{@code
 * Workbench wb = Workbench.open(Files.createTempDirectory("research"));
 * wb.importBars(Path.of("../shared/data/ta4j/Coinbase-BTC-USD-PT4H-20160518_20251028.json"));
 * ResearchDataset ds = wb.buildDataset(Timeframe.H24);
 * Artifact stack = wb.train(Timeframe.H24, ModelKind.STACK);
 * EvaluationReport report = wb.evaluate(stack);
 * }</pre>
 */
public final class Workbench {
    private final Workspace ws;
    private final String symbol;
    private final PrintStream log;

    private Workbench(Workspace ws, String symbol, PrintStream log) {
        this.ws = ws;
        this.symbol = Workspace.checkSymbol(symbol);
        this.log = log;
    }

    /** The home {@code home} (created when missing), symbol BTC. */
    public static Workbench open(Path home) { return open(home, "BTC"); }

    public static Workbench open(Path home, String symbol) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + home + ": " + e.getMessage(), e);
        }
        return new Workbench(Workspace.at(home), symbol, new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** The same home with the commands' progress and notes written to {@code out} (e.g. System.err). */
    public Workbench withLog(PrintStream out) { return new Workbench(ws, symbol, out); }

    public Path home() { return ws.home(); }

    public String symbol() { return symbol; }

    /** As {@code msb data import --in FILE}: validates the bar file and stores it as a source named after the file. */
    public SourceInfo importBars(Path file) {
        BarImporter.Result r = BarImporter.read(file, BarImporter.Options.auto());
        SymbolCheck.require(r.symbolInData(), symbol, file.toString());
        return RawStore.replace(ws, symbol, RawStore.sourceNameOf(file), r.bars(), file.getFileName().toString(), r.inputSha256(),
                r.format().cliName());
    }

    /**
     * As {@code msb dataset build --tf TF} with the default label and split: the finest stored bars (the embedded
     * default data when nothing is imported) resampled, featured, labelled and split, then read back.
     */
    public ResearchDataset buildDataset(Timeframe tf) {
        DatasetBuilder.build(ws, symbol, tf, DatasetBuilder.Options.DEFAULT, log);
        return dataset(tf);
    }

    /** The stored dataset of {@code tf}, verified (exit 2 naming {@code msb dataset build} when there is none). */
    public ResearchDataset dataset(Timeframe tf) {
        return new ResearchDataset(DatasetStore.manifest(ws, symbol, tf), DatasetStore.load(ws, symbol, tf));
    }

    /** The manifests of every built dataset of the symbol, in timeframe order. */
    public List<DatasetManifest> datasets() {
        Path root = ws.home().resolve("datasets").resolve(symbol);
        List<DatasetManifest> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                if (!Files.isRegularFile(d.resolve(DatasetBuilder.MANIFEST_FILE))) continue;
                out.add(DatasetStore.manifest(ws, symbol, Timeframe.parse(d.getFileName().toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparingLong(m -> Timeframe.parse(m.tf()).seconds()));
        return out;
    }

    /** As {@code msb train --tf TF --model KIND}: the run is kept, promoted or rejected by its gates. */
    public Artifact train(Timeframe tf, ModelKind model) { return train(tf, TrainOptions.defaults().withModel(model)); }

    /** As {@code msb train} with these options (an experiment's hyperparameters, a seed, --no-promote, ...). */
    public Artifact train(Timeframe tf, TrainOptions options) {
        TrainResult r = Training.train(ws, symbol, tf, options.withQuiet(true), log);
        return artifact(r.runDir());
    }

    /** A run directory, verified (its manifest's hash and every file's sha256). */
    public Artifact artifact(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        return new Artifact(dir, ArtifactStore.verifiedManifest(dir));
    }

    /** Every run of a timeframe (promoted, rejected or refused), oldest first. */
    public List<Artifact> artifacts(Timeframe tf) {
        return ArtifactStore.runs(ws, symbol, tf).stream().map(this::artifact).toList();
    }

    /** Every recorded run of the home (any symbol and timeframe), oldest first: what {@code msb runs list} lists. */
    public List<RunRecord> runs() { return RunIndex.list(ws).stream().map(RunIndex.Entry::run).toList(); }

    /**
     * The artifact's probabilities on every row of one split of its timeframe's stored dataset, scored by the same
     * batch call {@code evaluate} makes: one row per bar with {@code ts}, {@code label}, {@code fwd_return},
     * {@code p_down}, {@code p_neutral}, {@code p_up}, {@code s_model} (p_up - p_down) and {@code signal} (what
     * the decision logic acts on: s_model minus the artifact's frozen reference drift, or s_model when raw).
     * Rows without the model's history window (the split's first ones, for a sequence model) are left out.
     */
    public Table predictions(Artifact a, Split split) {
        Timeframe tf = a.manifest().timeframe();
        Dataset ds = dataset(tf).data();
        int history = Math.max(1, a.manifest().historyRows());
        int[] rows = Arrays.stream(ds.rowsOf(split)).filter(r -> r >= history - 1).toArray();
        if (rows.length == 0) {
            throw new UserInputException("the " + tf.label() + " dataset has no " + split.label() + " rows with "
                    + history + " rows of history; rebuild it with more bars: msb dataset build --tf " + tf.label());
        }
        double[][] probs;
        try (LoadedArtifact loaded = ArtifactStore.loadFor(a.dir(), tf, symbol, ds.columns())) {
            Probs[] p = loaded.predictRows(ds.x(), rows);
            probs = new double[p.length][];
            for (int i = 0; i < p.length; i++) probs[i] = new double[]{p[i].down(), p[i].neutral(), p[i].up()};
        }
        return Frames.predictions(a, ds, rows, probs);
    }

    /**
     * As {@code msb evaluate --artifact DIR ...}: each artifact on its dataset's test split (the rows it never saw),
     * with the timeframe's live strategy config; the report holds the metrics, verdicts, baselines, funnel, per-bar
     * series and the replay's trade list. Several artifacts of one timeframe also get the deflated Sharpe.
     */
    public EvaluationReport evaluate(Artifact... artifacts) {
        var run = new EvaluationRun(ws, symbol, StrategyConfig::defaults, new PrintWriter(log, true));
        var evals = run.evaluate(Arrays.stream(artifacts).map(Artifact::dir).toList());
        return new EvaluationReport(evals, List.of(), run.trades());
    }

    /**
     * As {@code msb run-live --feed replay --artifact DIR --state-dir DIR}: the live runner over the stored bars of
     * the artifact's timeframe, at full speed, into a fresh state directory under the home ({@code stateName}). An
     * unpromoted artifact runs in shadow mode (every decision logged, no order sent), as the command does; where
     * the command then exits 3, this returns the same state.
     */
    public LiveReplay replay(Artifact a, String stateName) {
        Path stateDir = ws.stateRoot().resolve("research").resolve(Workspace.checkSymbol(stateName));
        if (Files.exists(stateDir)) {
            throw new UserInputException(stateDir + " exists; name another state directory (a replay starts from an empty one)");
        }
        Timeframe tf = a.manifest().timeframe();
        var options = RunLive.Options.of(tf, symbol, RunLive.FeedKind.REPLAY, stateDir).withArtifact(a.dir());
        try {
            RunLive.run(ws, options, new PrintWriter(log, true), log, LiveClock.SYSTEM);
        } catch (CheckFailedException shadow) {
            if (a.manifest().promotedFor(symbol)) throw shadow; // a pool member failing its own verdicts runs in shadow too
            // shadow mode ends in exit 3 for the command; the state and the event log are complete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
        StateStore store = new StateStore(stateDir);
        return new LiveReplay(a, stateDir, store.status(), LiveReplay.readDecisions(store.eventsFile()));
    }
}
