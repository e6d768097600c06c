package msb.evaluate;

/**
 * What one replay produced.
 *
 * @param funnel        per-direction counts of every step
 * @param netReturns    per-bar net return of the strategy's equity (fees, slippage and funding included)
 * @param positionFrac  per-bar signed position as a fraction of equity
 * @param roundTripPnl  net PnL of each closed round trip (any currency: only its sign is used)
 * @param equity        equity after each evaluated bar relative to the starting equity (1.0), one per row
 * @param trades        the closed round trips, oldest first (same order as roundTripPnl)
 */
public record ReplayResult(Funnel funnel, double[] netReturns, double[] positionFrac, double[] roundTripPnl,
                           double[] equity, java.util.List<Trade> trades) {
    public ReplayResult {
        trades = java.util.List.copyOf(trades);
    }

    /** A replay without a trade list (fakes in tests). */
    public ReplayResult(Funnel funnel, double[] netReturns, double[] positionFrac, double[] roundTripPnl, double[] equity) {
        this(funnel, netReturns, positionFrac, roundTripPnl, equity, java.util.List.of());
    }
}
