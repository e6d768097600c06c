package msb.features;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rolling state every feature reads, advanced once per closed bar by {@link FeatureEngine}. Each series
 * is kept once, in a window as long as the longest one any feature of the schema reads (no cap), so that two
 * features reading the same series can never disagree about it. Derived series (realised volatility over n
 * bars) and rolling medians are kept only when a feature asks for them.
 */
public final class FeatureContext {
    static final double EMA_ALPHA = 2.0 / 21.0;

    private final Map<Series.Base, RollingWindow> base = new EnumMap<>(Series.Base.class);
    private final Map<Series.RealizedVol, RollingWindow> rvSeries = new HashMap<>();
    private final Map<Window, RollingMedian> medians = new HashMap<>();
    /** Other symbols' close windows, in {@link #crossSymbols} order. */
    private final List<String> crossSymbols;
    private final RollingWindow[] crossCloses;
    private final RollingWindow closes, highs, lows, volumes, closeTimesVolume, returns, emaDeviations, fundingRates,
            takerBuys;
    /**
     * The maps' entries as arrays, walked on every bar: no iterator per bar and no lookup of a median's series
     * (each entry is updated on its own, so the order does not matter).
     */
    private final int[] rvBars;
    private final RollingWindow[] rvWindows;
    private final RollingMedian[] medianList;
    private final RollingWindow[] medianSeries;
    private final long[] medianFirstBar;

    private long index = -1;
    private FeatureInput bar;
    private double ret = Double.NaN;
    private double ema = Double.NaN;

    /** A context keeping what the default features read. */
    public FeatureContext() {
        this(FeatureCatalog.defaults());
    }

    /** A context keeping what {@code features} read. */
    public FeatureContext(List<Feature> features) {
        Map<Series, Integer> longest = new HashMap<>();
        for (Feature f : features) {
            for (Window w : f.windows()) {
                longest.merge(w.series(), w.bars(), Math::max);
                if (w.median()) medians.putIfAbsent(w, new RollingMedian(w.bars()));
                // a derived series reads its own base window
                if (w.series() instanceof Series.RealizedVol rv) longest.merge(Series.Base.RETURN, rv.bars(), Math::max);
            }
        }
        for (Series.Base b : Series.Base.values()) base.put(b, new RollingWindow(longest.getOrDefault(b, 1)));
        for (Map.Entry<Series, Integer> e : longest.entrySet()) {
            if (e.getKey() instanceof Series.RealizedVol rv) rvSeries.put(rv, new RollingWindow(e.getValue()));
        }
        crossSymbols = crossSymbols(features);
        crossCloses = new RollingWindow[crossSymbols.size()];
        for (int k = 0; k < crossCloses.length; k++) {
            crossCloses[k] = new RollingWindow(longest.get(new Series.CrossClose(crossSymbols.get(k))));
        }
        closes = base.get(Series.Base.CLOSE);
        highs = base.get(Series.Base.HIGH);
        lows = base.get(Series.Base.LOW);
        volumes = base.get(Series.Base.VOLUME);
        closeTimesVolume = base.get(Series.Base.CLOSE_TIMES_VOLUME);
        returns = base.get(Series.Base.RETURN);
        emaDeviations = base.get(Series.Base.EMA_DEVIATION);
        fundingRates = base.get(Series.Base.FUNDING);
        takerBuys = base.get(Series.Base.TAKER_BUY);
        rvBars = new int[rvSeries.size()];
        rvWindows = new RollingWindow[rvSeries.size()];
        int k = 0;
        for (Map.Entry<Series.RealizedVol, RollingWindow> e : rvSeries.entrySet()) {
            rvBars[k] = e.getKey().bars();
            rvWindows[k++] = e.getValue();
        }
        medianList = new RollingMedian[medians.size()];
        medianSeries = new RollingWindow[medians.size()];
        medianFirstBar = new long[medians.size()];
        k = 0;
        for (Map.Entry<Window, RollingMedian> e : medians.entrySet()) {
            medianList[k] = e.getValue();
            medianSeries[k] = window(e.getKey().series());
            medianFirstBar[k++] = e.getKey().series().firstBar();
        }
    }

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
        highs.add(in.high());
        lows.add(in.low());
        emaDeviations.add(c - ema);
        volumes.add(in.volume());
        closeTimesVolume.add(c * in.volume());
        fundingRates.add(in.fundingPerHour());
        takerBuys.add(in.takerBuyVolume());
        for (int k = 0; k < crossCloses.length; k++) crossCloses[k].add(in.crossCloses()[k]);
        for (int k = 0; k < rvBars.length; k++) {
            if (returns.has(rvBars[k])) rvWindows[k].add(realizedVol(rvBars[k]));
        }
        for (int k = 0; k < medianList.length; k++) {
            RollingWindow w = medianSeries[k];
            if (w.count() > 0 && index >= medianFirstBar[k]) medianList[k].add(w.ago(0)); // the series has a value now
        }
    }

    /** 0-based index of the current bar since the engine started. */
    public long index() { return index; }

    public FeatureInput bar() { return bar; }

    /** r_t = close_t / close_{t-1} - 1; NaN on the first bar. */
    public double ret() { return ret; }

    /** EMA20 of the close, alpha 2/21, seeded with the first close, no bias adjustment. */
    public double ema20() { return ema; }

    /** sqrt(sum of r^2 over the last {@code bars} returns); the one definition of realised volatility. */
    public double realizedVol(int bars) { return Math.sqrt(returns.sumOfSquares(bars)); }

    /**
     * The other symbols the features read, in order of first appearance: the order of
     * {@link FeatureInput#crossCloses}.
     */
    public static List<String> crossSymbols(List<Feature> features) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (Feature f : features) {
            for (Window w : f.windows()) if (w.series() instanceof Series.CrossClose c) out.add(c.symbol());
        }
        return List.copyOf(out);
    }

    /** The window of a series (base or derived) the schema asked for. */
    public RollingWindow window(Series s) {
        if (s instanceof Series.Base b) return base.get(b);
        if (s instanceof Series.CrossClose c) return crossCloses[crossSymbols.indexOf(c.symbol())];
        RollingWindow w = rvSeries.get(s);
        if (w == null) throw new IllegalStateException("series " + s + " was not requested by any feature's windows()");
        return w;
    }

    /** The rolling median a feature declared with {@link Window#median}; valid once the window is full. */
    public double median(Window w) {
        RollingMedian m = medians.get(w);
        if (m == null) throw new IllegalStateException("median over " + w + " was not requested by any feature's windows()");
        return m.median();
    }

    public RollingWindow closes() { return closes; }
    public RollingWindow highs() { return highs; }
    public RollingWindow lows() { return lows; }
    public RollingWindow returns() { return returns; }
    /** close - EMA20 per bar. */
    public RollingWindow emaDeviations() { return emaDeviations; }
    public RollingWindow volumes() { return volumes; }
    /** close x volume per bar (VWAP numerator with the close as the bar's price). */
    public RollingWindow closeTimesVolume() { return closeTimesVolume; }
    public RollingWindow fundingRates() { return fundingRates; }
    public RollingWindow takerBuys() { return takerBuys; }
}
