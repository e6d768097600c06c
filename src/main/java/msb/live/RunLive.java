package msb.live;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import msb.core.CheckFailedException;
import msb.core.FileSet;
import msb.core.StoreLock;
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
    /**
     * The command's settings. {@code fromFileOrNull}/{@code artifactOrNull}/{@code configOrNull} are optional;
     * {@code drift} defaults to {@link DriftConfig#DEFAULT}.
     */
    public record Options(Timeframe tf, String symbol, FeedKind feed, Path fromFileOrNull, Path artifactOrNull, Speed speed,
                          long maxBars, Path stateDir, Path configOrNull, URI baseUrl, int checkpointEveryBarsOrZero,
                          DriftConfig drift, String retrainEveryOrNull) {
        /**
         * A run of {@code tf} on {@code feed} with every other setting at its default: the promoted artifact, no bars
         * file, max speed, no bar limit, the default strategy configuration, the default venue, the default
         * checkpoint cadence, default drift monitoring, no retraining. Change one with the {@code with...} methods.
         */
        public static Options of(Timeframe tf, String symbol, FeedKind feed, Path stateDir) {
            return new Options(tf, symbol, feed, null, null, Speed.MAX, Long.MAX_VALUE, stateDir, null,
                    msb.data.hyperliquid.HyperliquidClient.DEFAULT_BASE_URL, 0, DriftConfig.DEFAULT, null);
        }

        public Options withBarsFile(Path file) {
            return new Options(tf, symbol, feed, file, artifactOrNull, speed, maxBars, stateDir, configOrNull, baseUrl,
                    checkpointEveryBarsOrZero, drift, retrainEveryOrNull);
        }

        public Options withArtifact(Path dir) {
            return new Options(tf, symbol, feed, fromFileOrNull, dir, speed, maxBars, stateDir, configOrNull, baseUrl,
                    checkpointEveryBarsOrZero, drift, retrainEveryOrNull);
        }

        public Options withSpeed(Speed s) {
            return new Options(tf, symbol, feed, fromFileOrNull, artifactOrNull, s, maxBars, stateDir, configOrNull, baseUrl,
                    checkpointEveryBarsOrZero, drift, retrainEveryOrNull);
        }

        public Options withMaxBars(long n) {
            return new Options(tf, symbol, feed, fromFileOrNull, artifactOrNull, speed, n, stateDir, configOrNull, baseUrl,
                    checkpointEveryBarsOrZero, drift, retrainEveryOrNull);
        }

        public Options withConfig(Path file) {
            return new Options(tf, symbol, feed, fromFileOrNull, artifactOrNull, speed, maxBars, stateDir, file, baseUrl,
                    checkpointEveryBarsOrZero, drift, retrainEveryOrNull);
        }

        public Options withBaseUrl(URI url) {
            return new Options(tf, symbol, feed, fromFileOrNull, artifactOrNull, speed, maxBars, stateDir, configOrNull, url,
                    checkpointEveryBarsOrZero, drift, retrainEveryOrNull);
        }

        /** 0: the default cadence ({@link #MAX_SPEED_CHECKPOINT_BARS} at max speed, else every bar). */
        public Options withCheckpointEveryBars(int bars) {
            return new Options(tf, symbol, feed, fromFileOrNull, artifactOrNull, speed, maxBars, stateDir, configOrNull, baseUrl,
                    bars, drift, retrainEveryOrNull);
        }

        public Options withDrift(DriftConfig d) {
            return new Options(tf, symbol, feed, fromFileOrNull, artifactOrNull, speed, maxBars, stateDir, configOrNull, baseUrl,
                    checkpointEveryBarsOrZero, d, retrainEveryOrNull);
        }

        /** The same settings, retraining every {@code every} (1d, 12h, 30m; null: never). */
        public Options withRetrainEvery(String every) {
            return new Options(tf, symbol, feed, fromFileOrNull, artifactOrNull, speed, maxBars, stateDir, configOrNull, baseUrl,
                    checkpointEveryBarsOrZero, drift, every);
        }

        public Options {
            if (drift == null) drift = DriftConfig.DEFAULT;
            if (retrainEveryOrNull != null) Retrainer.parseEverySec(retrainEveryOrNull);
            if (maxBars < 1) throw new UserInputException("--max-bars " + maxBars + ": must be >= 1");
            if (checkpointEveryBarsOrZero < 0) {
                throw new UserInputException("--checkpoint-every " + checkpointEveryBarsOrZero + ": must be >= 1");
            }
            if (feed == FeedKind.HYPERLIQUID && fromFileOrNull != null) {
                throw new UserInputException("--bars-file (--from) is for --feed replay; the hyperliquid feed reads the venue");
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
            out.print(nextSteps(ws, o, p.artifactDir, p.shadow()));
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

    /** One timeframe's runner, verified and opened, with the artifact and the state directory's lock it holds. */
    static final class Prepared implements AutoCloseable {
        final RunnerLock lock;
        final Options o;
        final Path artifactDir;
        final LoadedArtifact artifact;
        final FeatureSchema schema;
        final CohortSignals cohorts;
        final LiveRunner runner;
        final Long resumeTs;
        final Retrainer retrainerOrNull;

        private Prepared(RunnerLock lock, Options o, Path artifactDir, LoadedArtifact artifact, FeatureSchema schema,
                         CohortSignals cohorts, LiveRunner runner, Long resumeTs, Retrainer retrainerOrNull) {
            this.retrainerOrNull = retrainerOrNull;
            this.lock = lock;
            this.o = o;
            this.artifactDir = artifactDir;
            this.artifact = artifact;
            this.schema = schema;
            this.cohorts = cohorts;
            this.runner = runner;
            this.resumeTs = resumeTs;
        }

        /** True while the runner trades in shadow mode (a promoted retrain swapped in ends it). */
        boolean shadow() { return runner.status().mode().equals("shadow"); }

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
            List<String> gates = m.failedGatesFor(o.symbol()).isEmpty() ? List.of("not promoted (trained with --no-promote)")
                    : m.failedGateDetailsFor(o.symbol());
            return new CheckFailedException("artifact " + artifactDir + " is not promoted" + forMember(m, o.symbol()) + "; it ran in shadow mode ("
                    + status.barsProcessed() + " bars, 0 orders). Failed verdicts:", gates);
        }

        @Override
        public void close() {
            try {
                if (retrainerOrNull != null) retrainerOrNull.close();
            } finally {
                closeArtifactAndLock();
            }
        }

        private void closeArtifactAndLock() {
            try {
                artifact.close();
            } finally {
                lock.close();
            }
        }
    }

    /** Verifies the artifact (before any data is read), wires features, model and engine, and opens the state. */
    static Prepared prepare(Workspace ws, Options o, PrintStream err, LiveClock clock, Shared shared) {
        // Bad inputs exit 2 before an artifact may be trained for this run: a typo must not cost a training run.
        StrategyConfig cfg = o.configOrNull() == null ? StrategyConfig.defaults(o.tf()) : StrategyConfig.load(o.configOrNull(), o.tf());
        if (o.fromFileOrNull() != null && !java.nio.file.Files.isRegularFile(o.fromFileOrNull())) {
            throw new UserInputException("--bars-file (--from) " + o.fromFileOrNull() + ": no such file; pass a bar file `msb data import` reads");
        }
        StateStore store = new StateStore(o.stateDir());
        // One runner per state directory, enforced by an OS lock held for the whole run: two runners would
        // interleave events.jsonl and, on a live feed, both trade. The second one is refused (exit 2 naming
        // the holder's pid), before it trains an artifact when the directory exists (RunnerLock).
        RunnerLock lock = RunnerLock.early(o.stateDir(), "msb run-live --tf " + o.tf().label() + " --symbol " + o.symbol());
        Path artifactDir;
        LoadedArtifact artifact;
        try {
            artifactDir = ArtifactChoice.resolve(ws, o.symbol(), o.tf(), o.artifactOrNull(), store, err, lock::take);
            artifact = ArtifactStore.loadFor(artifactDir, o.tf(), o.symbol(), null);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            lock.take();
            FileSet.removeTemps(o.stateDir()); // a killed runner's half-written checkpoint
            ArtifactManifest m = artifact.manifest();
            if (o.retrainEveryOrNull() != null && m.pool() != null) {
                // Retrainer trains on this runner's symbol alone: a pooled recipe would silently become a one-symbol model
                throw new UserInputException("--retrain-every: artifact " + artifactDir + " is pooled (" + String.join(",", m.symbols())
                        + "); pooled retraining is not supported: retrain it with msb train --symbols " + String.join(",", m.symbols()));
            }
            FeatureSchema schema = schemaOf(artifactDir, m);
            if (o.feed() == FeedKind.HYPERLIQUID && schema.hasCross()) {
                throw new UserInputException("the artifact's features read other symbols' bars (" + schema.crossSymbols() + "), which the"
                        + " hyperliquid feed does not follow yet: replay stored bars, or train without cross-asset features");
            }
            if (o.feed() == FeedKind.HYPERLIQUID && schema.hasTakerBuy()) {
                throw new UserInputException("the artifact's features include order flow (ofi_N), which needs taker-buy volume; the"
                        + " hyperliquid feed has none: replay stored Binance bars, or train without ofi features");
            }
            // stored cohort data feeds a replay (features and the decision's mood); the live venue has none
            CohortSignals cohorts = o.feed() == FeedKind.REPLAY ? RawStore.cohorts(ws, o.symbol()).orElse(null) : null;
            if (schema.hasCohorts() && cohorts == null) {
                throw new UserInputException("artifact " + artifactDir + " needs cohort features (S_top, S_bot), which "
                        + (o.feed() == FeedKind.REPLAY ? "are not stored for " + o.symbol() + "; import them: msb data import --cohorts FILE"
                        : "the hyperliquid feed has no source for; replay stored bars, or train on a dataset built without a cohort file"));
            }
            boolean shadow = !m.promotedFor(o.symbol());
            if (shadow) {
                err.println(shared.prefix() + "artifact " + artifactDir + " is not promoted" + forMember(m, o.symbol()) + " (" + gatesText(m, o.symbol())
                        + "): SHADOW mode, every decision is computed and logged, no order is sent");
            }
            int every = o.checkpointEveryBarsOrZero() > 0 ? o.checkpointEveryBarsOrZero()
                    : o.feed() == FeedKind.REPLAY && o.speed().isMax() ? MAX_SPEED_CHECKPOINT_BARS : 1;
            var setup = new LiveRunner.Setup(o.tf(), o.symbol(), ws.recorded(artifactDir), o.feed().name().toLowerCase(), shadow,
                    m.failedGatesFor(o.symbol()), m::seenInFitting, every);
            EngineTrader trader = new EngineTrader(o.tf(), cfg.withSignal(m.signalSpec()), shadow, CohortInputs.of(cohorts, o.tf()));
            if (shared.liveCohortsOrNull() != null && cohorts == null) trader.withLiveCohorts(shared.liveCohortsOrNull());
            var cross = o.feed() == FeedKind.REPLAY ? crossBars(ws, o, schema, null) : java.util.Map.<String, Bars>of();
            LiveRunner runner = new LiveRunner(setup, new EngineFeatures(schema, cohorts, cross), artifact.predictor(),
                    artifact.bma().orElse(null), trader, store,
                    a -> err.println(shared.prefix() + "ALERT " + a.kind() + " at bar " + java.time.Instant.ofEpochSecond(a.barTs())
                            + ": " + a.message()), clock);
            DriftMonitor drift = driftMonitor(m, o.drift(), artifactDir, err, shared.prefix());
            if (drift != null) runner.monitorDrift(drift);
            Retrainer retrainer = null;
            if (o.retrainEveryOrNull() != null) {
                // replays and simulated clocks swap at the bar after the retrain's: the swap bar follows bar time only
                retrainer = new Retrainer(ws, o.symbol(), o.tf(), o.retrainEveryOrNull(), Retrainer.parseEverySec(o.retrainEveryOrNull()),
                        o.feed() == FeedKind.REPLAY || clock != LiveClock.SYSTEM, err, shared.prefix());
                runner.retrainWith(retrainer, m);
            }
            Long resumeTs = runner.open();
            if (shared.budgetOrNull() != null) trader.shareExposure(shared.budgetOrNull(), shared.index());
            if (shared.turnsOrNull() != null) runner.takeTurns(shared.turnsOrNull(), shared.index());
            return new Prepared(lock, o, artifactDir, artifact, schema, cohorts, runner, resumeTs, retrainer);
        } catch (RuntimeException e) {
            try {
                artifact.close();
            } finally {
                lock.close();
            }
            throw e;
        }
    }

    /** The drift monitor of an artifact; null, said once, when its manifest predates training distributions. */
    static DriftMonitor driftMonitor(ArtifactManifest m, DriftConfig cfg, Path artifactDir, PrintStream err, String prefix) {
        if (m.trainDistribution() == null || m.trainDistribution().features().isEmpty()) {
            err.println(prefix + "artifact " + artifactDir + " keeps no training distribution (manifest format " + m.formatVersion()
                    + "): drift monitoring is off; retrain to monitor drift");
            return null;
        }
        return new DriftMonitor(m.trainDistribution(), m.columns(), cfg, m.runId());
    }

    static StatusDoc replay(Workspace ws, Options o, FeatureSchema schema, LiveRunner runner, Long resumeTs, PrintStream err,
                            LiveClock clock, LongConsumer barNanos, CohortSignals cohortsOrNull) throws InterruptedException {
        Bars bars = replayBars(ws, o, err);
        if (schema.hasCohorts() && cohortsOrNull.ts()[0] > bars.firstTs()) {
            var cohortStart = java.time.Instant.ofEpochSecond(cohortsOrNull.ts()[0]);
            throw new UserInputException("the stored cohort data starts at " + cohortStart + ", after the first replayed bar "
                    + java.time.Instant.ofEpochSecond(bars.firstTs()) + ", and the artifact's features need it from the first bar;"
                    + " replay bars from " + cohortStart + " on or import cohort data that covers them");
        }
        FundingSeries funding = schema.hasFunding() ? funding(ws, o.symbol()) : null;
        if (funding != null && funding.ts()[0] > bars.firstTs()) {
            // as the dataset builder does: features that read funding start where funding is known, never zero-filled
            int first = java.util.Arrays.binarySearch(bars.ts(), funding.ts()[0]);
            first = first >= 0 ? first : -first - 1;
            if (first == bars.size()) {
                throw new UserInputException("the stored funding rates start after the last replayed bar; import funding that covers the bars");
            }
            err.println("msb: the artifact's features read funding, known from " + java.time.Instant.ofEpochSecond(funding.ts()[0])
                    + "; skipping the " + first + " bars before it");
            bars = bars.slice(first, bars.size());
        }
        crossBars(ws, o, schema, bars); // refuses a replayed bar without the other symbols' bars
        runner.retrainOn(bars);
        if (resumeTs != null) {
            if (java.util.Arrays.binarySearch(bars.ts(), resumeTs) < 0) {
                throw new UserInputException(o.stateDir() + " stopped at bar " + java.time.Instant.ofEpochSecond(resumeTs)
                        + ", which is not in the replayed series (" + java.time.Instant.ofEpochSecond(bars.firstTs()) + " .. "
                        + java.time.Instant.ofEpochSecond(bars.lastTs()) + "); replay the same data or use another --state-dir");
            }
            int done = java.util.Arrays.binarySearch(bars.ts(), resumeTs) + 1;
            int left = bars.size() - done;
            runner.prime(bars, funding, resumeTs);
            if (left == 0) {
                err.println("msb: " + o.stateDir() + " already reached the last bar (" + java.time.Instant.ofEpochSecond(resumeTs)
                        + "); nothing left to replay, the summary below is the stored state (delete the state directory or pass"
                        + " another --state-dir to start over)");
            } else {
                err.println("msb: resuming after bar " + java.time.Instant.ofEpochSecond(resumeTs) + " (" + done + " of " + bars.size()
                        + " bars done); replaying " + (o.maxBars() < left ? "the next " + o.maxBars() + " of " : "")
                        + "the remaining " + left + " " + o.tf().label() + " bars (from " + java.time.Instant.ofEpochSecond(bars.ts(done))
                        + ") at speed " + o.speed());
            }
        } else {
            err.println("msb: replaying " + (o.maxBars() < bars.size() ? "the first " + o.maxBars() + " of " : "") + bars.size() + " "
                    + o.tf().label() + " bars (" + java.time.Instant.ofEpochSecond(bars.firstTs()) + " .. "
                    + java.time.Instant.ofEpochSecond(bars.lastTs()) + ") at speed " + o.speed());
        }
        return runner.run(new ReplayFeed(bars, funding, o.speed(), clock), o.maxBars(), barNanos);
    }

    /**
     * The other symbols' stored bars, resampled to the timeframe, that the artifact's cross-asset features read;
     * a replayed bar without one of them at its close is refused (the dataset builder dropped such bars).
     */
    static java.util.Map<String, Bars> crossBars(Workspace ws, Options o, FeatureSchema schema, Bars barsOrNull) {
        java.util.Map<String, Bars> out = new java.util.TreeMap<>();
        for (String other : schema.crossSymbols()) {
            String src = (barsOrNull == null || barsOrNull.size() == 0 ? RawStore.finest(ws, other)
                    : RawStore.forCross(ws, other, o.tf().seconds(), barsOrNull.firstTs(), barsOrNull.lastTs()))
                    .map(msb.data.SourceInfo::source).orElseThrow(() -> new UserInputException(
                    "the artifact's features read " + other + " bars and none are stored; import them: msb data import --in FILE --symbol " + other));
            Bars ob = RawStore.load(ws, other, src);
            if (ob.intervalSec() > o.tf().seconds() || o.tf().seconds() % ob.intervalSec() != 0) {
                throw new UserInputException("the stored " + other + " bars (" + ob.intervalSec() + " s) cannot make " + o.tf().label() + " bars");
            }
            ob = Resampler.resample(ob, o.tf().seconds()).bars();
            for (int i = 0; barsOrNull != null && i < barsOrNull.size(); i++) {
                if (java.util.Arrays.binarySearch(ob.ts(), barsOrNull.ts(i)) < 0) {
                    throw new UserInputException("no stored " + other + " bar closes at " + java.time.Instant.ofEpochSecond(barsOrNull.ts(i))
                            + ", a replayed bar; the artifact's cross-asset features need one at every bar: replay the timeframe's"
                            + " stored dataset bars (built with them) or import " + other + " bars that cover these");
                }
            }
            out.put(other, ob);
        }
        return out;
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
            runner.retrainOnStoredAndSeen();
            runner.prime(history, funding, history.size() == 0 ? Long.MIN_VALUE : history.lastTs());
            return runner.run(feed, o.maxBars(), null);
        }
    }

    /** The bars to replay: --bars-file FILE (resampled to the timeframe), else the timeframe's stored series. */
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
                // building writes datasets/: under the home lock, like `msb dataset build`
                try (StoreLock lock = StoreLock.home(ws, "msb run-live (building a missing dataset)", err)) {
                    if (!DatasetStore.exists(ws, o.symbol(), o.tf())) {
                        DatasetBuilder.loadOrBuild(ws, o.symbol(), o.tf(), DatasetBuilder.Options.DEFAULT, err);
                    }
                }
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

    /** The summary's last lines: which commands show the book and the model's verdicts next. */
    static String nextSteps(Workspace ws, Options o, Path artifactDir, boolean shadow) {
        String tf = o.tf().label();
        String home = ws.home().toString().isEmpty() ? "" : " --home " + ws.home();
        String sym = (o.symbol().equals("BTC") ? "" : " --symbol " + o.symbol()) + home;
        String state = " --state-dir " + o.stateDir() + home;
        StringBuilder b = new StringBuilder("\nnext steps\n");
        if (shadow) {
            b.append("  why it was refused      msb evaluate --artifact ").append(artifactDir).append(sym)
                    .append(" --report reports/").append(tf).append("   (verdicts per gate, the funnel, a report)\n");
            b.append("  what it would have done msb status").append(state).append("   (signals and blocks; no orders in shadow mode)\n");
            b.append("  a book that trades      needs a promoted run: msb runs list --tf ").append(tf).append(sym)
                    .append(" --promoted, then msb run-live --tf ").append(tf).append(" --artifact DIR").append(sym)
                    .append("; or msb train --tf ").append(tf).append(sym).append(" (promoted when every gate passes)\n");
            b.append("  what passing looks like msb experiment run experiments/controls/positive.yaml").append(home)
                    .append(", then msb run-live --tf 1h").append(home).append("   (a planted skill: promoted, trades both sides)\n");
        } else {
            b.append("  the book                msb status").append(state).append("   (position, equity, orders, round trips)\n");
            b.append("  the backtest report     msb evaluate --tf ").append(tf).append(sym).append(" --report reports/").append(tf).append('\n');
            b.append("  continue                the same command again resumes after the last bar\n");
        }
        return b.toString();
    }

    private static String gatesText(ArtifactManifest m, String sym) {
        List<String> failed = m.failedGatesFor(sym);
        return failed.isEmpty() ? "trained with --no-promote" : "failed gates: " + String.join(", ", failed);
    }

    /** " for SYM" when a promoted pooled model is held back from a member by that member's own VAL verdicts. */
    private static String forMember(ArtifactManifest m, String sym) {
        return m.promoted() && m.pool() != null ? " for " + sym : "";
    }
}
