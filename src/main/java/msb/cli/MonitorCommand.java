package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.core.Workspace;
import msb.live.LiveClock;
import msb.live.MonitorView;
import msb.live.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb monitor}: a refreshing terminal view of a live runner; Ctrl-C to leave. */
@Command(name = "monitor", header = "Watch a live runner in a refreshing terminal view.",
        mixinStandardHelpOptions = true,
        description = {"A refreshing terminal view of a live runner: equity, position, the decision funnel",
                "(signals, blocks per gate, orders) and the most recent events. Ctrl-C to leave. For a",
                "`run-live --tf A,B,...` process, every timeframe with its own funnel, alerts and events."},
        footer = {"", "Writes: nothing (reads the runner's checkpoint and event log).", "Example: msb monitor --state-dir state/BTC/5m"})
public final class MonitorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunnerOptions runner;

    @Option(names = "--interval-ms", paramLabel = "N", defaultValue = "1000", description = "Refresh interval (default ${DEFAULT-VALUE} ms).")
    long intervalMs;

    @Option(names = "--once", description = "Print one frame (no screen clearing) and exit.")
    boolean once;

    @Option(names = "--events", paramLabel = "N", defaultValue = "15", description = "Recent events shown (default ${DEFAULT-VALUE}).")
    int events;

    @Override
    public Integer call() throws InterruptedException {
        if (intervalMs < 50) throw new msb.core.UserInputException("--interval-ms " + intervalMs + ": use at least 50");
        Workspace ws = Cli.workspace(spec);
        var group = runner.group(ws);
        StateStore store = group.isPresent() ? null : runner.resolve(ws);
        java.util.function.Supplier<String> frame = () -> group.isPresent()
                ? MonitorView.groupFrame(msb.live.RunnerGroup.load(Path.of(group.get().members().getFirst().stateDir())
                        .toAbsolutePath().getParent()).orElse(group.get()), events)
                : MonitorView.frame(store, events);
        PrintWriter out = spec.commandLine().getOut();
        if (once) {
            out.print(frame.get());
            out.flush();
            return 0;
        }
        while (!Thread.currentThread().isInterrupted()) {
            out.print(MonitorView.CLEAR_SCREEN + frame.get());
            out.flush();
            LiveClock.SYSTEM.sleepMs(intervalMs);
        }
        return 0;
    }
}
