package msb.live;

import java.util.List;
import java.util.Map;
import msb.signal.DirectionCounts;
import msb.trading.FunnelCounts;

/**
 * What `msb status --json` prints (fields per CONTRACT.md, plus flips, alerts and the in-sample /
 * out-of-sample split). Written into every checkpoint so that `status` needs neither the engine nor the
 * artifact. {@code mood} says where the decision logic's mood came from (null in checkpoints written before
 * the field existed). {@code funnel} is the decision funnel with the definitions of {@link FunnelCounts}
 * (null in checkpoints written before it existed). {@code drift} is the drift monitor's view (null when the artifact
 * has no training distribution, and in older checkpoints); {@code halted} includes a drift halt. {@code retrain} is
 * the --retrain-every schedule (null when the runner never retrained). No wall-clock field: a resumed run and an
 * uninterrupted one compare equal.
 */
public record StatusDoc(String tf, String symbol, String artifact, String mode, String feed,
                        long barsProcessed, Long lastBarTs, double position, double equity, double realizedPnl,
                        DirectionCounts signals, DirectionCounts orders, List<Object> roundTrips,
                        Map<String, DirectionCounts> blocked, boolean halted, boolean feedStale,
                        Map<String, Object> flips, List<Alert> alerts, SplitPnl inSample, SplitPnl outOfSample,
                        Double banditEligibilityFrac, List<String> failedGates, boolean finished, String mood,
                        FunnelCounts funnel, DriftStatus drift, RetrainStatus retrain) {
    public StatusDoc {
        roundTrips = List.copyOf(roundTrips);
        blocked = Map.copyOf(blocked);
        flips = Map.copyOf(flips);
        alerts = List.copyOf(alerts);
        failedGates = List.copyOf(failedGates);
    }

    /** The same status with other round trips (a state file's, stored once in the engine's snapshot). */
    public StatusDoc withRoundTrips(List<Object> trips) {
        return new StatusDoc(tf, symbol, artifact, mode, feed, barsProcessed, lastBarTs, position, equity, realizedPnl, signals,
                orders, trips, blocked, halted, feedStale, flips, alerts, inSample, outOfSample, banditEligibilityFrac,
                failedGates, finished, mood, funnel, drift, retrain);
    }
}
