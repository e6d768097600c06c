package msb.cli;

import java.nio.file.Path;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.live.StateStore;
import picocli.CommandLine.Option;

/** Which live runner {@code status} and {@code monitor} look at: {@code --state-dir}, or the newest one (of {@code --symbol}). */
public final class RunnerOptions {
    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The runner's state directory (relative paths are under --home). Default: the most recently"
                    + " updated runner under <home>/state/ (under <home>/state/<SYMBOL>/ with --symbol).")
    Path stateDir;

    @Option(names = "--symbol", paramLabel = "SYM",
            description = "Only runners of this symbol (default: every symbol; run-live's default symbol is BTC).")
    String symbol;

    /**
     * The multi-timeframe group to show instead of one runner: the group whose parent directory --state-dir
     * names, or, without --state-dir, the group of the most recently updated runner. Empty for one runner.
     */
    public java.util.Optional<msb.live.RunnerGroup> group(Workspace ws) {
        if (stateDir != null) return msb.live.RunnerGroup.load(Cli.underHome(ws, stateDir));
        Path root = symbol == null ? ws.stateRoot() : ws.stateRoot().resolve(Workspace.checkSymbol(symbol));
        return StateStore.mostRecent(root).flatMap(s -> msb.live.RunnerGroup.around(s.dir()))
                .filter(g -> g.members().size() > 1);
    }

    /** The chosen runner's state store; exit 2 naming where it looked when there is none. */
    public StateStore resolve(Workspace ws) {
        if (stateDir != null) return new StateStore(Cli.underHome(ws, stateDir));
        Path root = symbol == null ? ws.stateRoot() : ws.stateRoot().resolve(Workspace.checkSymbol(symbol));
        return StateStore.mostRecent(root).orElseThrow(() -> new UserInputException("no live runner state under " + root
                + "; start one with msb run-live --tf 5m" + (symbol == null ? "" : " --symbol " + symbol)
                + ", or pass --state-dir DIR"));
    }
}
