package msb.live;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One checkpoint of a runner: where it stands in the bar stream, the engine's complete state, the event
 * log length that goes with it, and the status derived from it. {@code artifact}, {@code source} and
 * {@code strategyConfig} (the config's sha256) identify the run so that a different command never resumes
 * someone else's state. {@code drift} is the drift monitor's window and flags (null when drift is not monitored,
 * and in checkpoints written before it existed).
 *
 * <p>Version 2 stores each round trip once: with {@code roundTripsInEngine} (the trader's snapshot holds the very
 * trips of the status, as the trading engine's does) the status is written without them and {@link StateStore#load}
 * gives it the engine's {@code round_trips} back (without their {@code type} tag, as the status writes them).
 * Version 1 files (every trip in both places, no such field) are still read.
 */
public record RunnerState(int version, String tf, String symbol, String artifact, String source, String strategyConfig,
                          long barsProcessed, Long lastBarTs, long eventLogBytes, long eventSeq,
                          JsonNode engine, AlertMonitor.State alerts, SplitPnl inSample, SplitPnl outOfSample,
                          StatusDoc status, DriftMonitor.State drift, boolean roundTripsInEngine) {
    public static final int VERSION = 2;
    /** The oldest version this msb still reads. */
    static final int OLDEST_READ = 1;

    /** A state as a checkpoint takes it (the writer decides where the round trips go). */
    public RunnerState(int version, String tf, String symbol, String artifact, String source, String strategyConfig,
                       long barsProcessed, Long lastBarTs, long eventLogBytes, long eventSeq, JsonNode engine,
                       AlertMonitor.State alerts, SplitPnl inSample, SplitPnl outOfSample, StatusDoc status,
                       DriftMonitor.State drift) {
        this(version, tf, symbol, artifact, source, strategyConfig, barsProcessed, lastBarTs, eventLogBytes, eventSeq, engine,
                alerts, inSample, outOfSample, status, drift, false);
    }

    RunnerState withStatus(StatusDoc s, boolean tripsInEngine) {
        return new RunnerState(version, tf, symbol, artifact, source, strategyConfig, barsProcessed, lastBarTs, eventLogBytes,
                eventSeq, engine, alerts, inSample, outOfSample, s, drift, tripsInEngine);
    }
}
