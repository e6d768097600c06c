package msb.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.hyperliquid.HyperliquidClient;
import msb.live.LiveClock;
import msb.live.RunLive;
import msb.live.Speed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb run-live}: the live loop on a paper book, replaying stored bars or polling Hyperliquid. */
@Command(name = "run-live", header = "Run a timeframe's model bar by bar on a paper book (replay or live feed).",
        mixinStandardHelpOptions = true,
        description = {"Runs a timeframe's model on a paper book, bar by bar: incremental features, model",
                "probabilities, decision, guards, paper fills. The replay feed plays the whole stored series",
                "(or --bars-file FILE, or the embedded default data) and ends with a summary; state is checkpointed",
                "so that re-running the same command resumes from the last completed bar. An artifact that is",
                "not promoted runs in shadow mode (no orders) and the command exits 3 naming its failed gates.",
                "--retrain-every 1d retrains it on a schedule of bar time and swaps a promoted retrain in at a bar boundary."},
        footer = {"", "Writes: <home>/state/<SYMBOL>/<tf>/ (state, event log) and, when it must train first or --retrain-every"
                + " retrains, models/ and datasets/.", "Example: msb run-live --tf 5m --max-bars 500      (re-run the same command to continue)"})
public final class RunLiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tf", required = true, split = ",", paramLabel = "TF",
            description = "Timeframe: 5m, 1h, 12h, 24h or another length that divides a day (15m, 4h, ...); several, comma-separated"
                    + " (5m,1h,12h,24h), run in one process.")
    java.util.List<Timeframe> tfs;

    @Option(names = "--max-total-exposure-frac", paramLabel = "X",
            description = "Joint limit of every timeframe's book: their absolute notional together at most X times their"
                    + " summed equity (default " + msb.live.ExposureBudget.DEFAULT_MAX_TOTAL_EXPOSURE_FRAC
                    + " with several timeframes; with one, no joint limit unless given).")
    Double maxTotalExposureFrac;

    @Option(names = "--cohorts", paramLabel = "FILE",
            description = "With --feed hyperliquid: collect cohort and mood signals live from these wallets (lines role,address;"
                    + " role pros or amateurs) and the public trades, one row per 5m into the cohort store (state under"
                    + " <home>/state/<SYMBOL>/cohorts).")
    Path cohorts;

    @Option(names = "--retrain-every", paramLabel = "DURATION",
            description = "Retrain each timeframe's model every DURATION of bar time (1d, 12h, 30m) in the background, on the"
                    + " bars up to the current one, with the recipe its artifact records (model, seed, hyperparameters, label,"
                    + " features) and every gate of `msb train`; a promoted run is swapped in at the next bar boundary, a"
                    + " refused one keeps the current model and raises an alert naming its failed verdicts. Swaps and refusals"
                    + " are events with both run ids; the state names the live run and the next due time, so a restart"
                    + " continues the schedule with the same model.")
    String retrainEvery;

    @Option(names = "--feed", defaultValue = "replay", paramLabel = "KIND", description = "replay (default) or hyperliquid.")
    String feed;

    @Option(names = {"--bars-file", "--from"}, paramLabel = "FILE",
            description = "Replay these bars (any `data import` layout) instead of the stored series. --from is the earlier"
                    + " name of this option, kept working (in evaluate, --from is a time).")
    Path from;

    @Option(names = "--artifact", paramLabel = "DIR", description = "A training run directory. Default: the timeframe's LATEST (trained first when there is none).")
    Path artifact;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "SPEED", description = "Replay pace: max (default), realtime or <N>x.")
    String speed;

    @Option(names = "--max-bars", paramLabel = "N", description = "Stop after N more bars (the state is kept; re-run to continue). Default: no limit.")
    Long maxBars;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State and event log (relative paths are under --home). Default: <home>/state/<SYMBOL>/<tf>."
            + " With several timeframes: their parent (DIR/<tf> each, and DIR/runners.json), default <home>/state/<SYMBOL>.")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (JSON or YAML) over the timeframe's defaults.")
    Path config;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--base-url", paramLabel = "URL", description = "Hyperliquid API base URL (default https://api.hyperliquid.xyz).")
    URI baseUrl;

    @Option(names = "--checkpoint-every", paramLabel = "K",
            description = "Checkpoint every K bars. Default: " + RunLive.MAX_SPEED_CHECKPOINT_BARS
                    + " for max-speed replays, else every bar. Resume is exact either way.")
    Integer checkpointEvery;

    @Option(names = "--drift-window-bars", paramLabel = "N",
            description = "Drift monitoring: compare the last N feature rows with the artifact's TRAIN distribution"
                    + " (PSI per feature; default " + msb.live.DriftConfig.DEFAULT_WINDOW_BARS + ", at least "
                    + msb.live.DriftConfig.MIN_WINDOW_BARS + ").")
    Integer driftWindowBars;

    @Option(names = "--drift-alert-psi", paramLabel = "X",
            description = "Alert when a feature's PSI reaches X (default " + msb.live.DriftConfig.DEFAULT_ALERT_PSI
                    + ", the conventional significant shift; re-arms below half of it).")
    Double driftAlertPsi;

    @Option(names = "--drift-halt-psi", paramLabel = "X",
            description = "No new orders (exits still run) while the largest feature PSI is at or above X; resumes below"
                    + " half of it. Default 0 = never halt (0.5 is a common choice).")
    Double driftHaltPsi;

    @Override
    public Integer call() throws InterruptedException {
        Workspace ws = Cli.workspace(spec);
        if (checkpointEvery != null && checkpointEvery < 1) {
            throw new msb.core.UserInputException("--checkpoint-every " + checkpointEvery + ": must be >= 1");
        }
        if (new java.util.HashSet<>(tfs).size() != tfs.size()) {
            throw new msb.core.UserInputException("--tf " + tfs.stream().map(Timeframe::label).toList() + " names a timeframe twice; name each once");
        }
        RunLive.FeedKind feedKind = RunLive.FeedKind.parse(feed);
        URI base = baseUrl != null ? baseUrl : HyperliquidClient.DEFAULT_BASE_URL;
        long bars = maxBars == null ? Long.MAX_VALUE : maxBars;
        int every = checkpointEvery == null ? 0 : checkpointEvery;
        var drift = new msb.live.DriftConfig(driftWindowBars != null ? driftWindowBars : msb.live.DriftConfig.DEFAULT_WINDOW_BARS,
                driftAlertPsi != null ? driftAlertPsi : msb.live.DriftConfig.DEFAULT_ALERT_PSI,
                driftHaltPsi != null ? driftHaltPsi : msb.live.DriftConfig.DEFAULT_HALT_PSI);
        if (tfs.size() == 1 && cohorts == null) {
            Timeframe tf = tfs.getFirst();
            var options = RunLive.Options.of(tf, symbol.value(), feedKind, stateDir != null ? Cli.underHome(ws, stateDir) : ws.stateDir(symbol.value(), tf))
                    .withBarsFile(from).withArtifact(artifact).withSpeed(Speed.parse(speed)).withMaxBars(bars).withConfig(config)
                    .withBaseUrl(base).withCheckpointEveryBars(every).withDrift(drift).withRetrainEvery(retrainEvery);
            if (maxTotalExposureFrac != null) {
                RunLive.runWithin(ws, options, new msb.live.ExposureBudget(1, maxTotalExposureFrac), spec.commandLine().getOut(),
                        Cli.err(spec), LiveClock.SYSTEM);
            } else {
                RunLive.run(ws, options, spec.commandLine().getOut(), Cli.err(spec), LiveClock.SYSTEM);
            }
            return 0;
        }
        if (artifact != null && tfs.size() > 1) {
            throw new msb.core.UserInputException("--artifact names one timeframe's run; with several timeframes each runs its"
                    + " LATEST: run one --tf with --artifact, or promote the run");
        }
        // one timeframe with --cohorts: its state dir as usual, the group file beside it
        boolean one = tfs.size() == 1;
        Path parent = one ? (stateDir != null ? Cli.underHome(ws, stateDir) : ws.stateDir(symbol.value(), tfs.getFirst())).getParent()
                : stateDir != null ? Cli.underHome(ws, stateDir) : ws.stateRoot().resolve(Workspace.checkSymbol(symbol.value()));
        java.util.List<RunLive.Options> perTf = new java.util.ArrayList<>();
        for (Timeframe tf : tfs) {
            Path dir = one && stateDir != null ? Cli.underHome(ws, stateDir) : parent.resolve(tf.label());
            perTf.add(RunLive.Options.of(tf, symbol.value(), feedKind, dir).withBarsFile(from).withArtifact(one ? artifact : null)
                    .withSpeed(Speed.parse(speed)).withMaxBars(bars).withConfig(config).withBaseUrl(base).withCheckpointEveryBars(every)
                    .withDrift(drift).withRetrainEvery(retrainEvery));
        }
        msb.live.MultiRunLive.run(ws, perTf, maxTotalExposureFrac != null ? maxTotalExposureFrac
                : msb.live.ExposureBudget.DEFAULT_MAX_TOTAL_EXPOSURE_FRAC, parent, cohorts, spec.commandLine().getOut(), Cli.err(spec),
                LiveClock.SYSTEM);
        return 0;
    }
}
