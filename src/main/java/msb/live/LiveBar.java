package msb.live;

import msb.data.Bar;
import msb.model.Probs;

/**
 * Everything the trading engine receives for one closed bar. {@code probs} is null while the features or
 * the model's history are still warming up (the engine then only updates its market state and holds);
 * {@code bmaProbs} is null when the artifact has no BMA arm. {@code tradingAllowed} is false for bars that
 * arrived stale: they mark the book but never open or add risk. {@code receivedAtSec} is when the bar was
 * processed (a replay uses the bar's close, so replays stay deterministic), for the stale-data guard.
 */
public record LiveBar(Bar bar, Probs probs, Probs bmaProbs, MarketContext market, boolean tradingAllowed,
                      long receivedAtSec) {
    public LiveBar {
        if (bar == null || market == null) throw new IllegalArgumentException("bar and market are required");
    }
}
