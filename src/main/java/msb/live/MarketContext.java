package msb.live;

/**
 * What a feed knows about the market at a bar close besides the bar itself. NaN means unknown (a replay
 * has no order book; the guards treat unknown as "no information", never as zero spread).
 */
public record MarketContext(double spreadBps, double fundingPerHour) {
    public static final MarketContext UNKNOWN = new MarketContext(Double.NaN, Double.NaN);

    public MarketContext {
        if (spreadBps < 0) throw new IllegalArgumentException("spreadBps must be >= 0, got " + spreadBps);
    }
}
