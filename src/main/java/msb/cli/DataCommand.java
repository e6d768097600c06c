package msb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code msb data}: market data in (import files, fetch from an exchange). */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Market data in: validate and store bars and funding rates under datasets/raw/<SYMBOL>/.",
        subcommands = {DataImportCommand.class, DataFetchCommand.class, DataSynthCommand.class},
        footer = {"", "Writes: datasets/raw/<SYMBOL>/ under --home.", "Example: msb data import --in BTC-USD-1h.csv"})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
