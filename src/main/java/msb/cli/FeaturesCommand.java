package msb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code msb features}: parent of {@code report}. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Which features carry information: per-feature skill, permutation importance, clusters.",
        subcommands = {FeaturesReportCommand.class},
        footer = {"", "Writes: nothing unless --out DIR (report), or a missing dataset it builds first.",
                "Example: msb features report --tf 1h --out reports/features-1h"})
public final class FeaturesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
