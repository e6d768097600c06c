package msb.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress bars or notes on stderr; results and errors are unaffected. */
public final class QuietOption {
    @Option(names = "--quiet", description = "No progress bars or notes on stderr.")
    boolean quiet;

    public boolean on() { return quiet; }
}
