package msb.evaluate;

/**
 * What one replay produced.
 *
 * @param funnel        per-direction counts of every step
 * @param netReturns    per-bar net return of the strategy's equity (fees, slippage and funding included)
 * @param positionFrac  per-bar signed position as a fraction of equity
 * @param roundTripPnl  net PnL of each closed round trip (any currency: only its sign is used)
 * @param equity        equity after each evaluated bar relative to the starting equity (1.0), one per row
 */
public record ReplayResult(Funnel funnel, double[] netReturns, double[] positionFrac, double[] roundTripPnl,
                           double[] equity) {}
