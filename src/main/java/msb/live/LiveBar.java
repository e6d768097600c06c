package msb.live;

import msb.data.Bar;
import msb.signal.Probs;

/**
 * Everything the trading engine receives for one closed bar. {@code probs} is null while the features or
 * the model's history are still warming up (the engine then only updates its market state and holds);
 * {@code bmaProbs} is null when the artifact has no BMA arm. {@code receivedAtSec} is when the bar was
 * processed: the engine's stale-data guard compares it with the bar's close (a replay passes the close
 * itself, so replays stay deterministic; a live feed passes the clock, so catch-up bars after an outage
 * are refused by that guard).
 */
public record LiveBar(Bar bar, Probs probs, Probs bmaProbs, MarketContext market, long receivedAtSec) {
    public LiveBar {
        if (bar == null || market == null) throw new IllegalArgumentException("bar and market are required");
    }
}
