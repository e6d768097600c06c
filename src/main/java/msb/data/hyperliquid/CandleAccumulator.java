package msb.data.hyperliquid;

import java.util.Arrays;
import msb.data.Bars;

/** Candles in increasing open time (the client sorts and de-duplicates them first), validated, stamped at close. */
final class CandleAccumulator {
    private final long intervalSec;
    private int n;
    private long[] ts = new long[1024];
    private double[] o = new double[1024], h = new double[1024], l = new double[1024], c = new double[1024],
            v = new double[1024];

    CandleAccumulator(long intervalSec) { this.intervalSec = intervalSec; }

    void add(long openMs, double open, double high, double low, double close, double volume) {
        long closeSec = Math.floorDiv(openMs, 1000) + intervalSec;
        if (n > 0 && closeSec <= ts[n - 1]) throw new IllegalStateException("candles must come in increasing open time");
        if (!(low >= Bars.MIN_PRICE) || !(high <= Bars.MAX_PRICE) || high < low || open < low || open > high || close < low
                || close > high || !(volume >= 0) || volume > Bars.MAX_VOLUME) {
            throw new HyperliquidException("Hyperliquid sent an invalid candle at " + java.time.Instant.ofEpochMilli(openMs)
                    + " (o=" + open + " h=" + high + " l=" + low + " c=" + close + " v=" + volume + ")");
        }
        if (n == ts.length) {
            int cap = n * 2;
            ts = Arrays.copyOf(ts, cap); o = Arrays.copyOf(o, cap); h = Arrays.copyOf(h, cap);
            l = Arrays.copyOf(l, cap); c = Arrays.copyOf(c, cap); v = Arrays.copyOf(v, cap);
        }
        ts[n] = closeSec; o[n] = open; h[n] = high; l[n] = low; c[n] = close; v[n] = volume;
        n++;
    }

    Bars bars() {
        return new Bars(intervalSec, Arrays.copyOf(ts, n), Arrays.copyOf(o, n), Arrays.copyOf(h, n),
                Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(v, n));
    }
}
