package msb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.Workspace;
import msb.live.StateStore;
import msb.live.StatusDoc;
import msb.live.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code msb status}: the state of a live runner, running or stopped, from its last checkpoint. */
@Command(name = "status", header = "Show a live runner's state, running or stopped.",
        mixinStandardHelpOptions = true,
        description = {"The state of a live runner (running or stopped): mode, bars, position, equity, signals and",
                "orders per side, round trips, what each gate blocked per side, halts, flips, alerts."},
        footer = {"", "Writes: nothing (reads the runner's last checkpoint).", "Example: msb status --json"})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunnerOptions runner;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Workspace ws = Cli.workspace(spec);
        StateStore store = runner.resolve(ws);
        StatusDoc s = store.status();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json.on() ? Json.pretty(s) : "state dir               " + store.dir() + "\n" + StatusReport.render(s));
        out.flush();
        return 0;
    }

}
