package msb.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.data.Bar;
import msb.data.Bars;
import msb.data.FundingSeries;
import msb.signal.Probs;
import msb.model.SequencePredictor;

/**
 * The live loop: per closed bar, incremental features, model probabilities over the last
 * {@code historyRows()} feature rows, then the trading engine; events go to the JSONL log, alerts to the
 * operator and the log, and a checkpoint goes to the state directory.
 *
 * <p>Crash safety: a checkpoint (engine snapshot, position in the bar stream, event log length, alert and
 * split accumulators) is written atomically every {@code checkpointEveryBars} bars and at every stop. Writing
 * it after every bar would cap a max-speed replay at a few thousand bars/s (each write is an fsync), so a
 * replay checkpoints every K bars (made durable in the background, {@link CheckpointWriter}) and a live feed
 * every bar. Resume is exact either way: the event log is
 * cut back to the checkpoint's length, the feature state is rebuilt by replaying the bars up to the
 * checkpoint through the feature code (no trading), and the bars after it are processed again; engine,
 * features and model are deterministic, so this re-run writes the same events and reaches the same state
 * as the run that crashed, with no event duplicated.
 */
public final class LiveRunner {
    /** What identifies and configures one runner. */
    public record Setup(Timeframe tf, String symbol, String artifact, String source, boolean shadow,
                        List<String> failedGates, LongPredicate seenInFitting, int checkpointEveryBars) {
        public Setup {
            if (checkpointEveryBars < 1) throw new IllegalArgumentException("checkpointEveryBars must be >= 1");
            failedGates = List.copyOf(failedGates);
        }
    }

    private static final int ALERTS_KEPT = 20;

    private Setup setup;
    private final FeatureStep features;
    private SequencePredictor predictor;
    private SequencePredictor bmaPredictor;
    private final Trader trader;
    private final StateStore store;
    private final Consumer<Alert> alertOut;
    private final RowWindow window;
    private final LiveClock clock;
    private final CheckpointWriter checkpoints;
    /** The round trips earlier checkpoints serialised (used by one checkpoint at a time, in order). */
    private final StateJson.Trips trips = new StateJson.Trips();

    private EventLog log;
    /** Engine events go to the log; engine alerts (data of type {@link Alert}) also to the operator. */
    private final EventSink engineSink = (ts, type, data) -> {
        if (data instanceof Alert a) raise(List.of(a));
        else log.emit(ts, type, data);
    };
    private AlertMonitor monitor;
    private long barsProcessed;
    private Long lastBarTs;
    private SplitPnl inSample = SplitPnl.ZERO;
    private SplitPnl outOfSample = SplitPnl.ZERO;
    private final List<Alert> recentAlerts = new ArrayList<>();
    private boolean feedStale;
    private boolean finished;
    private BarTurns turns;
    private int turnIndex;
    private DriftMonitor drift;
    /** {@code --retrain-every}: null when off. */
    private Retrainer retrainer;
    private msb.model.ArtifactManifest liveManifest;
    /** The schedule a checkpoint recorded, kept as it was by a run without --retrain-every. */
    private RetrainStatus carriedRetrain;

    public LiveRunner(Setup setup, FeatureStep features, SequencePredictor predictor, SequencePredictor bmaPredictor,
                      Trader trader, StateStore store, Consumer<Alert> alertOut, LiveClock clock) {
        this.clock = clock;
        this.setup = setup;
        this.features = features;
        this.predictor = predictor;
        this.bmaPredictor = bmaPredictor;
        this.trader = trader;
        this.store = store;
        this.alertOut = alertOut;
        int history = predictor.historyRows();
        if (bmaPredictor != null) history = Math.max(history, bmaPredictor.historyRows());
        this.window = new RowWindow(history);
        this.checkpoints = new CheckpointWriter("msb-checkpoint-" + setup.tf().label());
    }

    /**
     * Loads the checkpoint (if any) into the engine and cuts the event log back to it. Returns the last
     * completed bar's close time, or null for a fresh run. Refuses state that belongs to another run.
     */
    public Long open() {
        try {
            return restore();
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException e) { // a field edited to null or to another type: bad input, not a crash
            throw new UserInputException(store.stateFile() + " cannot be resumed (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "); it was edited or damaged: restore it, or delete "
                    + store.dir() + " to start over", e);
        }
    }

    /** Retrains on {@code retrainer}'s schedule, starting from the artifact {@code live} (call before {@link #open}). */
    void retrainWith(Retrainer retrainer, msb.model.ArtifactManifest live) {
        this.retrainer = retrainer;
        this.liveManifest = live;
    }

    /** A replay's retrains train on these bars (those through the retrain's bar). */
    void retrainOn(Bars replayed) {
        if (retrainer != null) retrainer.trainOn(replayed);
    }

    /** A live feed's retrains train on the stored bars plus the ones the feed delivers (call before {@link #prime}). */
    void retrainOnStoredAndSeen() {
        if (retrainer != null) retrainer.trainOnStoredAndSeen();
    }

    private Long restore() {
        var loaded = store.load();
        RetrainStatus stored = loaded.map(s -> s.status().retrain()).orElse(null);
        if (retrainer != null) retrainer.restore(stored, liveManifest.runId());
        else carriedRetrain = stored;
        if (loaded.isPresent()) {
            RunnerState s = loaded.get();
            check("timeframe", s.tf(), setup.tf().label());
            check("symbol", s.symbol(), setup.symbol());
            check("artifact", s.artifact(), setup.artifact());
            check("feed", s.source(), setup.source());
            check("strategy config (sha256 of --config, of --drift-halt-psi when set, and of the stored cohort data in a replay that"
                    + " reads it)", s.strategyConfig(), configId());
            trader.restore(s.engine());
            barsProcessed = s.barsProcessed();
            lastBarTs = s.lastBarTs();
            inSample = s.inSample();
            outOfSample = s.outOfSample();
            recentAlerts.addAll(s.status().alerts());
            feedStale = s.status().feedStale();
            monitor = new AlertMonitor(s.alerts());
            // false: the stored window was binned against another artifact (an older state file across a swap)
            if (drift != null && s.drift() != null) drift.restore(s.drift());
            log = EventLog.open(store.eventsFile(), s.eventLogBytes(), s.eventSeq());
        } else {
            monitor = new AlertMonitor(AlertMonitor.State.initial());
            log = EventLog.open(store.eventsFile(), 0, 0);
        }
        return lastBarTs;
    }

    /**
     * The trader's configuration id, with the drift halt level when one is set: it decides which orders go out, so a
     * resume with another one is refused like another --config (unset, the id is the trader's as before it existed).
     */
    private String configId() {
        if (drift == null || !drift.config().halts()) return trader.configId();
        return msb.core.Hashing.sha256(trader.configId() + "\ndrift_halt_psi " + drift.config().haltPsi());
    }

    private void check(String what, String stored, String now) {
        if (!now.equals(stored)) {
            throw new UserInputException(store.dir() + " holds a runner with " + what + " " + stored + ", this run has "
                    + now + "; pass another --state-dir or delete " + store.dir() + " to start over");
        }
    }

    /**
     * Rebuilds feature and history state from bars at or before {@code throughTs}, without trading. On a
     * fresh run (a live start on fetched history) the bars also warm the engine's market state (no
     * decision, no counter); on a resume the engine's state comes from the checkpoint instead.
     */
    public void prime(Bars bars, FundingSeries fundingOrNull, long throughTs) {
        boolean warmEngine = lastBarTs == null;
        EventSink none = (ts, type, data) -> { };
        for (int i = 0; i < bars.size() && bars.ts(i) <= throughTs; i++) {
            MarketContext market = MarketContext.replay(fundingOrNull, bars.ts(i));
            double[] row = features.update(bars.get(i), market);
            if (row != null) window.push(row);
            if (row != null && warmEngine && drift != null) drift.warm(row);
            if (retrainer != null) retrainer.observe(bars.get(i));
            if (warmEngine) trader.onBar(new LiveBar(bars.get(i), null, null, market, bars.ts(i)), none);
        }
    }

    /** Measures drift of every feature row against the artifact's TRAIN bins; call before {@link #open()}. */
    public void monitorDrift(DriftMonitor monitor) {
        this.drift = monitor;
    }

    /** Processes bars in close-time order with the other runners of {@code turns} (multi-timeframe replay). */
    void takeTurns(BarTurns turns, int index) {
        this.turns = turns;
        this.turnIndex = index;
    }

    /**
     * Runs until the feed ends or {@code maxBars} more bars were processed; checkpoints at the end.
     * {@code barNanos} (may be null) receives each bar's processing time.
     */
    public StatusDoc run(Feed feed, long maxBars, LongConsumer barNanos) throws InterruptedException {
        if (log == null) throw new IllegalStateException("open() first");
        if (lastBarTs != null) feed.skipThrough(lastBarTs);
        if (retrainer != null) retrainer.resumePending(liveManifest);
        long done = 0;
        try {
            while (done < maxBars) {
                FeedEvent ev = feed.next();
                switch (ev) {
                    case FeedEvent.End end -> {
                        finished = feed instanceof ReplayFeed;
                        if (retrainer != null) boundary(true);
                        return checkpoint();
                    }
                    case FeedEvent.Stale stale -> {
                        feedStale = true;
                        log.emit(stale.lastSeenTs(), "feed_stale", Map.of("expected_ts", stale.expectedTs(),
                                "reason", stale.reason()));
                        raise(monitor.onStale(stale));
                        checkpoint();
                    }
                    case FeedEvent.Closed closed -> {
                        if (turns != null) turns.await(turnIndex, closed.bar().tsClose());
                        if (retrainer != null) boundary(false);
                        long t0 = barNanos == null ? 0 : System.nanoTime();
                        onBar(feed, closed);
                        if (barNanos != null) barNanos.accept(System.nanoTime() - t0);
                        done++;
                        boolean started = retrainer != null && startRetrain(closed.bar());
                        // a max-speed replay's periodic checkpoints are made durable in the background (CheckpointWriter)
                        if (started || barsProcessed % setup.checkpointEveryBars() == 0) {
                            checkpoint(started || setup.checkpointEveryBars() == 1);
                        }
                        if (turns != null) turns.done(turnIndex);
                    }
                }
            }
            if (retrainer != null) boundary(true);
            return checkpoint();
        } finally {
            if (turns != null) turns.finish(turnIndex);
            checkpoints.close(); // before the log it forces is closed
            log.close();
            log = null;
        }
    }

    private void onBar(Feed feed, FeedEvent.Closed closed) {
        Bar bar = closed.bar();
        double[] row = features.update(bar, closed.market());
        Probs probs = null;
        Probs bma = null;
        if (row != null) {
            window.push(row);
            if (drift != null) {
                List<Alert> drifted = drift.onRow(bar.tsClose(), row);
                if (!drifted.isEmpty()) raise(drifted);
                trader.haltEntries(drift.halted() ? drift.haltReason() : null);
            }
            if (window.full()) {
                double[][] rows = window.oldestFirst();
                probs = predictor.predict(rows);
                if (bmaPredictor != null) bma = bmaPredictor.predict(rows);
            }
        }
        double equityBefore = trader.equity();
        feedStale = false;
        long receivedAtSec = feed instanceof ReplayFeed ? bar.tsClose() : clock.nowMs() / 1000;
        trader.onBar(new LiveBar(bar, probs, bma, closed.market(), receivedAtSec), engineSink);
        double pnl = trader.equity() - equityBefore;
        if (inSample(bar.tsClose())) inSample = inSample.plus(pnl); else outOfSample = outOfSample.plus(pnl);
        monitor.afterBar();
        barsProcessed++;
        lastBarTs = bar.tsClose();
    }

    /**
     * After a bar: starts a due retrain on the bars through it. The checkpoint that follows records the schedule
     * and the live artifact before training writes anything, so a restart uses that artifact whatever LATEST says.
     */
    private boolean startRetrain(Bar bar) {
        retrainer.observe(bar);
        if (!retrainer.maybeStart(bar.tsClose(), liveManifest)) return false;
        log.emit(bar.tsClose(), "retrain_started", new Retrainer.Event(liveManifest.runId(), null, bar.tsClose(), null, List.of()));
        return true;
    }

    /**
     * A bar boundary (or the end of the run, {@code wait}): a finished retrain is applied here and only here.
     * A promoted one is swapped in (model, signal, the split of in-sample bars; the book, features and history go
     * on), anything else keeps the model and raises an alert; either way an event with both run ids, and a
     * checkpoint, which is the swap's commit point: a crash before it resumes with the old artifact, due again.
     */
    private void boundary(boolean wait) throws InterruptedException {
        Retrainer.Outcome o = retrainer.poll(wait);
        if (o == null) return;
        long at = lastBarTs;
        String old = liveManifest.runId();
        switch (o) {
            case Retrainer.Outcome.Swap s -> {
                msb.model.ArtifactManifest m = s.artifact().manifest();
                setup = new Setup(setup.tf(), setup.symbol(), s.recorded(), setup.source(), false, List.of(), m::seenInFitting,
                        setup.checkpointEveryBars());
                predictor = s.artifact().predictor();
                bmaPredictor = s.artifact().bma().orElse(null);
                trader.swapModel(m.signalSpec(), false);
                liveManifest = m;
                List<String> notes = swapDrift(at, m);
                log.emit(at, "model_swap", new Retrainer.Event(old, m.runId(), s.throughTs(), s.datasetLastTs(), notes));
            }
            case Retrainer.Outcome.Refused r -> {
                log.emit(at, "retrain_refused", new Retrainer.Event(old, r.runId(), r.throughTs(), null, r.reasons()));
                raise(List.of(new Alert(at, Alert.RETRAIN_REFUSED, "retrain " + r.runId() + " (bars through "
                        + java.time.Instant.ofEpochSecond(r.throughTs()) + ") refused, keeping " + old + "; failed: "
                        + String.join("; ", r.reasons()))));
            }
            case Retrainer.Outcome.Failed f -> {
                log.emit(at, "retrain_failed", new Retrainer.Event(old, null, f.throughTs(), null, List.of(f.message())));
                raise(List.of(new Alert(at, Alert.RETRAIN_FAILED, "retrain on the bars through "
                        + java.time.Instant.ofEpochSecond(f.throughTs()) + " failed, keeping " + old + ": " + f.message())));
            }
        }
        retrainer.concluded(at, o, old);
        checkpoint();
    }

    /**
     * On a swap the drift reference is the new artifact's TRAIN bins: a fresh window against them (same settings),
     * and no drift halt carried over from the old reference. Returns the note the swap event carries.
     */
    private List<String> swapDrift(long at, msb.model.ArtifactManifest m) {
        if (drift == null) return List.of();
        boolean wasHalted = drift.halted();
        drift = m.trainDistribution() == null ? null : new DriftMonitor(m.trainDistribution(), m.columns(), drift.config(), m.runId());
        trader.haltEntries(null);
        if (wasHalted) {
            raise(List.of(new Alert(at, DriftMonitor.DRIFT_RESUMED, "model swapped to " + m.runId()
                    + ": the drift window restarts against its TRAIN bins; new orders allowed again")));
        }
        return List.of(drift == null ? "drift monitoring off: " + m.runId() + " has no training distribution"
                : "drift window restarted against the TRAIN bins of " + m.runId());
    }

    private boolean inSample(long ts) {
        return setup.seenInFitting().test(ts);
    }

    private void raise(List<Alert> alerts) {
        for (Alert a : alerts) {
            log.emit(a.barTs(), "alert", a);
            alertOut.accept(a);
            recentAlerts.add(a);
            if (recentAlerts.size() > ALERTS_KEPT) recentAlerts.removeFirst();
        }
    }

    /** The status as of now (what the next checkpoint will hold). */
    public StatusDoc status() {
        double elig = trader.banditEligibilityFrac();
        return new StatusDoc(setup.tf().label(), setup.symbol(), setup.artifact(), setup.shadow() ? "shadow" : "paper",
                setup.source(), barsProcessed, lastBarTs, trader.position(), trader.equity(), trader.realizedPnl(),
                trader.signals(), trader.orders(), trader.roundTrips(), trader.blocked(),
                trader.halted() || feedStale || (drift != null && drift.halted()), feedStale, trader.flips(), recentAlerts, inSample, outOfSample,
                Double.isNaN(elig) ? null : elig, setup.failedGates(), finished, trader.moodSource(), trader.funnel(),
                drift == null ? null : drift.status(), retrainer != null ? retrainer.status() : carriedRetrain);
    }

    /** A checkpoint the loop waits for: each bar of a live feed, a stale feed, a retrain, the end of a run. */
    private StatusDoc checkpoint() { return checkpoint(true); }

    private StatusDoc checkpoint(boolean wait) {
        EventLog events = log;
        long bytes = events.flush();
        StatusDoc status = status();
        // Everything the state holds is taken now, as immutable values: the writer may serialise it on its thread.
        Setup s = setup;
        String config = configId();
        long bars = barsProcessed, seq = events.seq();
        Long last = lastBarTs;
        Object engine = trader.snapshotValue();
        AlertMonitor.State alerts = monitor.state();
        SplitPnl in = inSample, out = outOfSample;
        DriftMonitor.State driftState = drift == null ? null : drift.state();
        checkpoints.submit(() -> {
            events.force();
            store.save(new RunnerState(RunnerState.VERSION, s.tf().label(), s.symbol(), s.artifact(), s.source(), config, bars,
                    last, bytes, seq, null, alerts, in, out, status, driftState), engine, trips);
        }, wait);
        return status;
    }
}
