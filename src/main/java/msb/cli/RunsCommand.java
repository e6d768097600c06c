package msb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code msb runs}: parent of {@code list}. */
@Command(name = "runs", header = "Find recorded runs (training and experiment runs share one id).",
        mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Every training run leaves a record under <home>/experiments/runs/<run-id>/ named after its",
                "model directory models/<SYMBOL>/<tf>/<run-id>/; an experiment run adds its record and report there.",
                "Any of these ids works with `msb experiment compare`."},
        subcommands = {RunsListCommand.class},
        footer = {"", "Writes: nothing.", "Example: msb runs list --tf 24h --promoted"})
public final class RunsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
