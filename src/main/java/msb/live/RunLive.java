package msb.live;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import msb.core.CheckFailedException;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.BarImporter;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.RawStore;
import msb.data.FundingSeries;
import msb.data.FundingStore;
import msb.data.Resampler;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import msb.features.Feature;
import msb.features.FeatureSchema;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.LoadedArtifact;
import msb.trading.CohortInputs;
import msb.trading.StrategyConfig;

/**
 * `msb run-live`: resolves and verifies the artifact (before any data is read), loads the bars, wires
 * features, model and engine into a {@link LiveRunner}, resumes from the state directory, runs, and
 * prints the summary. An unpromoted artifact runs in shadow mode and ends in exit 3 naming its gates.
 */
public final class RunLive {
    /** The command's settings. {@code fromFileOrNull}/{@code artifactOrNull}/{@code configOrNull} are optional. */
    public record Options(Timeframe tf, String symbol, FeedKind feed, Path fromFileOrNull, Path artifactOrNull, Speed speed,
                          long maxBars, Path stateDir, Path configOrNull, URI baseUrl, int checkpointEveryBarsOrZero) {
        public Options {
            if (maxBars < 1) throw new UserInputException("--max-bars " + maxBars + ": must be >= 1");
            if (checkpointEveryBarsOrZero < 0) {
                throw new UserInputException("--checkpoint-every " + checkpointEveryBarsOrZero + ": must be >= 1");
            }
            if (feed == FeedKind.HYPERLIQUID && fromFileOrNull != null) {
                throw new UserInputException("--from is for --feed replay; the hyperliquid feed reads the venue");
            }
        }
    }

    public enum FeedKind {
        REPLAY, HYPERLIQUID;

        public static FeedKind parse(String text) {
            for (FeedKind k : values()) if (k.name().equalsIgnoreCase(text.trim())) return k;
            throw new UserInputException("--feed '" + text + "': use replay or hyperliquid");
        }
    }

    /**
     * Max-speed replays checkpoint every this many bars by default (a crash redoes at most this many bars,
     * a fraction of a second); paced replays and live feeds checkpoint every bar. Resume is exact either way.
     */
    public static final int MAX_SPEED_CHECKPOINT_BARS = 10_000;

    private RunLive() {}

    public static StatusDoc run(Workspace ws, Options o, java.io.PrintWriter out, PrintStream err, LiveClock clock)
            throws InterruptedException {
        return run(ws, o, Shared.ALONE, out, err, clock);
    }

    /** {@link #run} with the book under a joint exposure limit (one timeframe given --max-total-exposure-frac). */
    public static StatusDoc runWithin(Workspace ws, Options o, ExposureBudget budget, java.io.PrintWriter out, PrintStream err,
                                      LiveClock clock) throws InterruptedException {
        return run(ws, o, new Shared(budget, 0, null, "msb: ", null), out, err, clock);
    }

    private static StatusDoc run(Workspace ws, Options o, Shared shared, java.io.PrintWriter out, PrintStream err, LiveClock clock)
            throws InterruptedException {
        try (Prepared p = prepare(ws, o, err, clock, shared)) {
            StatusDoc status = p.execute(ws, err, clock, null);
            out.print(StatusReport.render(status));
            out.flush();
            if (p.shadow()) throw p.shadowFailure(status);
            return status;
        }
    }

    /**
     * What a timeframe shares with the others of its process: the exposure budget (its book {@code index}),
     * the bar order of a replay (null live), and the prefix of its operator lines.
     */
    record Shared(ExposureBudget budgetOrNull, int index, BarTurns turnsOrNull, String prefix,
                  java.util.function.Supplier<CohortSignals> liveCohortsOrNull) {
        static final Shared ALONE = new Shared(null, 0, null, "msb: ", null);
    }

    /** One timeframe's runner, verified and opened, with the artifact it holds open. */
    static final class Prepared implements AutoCloseable {
        final Options o;
        final Path artifactDir;
        final LoadedArtifact artifact;
        final FeatureSchema schema;
        final CohortSignals cohorts;
        final LiveRunner runner;
        final Long resumeTs;

        private Prepared(Options o, Path artifactDir, LoadedArtifact artifact, FeatureSchema schema, CohortSignals cohorts,
                         LiveRunner runner, Long resumeTs) {
            this.o = o;
            this.artifactDir = artifactDir;
            this.artifact = artifact;
            this.schema = schema;
            this.cohorts = cohorts;
            this.runner = runner;
            this.resumeTs = resumeTs;
        }

        boolean shadow() { return !artifact.promoted(); }

        /** Feeds the runner (replay, or the venue; {@code venueOrNull} shares one venue client between timeframes). */
        StatusDoc execute(Workspace ws, PrintStream err, LiveClock clock, HyperliquidVenue venueOrNull) throws InterruptedException {
            return switch (o.feed()) {
                case REPLAY -> replay(ws, o, schema, runner, resumeTs, err, clock, null, cohorts);
                case HYPERLIQUID -> live(o, schema, runner, resumeTs, err, clock,
                        venueOrNull != null ? venueOrNull : new HyperliquidVenue(o.baseUrl(), o.symbol(), clock));
            };
        }

        CheckFailedException shadowFailure(StatusDoc status) {
            ArtifactManifest m = artifact.manifest();
            List<String> gates = m.failedGates().isEmpty() ? List.of("not promoted (trained with --no-promote)") : m.failedGates();
            return new CheckFailedException("artifact " + artifactDir + " is not promoted; it ran in shadow mode ("
                    + status.barsProcessed() + " bars, 0 orders). Failed gates:", gates);
        }

        @Override public void close() { artifact.close(); }
    }

    /** Verifies the artifact (before any data is read), wires features, model and engine, and opens the state. */
    static Prepared prepare(Workspace ws, Options o, PrintStream err, LiveClock clock, Shared shared) {
        // Bad inputs exit 2 before an artifact may be trained for this run: a typo must not cost a training run.
        StrategyConfig cfg = o.configOrNull() == null ? StrategyConfig.defaults(o.tf()) : StrategyConfig.load(o.configOrNull(), o.tf());
        if (o.fromFileOrNull() != null && !java.nio.file.Files.isRegularFile(o.fromFileOrNull())) {
            throw new UserInputException("--from " + o.fromFileOrNull() + ": no such file; pass a bar file `msb data import` reads");
        }
        StateStore store = new StateStore(o.stateDir());
        Path artifactDir = ArtifactChoice.resolve(ws, o.symbol(), o.tf(), o.artifactOrNull(), store, err);
        LoadedArtifact artifact = ArtifactStore.loadFor(artifactDir, o.tf(), o.symbol(), null);
        try {
            ArtifactManifest m = artifact.manifest();
            FeatureSchema schema = schemaOf(artifactDir, m);
            // stored cohort data feeds a replay (features and the decision's mood); the live venue has none
            CohortSignals cohorts = o.feed() == FeedKind.REPLAY ? RawStore.cohorts(ws, o.symbol()).orElse(null) : null;
            if (schema.hasCohorts() && cohorts == null) {
                throw new UserInputException("artifact " + artifactDir + " needs cohort features (S_top, S_bot), which "
                        + (o.feed() == FeedKind.REPLAY ? "are not stored for " + o.symbol() + "; import them: msb data import --cohorts FILE"
                        : "the hyperliquid feed has no source for; replay stored bars, or train on a dataset built without a cohort file"));
            }
            boolean shadow = !artifact.promoted();
            if (shadow) {
                err.println(shared.prefix() + "artifact " + artifactDir + " is not promoted (" + gatesText(m)
                        + "): SHADOW mode, every decision is computed and logged, no order is sent");
            }
            int every = o.checkpointEveryBarsOrZero() > 0 ? o.checkpointEveryBarsOrZero()
                    : o.feed() == FeedKind.REPLAY && o.speed().isMax() ? MAX_SPEED_CHECKPOINT_BARS : 1;
            var setup = new LiveRunner.Setup(o.tf(), o.symbol(), artifactDir.toString(), o.feed().name().toLowerCase(), shadow,
                    m.failedGates(), m::seenInFitting, every);
            EngineTrader trader = new EngineTrader(o.tf(), cfg, shadow, CohortInputs.of(cohorts, o.tf()));
            if (shared.liveCohortsOrNull() != null && cohorts == null) trader.withLiveCohorts(shared.liveCohortsOrNull());
            LiveRunner runner = new LiveRunner(setup, new EngineFeatures(schema, cohorts), artifact.predictor(),
                    artifact.bma().orElse(null), trader, store,
                    a -> err.println(shared.prefix() + "ALERT " + a.kind() + " at bar " + a.barTs() + ": " + a.message()), clock);
            Long resumeTs = runner.open();
            if (shared.budgetOrNull() != null) trader.shareExposure(shared.budgetOrNull(), shared.index());
            if (shared.turnsOrNull() != null) runner.takeTurns(shared.turnsOrNull(), shared.index());
            return new Prepared(o, artifactDir, artifact, schema, cohorts, runner, resumeTs);
        } catch (RuntimeException e) {
            artifact.close();
            throw e;
        }
    }

    static StatusDoc replay(Workspace ws, Options o, FeatureSchema schema, LiveRunner runner, Long resumeTs, PrintStream err,
                            LiveClock clock, LongConsumer barNanos, CohortSignals cohortsOrNull) throws InterruptedException {
        Bars bars = replayBars(ws, o, err);
        if (schema.hasCohorts() && cohortsOrNull.ts()[0] > bars.firstTs()) {
            throw new UserInputException("the stored cohort data starts at " + cohortsOrNull.ts()[0] + ", after the first replayed bar "
                    + bars.firstTs() + ", and the artifact's features need it from the first bar; replay bars from "
                    + cohortsOrNull.ts()[0] + " on or import cohort data that covers them");
        }
        FundingSeries funding = schema.hasFunding() ? funding(ws, o.symbol()) : null;
        if (resumeTs != null) {
            if (java.util.Arrays.binarySearch(bars.ts(), resumeTs) < 0) {
                throw new UserInputException(o.stateDir() + " stopped at bar " + resumeTs + ", which is not in the replayed series ("
                        + bars.firstTs() + ".." + bars.lastTs() + "); replay the same data or use another --state-dir");
            }
            err.println("msb: resuming after bar " + resumeTs + " (" + java.time.Instant.ofEpochSecond(resumeTs) + ")");
            runner.prime(bars, funding, resumeTs);
        }
        err.println("msb: replaying " + bars.size() + " " + o.tf().label() + " bars (" + java.time.Instant.ofEpochSecond(bars.firstTs())
                + " .. " + java.time.Instant.ofEpochSecond(bars.lastTs()) + ") at speed " + o.speed());
        return runner.run(new ReplayFeed(bars, funding, o.speed(), clock), o.maxBars(), barNanos);
    }

    private static StatusDoc live(Options o, FeatureSchema schema, LiveRunner runner, Long resumeTs, PrintStream err,
                                  LiveClock clock, HyperliquidVenue venue) throws InterruptedException {
        try (HyperliquidFeed feed = new HyperliquidFeed(venue, o.tf(), HyperliquidFeed.Options.defaults(o.tf()), clock)) {
            int warm = schema.warmupBars() + 64;
            Bars history = feed.history(warm, resumeTs == null ? Long.MIN_VALUE : resumeTs);
            FundingSeries funding = null;
            if (schema.hasFunding() && history.size() > 0) {
                funding = venue.fundingHistory((history.firstTs() - 8 * 3600) * 1000);
            }
            err.println("msb: live on " + o.baseUrl() + ": warmed up on " + history.size() + " bars; polling each "
                    + o.tf().label() + " close (Ctrl-C stops; the same command resumes)");
            runner.prime(history, funding, history.size() == 0 ? Long.MIN_VALUE : history.lastTs());
            return runner.run(feed, o.maxBars(), null);
        }
    }

    /** The bars to replay: --from FILE (resampled to the timeframe), else the timeframe's stored series. */
    static Bars replayBars(Workspace ws, Options o, PrintStream err) {
        Bars bars;
        if (o.fromFileOrNull() != null) {
            bars = BarImporter.read(o.fromFileOrNull(), BarImporter.Options.auto()).bars();
            if (bars.intervalSec() > o.tf().seconds()) {
                throw new UserInputException(o.fromFileOrNull() + ": bars of " + bars.intervalSec() + " s are coarser than "
                        + o.tf().label() + "; pass bars of " + o.tf().label() + " or finer");
            }
            if (bars.intervalSec() < o.tf().seconds()) bars = Resampler.resample(bars, o.tf().seconds()).bars();
        } else {
            if (!DatasetStore.exists(ws, o.symbol(), o.tf())) {
                DatasetBuilder.loadOrBuild(ws, o.symbol(), o.tf(), DatasetBuilder.Options.DEFAULT, err);
            }
            bars = DatasetStore.loadBars(ws, o.symbol(), o.tf());
        }
        if (bars.size() == 0) throw new UserInputException("no " + o.tf().label() + " bars to replay");
        return bars;
    }

    private static FundingSeries funding(Workspace ws, String symbol) {
        var sources = FundingStore.sources(ws, symbol);
        if (sources.isEmpty()) {
            throw new UserInputException("the artifact's features need funding rates but none are stored for " + symbol
                    + "; import them: msb data import --funding FILE --symbol " + symbol);
        }
        return FundingStore.load(ws, symbol, sources.getFirst().source());
    }

    /** The artifact's feature schema, rebuilt from its columns; a changed feature definition is refused. */
    static FeatureSchema schemaOf(Path artifactDir, ArtifactManifest m) {
        List<String> absent = new ArrayList<>();
        List<Feature.Input> inputs;
        try {
            inputs = m.columns().stream().map(c -> msb.features.FeatureCatalog.byName(c).input()).toList();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("artifact " + artifactDir + ": " + e.getMessage() + "; retrain it with this msb");
        }
        if (!inputs.contains(Feature.Input.FUNDING)) absent.add(FeatureSchema.FUNDING);
        if (!inputs.contains(Feature.Input.COHORTS)) absent.add(FeatureSchema.COHORTS);
        FeatureSchema schema = FeatureSchema.ofColumns(m.columns(), absent);
        if (!schema.schemaHash().equals(m.schemaHash())) {
            throw new UserInputException("artifact " + artifactDir + " has feature schema " + m.schemaHash() + ", this msb computes "
                    + schema.schemaHash() + " for the same columns (a feature definition changed); retrain: msb train --tf " + m.tf());
        }
        return schema;
    }

    private static String gatesText(ArtifactManifest m) {
        return m.failedGates().isEmpty() ? "trained with --no-promote" : "failed gates: " + String.join(", ", m.failedGates());
    }
}
