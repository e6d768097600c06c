package msb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.Workspace;
import msb.live.GroupStatus;
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
                "orders per side, round trips, what each gate blocked per side, halts, flips, alerts. For a",
                "`run-live --tf A,B,...` process (the newest runner belongs to one, or --state-dir names its parent",
                "directory), every timeframe side by side; --json then prints {symbol, feed, max_total_exposure_frac,",
                "timeframes: [{tf, state_dir, outcome, detail, status: <the single-runner document or null>}]}."},
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
        PrintWriter out = spec.commandLine().getOut();
        var group = runner.group(ws);
        if (group.isPresent()) {
            GroupStatus g = GroupStatus.of(group.get());
            out.print(json.on() ? Json.pretty(g) : g.render());
            out.flush();
            return 0;
        }
        StateStore store = runner.resolve(ws);
        StatusDoc s = store.status();
        out.print(json.on() ? Json.pretty(s) : "state dir               " + store.dir() + "\n" + StatusReport.render(s));
        out.flush();
        return 0;
    }

}
