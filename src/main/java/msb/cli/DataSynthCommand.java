package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.data.SyntheticMarket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb data synth}: the verdicts' controls, a seeded market with (or without) a planted skill. */
@Command(name = "synth", header = "Write a seeded synthetic market with a planted skill of known strength (a control).",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes a generic bar CSV (ts = bar open, unix s) that `msb data import` reads: a market whose",
                "next-bar return correlates with a flow revealed in this bar's volume (what volume_intensity sees),",
                "with correlation --skill, on top of a drift. --skill 0 with the same seed is the same market",
                "without the skill (same drift, same noise): the negative control. The sign AUC of the flow is",
                "0.5 + asin(skill)/pi (0.564 at 0.2); the models see it through noisy features and do less.",
                "",
                "Positive and negative controls end to end: experiments/controls/*.yaml."},
        footer = {"", "Writes: FILE only (nothing under --home).",
                "Example: msb data synth --out synth-1h.csv --tf 1h --bars 20000 --skill 0.2 --drift-bps-per-bar 3"})
public final class DataSynthCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write (replaced atomically).")
    Path out;

    @Option(names = "--tf", paramLabel = "TF", defaultValue = "1h", description = "Bar length: 5m, 1h, 12h or 24h (default: ${DEFAULT-VALUE}).")
    Timeframe tf;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "20000", description = "Bars to write (default: ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--skill", paramLabel = "RHO", defaultValue = "0.2",
            description = "Correlation of the flow seen at t with the return of bar t+1, in [0, 1); 0 = no skill (default: ${DEFAULT-VALUE}).")
    double skill;

    @Option(names = "--drift-bps-per-bar", paramLabel = "BPS", defaultValue = "3",
            description = "Mean log return per bar in bps, the market's trend (default: ${DEFAULT-VALUE}).")
    double driftBps;

    @Option(names = "--vol-bps-per-bar", paramLabel = "BPS", defaultValue = "50",
            description = "Standard deviation of the log return per bar in bps (default: ${DEFAULT-VALUE}).")
    double volBps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed of every draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "UNIX_S", defaultValue = "1577836800",
            description = "Open time of the first bar, unix seconds (default: ${DEFAULT-VALUE}, 2020-01-01T00:00Z).")
    long start;

    @Override
    public Integer call() {
        SyntheticMarket m;
        try {
            m = new SyntheticMarket(bars, tf.seconds(), skill, driftBps, volBps, seed, start);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("msb data synth: " + e.getMessage());
        }
        m.writeCsv(out);
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + out + ": " + m.describe());
        w.flush();
        return 0;
    }
}
