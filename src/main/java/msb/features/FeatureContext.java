package msb.features;

/**
 * The rolling state every feature reads, advanced once per closed bar by {@link FeatureEngine}. Shared
 * quantities (the return r_t, EMA20 and its deviation, rv_1h and its history) are computed here once, so
 * that two features using the same window can never disagree about it.
 */
public final class FeatureContext {
    /** Longest window any feature reads (returns, EMA deviations, volumes). */
    static final int WINDOW = 50;
    static final int RV_BARS = 12;
    static final int RV_MEDIAN_BARS = 100;
    static final double EMA_ALPHA = 2.0 / 21.0;

    private final RollingWindow closes = new RollingWindow(WINDOW);
    private final RollingWindow returns = new RollingWindow(WINDOW);
    private final RollingWindow emaDeviations = new RollingWindow(WINDOW);
    private final RollingWindow volumes = new RollingWindow(WINDOW);
    private final RollingWindow closeTimesVolume = new RollingWindow(WINDOW);
    private final RollingWindow fundingRates = new RollingWindow(WINDOW);
    private final RollingMedian rvHistory = new RollingMedian(RV_MEDIAN_BARS);

    private long index = -1;
    private FeatureInput bar;
    private double ret = Double.NaN;
    private double ema = Double.NaN;
    private double rv1h = Double.NaN;

    /** Takes the next closed bar; its timestamp must be later than the previous one. */
    void advance(FeatureInput in) {
        if (bar != null && in.ts() <= bar.ts()) {
            throw new IllegalArgumentException("bar ts=" + in.ts() + " is not after the previous bar ts=" + bar.ts()
                    + "; feed bars once each, in time order");
        }
        index++;
        double prevClose = bar == null ? Double.NaN : bar.close();
        bar = in;
        double c = in.close();
        ret = index == 0 ? Double.NaN : c / prevClose - 1;
        if (index > 0) returns.add(ret);
        ema = index == 0 ? c : (1 - EMA_ALPHA) * ema + EMA_ALPHA * c;
        closes.add(c);
        emaDeviations.add(c - ema);
        volumes.add(in.volume());
        closeTimesVolume.add(c * in.volume());
        fundingRates.add(in.fundingPerHour());
        if (returns.has(RV_BARS)) {
            rv1h = Math.sqrt(returns.sumOfSquares(RV_BARS));
            rvHistory.add(rv1h);
        }
    }

    /** 0-based index of the current bar since the engine started. */
    public long index() { return index; }

    public FeatureInput bar() { return bar; }

    /** r_t = close_t / close_{t-1} - 1; NaN on the first bar. */
    public double ret() { return ret; }

    /** EMA20 of the close, alpha 2/21, seeded with the first close, no bias adjustment. */
    public double ema20() { return ema; }

    /** sqrt(sum of r^2 over the last 12 bars); NaN before 12 returns exist. */
    public double rv1h() { return rv1h; }

    /** Median of rv_1h over the last 100 bars; valid once {@link #rvHistoryFull()}. */
    public double rv1hMedian() { return rvHistory.median(); }

    public boolean rvHistoryFull() { return rvHistory.full(); }

    public RollingWindow closes() { return closes; }
    public RollingWindow returns() { return returns; }
    /** close - EMA20 per bar. */
    public RollingWindow emaDeviations() { return emaDeviations; }
    public RollingWindow volumes() { return volumes; }
    /** close x volume per bar (VWAP numerator with the close as the bar's price). */
    public RollingWindow closeTimesVolume() { return closeTimesVolume; }
    public RollingWindow fundingRates() { return fundingRates; }
}
