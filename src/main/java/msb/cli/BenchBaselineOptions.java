package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import msb.bench.BenchBaseline;
import msb.core.CheckFailedException;
import msb.core.Json;
import msb.core.UserInputException;
import picocli.CommandLine.Option;

/**
 * {@code --save-baseline FILE}, {@code --baseline FILE} and {@code --max-regression-frac F} of the benchmarks:
 * save this run's figures, or compare them with a saved run and exit 3 when one got worse by more than F.
 */
public final class BenchBaselineOptions {
    @Option(names = "--save-baseline", paramLabel = "FILE", description = "Save this run's figures as a baseline (JSON).")
    Path save;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare with a saved baseline; exit 3 when a figure is worse by more than --max-regression-frac.")
    Path baseline;

    @Option(names = "--max-regression-frac", paramLabel = "F", defaultValue = "0.10",
            description = "Worsening allowed against --baseline, as a fraction (default: ${DEFAULT-VALUE} = 10%%).")
    double maxRegressionFrac;

    /** Exit 2 for options that cannot work, before the (long) bench runs. */
    public void check() {
        if (!(maxRegressionFrac >= 0) || !Double.isFinite(maxRegressionFrac)) {
            throw new UserInputException("--max-regression-frac " + maxRegressionFrac + ": use a fraction >= 0, e.g. 0.10");
        }
        if (baseline != null) read(); // a missing or malformed baseline is said now, not after the run
    }

    private BenchBaseline read() {
        if (!Files.isRegularFile(baseline)) {
            throw new UserInputException("--baseline " + baseline + " does not exist; save one first with --save-baseline FILE");
        }
        return Json.read(baseline, BenchBaseline.class);
    }

    /**
     * Saves and/or compares {@code run}'s figures as asked, printing the comparison on {@code out}.
     *
     * @throws CheckFailedException (exit 3) listing every figure worse than the baseline by more than the bound
     */
    public void apply(BenchBaseline run, PrintWriter out) {
        if (save != null) {
            Json.write(save, run);
            out.println("baseline saved: " + save);
        }
        if (baseline == null) {
            out.flush();
            return;
        }
        BenchBaseline saved = read();
        List<BenchBaseline.Change> changes;
        try {
            changes = run.compare(saved);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--baseline " + baseline + ": " + e.getMessage() + "; compare runs of the same bench");
        }
        if (changes.isEmpty()) {
            throw new UserInputException("--baseline " + baseline + " has none of this run's figures " + run.figures().keySet());
        }
        for (BenchBaseline.Change c : changes) out.println("vs baseline: " + c.describe());
        out.flush();
        List<BenchBaseline.Change> worse = BenchBaseline.regressions(changes, maxRegressionFrac);
        if (!worse.isEmpty()) {
            throw new CheckFailedException(String.format(Locale.ROOT, "%d figure(s) worse than the baseline %s by more than %.0f%%:",
                    worse.size(), baseline, maxRegressionFrac * 100), worse.stream().map(BenchBaseline.Change::describe).toList());
        }
    }
}
