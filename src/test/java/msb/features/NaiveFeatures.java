package msb.features;

import msb.data.Bars;

/**
 * An independent, deliberately plain re-statement of SPEC section 3 for tests: every window recomputed
 * from scratch over the raw arrays, no shared state. The engine must agree with it.
 */
final class NaiveFeatures {
    private NaiveFeatures() {}

    static double r(double[] c, int t) { return c[t] / c[t - 1] - 1; }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double std(double[] x) {
        if (java.util.Arrays.stream(x).allMatch(v -> v == x[0])) return 0; // SPEC: zero std, exactly
        double m = mean(x), ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (x.length - 1));
    }

    static double ratio(double a, double b) { return b == 0 ? 0 : a / b; }

    static double[] ema(double[] c) {
        double[] e = new double[c.length];
        e[0] = c[0];
        for (int i = 1; i < c.length; i++) e[i] = (1 - 2.0 / 21) * e[i - 1] + 2.0 / 21 * c[i];
        return e;
    }

    static double rv(double[] c, int t) {
        double s = 0;
        for (int j = t - 11; j <= t; j++) s += r(c, j) * r(c, j);
        return Math.sqrt(s);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The value of a price/volume feature at bar t (t >= 111). */
    static double value(String name, Bars b, int t) {
        double[] c = b.close(), o = b.open(), h = b.high(), l = b.low(), v = b.volume();
        switch (name) {
            case "mom_1": return r(c, t);
            case "mom_3": return c[t] / c[t - 3] - 1;
            case "mr_ema20_z": {
                double[] e = ema(c);
                double[] d = new double[50];
                for (int k = 0; k < 50; k++) d[k] = c[t - 49 + k] - e[t - 49 + k];
                return ratio(d[49], std(d));
            }
            case "rv_1h": return rv(c, t);
            case "regime_high_vol": {
                double[] hist = new double[100];
                for (int k = 0; k < 100; k++) hist[k] = rv(c, t - 99 + k);
                return rv(c, t) > 2 * median(hist) ? 1 : 0;
            }
            case "gk_volatility": {
                double a = Math.log(h[t] / l[t]), bb = Math.log(c[t] / o[t]);
                return Math.sqrt(Math.max(0, 0.5 * a * a - (2 * Math.log(2) - 1) * bb * bb));
            }
            case "jump_magnitude": {
                double[] rs = new double[50];
                for (int k = 0; k < 50; k++) rs[k] = r(c, t - 49 + k);
                return ratio(Math.abs(r(c, t)), std(rs));
            }
            case "volume_intensity": {
                double[] vs = java.util.Arrays.copyOfRange(v, t - 49, t + 1);
                return ratio(v[t], mean(vs)) - 1;
            }
            case "price_efficiency": return ratio(Math.abs(r(c, t)), (h[t] - l[t]) / c[t]);
            case "price_volume_corr": {
                double[] rs = new double[36], vs = new double[36];
                for (int k = 0; k < 36; k++) {
                    rs[k] = r(c, t - 35 + k);
                    vs[k] = v[t - 35 + k];
                }
                if (std(rs) == 0 || std(vs) == 0) return 0;
                double mr = mean(rs), mv = mean(vs), sxy = 0, sxx = 0, syy = 0;
                for (int k = 0; k < 36; k++) {
                    sxy += (rs[k] - mr) * (vs[k] - mv);
                    sxx += (rs[k] - mr) * (rs[k] - mr);
                    syy += (vs[k] - mv) * (vs[k] - mv);
                }
                return ratio(sxy, Math.sqrt(sxx * syy));
            }
            case "vwap_momentum": {
                double sv = 0, scv = 0;
                for (int j = t - 11; j <= t; j++) {
                    sv += v[j];
                    scv += c[j] * v[j];
                }
                return sv == 0 ? 0 : c[t] / (scv / sv) - 1;
            }
            case "depth_proxy": return ratio(Math.log1p(v[t]), (h[t] - l[t]) / c[t]);
            default: throw new IllegalArgumentException(name);
        }
    }
}
