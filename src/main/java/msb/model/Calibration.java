package msb.model;

import java.util.Arrays;

/**
 * Per-class one-vs-rest calibration of 3-class probabilities, renormalised to sum 1. Isotonic: a monotone
 * piecewise-linear map through the pooled-adjacent-violators block means ({@code knotX}, {@code knotY}).
 * Sigmoid (Platt): {@code 1 / (1 + exp(-(a*p + b)))}. Calibrated values are floored at
 * {@link #FLOOR_PROB} before renormalising, so that no class is ever given probability zero.
 */
public record Calibration(Method method, double[][] knotX, double[][] knotY, double[] plattA, double[] plattB) {
    public enum Method { ISOTONIC, SIGMOID }

    static final double FLOOR_PROB = 1e-3;

    public Calibration {
        if (method == null) throw new IllegalArgumentException("calibration method missing");
        if (method == Method.ISOTONIC && (knotX == null || knotY == null || knotX.length != 3 || knotY.length != 3)) {
            throw new IllegalArgumentException("isotonic calibration needs knots for 3 classes");
        }
        if (method == Method.SIGMOID && (plattA == null || plattB == null || plattA.length != 3 || plattB.length != 3)) {
            throw new IllegalArgumentException("sigmoid calibration needs a and b for 3 classes");
        }
    }

    /** Chooses the method from the per-class counts of the rows it is fitted on. */
    public static Method methodFor(int[] y, int minRowsPerClass) {
        for (int c : Labels.counts(y)) if (c < minRowsPerClass) return Method.SIGMOID;
        return Method.ISOTONIC;
    }

    /** Fits on probabilities {@code p[i]} with true class indices {@code y[i]}. */
    public static Calibration fit(double[][] p, int[] y, Method method) {
        double[][] kx = new double[3][], ky = new double[3][];
        double[] a = new double[3], b = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] s = new double[p.length];
            int[] t = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                s[i] = p[i][c];
                t[i] = y[i] == c ? 1 : 0;
            }
            if (method == Method.ISOTONIC) {
                double[][] knots = isotonic(s, t);
                kx[c] = knots[0];
                ky[c] = knots[1];
            } else {
                double[] ab = platt(s, t);
                a[c] = ab[0];
                b[c] = ab[1];
            }
        }
        return method == Method.ISOTONIC ? new Calibration(method, kx, ky, null, null)
                : new Calibration(method, null, null, a, b);
    }

    public double[] apply(double[] p) {
        double[] q = new double[3];
        double s = 0;
        for (int c = 0; c < 3; c++) {
            double v = method == Method.ISOTONIC ? interpolate(knotX[c], knotY[c], p[c])
                    : 1 / (1 + Math.exp(-(plattA[c] * p[c] + plattB[c])));
            q[c] = Math.max(FLOOR_PROB, v);
            s += q[c];
        }
        for (int c = 0; c < 3; c++) q[c] /= s;
        return q;
    }

    public double[][] apply(double[][] p) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) out[i] = apply(p[i]);
        return out;
    }

    private static double interpolate(double[] x, double[] y, double v) {
        if (v <= x[0]) return y[0];
        int n = x.length;
        if (v >= x[n - 1]) return y[n - 1];
        int k = Arrays.binarySearch(x, v);
        if (k >= 0) return y[k];
        int hi = -k - 1, lo = hi - 1;
        double w = (v - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }

    /** Pool adjacent violators; returns {block mean score, block mean target} in increasing score order. */
    static double[][] isotonic(double[] s, int[] t) {
        int n = s.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (i, j) -> Double.compare(s[i], s[j]));
        double[] sumX = new double[n], sumY = new double[n];
        int[] cnt = new int[n];
        int m = 0;
        for (int q = 0; q < n; q++) {
            int i = idx[q];
            sumX[m] = s[i];
            sumY[m] = t[i];
            cnt[m] = 1;
            m++;
            while (m > 1 && sumY[m - 2] / cnt[m - 2] >= sumY[m - 1] / cnt[m - 1]) {
                sumX[m - 2] += sumX[m - 1];
                sumY[m - 2] += sumY[m - 1];
                cnt[m - 2] += cnt[m - 1];
                m--;
            }
        }
        // Merge blocks whose mean scores coincide so that x is strictly increasing for interpolation.
        // A count-weighted mean keeps the knot at the blocks' pooled hit rate (a max would bias it upward).
        double[] x = new double[m], y = new double[m];
        long[] w = new long[m];
        int k = 0;
        for (int b = 0; b < m; b++) {
            double mx = sumX[b] / cnt[b], my = sumY[b] / cnt[b];
            if (k > 0 && mx <= x[k - 1]) {
                y[k - 1] = (y[k - 1] * w[k - 1] + my * cnt[b]) / (w[k - 1] + cnt[b]);
                w[k - 1] += cnt[b];
                continue;
            }
            x[k] = mx;
            y[k] = my;
            w[k] = cnt[b];
            k++;
        }
        return new double[][]{Arrays.copyOf(x, k), Arrays.copyOf(y, k)};
    }

    /** Platt's sigmoid fit with his smoothed targets, by Newton steps on (a, b). */
    static double[] platt(double[] s, int[] t) {
        int pos = 0;
        for (int v : t) pos += v;
        int neg = t.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0), lo = 1.0 / (neg + 2.0);
        double a = 1, b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double g1 = 0, g2 = 0, h11 = 1e-9, h22 = 1e-9, h12 = 0;
            for (int i = 0; i < s.length; i++) {
                double target = t[i] == 1 ? hi : lo;
                double f = 1 / (1 + Math.exp(-(a * s[i] + b)));
                double d = f - target, w = f * (1 - f);
                g1 += d * s[i];
                g2 += d;
                h11 += w * s[i] * s[i];
                h22 += w;
                h12 += w * s[i];
            }
            double det = h11 * h22 - h12 * h12;
            if (Math.abs(det) < 1e-18) break;
            double da = (h22 * g1 - h12 * g2) / det, db = (h11 * g2 - h12 * g1) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
        }
        return new double[]{a, b};
    }
}
