package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.bench.ImportBench;
import msb.core.UserInputException;
import msb.bench.BenchBaseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb bench import}: CSV parse + validation throughput, and canonical bar-file load time. */
@Command(name = "import", header = "CSV import throughput, in bars/s.",
        mixinStandardHelpOptions = true,
        description = {"Throughput of data import: a seeded synthetic CSV of 1m bars (unix s, cents) is parsed",
                "and validated from memory (warm-up passes, then timed passes; median), then written as a",
                "canonical bar file and loaded back. Prints '<parsed rows per second> bars/s' on stdout;",
                "details (bar-file load time) on stderr."},
        footer = {"", "Writes: a temporary bar file under --home, deleted afterwards (the CSV stays in memory).", "Example: msb bench import --rows 200000"})
public final class BenchImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows of the synthetic CSV (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    BenchPassOptions passes;

    @Mixin
    BenchBaselineOptions baselineOptions;

    @Override
    public Integer call() {
        passes.check();
        baselineOptions.check();
        if (rows < 2) throw new UserInputException("--rows " + rows + ": use 2 or more");
        // The temporary bar file lives under --home, which confines every write (CONTRACT.md).
        Path tmp = Cli.workspace(spec).home().toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(tmp);
        } catch (java.io.IOException e) {
            throw new UserInputException("--home " + tmp + ": cannot create it (" + e.getMessage() + ")");
        }
        ImportBench.Result r = ImportBench.run(rows, seed, passes.warmup(), passes.iterations(), tmp);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("csv: %d rows (%.1f MB) parsed and validated in %.3f s (median of %d); bar file: loaded in %.3f s (%.0f bars/s)%n",
                r.rows(), r.csvBytes() / 1e6, r.parseSeconds(), passes.iterations(), r.loadSeconds(), r.loadBarsPerSecond());
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%.0f bars/s%n", r.parseBarsPerSecond());
        baselineOptions.apply(new BenchBaseline("import " + rows + " rows", null)
                .with("bars_per_s", r.parseBarsPerSecond(), "bars/s", true)
                .with("load_bars_per_s", r.loadBarsPerSecond(), "bars/s", true), out);
        out.flush();
        return 0;
    }
}
