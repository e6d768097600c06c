package msb.live;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import msb.core.Json;
import msb.core.StoreLock;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.Bar;
import msb.data.Bars;
import msb.dataset.DatasetBuilder;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import msb.features.FeatureSet;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.LoadedArtifact;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;

/**
 * {@code run-live --retrain-every}: retrains a runner's model on a schedule of bar time, on the bars up to the
 * current one, with the training recipe its live artifact's manifest records (model kind, seed,
 * hyperparameters including the gate settings, label definition, feature columns) and through
 * {@link Training#train}, so that every gate runs exactly as in {@code msb train}. The result is handed to the
 * runner at a bar boundary: a promoted run whose feature schema and history match is swapped in, anything else
 * is refused and the current model stays.
 *
 * <p>The training runs on its own platform thread at minimum priority (not a child process: the bars are
 * already in memory, and the home lock serialises it with other writers like any msb command). In a replay
 * or under a simulated clock the runner waits for it at the next bar boundary, so that the swap bar is a
 * function of bar time alone and a resumed replay swaps at the same bar; on a live feed the swap happens at
 * the first boundary after the training finished.
 */
final class Retrainer implements AutoCloseable {
    /** What a finished retrain hands the runner. */
    sealed interface Outcome {
        long throughTs();

        /** Promoted, schema and history as the live artifact's: swap it in. */
        record Swap(long throughTs, LoadedArtifact artifact, String recorded, int datasetRows, long datasetLastTs) implements Outcome {}

        /** Trained and judged, not swapped: the failed verdicts (or the mismatch) with their figures. */
        record Refused(long throughTs, String runId, List<String> reasons) implements Outcome {}

        /** Could not train (no data, an unreadable input): the message. */
        record Failed(long throughTs, String message) implements Outcome {}
    }

    /** A swap, a refused or a failed retrain in the runner's event log: both run ids (new is null when none was written). */
    record Event(String oldRunId, String newRunId, long trainedThroughTs, Long datasetLastTs, List<String> reasons) {}

    private final Workspace ws;
    private final String symbol;
    private final Timeframe tf;
    private final String every;
    private final long everySec;
    private final boolean awaitAtNextBar;
    private final PrintStream err;
    private final String prefix;
    private LongFunction<Bars> barsThrough;
    /** On a live feed: the bars seen (warm-up history and closed bars), appended to the stored ones. */
    private List<Bar> seen;
    private RetrainStatus status;
    private Thread thread;
    private volatile Outcome result;
    /** The artifact this retrainer swapped in last (closed when replaced or at the end); the first one is the runner's. */
    private LoadedArtifact introduced;

    Retrainer(Workspace ws, String symbol, Timeframe tf, String every, long everySec, boolean awaitAtNextBar, PrintStream err,
              String prefix) {
        this.ws = ws;
        this.symbol = symbol;
        this.tf = tf;
        this.every = every;
        this.everySec = everySec;
        this.awaitAtNextBar = awaitAtNextBar;
        this.err = err;
        this.prefix = prefix;
    }

    /**
     * Parses a {@code --retrain-every} value like 1d, 12h or 30m into seconds (a length that divides a day or is
     * whole days); exit 2 naming the flag otherwise.
     */
    static long parseEverySec(String text) {
        try {
            return Timeframe.parse(text).seconds();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--retrain-every '" + text + "': give a length like 1d, 12h or 30m (one that divides a day,"
                    + " or whole days), e.g. --retrain-every 1d");
        }
    }

    /** Replays retrain on the replayed bars closing at or before the retrain's bar. */
    void trainOn(Bars replayed) {
        barsThrough = ts -> upTo(replayed, ts);
    }

    /** Live feeds retrain on the stored bars plus the bars the feed delivered after them, up to the retrain's bar. */
    void trainOnStoredAndSeen() {
        seen = new ArrayList<>();
        barsThrough = ts -> {
            Bars stored = upTo(DatasetBuilder.storedTfBars(ws, symbol, tf, quiet()), ts);
            long after = stored.size() == 0 ? Long.MIN_VALUE : stored.lastTs();
            List<Bar> all = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) all.add(stored.get(i));
            synchronized (seen) {
                for (Bar b : seen) if (b.tsClose() > after && b.tsClose() <= ts) all.add(b);
            }
            return Bars.of(tf.seconds(), all);
        };
    }

    /** A bar the runner processed (or warmed up on); kept on a live feed only. */
    void observe(Bar bar) {
        if (seen == null) return;
        synchronized (seen) {
            if (seen.isEmpty() || bar.tsClose() > seen.getLast().tsClose()) seen.add(bar);
        }
    }

    /** Continues the schedule a checkpoint recorded (null: a fresh one), with the live artifact's run id. */
    void restore(RetrainStatus storedOrNull, String liveRunId) {
        status = storedOrNull == null ? RetrainStatus.fresh(every, everySec, liveRunId) : storedOrNull.withSchedule(every, everySec);
    }

    /**
     * Before the first bar of a resumed run: a retrain the checkpoint says was running (killed with the process)
     * starts again on the same bars, so that it concludes at the same boundary as in an uninterrupted run.
     */
    void resumePending(ArtifactManifest live) {
        if (thread == null && status.retrainingThroughTs() != null) start(status.retrainingThroughTs(), live);
    }

    RetrainStatus status() { return status; }

    boolean running() { return thread != null; }

    /**
     * After bar {@code barTs}: starts a retrain on the bars through it when one is due (the first bar starts
     * the clock). Returns true when it started one.
     */
    boolean maybeStart(long barTs, ArtifactManifest live) {
        if (thread != null) return false;
        if (status.nextDueTs() == null) {
            status = status.withNextDue(barTs + everySec);
            return false;
        }
        if (barTs < status.nextDueTs()) return false;
        start(barTs, live);
        return true;
    }

    private void start(long barTs, ArtifactManifest live) {
        if (barsThrough == null) throw new IllegalStateException("no training bars configured");
        status = status.retraining(barTs);
        result = null;
        err.println(prefix + "retraining " + tf.label() + " (" + live.model() + ", the recipe of " + live.runId()
                + ") on the bars through " + Instant.ofEpochSecond(barTs) + " in the background");
        thread = Thread.ofPlatform().name("retrain-" + tf.label()).daemon(true).unstarted(() -> result = train(barTs, live));
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * At a bar boundary: the finished retrain's outcome, or null when none is finished. Waits for a running one
     * when {@code waitAnyway} or in a replay / simulated time.
     */
    Outcome poll(boolean waitAnyway) throws InterruptedException {
        if (thread == null) return null;
        if (awaitAtNextBar || waitAnyway) thread.join();
        if (thread.isAlive()) return null;
        thread = null;
        // an Error (out of memory) ends the thread without an outcome: reported, never left "retraining" forever
        return result != null ? result : new Outcome.Failed(status.retrainingThroughTs(), "the retrain thread ended without a result");
    }

    /** Records the outcome the runner applied at the boundary after bar {@code atTs}; says it on stderr. */
    void concluded(long atTs, Outcome o, String oldRunId) {
        switch (o) {
            case Outcome.Swap s -> {
                String neu = s.artifact().manifest().runId();
                status = status.concluded(atTs, RetrainStatus.SWAPPED, neu, neu, oldRunId + " -> " + neu);
                if (introduced != null) introduced.close();
                introduced = s.artifact();
                err.println(prefix + "retrain promoted " + neu + " (trained on " + s.datasetRows() + " rows through "
                        + Instant.ofEpochSecond(s.datasetLastTs()) + "); swapped in for " + oldRunId + " after bar " + Instant.ofEpochSecond(atTs));
            }
            case Outcome.Refused r -> status = status.concluded(atTs, RetrainStatus.REFUSED, oldRunId, r.runId(), String.join("; ", r.reasons()));
            case Outcome.Failed f -> status = status.concluded(atTs, RetrainStatus.FAILED, oldRunId, null, f.message());
        }
    }

    private Outcome train(long throughTs, ArtifactManifest live) {
        try {
            Bars bars = barsThrough.apply(throughTs);
            if (bars.size() == 0) return new Outcome.Failed(throughTs, "no " + tf.label() + " bars through " + Instant.ofEpochSecond(throughTs));
            LabelSpec label = live.label() != null && live.label().has("spec")
                    ? Json.mapper().treeToValue(live.label().get("spec"), LabelSpec.class) : LabelSpec.DEFAULT;
            var options = new DatasetBuilder.Options(label, SplitSpec.DEFAULT, null, FeatureSet.ofColumns(live.columns()));
            var computed = DatasetBuilder.computeOn(ws, symbol, tf, bars, options, quiet());
            var manifest = Json.mapper().createObjectNode();
            manifest.set("label", Json.mapper().valueToTree(label));
            manifest.put("label_definition", label.describe());
            var data = new TrainingData(computed.dataset(), manifest, "run-live retrain of " + live.runId() + " on " + bars.size()
                    + " " + tf.label() + " bars through " + Instant.ofEpochSecond(throughTs));
            TrainOptions opts = TrainOptions.defaults().withModel(live.modelKind()).withSeed(live.seed())
                    .withHyperparameters(live.hyperparameters()).withQuiet(true);
            TrainResult r;
            // no recovery sweep: Training writes a fresh temp directory and moves it; the sweep would race the collector
            try (StoreLock lock = StoreLock.homeWithoutSweep(ws, "msb run-live (retraining " + tf.label() + ")", err)) {
                r = Training.train(ws, symbol, tf, data, opts, err, Clock.systemUTC());
            }
            ArtifactManifest m = ArtifactStore.verifiedManifest(r.runDir());
            if (!r.promoted()) {
                return new Outcome.Refused(throughTs, m.runId(), r.failedGates().stream().map(g -> g + ": " + m.gates().get(g).detail()).toList());
            }
            if (!m.schemaHash().equals(live.schemaHash()) || m.historyRows() != live.historyRows()) {
                return new Outcome.Refused(throughTs, m.runId(), List.of("swap: the retrained run has feature schema " + m.schemaHash()
                        + " and " + m.historyRows() + " history rows, the live one " + live.schemaHash() + " and " + live.historyRows()));
            }
            LoadedArtifact a = ArtifactStore.loadFor(r.runDir(), tf, symbol, live.columns());
            return new Outcome.Swap(throughTs, a, ws.recorded(r.runDir().toAbsolutePath().normalize()), m.trainRows() + m.valRows(),
                    m.datasetRange().lastTs());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome.Failed(throughTs, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Bars upTo(Bars bars, long ts) {
        int i = java.util.Arrays.binarySearch(bars.ts(), ts);
        int end = i >= 0 ? i + 1 : -i - 1;
        return bars.slice(0, end);
    }

    private static PrintStream quiet() { return new PrintStream(java.io.OutputStream.nullOutputStream()); }

    /** Waits for a running retrain (its outcome is dropped: the schedule still has it due) and closes what it swapped in. */
    @Override
    public void close() {
        try {
            if (thread != null) thread.join();
            Outcome o = result;
            if (o instanceof Outcome.Swap s && s.artifact() != introduced) s.artifact().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (introduced != null) introduced.close();
        }
    }
}
