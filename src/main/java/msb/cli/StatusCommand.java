package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.live.StateStore;
import msb.live.StatusDoc;
import msb.live.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb status}: the state of a live runner, running or stopped, from its last checkpoint. */
@Command(name = "status", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"The state of a live runner (running or stopped): mode, bars, position, equity, signals and",
                "orders per side, round trips, what each gate blocked per side, halts, flips, alerts."})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The runner's state directory. Default: the most recently updated runner under <home>/state/.")
    Path stateDir;

    @Option(names = "--json", description = "One JSON document on stdout (fields per CONTRACT.md).")
    boolean json;

    @Override
    public Integer call() {
        Workspace ws = Cli.workspace(spec);
        StateStore store = resolve(ws, stateDir);
        StatusDoc s = store.status();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(s) : "state dir               " + store.dir() + "\n" + StatusReport.render(s));
        out.flush();
        return 0;
    }

    /** The given state directory, or the most recently updated runner under the workspace's state root. */
    static StateStore resolve(Workspace ws, Path stateDir) {
        if (stateDir != null) return new StateStore(stateDir.toAbsolutePath());
        return StateStore.mostRecent(ws.stateRoot()).orElseThrow(() -> new UserInputException(
                "no live runner state under " + ws.stateRoot() + "; start one with msb run-live --tf 5m, or pass --state-dir DIR"));
    }
}
