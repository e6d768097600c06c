package msb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import msb.bench.LiveBench;
import msb.core.UserInputException;
import msb.model.ModelKind;
import msb.bench.BenchBaseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb bench live}: bars/s and per-bar decision latency of the full live loop. */
@Command(name = "live", header = "Live loop throughput in bars/s, and per-bar latency.",
        mixinStandardHelpOptions = true,
        description = {"Replays synthetic 5m bars through the full live loop (features, the artifact's model,",
                "decision, guards, paper book, event log, checkpoints as max-speed replays write them) and prints",
                "'<number> bars/s' and the per-bar latency p50/p99. Trains its artifact first (not timed)",
                "in a temporary workspace under --home that is deleted afterwards."},
        footer = {"", "Writes: a temporary workspace under --home (.msb-bench-live-*), deleted afterwards.", "Example: msb bench live --bars 20000 --model logreg"})
public final class BenchLiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bars", defaultValue = "200000", paramLabel = "N", description = "Bars replayed in the timed pass (default ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--model", defaultValue = "gbm", paramLabel = "KIND", description = "gbm (default) or stack (with the LSTM), or any train --model kind.")
    String model;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the synthetic data (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    BenchBaselineOptions baselineOptions;

    @Override
    public Integer call() {
        baselineOptions.check();
        if (bars < 1_000) throw new UserInputException("--bars " + bars + ": use at least 1000");
        ModelKind kind;
        try {
            kind = ModelKind.parse(model);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--model " + model + ": " + e.getMessage());
        }
        // The scratch workspace lives under --home, which confines every write (CONTRACT.md).
        LiveBench.Result r = LiveBench.run(kind, bars, seed, Cli.err(spec), Cli.workspace(spec).home());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%.0f bars/s%n", r.barsPerSec());
        out.printf(Locale.ROOT, "latency per bar (features + model + engine + event log): p50 %.4f ms, p99 %.4f ms, max %.3f ms%n",
                r.p50Ms(), r.p99Ms(), r.maxMs());
        out.printf(Locale.ROOT, "model %s, %d bars, %d orders, %d round trips, %d core(s)%n", kind.id(), r.bars(), r.orders(),
                r.roundTrips(), Runtime.getRuntime().availableProcessors());
        // CPU of the timed pass: on a machine shared with other work, wall time (and so bars/s) counts their time too
        out.printf(Locale.ROOT, "timed pass: %.2f s wall, %.2f s CPU (all threads of this process)%n", r.wallSec(), r.cpuSec());
        baselineOptions.apply(new BenchBaseline("live " + kind.id() + " " + bars + " bars", null)
                .with("bars_per_s", r.barsPerSec(), "bars/s", true)
                .with("p50_ms", r.p50Ms(), "ms", false)
                .with("p99_ms", r.p99Ms(), "ms", false), out);
        out.flush();
        return 0;
    }
}
