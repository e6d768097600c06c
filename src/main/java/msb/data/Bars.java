package msb.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bar series in columns of primitives: the form every hot loop reads. Timestamps are bar close times in
 * unix seconds, strictly increasing; {@code intervalSec} is the nominal bar length. Gaps (steps longer than
 * the interval) are legal and kept as gaps. Arrays are owned by this object: callers must not mutate them.
 */
public final class Bars {
    /**
     * The plausible range of a price and the largest plausible volume. Every source of bars (imports, the
     * exchange client) refuses values outside: 1e300 followed by 1e-300 once passed every other check and
     * turned returns, ratios and variances into Infinity and NaN. The bounds leave room for any real market
     * (a memecoin at 1e-8, an index at 1e6) while every product the features form stays finite.
     */
    public static final double MIN_PRICE = 1e-12, MAX_PRICE = 1e12, MAX_VOLUME = 1e18;

    private final long intervalSec;
    private final long[] ts;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] takerBuy;

    public Bars(long intervalSec, long[] ts, double[] open, double[] high, double[] low, double[] close,
                double[] volume) {
        this(intervalSec, ts, open, high, low, close, volume, null);
    }

    /**
     * A series with the taker-buy base volume per bar (Binance klines carry it), or null when the source
     * does not have it.
     */
    public Bars(long intervalSec, long[] ts, double[] open, double[] high, double[] low, double[] close,
                double[] volume, double[] takerBuyOrNull) {
        int n = ts.length;
        if (takerBuyOrNull != null && takerBuyOrNull.length != n) throw new IllegalArgumentException("column lengths differ");
        if (intervalSec <= 0) throw new IllegalArgumentException("intervalSec must be > 0, got " + intervalSec);
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("column lengths differ");
        }
        for (int i = 1; i < n; i++) {
            if (ts[i] <= ts[i - 1]) {
                throw new IllegalArgumentException("timestamps not strictly increasing at index " + i
                        + " (" + ts[i - 1] + " then " + ts[i] + ")");
            }
        }
        this.intervalSec = intervalSec;
        this.ts = ts;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.takerBuy = takerBuyOrNull;
    }

    public static Bars of(long intervalSec, List<Bar> bars) {
        int n = bars.size();
        long[] ts = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            ts[i] = b.tsClose(); o[i] = b.open(); h[i] = b.high(); l[i] = b.low(); c[i] = b.close(); v[i] = b.volume();
        }
        return new Bars(intervalSec, ts, o, h, l, c, v);
    }

    public int size() { return ts.length; }
    public long intervalSec() { return intervalSec; }
    public long[] ts() { return ts; }
    public double[] open() { return open; }
    public double[] high() { return high; }
    public double[] low() { return low; }
    public double[] close() { return close; }
    public double[] volume() { return volume; }

    /** Whether the series carries taker-buy volume. */
    public boolean hasTakerBuy() { return takerBuy != null; }

    /** Taker-buy base volume per bar, or null when the source does not have it. */
    public double[] takerBuyOrNull() { return takerBuy; }

    public long ts(int i) { return ts[i]; }

    public Bar get(int i) {
        return new Bar(ts[i], open[i], high[i], low[i], close[i], volume[i], takerBuy == null ? Double.NaN : takerBuy[i]);
    }

    public long firstTs() { return ts[0]; }
    public long lastTs() { return ts[ts.length - 1]; }

    /** Bars {@code [from, to)} as a new series (copies). */
    public Bars slice(int from, int to) {
        return new Bars(intervalSec, Arrays.copyOfRange(ts, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to),
                takerBuy == null ? null : Arrays.copyOfRange(takerBuy, from, to));
    }

    /** A step between consecutive bars longer than the interval: {@code missingBars} slots are empty. */
    public record Gap(long afterTs, long beforeTs, long missingBars) {}

    public List<Gap> gaps() {
        List<Gap> out = new ArrayList<>();
        for (int i = 1; i < ts.length; i++) {
            long step = ts[i] - ts[i - 1];
            if (step > intervalSec) out.add(new Gap(ts[i - 1], ts[i], step / intervalSec - 1));
        }
        return out;
    }
}
