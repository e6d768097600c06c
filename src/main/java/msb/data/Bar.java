package msb.data;

/**
 * One OHLCV bar, stamped with its close time (unix seconds, UTC). Usable only after it closes.
 * Validation of imported rows happens in the importers, which can name the line; this record only
 * refuses values that no importer may ever produce.
 */
public record Bar(long tsClose, double open, double high, double low, double close, double volume) {
    public Bar {
        if (!(low > 0) || !(high >= low) || !(open >= low && open <= high) || !(close >= low && close <= high)
                || !(volume >= 0) || !Double.isFinite(high) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("invalid bar at ts=" + tsClose + ": o=" + open + " h=" + high
                    + " l=" + low + " c=" + close + " v=" + volume);
        }
    }
}
