package msb.data;

import java.util.Arrays;

/** Appends bars (close-stamped, increasing) into growing primitive columns; {@link #build} copies them out. */
final class BarsBuilder {
    private int n;
    private long[] ts = new long[256];
    private double[] o = new double[256], h = new double[256], l = new double[256], c = new double[256],
            v = new double[256];

    void add(long tsClose, double open, double high, double low, double close, double volume) {
        if (n == ts.length) {
            int cap = n * 2;
            ts = Arrays.copyOf(ts, cap);
            o = Arrays.copyOf(o, cap); h = Arrays.copyOf(h, cap); l = Arrays.copyOf(l, cap);
            c = Arrays.copyOf(c, cap); v = Arrays.copyOf(v, cap);
        }
        ts[n] = tsClose; o[n] = open; h[n] = high; l[n] = low; c[n] = close; v[n] = volume;
        n++;
    }

    int size() { return n; }

    Bars build(long intervalSec) {
        return new Bars(intervalSec, Arrays.copyOf(ts, n), Arrays.copyOf(o, n), Arrays.copyOf(h, n),
                Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(v, n));
    }
}
