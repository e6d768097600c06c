package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import msb.core.CheckFailedException;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The msb command line. Exit codes: 0 ok; 2 bad input or usage; 3 a check ran and failed; 1 anything
 * unexpected. Messages for 2 and 3 go to stderr without a stack trace.
 */
@Command(name = "msb", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100, sortOptions = false,
        description = {
                "Workbench for per-timeframe crypto direction models: import bars, build",
                "honest datasets, train stacked calibrated models behind promotion gates,",
                "evaluate them for one-sided predictions, run them on a paper book.",
                "",
                "Typical flow:",
                "  msb data import --in bars.csv        validate and store canonical bars",
                "  msb dataset build --tf all           features, labels, purged splits, manifest",
                "  msb train --tf 24h                   stacked model; promoted only if its gates pass",
                "  msb evaluate --tf all --check-directional-balance",
                "  msb run-live --tf 5m                 replay (default) or live feed on a paper book",
                ""},
        footer = {"", "Exit codes: 0 ok, 2 bad input or usage, 3 a check failed, 1 unexpected error.",
                "Set MSB_DEBUG=1 to see stack traces of unexpected errors."})
public final class Main implements Runnable {

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Root of everything msb writes (datasets/, models/, state/, reports/, experiments/runs/). Default: current directory.")
    Path home = Path.of("");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The workspace under --home; a --home that is an existing non-directory is bad input (exit 2), not an I/O failure later. */
    public Workspace workspace() {
        if (java.nio.file.Files.exists(home) && !java.nio.file.Files.isDirectory(home)) {
            throw new UserInputException("--home " + home + " is a file, not a directory; pass a directory (created when missing)");
        }
        return Workspace.at(home);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The whole command tree (tests and help use this). */
    public static CommandLine commandLine() { return commandLine(null); }

    /**
     * The command tree, or with {@code only} just that top-level command: every command class costs
     * start-up time, and a short command should not pay for the others.
     */
    static CommandLine commandLine(String only) {
        CommandLine cl = new CommandLine(new Main());
        boolean all = only == null;
        if (all || only.equals("data")) cl.addSubcommand(new DataCommand());
        if (all || only.equals("dataset")) cl.addSubcommand(new DatasetCommand());
        if (all || only.equals("bench")) BenchCommand.of(cl).addSubcommand(new BenchDatasetCommand());
        if (all || only.equals("bench")) BenchCommand.of(cl).addSubcommand(new BenchImportCommand());
        if (all || only.equals("decide")) cl.addSubcommand(new DecideCommand());
        if (all || only.equals("train")) cl.addSubcommand(new TrainCommand());
        if (all || only.equals("bench")) BenchCommand.of(cl).addSubcommand(new BenchTrainCommand());
        if (all || only.equals("evaluate")) cl.addSubcommand(new EvaluateCommand());
        if (all || only.equals("run-live")) cl.addSubcommand(new RunLiveCommand());
        if (all || only.equals("status")) cl.addSubcommand(new StatusCommand());
        if (all || only.equals("monitor")) cl.addSubcommand(new MonitorCommand());
        if (all || only.equals("bench")) BenchCommand.of(cl).addSubcommand(new BenchLiveCommand());
        if (all || only.equals("experiment")) cl.addSubcommand(new ExperimentCommand());
        if (all || only.equals("runs")) cl.addSubcommand(new RunsCommand());
        // picocli applies these settings only to subcommands that exist when they are set: keep them last.
        cl.registerConverter(Timeframe.class, clean(Timeframe::parse));
        cl.registerConverter(TfChoice.class, clean(TfChoice::parse));
        cl.registerConverter(msb.model.ModelKind.class, clean(msb.model.ModelKind::parse));
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        return cl;
    }

    /** A converter whose refusal is picocli's one-line usage error (exit 2), not a wrapped exception. */
    private static <T> CommandLine.ITypeConverter<T> clean(java.util.function.Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException | UserInputException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }

    static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable t = e;
        if (t instanceof UserInputException) {
            err.println("msb: " + t.getMessage());
            err.flush();
            return 2;
        }
        if (t instanceof CheckFailedException cf) {
            err.println("msb: " + cf.getMessage());
            for (String f : cf.failures()) err.println("  - " + f);
            err.flush();
            return 3;
        }
        err.println("msb: unexpected error: " + t);
        if (System.getenv("MSB_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("  (set MSB_DEBUG=1 to see the stack trace; please report it)");
        }
        err.flush();
        return 1;
    }

    /** The top-level command word, skipping --home; null when the root itself is asked (--help, --version). */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home")) { i++; continue; }
            if (a.startsWith("--home=")) continue;
            return a.startsWith("-") ? null : a;
        }
        return null;
    }

    public static void main(String[] args) {
        String name = commandName(args);
        CommandLine cl = commandLine(name);
        if (name != null && cl.getSubcommands().isEmpty()) cl = commandLine(); // unknown: let picocli list them
        int code = cl.execute(args);
        System.out.flush();
        System.exit(code);
    }
}
