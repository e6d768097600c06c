package msb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code msb experiment}: parent of {@code run} and {@code compare}. */
@Command(name = "experiment", header = "Run experiment specs end to end and compare the recorded runs.",
        mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Run committed experiment specs (experiments/*.yaml) end to end and compare the recorded runs.",
                "Records go to <home>/experiments/runs/<run-id>/ (record.json, spec.yaml, returns.json, report/)."},
        subcommands = {ExperimentRunCommand.class, ExperimentCompareCommand.class},
        footer = {"", "Writes: experiments/runs/<run-id>/ under --home (run), plus what import, dataset build and train write;"
                + " compare writes nothing.", "Example: msb experiment run experiments/24h.yaml --walk-forward"})
public final class ExperimentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
