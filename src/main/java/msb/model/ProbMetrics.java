package msb.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Classification metrics over probability rows [down, neutral, up] and class indices 0/1/2. */
public final class ProbMetrics {
    /** Log loss clips probabilities here so that a one-hot constant model scores a large finite loss. */
    static final double LOG_LOSS_EPS = 1e-15;

    private ProbMetrics() {}

    /** Mean negative log-likelihood in nats. */
    public static double logLoss(double[][] p, int[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s -= Math.log(Math.max(LOG_LOSS_EPS, p[i][y[i]]));
        return s / y.length;
    }

    /** Log loss of predicting the class frequencies {@code prior} on every row. */
    public static double priorLogLoss(double[] prior, int[] y) {
        double s = 0;
        for (int v : y) s -= Math.log(Math.max(LOG_LOSS_EPS, prior[v]));
        return s / y.length;
    }

    public static double[] frequencies(int[] y) {
        int[] c = Labels.counts(y);
        double[] f = new double[c.length];
        for (int k = 0; k < c.length; k++) f[k] = (double) c[k] / Math.max(1, y.length);
        return f;
    }

    /** Top-label expected calibration error with equal-width confidence bins (probability units). */
    public static double ece(double[][] p, int[] y, int bins) {
        double[] conf = new double[bins], hit = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < y.length; i++) {
            int k = argmax(p[i]);
            double c = p[i][k];
            int b = Math.min(bins - 1, (int) (c * bins));
            conf[b] += c;
            hit[b] += k == y[i] ? 1 : 0;
            n[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) if (n[b] > 0) e += Math.abs(hit[b] - conf[b]);
        return e / y.length;
    }

    public static int argmax(double[] p) {
        if (p[1] >= p[2] && p[1] >= p[0]) return 1;
        return p[2] >= p[0] ? 2 : 0;
    }

    public static double brier(double[][] p, int[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            for (int c = 0; c < 3; c++) {
                double d = p[i][c] - (y[i] == c ? 1 : 0);
                s += d * d;
            }
        }
        return s / y.length;
    }

    public static double balancedAccuracy(double[][] p, int[] y) {
        int[] tot = new int[3], hit = new int[3];
        for (int i = 0; i < y.length; i++) {
            tot[y[i]]++;
            if (argmax(p[i]) == y[i]) hit[y[i]]++;
        }
        double s = 0;
        int k = 0;
        for (int c = 0; c < 3; c++) if (tot[c] > 0) { s += (double) hit[c] / tot[c]; k++; }
        return k == 0 ? Double.NaN : s / k;
    }

    /** Shares of rows with s_model >= +sMin (up), <= -sMin (down) and neither (neutral). */
    public static Map<String, Double> signalShares(double[][] p, double sMin) {
        int up = 0, down = 0;
        for (double[] r : p) {
            double s = r[2] - r[0];
            if (s >= sMin) up++;
            else if (s <= -sMin) down++;
        }
        return shares(down, p.length - up - down, up, p.length);
    }

    public static Map<String, Double> argmaxShares(double[][] p) {
        int[] c = new int[3];
        for (double[] r : p) c[argmax(r)]++;
        return shares(c[0], c[1], c[2], p.length);
    }

    public static Map<String, Double> labelShares(int[] y) {
        int[] c = Labels.counts(y);
        return shares(c[0], c[1], c[2], y.length);
    }

    static Map<String, Double> shares(int down, int neutral, int up, int n) {
        Map<String, Double> m = new LinkedHashMap<>();
        double d = Math.max(1, n);
        m.put("down", down / d);
        m.put("neutral", neutral / d);
        m.put("up", up / d);
        return m;
    }

    /** Minimum and maximum of s_model = p_up - p_down. */
    public static double[] sModelRange(double[][] p) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] r : p) {
            double s = r[2] - r[0];
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        return new double[]{lo, hi};
    }
    /** Mean and population standard deviation of s_model = p_up - p_down. */
    public static double[] sModelMeanSd(double[][] p) {
        double m = 0;
        for (double[] r : p) m += r[2] - r[0];
        m /= Math.max(1, p.length);
        double v = 0;
        for (double[] r : p) v += (r[2] - r[0] - m) * (r[2] - r[0] - m);
        return new double[]{m, Math.sqrt(v / Math.max(1, p.length))};
    }

    /**
     * How well s_model orders the directional rows: the probability that a random UP row has a larger
     * s_model than a random DOWN row (ties count one half; NaN without both). 0.5 is no directional skill.
     * Calibration-in-the-large puts the mean of s_model near the UP minus DOWN label share whatever the
     * skill, so this, not the mean, says whether the model knows direction.
     */
    public static double directionAuc(double[][] p, int[] y) {
        int n = 0;
        for (int v : y) if (v != 1) n++;
        double[] s = new double[n];
        boolean[] up = new boolean[n];
        int k = 0, ups = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) continue;
            s[k] = p[i][2] - p[i][0];
            up[k] = y[i] == 2;
            if (up[k]) ups++;
            k++;
        }
        int downs = n - ups;
        if (ups == 0 || downs == 0) return Double.NaN;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(s[a], s[b]));
        double upRankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && s[idx[j + 1]] == s[idx[i]]) j++;
            double midRank = (i + j) / 2.0 + 1;
            for (int q = i; q <= j; q++) if (up[idx[q]]) upRankSum += midRank;
            i = j + 1;
        }
        return (upRankSum - ups * (ups + 1) / 2.0) / ((double) ups * downs);
    }
}
