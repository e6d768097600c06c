package msb.bench;

import java.util.SplittableRandom;
import msb.data.Bars;

/**
 * Synthetic BTC-like 1m bars, the generator of {@code shared/tools/gen_1m.py} ported (GBM with volatility
 * clustering; prices rounded to cents, volume to 4 decimals, as that script writes them). Seeded, so the
 * same seed gives the same series; it does not reproduce Python's random stream bit for bit.
 */
public final class SyntheticBars {
    public static final long FIRST_OPEN_TS = 1_600_000_020L / 60 * 60;

    private SyntheticBars() {}

    public static Bars minutes(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ts = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        long t = FIRST_OPEN_TS;
        double p = 30_000.0, vol = 0.0008;
        for (int i = 0; i < n; i++) {
            vol = Math.max(0.0002, Math.min(0.004, vol * Math.exp(rnd.nextGaussian() * 0.05)));
            double open = p;
            double close = open * Math.exp(rnd.nextGaussian() * vol);
            double high = Math.max(open, close) * (1 + Math.abs(rnd.nextGaussian() * vol / 2));
            double low = Math.min(open, close) * (1 - Math.abs(rnd.nextGaussian() * vol / 2));
            t += 60;
            ts[i] = t;
            o[i] = cents(open);
            h[i] = cents(high);
            l[i] = cents(low);
            c[i] = cents(close);
            v[i] = Math.round(rnd.nextExponential() * 5 * 10_000) / 10_000.0;
            p = close;
        }
        return new Bars(60, ts, o, h, l, c, v);
    }

    private static double cents(double x) { return Math.round(x * 100) / 100.0; }
}
