package msb.signal;

import java.util.Arrays;
import smile.stat.distribution.GaussianDistribution;

/**
 * Classification and signal metrics as pure functions over primitive arrays. Labels and predicted
 * classes are -1/0/1 (DOWN/NEUTRAL/UP); probabilities are rows {@code {p_down, p_neutral, p_up}}.
 * Per-class arrays are indexed {@code label + 1}: [0] DOWN, [1] NEUTRAL, [2] UP.
 * Trading metrics over a strategy return series are in {@link TradingMetrics}; ranking skill with block-bootstrap
 * confidence intervals in {@link Skill}. Training's gates and {@code evaluate} both call these: one definition.
 */
public final class Metrics {
    /** Equal-width confidence bins over [0, 1] for ECE and the reliability curve. */
    public static final int ECE_BINS = 10;
    /** Probabilities are clipped to [EPS, 1] in log loss, so that a one-hot predictor gets a finite value. */
    public static final double LOG_LOSS_EPS = 1e-15;

    private Metrics() {}

    static int index(int label) {
        if (label < -1 || label > 1) throw new IllegalArgumentException("class must be -1, 0 or 1, got " + label);
        return label + 1;
    }

    private static void sameLength(int a, int b) {
        if (a != b) throw new IllegalArgumentException("arrays differ in length: " + a + " vs " + b);
        if (a == 0) throw new IllegalArgumentException("no rows");
    }

    /** counts[true][predicted], both indexed label + 1. */
    public static long[][] confusion(int[] y, int[] pred) {
        sameLength(y.length, pred.length);
        long[][] c = new long[3][3];
        for (int i = 0; i < y.length; i++) c[index(y[i])][index(pred[i])]++;
        return c;
    }

    public static double accuracy(int[] y, int[] pred) {
        long[][] c = confusion(y, pred);
        return (double) (c[0][0] + c[1][1] + c[2][2]) / y.length;
    }

    /** Recall per class; NaN for a class absent from the labels. */
    public static double[] recall(long[][] c) {
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) {
            long support = c[k][0] + c[k][1] + c[k][2];
            r[k] = support == 0 ? Double.NaN : (double) c[k][k] / support;
        }
        return r;
    }

    /** Precision per class; NaN for a class never predicted. */
    public static double[] precision(long[][] c) {
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            long predicted = c[0][k] + c[1][k] + c[2][k];
            p[k] = predicted == 0 ? Double.NaN : (double) c[k][k] / predicted;
        }
        return p;
    }

    /** Mean recall over the classes present in the labels. */
    public static double balancedAccuracy(int[] y, int[] pred) {
        double[] r = recall(confusion(y, pred));
        double sum = 0;
        int n = 0;
        for (double v : r) if (!Double.isNaN(v)) { sum += v; n++; }
        return sum / n;
    }

    /** Unweighted mean F1 over the classes present in labels or predictions (F1 = 0 where undefined). */
    public static double macroF1(int[] y, int[] pred) {
        long[][] c = confusion(y, pred);
        double sum = 0;
        int n = 0;
        for (int k = 0; k < 3; k++) {
            long support = c[k][0] + c[k][1] + c[k][2];
            long predicted = c[0][k] + c[1][k] + c[2][k];
            if (support == 0 && predicted == 0) continue;
            sum += 2.0 * c[k][k] / (support + predicted);
            n++;
        }
        return sum / n;
    }

    /** Multiclass Matthews correlation (Gorodkin's R_K); 0 when either side is constant. */
    public static double mcc(int[] y, int[] pred) {
        long[][] c = confusion(y, pred);
        double s = y.length;
        double correct = c[0][0] + c[1][1] + c[2][2];
        double sumPt = 0, sumP2 = 0, sumT2 = 0;
        for (int k = 0; k < 3; k++) {
            double t = c[k][0] + c[k][1] + c[k][2];
            double p = c[0][k] + c[1][k] + c[2][k];
            sumPt += p * t;
            sumP2 += p * p;
            sumT2 += t * t;
        }
        double den = Math.sqrt(s * s - sumP2) * Math.sqrt(s * s - sumT2);
        return den == 0 ? 0 : (correct * s - sumPt) / den;
    }

    /** Mean negative log-likelihood of the true class, in nats (probabilities clipped at {@link #LOG_LOSS_EPS}). */
    public static double logLoss(int[] y, double[][] p) {
        sameLength(y.length, p.length);
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum -= Math.log(Math.max(LOG_LOSS_EPS, p[i][index(y[i])]));
        return sum / y.length;
    }

    /** Multiclass Brier score: mean over rows of the squared distance to the one-hot label (0..2). */
    public static double brier(int[] y, double[][] p) {
        sameLength(y.length, p.length);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            int t = index(y[i]);
            for (int k = 0; k < 3; k++) {
                double d = p[i][k] - (k == t ? 1 : 0);
                sum += d * d;
            }
        }
        return sum / y.length;
    }

    /** Top-class reliability: per equal-width confidence bin, rows, mean confidence and accuracy. */
    public record Reliability(int[] rows, double[] meanConfidence, double[] accuracy) {}

    public static Reliability reliability(int[] y, double[][] p, int bins) {
        sameLength(y.length, p.length);
        int[] rows = new int[bins];
        double[] conf = new double[bins];
        double[] hit = new double[bins];
        for (int i = 0; i < y.length; i++) {
            int top = argmax(p[i]);
            double c = p[i][top + 1];
            int b = Math.min(bins - 1, (int) (c * bins));
            rows[b]++;
            conf[b] += c;
            if (top == y[i]) hit[b]++;
        }
        for (int b = 0; b < bins; b++) {
            conf[b] = rows[b] == 0 ? Double.NaN : conf[b] / rows[b];
            hit[b] = rows[b] == 0 ? Double.NaN : hit[b] / rows[b];
        }
        return new Reliability(rows, conf, hit);
    }

    /** Expected calibration error of the top class: sum over bins of rows/n x |accuracy - confidence|. */
    public static double ece(int[] y, double[][] p, int bins) {
        Reliability r = reliability(y, p, bins);
        double sum = 0;
        for (int b = 0; b < bins; b++) {
            if (r.rows()[b] > 0) sum += r.rows()[b] * Math.abs(r.accuracy()[b] - r.meanConfidence()[b]);
        }
        return sum / y.length;
    }

    /** Most probable class as -1/0/1, ties as {@code msb.signal.Probs#argmax}: NEUTRAL, then UP. */
    public static int argmax(double[] row) {
        if (row[1] >= row[2] && row[1] >= row[0]) return 0;
        return row[2] >= row[0] ? 1 : -1;
    }

    public static int[] argmax(double[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = argmax(p[i]);
        return out;
    }

    /** s_model = p_up - p_down per row. */
    public static double[] sModel(double[][] p) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) s[i] = p[i][2] - p[i][0];
        return s;
    }

    /** What the live logic acts on: 1 when s_model >= +sMin, -1 when <= -sMin, else 0. */
    public static int[] thresholdClasses(double[] sModel, double sMin) {
        int[] out = new int[sModel.length];
        for (int i = 0; i < sModel.length; i++) out[i] = sModel[i] >= sMin ? 1 : sModel[i] <= -sMin ? -1 : 0;
        return out;
    }

    /** Shares of -1/0/1 as {down, neutral, up}. */
    public static double[] shares(int[] classes) {
        double[] s = new double[3];
        for (int c : classes) s[index(c)]++;
        for (int k = 0; k < 3; k++) s[k] /= classes.length;
        return s;
    }

    /** Shares of s_model values {@code < 0, == 0, > 0}. */
    public static double[] signShares(double[] sModel) {
        int[] signs = new int[sModel.length];
        for (int i = 0; i < sModel.length; i++) signs[i] = (int) Math.signum(sModel[i]);
        return shares(signs);
    }

    /** Spearman rank correlation (average ranks for ties); 0 when either side is constant. */
    public static double spearman(double[] a, double[] b) {
        sameLength(a.length, b.length);
        return pearson(ranks(a), ranks(b));
    }

    public static double pearson(double[] a, double[] b) {
        sameLength(a.length, b.length);
        double ma = mean(a), mb = mean(b);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** 1-based ranks, ties get the mean of the ranks they span. */
    public static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, (i, j) -> Double.compare(v[i], v[j]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = rank;
            i = j + 1;
        }
        return r;
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Class frequencies {down, neutral, up} of -1/0/1 labels. */
    public static double[] frequencies(int[] y) {
        double[] f = new double[3];
        for (int v : y) f[index(v)]++;
        for (int k = 0; k < 3; k++) f[k] /= Math.max(1, y.length);
        return f;
    }

    /**
     * Probabilities for a rule that names a class per row (always-up, previous-bar sign): on each row, the
     * label shares {down, neutral, up} among the fitting rows where the rule named the same class (the whole
     * fitting prior when it never did there). Scoring a rule's one-hot guesses would charge log(1e-15) for
     * every miss; these are what the rule says once calibrated, so a constant rule gets the base-rate log loss.
     */
    public static double[][] ruleProbabilities(int[] fitRule, int[] fitLabels, int[] rule) {
        sameLength(fitRule.length, fitLabels.length);
        double[] prior = frequencies(fitLabels);
        double[][] byClass = new double[3][3];
        int[] seen = new int[3];
        for (int i = 0; i < fitRule.length; i++) {
            byClass[index(fitRule[i])][index(fitLabels[i])]++;
            seen[index(fitRule[i])]++;
        }
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 3; k++) byClass[c][k] = seen[c] == 0 ? prior[k] : byClass[c][k] / seen[c];
        }
        double[][] p = new double[rule.length][];
        for (int i = 0; i < rule.length; i++) p[i] = byClass[index(rule[i])].clone();
        return p;
    }

    /** Log loss of predicting the class frequencies {@code prior} {down, neutral, up} on every row. */
    public static double priorLogLoss(double[] prior, int[] y) {
        if (y.length == 0) throw new IllegalArgumentException("no rows");
        double sum = 0;
        for (int v : y) sum -= Math.log(Math.max(LOG_LOSS_EPS, prior[index(v)]));
        return sum / y.length;
    }

    /** Mean and population standard deviation. */
    public static double[] meanSd(double[] v) {
        double m = 0;
        for (double x : v) m += x;
        m /= Math.max(1, v.length);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return new double[]{m, Math.sqrt(s / Math.max(1, v.length))};
    }

    public static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) m = Math.min(m, x);
        return m;
    }

    public static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    /** Standard normal CDF. */
    public static double normalCdf(double z) { return GaussianDistribution.getInstance().cdf(z); }

    public static double normalQuantile(double p) { return GaussianDistribution.getInstance().quantile(p); }
}
