package msb.trading;

import java.util.List;
import java.util.Map;
import msb.decision.Arm;
import msb.decision.BanditState;
import msb.signal.DirectionCounts;

/**
 * The whole state of a {@link TradingEngine}, as a plain record serialisable with msb.core.Json. Restoring
 * it and feeding the remaining bars gives exactly what an uninterrupted run gives.
 *
 * @param closes         the volatility window's closes, oldest first
 * @param pending        orders waiting for the next bar's open
 * @param recentDirs     the last non-flat decisions (oldest first), for the one-directional alert
 * @param recentEligible the last bars' bandit eligibility (oldest first), for the low-eligibility alert
 * @param funnel         the decision funnel; null in snapshots written before it existed (restored as zero)
 */
public record EngineState(long barsProcessed, long lastBarTs, double lastClose, PaperBook.State book,
                          BanditState bandit, double[] closes, List<PendingOrder> pending, DirectionCounts signals,
                          DirectionCounts orders, Map<String, DirectionCounts> blocked, List<RoundTrip> roundTrips, long dayIndex,
                          double dayStartEquityUsd, boolean halted, long lastFillTs, int[] recentDirs,
                          boolean oneSidedAlerted, boolean[] recentEligible, boolean lowEligibilityAlerted,
                          PendingReward pendingReward, FunnelCounts funnel) {

    /** An order decided on bar {@code ts}, to fill at the next bar's open; flatten orders close whatever is held. */
    public record PendingOrder(long ts, double qtyDelta, boolean flatten, String reason) {}

    /** The arm whose direction the book took on the last bar, and the equity before that bar's orders. */
    public record PendingReward(Arm arm, int dir, double equityRefUsd) {}
}
