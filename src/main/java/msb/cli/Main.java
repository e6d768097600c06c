package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import msb.core.CheckFailedException;
import msb.core.StoreLock;
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
    static {
        // picocli looks for Groovy (Class.forName("groovy.lang.Closure")) when it first builds a command: a miss
        // that opens and searches every jar on the class path (~60), most of a short command's run. No Groovy here.
        System.setProperty("picocli.disable.closures", "true");
    }

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
        if (all || only.equals("features")) cl.addSubcommand(new FeaturesCommand());
        return configured(cl);
    }

    /** The top-level commands in the order {@link #commandLine(String)} adds them (the root's help lists them so). */
    static final java.util.List<Class<?>> TOP_LEVEL = java.util.List.of(DataCommand.class, DatasetCommand.class,
            BenchCommand.class, DecideCommand.class, TrainCommand.class, EvaluateCommand.class, RunLiveCommand.class,
            StatusCommand.class, MonitorCommand.class, ExperimentCommand.class, RunsCommand.class, FeaturesCommand.class);

    /**
     * The root with each top-level command only named and described, from its {@code @Command} annotation:
     * all that the root's help, version and usage errors show, without picocli reflecting over every
     * command's options and subcommands (most of {@code msb --help}'s start-up time).
     */
    static CommandLine summaryTree() {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : TOP_LEVEL) {
            Command a = c.getAnnotation(Command.class);
            CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(a.name()).aliases(a.aliases());
            spec.usageMessage().header(a.header()).description(a.description()).hidden(a.hidden());
            cl.addSubcommand(a.name(), new CommandLine(spec));
        }
        return configured(cl);
    }

    /** What {@link #main} runs for these arguments: the root alone, one command's tree, or (unknown command) all. */
    static CommandLine forArgs(String[] args) {
        String name = commandName(args);
        if (name == null) return summaryTree();
        CommandLine cl = commandLine(name);
        return cl.getSubcommands().isEmpty() ? commandLine() : cl; // unknown: let picocli list and suggest them
    }

    private static CommandLine configured(CommandLine cl) {
        // picocli applies these settings only to subcommands that exist when they are set: keep them last.
        cl.registerConverter(Timeframe.class, clean(Timeframe::parse));
        cl.registerConverter(TfChoice.class, clean(TfChoice::parse));
        cl.registerConverter(msb.model.ModelKind.class, clean(msb.model.ModelKind::parse));
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleUsageError);
        // an Error (OutOfMemoryError, StackOverflowError) thrown by a command reaches the same handler, not the JVM
        // (the stores' writers run under the home lock: executeUnderHomeLock)
        cl.setExecutionStrategy(parsed -> {
            try {
                return executeUnderHomeLock(parsed);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), "error", e);
            }
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        return cl;
    }

    /** A usage error is one line (the problem and where help is), not the whole usage text. */
    static int handleUsageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String hint = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = "; did you mean " + String.join(" or ", u.getSuggestions().stream().limit(3).toList()) + "?";
        }
        err.println("msb: " + Messages.oneLine(ex.getMessage()) + hint + " (see: " + cl.getCommandSpec().qualifiedName()
                + " --help)");
        err.flush();
        return 2;
    }

    /**
     * The commands that write the stores of a home (datasets/, models/, experiments/runs/). They run under
     * the home lock, one at a time per home: a second one waits, saying so on stderr, and is refused with
     * exit 2 naming the holder's pid after {@link StoreLock#HOME_WAIT_MS}. run-live takes its state
     * directory's own lock (and the home lock only while it trains a missing artifact).
     */
    static final java.util.Set<String> HOME_WRITERS = java.util.Set.of("data import", "data fetch", "dataset build", "train",
            "experiment run", "features report");

    static int executeUnderHomeLock(CommandLine.ParseResult parsed) {
        java.util.List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine leaf = chain.getLast();
        String name = leaf.getCommandSpec().qualifiedName(" ");
        name = name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : "";
        boolean help = false;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            help |= p.isUsageHelpRequested() || p.isVersionHelpRequested();
        }
        if (help || !HOME_WRITERS.contains(name)) return new CommandLine.RunLast().execute(parsed);
        StoreLock lock;
        try {
            lock = StoreLock.home(((Main) parsed.commandSpec().userObject()).workspace(), "msb " + name, Cli.err(leaf.getCommandSpec()));
        } catch (RuntimeException e) {
            return handleException(e, leaf, parsed);
        }
        try (lock) {
            return new CommandLine.RunLast().execute(parsed);
        }
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
        Throwable t = e instanceof CommandLine.ExecutionException && e.getCause() instanceof Error error ? error : e;
        if (t instanceof UserInputException) {
            err.println("msb: " + Messages.oneLine(t.getMessage()));
            err.flush();
            return 2;
        }
        if (t instanceof CheckFailedException cf) {
            err.println("msb: " + Messages.oneLine(cf.getMessage()));
            for (String f : cf.failures()) err.println("  - " + Messages.oneLine(f));
            err.flush();
            return 3;
        }
        if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
            if (msb.core.IoProblem.isUsers(t)) {
                String file = msb.core.IoProblem.file(t);
                err.println("msb: could not use " + (file == null ? "a file" : file) + ": " + msb.core.IoProblem.why(t)
                        + "; check --home (it must be a writable directory) and the paths given");
                err.flush();
                return 2;
            }
        }
        if (t instanceof OutOfMemoryError) {
            err.println("msb: out of memory (" + Messages.oneLine(t.getMessage()) + "); the input is too large for this"
                    + " JVM's heap: give it more (JAVA_TOOL_OPTIONS=-Xmx...) or split the input");
            err.flush();
            return 1;
        }
        err.println("msb: unexpected error: " + Messages.oneLine(String.valueOf(t)));
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
        int code = RootHelp.print(args, System.out) ? 0 : forArgs(args).execute(args);
        ProcessExit.exit(code);
    }
}
