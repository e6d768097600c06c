package msb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import msb.bench.SyntheticDataset;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.dataset.Dataset;
import msb.dataset.DatasetStore;
import msb.dataset.Split;
import msb.model.FitObserver;
import msb.model.FitResult;
import msb.model.Hyperparameters;
import msb.model.ModelKind;
import msb.model.StackTrainer;
import msb.bench.BenchBaseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb bench train}: one fit of a model kind with the timeframe's default hyperparameters, timed. */
@Command(name = "train", header = "Model fitting throughput, in dataset rows/s.",
        mixinStandardHelpOptions = true,
        description = {"Times one fit (walk-forward folds, final learners, calibration, BMA) with the timeframe's",
                "default hyperparameters, on the workspace's built dataset of --tf when there is one, else on a",
                "seeded synthetic dataset of --rows rows and 17 features. Writes nothing. Prints",
                "'<dataset rows per second of fitting> bars/s' on stdout, seconds and timings on stderr."},
        footer = {"", "Writes: nothing.", "Example: msb bench train --tf 24h --model logreg"})
public final class BenchTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tf", paramLabel = "TF", defaultValue = "24h", description = "Timeframe (default: ${DEFAULT-VALUE})")
    Timeframe tf;

    @Option(names = "--model", paramLabel = "KIND", defaultValue = "stack", description = "Model kind (default: ${DEFAULT-VALUE})")
    ModelKind model;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "0", description = "Synthetic rows (default: 0 = 3300 for 12h/24h, 40000 for 5m/1h)")
    int rows;

    @Option(names = "--synthetic", description = "Use the synthetic dataset even when a built one exists")
    boolean synthetic;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    SymbolOption symbol;

    @Mixin
    BenchBaselineOptions baselineOptions;

    @Override
    public Integer call() {
        Timeframe t = tf;
        ModelKind kind = model;
        if (rows < 0) throw new UserInputException("--rows must be >= 0");
        baselineOptions.check();
        Dataset ds;
        String what;
        if (!synthetic && DatasetStore.exists(Cli.workspace(spec), symbol.value(), t)) {
            ds = DatasetStore.load(Cli.workspace(spec), symbol.value(), t);
            what = "built " + symbol.value() + " " + t + " dataset";
        } else {
            int n = rows > 0 ? rows : (t == Timeframe.M5 || t == Timeframe.H1 ? 40_000 : 3_300);
            ds = SyntheticDataset.make(t, n, seed);
            what = "synthetic dataset";
        }
        long t0 = System.nanoTime();
        FitResult r = new StackTrainer(Hyperparameters.defaults(t), seed, false, FitObserver.NONE, Cli.err(spec)).fit(ds, kind);
        double sec = (System.nanoTime() - t0) / 1e9;
        r.pipeline().close();
        Cli.err(spec).printf("msb: %s fit on %s: %d rows (%d TRAIN, %d VAL, %d features) in %.1f s, %d core(s); timings ms %s%n",
                kind, what, ds.rows(), ds.rowsOf(Split.TRAIN).length, ds.rowsOf(Split.VAL).length, ds.columns().size(), sec,
                Runtime.getRuntime().availableProcessors(), r.timingsMs());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%.0f bars/s%n", ds.rows() / sec);
        baselineOptions.apply(new BenchBaseline("train " + t.label() + " " + kind.id() + " on " + what + " of " + ds.rows() + " rows", null)
                .with("bars_per_s", ds.rows() / sec, "rows/s", true)
                .with("fit_s", sec, "s", false), out);
        out.flush();
        return 0;
    }
}
