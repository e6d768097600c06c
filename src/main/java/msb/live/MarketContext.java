package msb.live;

import msb.data.FundingSeries;

/**
 * What a feed knows about the market at a bar close besides the bar itself. NaN means unknown (a replay
 * has no order book; the guards treat unknown as "no information", never as zero spread). {@code midPrice}
 * is the live mid at which a live bar's orders fill; NaN in replay (fills at the next bar's open).
 */
public record MarketContext(double spreadBps, double fundingPerHour, double midPrice) {
    public static final MarketContext UNKNOWN = new MarketContext(Double.NaN, Double.NaN, Double.NaN);

    public MarketContext {
        if (spreadBps < 0) throw new IllegalArgumentException("spreadBps must be >= 0, got " + spreadBps);
        if (midPrice <= 0) throw new IllegalArgumentException("midPrice must be > 0 or NaN, got " + midPrice);
    }

    /** A replay bar's context: the stored funding rate known at its close, nothing else. */
    public static MarketContext replay(FundingSeries fundingOrNull, long ts) {
        return fundingOrNull == null ? UNKNOWN : new MarketContext(Double.NaN, fundingOrNull.rateAt(ts), Double.NaN);
    }
}
