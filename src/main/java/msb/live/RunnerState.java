package msb.live;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One checkpoint of a runner: where it stands in the bar stream, the engine's complete state, the event
 * log length that goes with it, and the status derived from it. {@code artifact}, {@code source} and
 * {@code strategyConfig} (the config's sha256) identify the run so that a different command never resumes
 * someone else's state. {@code drift} is the drift monitor's window and flags (null when drift is not monitored,
 * and in checkpoints written before it existed).
 */
public record RunnerState(int version, String tf, String symbol, String artifact, String source, String strategyConfig,
                          long barsProcessed, Long lastBarTs, long eventLogBytes, long eventSeq,
                          JsonNode engine, AlertMonitor.State alerts, SplitPnl inSample, SplitPnl outOfSample,
                          StatusDoc status, DriftMonitor.State drift) {
    public static final int VERSION = 1;
}
