package msb.trading;

/**
 * One paper fill. {@code ts} is the close time of the bar whose decision caused it (the fill happens at
 * the next bar's open, or at the live mid right after that close): bar time, never wall-clock.
 *
 * @param refPrice the price before costs (next open or mid)
 * @param price    the executed price, worse than refPrice by slippage and impact
 * @param feeUsd   fee on the executed notional
 */
public record Fill(long ts, Side side, double qty, double refPrice, double price, double feeUsd, String reason)
        implements EngineEvent {
    public Fill {
        if (side == null) throw new IllegalArgumentException("side is required");
        if (!(qty > 0) || !(refPrice > 0) || !(price > 0) || !(feeUsd >= 0)) {
            throw new IllegalArgumentException("invalid fill: qty=" + qty + " ref=" + refPrice + " price=" + price
                    + " fee=" + feeUsd);
        }
    }

    public double notionalUsd() { return qty * price; }
}
