package msb.trading;

/**
 * A closed position, from flat to flat (a reversal closes one and opens the next). Times are bar close
 * timestamps of the deciding bars, so a resumed run and an uninterrupted one compare equal.
 *
 * @param side        "long" or "short"
 * @param maxQty      largest absolute size held
 * @param entryPrice  average executed price of the fills that increased the position
 * @param exitPrice   average executed price of the fills that reduced it
 * @param grossPnlUsd price PnL at executed prices (slippage and impact included)
 * @param pnlUsd      gross - fees - funding
 * @param pnlBps      pnl over the entry notional (entry price x max size), in bps
 */
public record RoundTrip(String side, long entryTs, long exitTs, double maxQty, double entryPrice, double exitPrice,
                        double grossPnlUsd, double feesUsd, double fundingUsd, double pnlUsd, double pnlBps)
        implements EngineEvent {
    public RoundTrip {
        if (!"long".equals(side) && !"short".equals(side)) throw new IllegalArgumentException("side must be long or short");
        if (exitTs < entryTs) throw new IllegalArgumentException("exit " + exitTs + " before entry " + entryTs);
    }

    public boolean won() { return pnlUsd > 0; }
}
