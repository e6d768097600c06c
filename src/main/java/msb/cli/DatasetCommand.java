package msb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code msb dataset}: parent of {@code build} and {@code show}. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Build per-timeframe datasets (features, labels, purged splits, manifest) and show them.",
        subcommands = {DatasetBuildCommand.class, DatasetShowCommand.class},
        footer = {"", "Writes: datasets/<SYMBOL>/<tf>/ under --home (build); show writes nothing.", "Example: msb dataset build --tf all"})
public final class DatasetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
