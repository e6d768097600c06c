package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import msb.bench.BenchBaseline;
import msb.bench.DatasetBench;
import msb.bench.MinuteCsv;
import msb.bench.SyntheticBars;
import msb.core.UserInputException;
import msb.data.Bars;
import msb.dataset.DatasetBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb bench dataset}: 1m bars -> all four timeframes with all features, labels and splits. */
@Command(name = "dataset", header = "Dataset pipeline throughput, in 1m bars/s.",
        mixinStandardHelpOptions = true,
        description = {"Throughput of the dataset pipeline: 1m bars (synthetic, seeded; or --in FILE) are",
                "resampled to 5m/1h/12h/24h and get every feature, label and split. Runs warm-up passes,",
                "then timed passes in the same JVM, and prints the median as '<input 1m bars per second> bars/s'.",
                "With --out DIR it does the job once, end to end, writing <tf>.csv per timeframe (no warm-up)."},
        footer = {"", "Writes: nothing unless --out DIR.", "Example: msb bench dataset --bars 200000 --iterations 3"})
public final class BenchDatasetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "1000000", description = "Synthetic 1m bars (default: ${DEFAULT-VALUE})")
    int bars;

    @Option(names = "--in", paramLabel = "FILE", description = "1m CSV ts,open,high,low,close,volume (ts = close, unix s)")
    Path in;

    @Option(names = "--out", paramLabel = "DIR", description = "Write <tf>.csv per timeframe here; one pass, no warm-up")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    BenchPassOptions passes;

    @Mixin
    BenchBaselineOptions baselineOptions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Worker threads, 0 = one per core (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() {
        passes.check();
        baselineOptions.check();
        if (bars < 1 || threads < 0) throw new UserInputException("--bars must be >= 1 and --threads >= 0");
        int nThreads = threads == 0 ? Math.min(4, Runtime.getRuntime().availableProcessors()) : threads;
        PrintWriter o = spec.commandLine().getOut();
        if (out != null) {
            long t0 = System.nanoTime();
            Bars minutes = in != null ? MinuteCsv.read(in) : SyntheticBars.minutes(bars, seed);
            List<DatasetBuilder.Computed> r = DatasetBench.run(minutes, nThreads);
            DatasetBench.writeCsvs(r, out, nThreads);
            double sec = (System.nanoTime() - t0) / 1e9;
            for (DatasetBuilder.Computed c : r) {
                Cli.err(spec).println(c.dataset().tf().label() + ": " + c.dataset().rows() + " rows");
            }
            o.printf("%.0f bars/s%n", minutes.size() / sec);
            baselineOptions.apply(new BenchBaseline("dataset --out, " + minutes.size() + " bars", null)
                    .with("bars_per_s", minutes.size() / sec, "bars/s", true), o);
            o.flush();
            return 0;
        }
        Bars minutes = in != null ? MinuteCsv.read(in) : SyntheticBars.minutes(bars, seed);
        int iterations = passes.iterations();
        for (int i = 0; i < passes.warmup(); i++) DatasetBench.run(minutes, nThreads);
        double[] secs = new double[iterations];
        int rows = 0;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            List<DatasetBuilder.Computed> r = DatasetBench.run(minutes, nThreads);
            secs[i] = (System.nanoTime() - t0) / 1e9;
            rows = r.stream().mapToInt(c -> c.dataset().rows()).sum();
        }
        java.util.Arrays.sort(secs);
        double median = secs[iterations / 2];
        Cli.err(spec).printf("msb: %d 1m bars -> %d dataset rows over 4 timeframes; median %.3f s per pass (min %.3f, max %.3f), %d thread(s)%n",
                minutes.size(), rows, median, secs[0], secs[iterations - 1], nThreads);
        o.printf("%.0f bars/s%n", minutes.size() / median);
        baselineOptions.apply(new BenchBaseline("dataset " + minutes.size() + " bars", null)
                .with("bars_per_s", minutes.size() / median, "bars/s", true)
                .with("pass_s", median, "s", false), o);
        o.flush();
        return 0;
    }
}
