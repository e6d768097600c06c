package msb.data;

/**
 * One OHLCV bar, stamped with its close time (unix seconds, UTC). Usable only after it closes.
 * Validation of imported rows happens in the importers, which can name the line; this record only
 * refuses values that no importer may ever produce. {@code takerBuyVolume} is the base volume bought by
 * takers (Binance klines), NaN where the source lacks it.
 */
public record Bar(long tsClose, double open, double high, double low, double close, double volume,
                  double takerBuyVolume) {
    /** A bar without taker-buy volume (NaN: the source does not carry it). */
    public Bar(long tsClose, double open, double high, double low, double close, double volume) {
        this(tsClose, open, high, low, close, volume, Double.NaN);
    }

    public Bar {
        if (!(low > 0) || !(high >= low) || !(open >= low && open <= high) || !(close >= low && close <= high)
                || !(volume >= 0) || !Double.isFinite(high) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("invalid bar at ts=" + tsClose + ": o=" + open + " h=" + high
                    + " l=" + low + " c=" + close + " v=" + volume);
        }
    }
}
