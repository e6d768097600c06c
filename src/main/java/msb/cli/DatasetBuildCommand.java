package msb.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.dataset.DatasetBuilder;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import msb.features.FeatureSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb dataset build --tf TF|all}: any length dividing a day or whole days (5m, 15m, 1h, 4h, 24h = 1d, ...). */
@Command(name = "build", header = "Build features, labels, purged splits and a manifest for one or all timeframes.",
        mixinStandardHelpOptions = true,
        description = {"Resample the finest stored bars to the timeframe, compute the features, cut tri-class labels,",
                "assign chronological train/val/test splits with purge and embargo, and write dataset.bin,",
                "bars.bin and manifest.json under datasets/<SYMBOL>/<tf>/. Same input -> same bytes.",
                "A single timeframe finer than the stored bars exits 2; 'all' builds what the data allows",
                "and lists the rest with the reason (exit 2 only when none could be built)."},
        footer = {"", "Writes: datasets/<SYMBOL>/<tf>/{dataset.bin,bars.bin,manifest.json} under --home.", "Example: msb dataset build --tf all"})
public final class DatasetBuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tf", required = true, paramLabel = "TF", description = "5m, 1h, 12h, 24h, any length that divides a day or is whole days (15m, 30m, 2h, 4h, 1d, ...), or all (5m, 1h, 12h, 24h)")
    TfChoice tf;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--source", paramLabel = "NAME", description = "Stored source to build from (default: the finest)")
    String source;

    @Option(names = "--horizon-bars", paramLabel = "N", defaultValue = "1", description = "Label horizon h in bars (default: ${DEFAULT-VALUE})")
    int horizonBars;

    @Option(names = "--label", paramLabel = "KIND", defaultValue = "adaptive", description = "fixed or adaptive (default: ${DEFAULT-VALUE})")
    String labelKind;

    @Option(names = "--threshold-bps", paramLabel = "BPS", defaultValue = "10", description = "Fixed label threshold in bps (default: ${DEFAULT-VALUE})")
    double thresholdBps;

    @Option(names = "--k", paramLabel = "SIGMAS", defaultValue = "0.5", description = "Adaptive threshold in sigmas (default: ${DEFAULT-VALUE})")
    double k;

    @Option(names = "--vol-window-bars", paramLabel = "N", defaultValue = "50", description = "Adaptive sigma window in bars (default: ${DEFAULT-VALUE})")
    int volWindowBars;

    @Option(names = "--features", paramLabel = "FILE", description = {"Feature set file (YAML/JSON, `features: [default, calendar,"
            + " {ret: [24h, 7d]}, ...]`); default: the seed's 17. Needs a single --tf (windows like 7d become bars of it)."})
    Path features;

    @Option(names = "--embargo-bars", paramLabel = "N", defaultValue = "12", description = "Embargo after each purge in bars (default: ${DEFAULT-VALUE})")
    int embargoBars;

    @Override
    public Integer call() {
        DatasetBuilder.Options options = options();
        Workspace ws = Cli.workspace(spec);
        PrintStream err = Cli.err(spec);
        var out = spec.commandLine().getOut();
        if (tf.all()) {
            if (features != null) {
                throw new UserInputException("--features needs a single --tf (its windows, e.g. 7d, are turned into bars of that"
                        + " timeframe); run dataset build once per timeframe");
            }
            DatasetBuilder.AllResult all = DatasetBuilder.buildAll(ws, symbol.value(), options, err);
            for (DatasetBuilder.Result r : all.built()) {
                out.println("built " + r.tf().label() + ": " + r.manifest().rows() + " rows -> " + r.dir());
            }
            for (Map.Entry<Timeframe, String> e : all.skipped().entrySet()) {
                out.println("skipped " + e.getKey().label() + ": " + e.getValue());
            }
            out.flush();
            if (all.built().isEmpty()) {
                throw new UserInputException("no timeframe could be built from the stored bars of " + symbol.value()
                        + "; import finer bars (msb data import --in FILE)");
            }
            return 0;
        }
        Timeframe t = tf.single();
        if (features != null) options = options.withFeatures(FeatureSet.read(features, t));
        DatasetBuilder.Result r = DatasetBuilder.build(ws, symbol.value(), t, options, err);
        out.println("built " + r.tf().label() + ": " + r.manifest().rows() + " rows -> " + r.dir());
        out.flush();
        return 0;
    }

    DatasetBuilder.Options options() {
        try {
            LabelSpec.Kind kind = switch (labelKind.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "fixed" -> LabelSpec.Kind.FIXED;
                case "adaptive" -> LabelSpec.Kind.ADAPTIVE;
                default -> throw new UserInputException("--label '" + labelKind + "': use fixed or adaptive");
            };
            return new DatasetBuilder.Options(new LabelSpec(horizonBars, kind, thresholdBps, k, volWindowBars),
                    new SplitSpec(SplitSpec.DEFAULT.trainFrac(), SplitSpec.DEFAULT.valFrac(), SplitSpec.DEFAULT.testFrac(),
                            embargoBars), source);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("bad option: " + e.getMessage() + " (see msb dataset build --help)", e);
        }
    }
}
