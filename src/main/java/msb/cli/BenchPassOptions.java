package msb.cli;

import msb.core.UserInputException;
import picocli.CommandLine.Option;

/** {@code --warmup N --iterations N} of the throughput benchmarks: untimed passes first, then the timed ones (median). */
public final class BenchPassOptions {
    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed warm-up passes (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5", description = "Timed passes; the median is reported (default: ${DEFAULT-VALUE})")
    int iterations;

    public int warmup() { return warmup; }

    public int iterations() { return iterations; }

    /** Exit 2 for counts that cannot run. */
    public void check() {
        if (warmup < 0) throw new UserInputException("--warmup " + warmup + ": use 0 or more");
        if (iterations < 1) throw new UserInputException("--iterations " + iterations + ": use 1 or more");
    }
}
