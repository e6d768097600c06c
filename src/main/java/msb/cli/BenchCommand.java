package msb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code msb bench}: parent of the throughput benchmarks, each printing {@code <number> bars/s}.
 * To add one, write a picocli command class and register it with one line in
 * {@code Main.commandLine()}, before the converter and handler settings at its end:
 * {@code BenchCommand.of(cl).addSubcommand(new BenchTrainCommand());}
 * ({@link #of} creates the {@code bench} parent on first use, so the order of those lines does not matter).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput benchmarks; each prints its figure as '<number> bars/s' on stdout.",
        footer = {"", "Writes: nothing under --home except bench dataset --out DIR.", "Example: msb bench import --rows 200000"})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** The root's {@code bench} subcommand, added to {@code root} if it is not there yet. */
    public static CommandLine of(CommandLine root) {
        CommandLine bench = root.getSubcommands().get("bench");
        if (bench == null) {
            root.addSubcommand("bench", new BenchCommand());
            bench = root.getSubcommands().get("bench");
        }
        return bench;
    }
}
