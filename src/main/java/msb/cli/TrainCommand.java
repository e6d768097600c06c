package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.core.CheckFailedException;
import msb.core.Timeframe;
import msb.core.UserInputException;
import java.util.List;
import msb.model.ArtifactStore;
import msb.model.ExperimentSpec;
import msb.model.ModelKind;
import msb.model.TrainOptions;
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
                "Promotes it in LATEST.json only when every gate passes (min_train_rows, timeframe,",
                "directional_balance, calibration, lift); otherwise exits 3 listing the failed gates and keeps",
                "the run as rejected. The last stdout line is the run directory, on exit 0 and 3 alike.",
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

    @Option(names = "--tf", paramLabel = "TF", description = "Timeframe: 5m, 1h, 12h or 24h (or from --experiment)")
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
        TrainResult r = Training.train(Cli.workspace(spec), symbol.value(), t, opts, Cli.err(spec));
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet.on()) {
            Cli.err(spec).println("msb: " + (r.promoted() ? "promoted " : r.passed() ? "every gate passed (not promoted: --no-promote) " : "rejected ")
                    + r.runDir().getFileName() + (r.passed() ? "" : "; failed gates: " + String.join(", ", r.failedGates())));
        }
        out.println(r.runDir().toAbsolutePath());
        out.flush();
        if (!r.passed()) {
            var gates = ArtifactStore.verifiedManifest(r.runDir()).gates();
            List<String> lines = r.failedGates().stream().map(g -> g + ": " + gates.get(g).detail()).toList();
            throw new CheckFailedException("training run " + r.runDir().getFileName() + " refused promotion; failed gates (all gates in "
                    + r.runDir().resolve("manifest.json") + "):", lines);
        }
        return 0;
    }

    private Timeframe resolveTf(ExperimentSpec exp) {
        Timeframe fromFlag = tf;
        Timeframe fromFile = exp == null ? null : exp.tf();
        if (fromFlag == null && fromFile == null) {
            throw new UserInputException("--tf is required (5m, 1h, 12h or 24h), or give tf in the --experiment file");
        }
        if (fromFlag != null && fromFile != null && fromFlag != fromFile) {
            throw new UserInputException("--tf " + fromFlag + " but " + experiment + " says tf: " + fromFile + "; make them agree");
        }
        return fromFlag != null ? fromFlag : fromFile;
    }
}
