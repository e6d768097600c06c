package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.core.CheckFailedException;
import msb.core.Timeframe;
import msb.dataset.DatasetBuilder;
import msb.dataset.SplitSpec;
import msb.core.UserInputException;
import java.util.List;
import msb.model.ArtifactStore;
import msb.model.ExperimentSpec;
import msb.model.ModelKind;
import msb.model.PooledTraining;
import msb.model.TrainOptions;
import msb.signal.SignalMode;
import msb.model.TrainResult;
import msb.model.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb train}: fit a model for one timeframe, judge its gates, promote it only when all pass. */
@Command(name = "train", header = "Train a timeframe's model; promote it only when every gate passes.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits a model on the timeframe's dataset (built first when missing; the embedded default data",
                "when nothing is imported) and writes models/<SYMBOL>/<tf>/<run-id>/ with manifest.json.",
                "Prints every verdict with the figures that decided it, and promotes the run in LATEST.json only",
                "when all pass: min_train_rows, timeframe, gate_settings, direction_skill (direction AUC's 95%%",
                "block-bootstrap interval above 0.5 on uncalibrated out-of-sample VAL scores), inert, one_sided,",
                "two_sided (on the signal the policy acts on, forward-chained calibration), calibration and lift.",
                "Otherwise exits 3 naming the failed verdicts and keeps the run as rejected. The last stdout",
                "line is the run directory, on exit 0 and 3 alike.",
                "",
                "--signal centred (default) acts on s_model minus the reference drift frozen in the artifact",
                "(the calibration period's mean, i.e. the market's drift); raw acts on s_model as the seed did.",
                "",
                "Experiment file (YAML, or JSON if it ends in .json), every key optional:",
                "  tf: 24h",
                "  model: stack",
                "  seed: 7",
                "  label: {horizon_bars: 1, kind: adaptive, k: 0.5, vol_window_bars: 50}",
                "  hyperparameters: {gbm: {trees: 120}, lstm: {epochs: 5}, gates: {min_train_rows: 1000}}",
                "Command-line --model/--seed win over the file; --tf must agree with it."},
        footer = {"", "Writes: models/<SYMBOL>/<tf>/<run-id>/, LATEST.json on promotion and experiments/runs/ under --home.", "Example: msb train --tf 24h --model stack --seed 7"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tf", paramLabel = "TF", description = "Timeframe: 5m, 1h, 12h, 24h or another length that divides a day, e.g. 4h (or from --experiment)")
    Timeframe tf;

    @Option(names = "--model", paramLabel = "KIND",
            description = "stack (default), gbm, rf, logreg, lstm, always-up, always-down, always-neutral")
    String model;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default: 42)")
    Long seed;

    @Option(names = "--experiment", paramLabel = "FILE", description = "Experiment file: tf, model, seed, label, hyperparameters")
    Path experiment;

    @Option(names = "--no-promote", description = "Record every gate but never touch LATEST.json")
    boolean noPromote;

    @Option(names = "--signal", paramLabel = "centred|raw",
            description = "What the decision logic acts on: centred (default: s_model minus the frozen reference drift) or raw s_model")
    String signal;

    @Option(names = "--symbols", split = ",", paramLabel = "SYM,SYM,...",
            description = "Pooled training: one model fitted on these symbols' rows (each symbol's own dataset; common time"
                    + " cut-offs, purge and embargo per symbol), stored under models/<SYM-SYM-...>/<tf>/. gbm, rf or logreg.")
    List<String> symbols;

    @Mixin
    QuietOption quiet;

    @Mixin
    SymbolOption symbol;

    @Override
    public Integer call() {
        ExperimentSpec exp = experiment == null ? null : ExperimentSpec.read(experiment);
        Timeframe t = resolveTf(exp);
        ModelKind kind = ModelKind.STACK;
        try {
            if (model != null) kind = ModelKind.parse(model);
            else if (exp != null && exp.model() != null) kind = exp.model();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--model: " + e.getMessage());
        }
        long s = seed != null ? seed : exp != null && exp.seed() != null ? exp.seed() : TrainOptions.DEFAULT_SEED;
        TrainOptions opts = TrainOptions.defaults().withModel(kind).withSeed(s).withPromote(!noPromote).withQuiet(quiet.on());
        if (exp != null) {
            opts = opts.withHyperparameters(exp.hyperparametersFor(t, experiment)).withExperiment(experiment.toString(), exp.label());
        }
        if (signal != null) {
            try {
                opts = opts.withSignal(SignalMode.parse(signal), t);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--signal: " + e.getMessage());
            }
        }
        List<String> pool = poolSymbols(exp);
        if (exp != null && exp.featuresOrNull() != null) {
            // the experiment's feature set: build (and store) the dataset with it, so that run-live replays its bars
            for (String sym : pool == null ? List.of(symbol.value()) : pool) {
                DatasetBuilder.build(Cli.workspace(spec), sym, t, new DatasetBuilder.Options(exp.label(), SplitSpec.DEFAULT,
                        null, exp.featuresOrNull()), Cli.err(spec));
            }
        }
        TrainResult r = pool == null ? Training.train(Cli.workspace(spec), symbol.value(), t, opts, Cli.err(spec))
                : PooledTraining.train(Cli.workspace(spec), pool, t, opts, Cli.err(spec));
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet.on()) {
            var m = ArtifactStore.verifiedManifest(r.runDir());
            Cli.err(spec).println("msb: verdicts of " + r.runDir().getFileName() + " (" + (m.fitted() ? "signal " + m.signalSpec().describe()
                    : "refused before fitting") + "):");
            m.verdictsInOrder().forEach(v -> Cli.err(spec).println(String.format(java.util.Locale.ROOT, "  %-4s %-15s %s",
                    v.passed() ? "pass" : "FAIL", v.name(), v.detail())));
            if (m.pool() != null) {
                Cli.err(spec).println("msb: per-symbol verdicts on each symbol's own VAL rows (they don't block the pooled promotion; a"
                        + " symbol whose own verdicts fail runs in shadow mode in run-live and is flagged in evaluate's failed gates):");
                for (var member : m.pool()) {
                    if (member.valVerdicts() == null) continue;
                    member.valVerdicts().values().stream().sorted(java.util.Comparator.comparing(msb.signal.Verdict::name, msb.signal.Verdicts.byOrder())).forEach(v -> Cli.err(spec).println(String.format(java.util.Locale.ROOT,
                            "  %-8s %-4s %-15s %s", member.symbol(), v.passed() ? "pass" : "FAIL", v.name(), v.detail())));
                }
            }
            Cli.err(spec).println("msb: " + (r.promoted() ? "promoted " : r.passed() ? "every verdict passed (not promoted: --no-promote) " : "rejected ")
                    + r.runDir().getFileName() + (r.passed() ? "" : "; failed gates: " + String.join(", ", r.failedGates())));
            if (m.pool() != null && r.promoted()) {
                for (String sym : m.symbols()) {
                    List<String> own = m.failedGatesFor(sym);
                    if (!own.isEmpty()) Cli.err(spec).println("msb: " + sym + " failed its own VAL verdicts (" + String.join(", ", own)
                            + "): run-live runs this model on " + sym + " in shadow mode (no orders, exit 3)");
                }
            }
        }
        out.println(r.runDir().toAbsolutePath());
        out.flush();
        if (!r.passed()) {
            var gates = ArtifactStore.verifiedManifest(r.runDir()).gates();
            List<String> lines = r.failedGates().stream().map(g -> g + ": " + gates.get(g).detail()).toList();
            throw new CheckFailedException("training run " + r.runDir().getFileName() + " refused promotion; failed verdicts (all in "
                    + r.runDir().resolve("manifest.json") + "):", lines);
        }
        return 0;
    }

    /** The pool's symbols from --symbols (or the experiment's symbols), null for a one-symbol run. */
    private List<String> poolSymbols(ExperimentSpec exp) {
        List<String> pool = symbols != null ? symbols : exp != null ? exp.symbolsOrNull() : null;
        if (pool == null) return null;
        if (spec.commandLine().getParseResult().hasMatchedOption("--symbol")) {
            throw new UserInputException("--symbol and --symbols (or the experiment's symbols) exclude each other; give one");
        }
        List<String> out = new java.util.ArrayList<>();
        for (String s : pool) {
            String t = s.trim();
            try {
                msb.core.Workspace.checkSymbol(t);
            } catch (UserInputException e) {
                throw new UserInputException("--symbols: " + e.getMessage());
            }
            if (out.contains(t)) throw new UserInputException("--symbols: " + t + " is listed twice; list each symbol once");
            out.add(t);
        }
        if (out.size() < 2) throw new UserInputException("--symbols needs at least two symbols (e.g. --symbols BTC,ETH); for one, use --symbol");
        return out;
    }

    private Timeframe resolveTf(ExperimentSpec exp) {
        Timeframe fromFlag = tf;
        Timeframe fromFile = exp == null ? null : exp.tf();
        if (fromFlag == null && fromFile == null) {
            throw new UserInputException("--tf is required (5m, 1h, 12h, 24h, 4h, ...), or give tf in the --experiment file");
        }
        if (fromFlag != null && fromFile != null && !fromFlag.equals(fromFile)) {
            throw new UserInputException("--tf " + fromFlag + " but " + experiment + " says tf: " + fromFile + "; make them agree");
        }
        return fromFlag != null ? fromFlag : fromFile;
    }
}
