package msb.data;

import java.util.Arrays;

/**
 * Appends bars (close-stamped, increasing) into growing primitive columns; {@link #build} copies them out.
 * The taker-buy column is kept only when every bar added has one (NaN otherwise).
 */
final class BarsBuilder {
    private int n;
    private long[] ts = new long[256];
    private double[] o = new double[256], h = new double[256], l = new double[256], c = new double[256],
            v = new double[256], tb = new double[256];
    private boolean allTakerBuy = true;

    void add(long tsClose, double open, double high, double low, double close, double volume) {
        add(tsClose, open, high, low, close, volume, Double.NaN);
    }

    void add(long tsClose, double open, double high, double low, double close, double volume, double takerBuy) {
        if (n == ts.length) {
            int cap = n * 2;
            ts = Arrays.copyOf(ts, cap);
            o = Arrays.copyOf(o, cap); h = Arrays.copyOf(h, cap); l = Arrays.copyOf(l, cap);
            c = Arrays.copyOf(c, cap); v = Arrays.copyOf(v, cap); tb = Arrays.copyOf(tb, cap);
        }
        ts[n] = tsClose; o[n] = open; h[n] = high; l[n] = low; c[n] = close; v[n] = volume; tb[n] = takerBuy;
        allTakerBuy &= !Double.isNaN(takerBuy);
        n++;
    }

    int size() { return n; }

    Bars build(long intervalSec) {
        return new Bars(intervalSec, Arrays.copyOf(ts, n), Arrays.copyOf(o, n), Arrays.copyOf(h, n),
                Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(v, n),
                allTakerBuy && n > 0 ? Arrays.copyOf(tb, n) : null);
    }
}
