package msb.signal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ranking skill of a signal, with block-bootstrap confidence intervals: the direction AUC (does the signal put
 * UP rows above DOWN rows?) and the IC (Spearman rank correlation of the signal with the forward return).
 *
 * <p>Rows are consecutive bars, so neighbouring rows share market regime (and, with a horizon above one bar,
 * overlapping labels): resampling single rows would understate the uncertainty. The circular block bootstrap
 * resamples runs of {@code blockBars} consecutive rows instead. Each draw is turned into a weight per row (how
 * often it was drawn), and both statistics are computed on the weighted rows in O(n) from one sort done up
 * front, so a thousand draws over 20,000 rows take milliseconds, not seconds.
 */
public final class Skill {
    private Skill() {}

    /**
     * One statistic with its percentile confidence interval.
     *
     * @param value point estimate on the rows as given (NaN when undefined, e.g. no UP or no DOWN row)
     * @param lo    lower bound of the interval (NaN when undefined)
     * @param hi    upper bound
     */
    public record Estimate(double value, double lo, double hi) {
        public boolean defined() { return Double.isFinite(value) && Double.isFinite(lo) && Double.isFinite(hi); }

        /** True when the whole interval lies above {@code chance}. */
        public boolean lowerBoundAbove(double chance) { return defined() && lo > chance; }
    }

    /**
     * Direction AUC and IC of one signal on the same rows.
     *
     * @param rows        rows scored
     * @param directional rows labelled UP or DOWN (what the AUC reads)
     * @param blockBars   block length of the bootstrap, in bars
     * @param draws       bootstrap draws
     * @param level       two-sided confidence level, e.g. 0.95
     */
    public record Report(Estimate directionAuc, Estimate ic, int rows, int directional, int blockBars, int draws,
                         double level) {}

    /** Settings of the bootstrap; {@link #DEFAULTS} are what every verdict uses unless a spec says otherwise. */
    public record BootstrapOptions(int draws, double level, long seed, int minBlockBars) {
        public static final BootstrapOptions DEFAULTS = new BootstrapOptions(1000, 0.95, 20_261_202L, 1);

        public BootstrapOptions {
            if (draws < 100) throw new IllegalArgumentException("bootstrap draws must be >= 100, got " + draws);
            if (!(level > 0.5 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0.5, 1), got " + level);
            if (minBlockBars < 1) throw new IllegalArgumentException("min block bars must be >= 1, got " + minBlockBars);
        }

        public BootstrapOptions withMinBlockBars(int bars) { return new BootstrapOptions(draws, level, seed, Math.max(1, bars)); }
    }

    /**
     * The block length: n^(1/3) bars (the rate that balances the variance and bias of a block bootstrap of a
     * mean, Hall, Horowitz and Jing 1995), never shorter than {@code minBlockBars} (the label horizon: rows
     * within a horizon share part of their forward return).
     */
    public static int blockBars(int n, int minBlockBars) {
        return Math.max(minBlockBars, Math.max(1, (int) Math.round(Math.cbrt(n))));
    }

    /**
     * @param signal     the score per row (any monotone transform gives the same result)
     * @param labels     -1/0/1 per row
     * @param fwdReturn  the forward return per row (the IC's other side)
     */
    public static Report of(double[] signal, int[] labels, double[] fwdReturn, BootstrapOptions o) {
        int n = signal.length;
        if (labels.length != n || fwdReturn.length != n) {
            throw new IllegalArgumentException("signal, labels and returns differ in length: " + n + ", " + labels.length + ", " + fwdReturn.length);
        }
        int[] bySignal = order(signal);
        int[] byReturn = order(fwdReturn);
        double[] w = new double[n];
        Arrays.fill(w, 1);
        double auc = weightedAuc(signal, labels, bySignal, w);
        double ic = weightedSpearman(signal, fwdReturn, bySignal, byReturn, w);
        int directional = 0;
        for (int y : labels) if (y != 0) directional++;
        int block = blockBars(n, o.minBlockBars());
        if (n < 2) return new Report(new Estimate(auc, Double.NaN, Double.NaN), new Estimate(ic, Double.NaN, Double.NaN), n, directional, block, 0, o.level());
        double[] aucs = new double[o.draws()], ics = new double[o.draws()];
        SplittableRandom rnd = new SplittableRandom(o.seed());
        int blocks = (n + block - 1) / block;
        for (int d = 0; d < o.draws(); d++) {
            Arrays.fill(w, 0);
            int drawn = 0;
            for (int b = 0; b < blocks && drawn < n; b++) {
                int start = rnd.nextInt(n);
                for (int k = 0; k < block && drawn < n; k++, drawn++) w[(start + k) % n]++;
            }
            aucs[d] = weightedAuc(signal, labels, bySignal, w);
            ics[d] = weightedSpearman(signal, fwdReturn, bySignal, byReturn, w);
        }
        return new Report(interval(auc, aucs, o.level()), interval(ic, ics, o.level()), n, directional, block, o.draws(), o.level());
    }

    /**
     * Two signals on the same rows, compared: each one's direction AUC and IC, and the differences (B minus A)
     * with intervals from one paired circular block bootstrap (every draw weights the rows once and scores both
     * signals on those weights), so the shared market noise cancels out of the difference.
     */
    public record Paired(Estimate aucA, Estimate aucB, Estimate aucDiff, Estimate icA, Estimate icB, Estimate icDiff,
                         int rows, int directional, int blockBars, int draws, double level) {}

    /**
     * @param a         the reference signal per row (for instance a baseline feature set's out-of-sample scores)
     * @param b         the candidate signal on the same rows
     * @param labels    -1/0/1 per row
     * @param fwdReturn the forward return per row
     */
    public static Paired paired(double[] a, double[] b, int[] labels, double[] fwdReturn, BootstrapOptions o) {
        int n = a.length;
        if (b.length != n || labels.length != n || fwdReturn.length != n) {
            throw new IllegalArgumentException("signals, labels and returns differ in length: " + n + ", " + b.length + ", "
                    + labels.length + ", " + fwdReturn.length);
        }
        int[] byA = order(a), byB = order(b), byReturn = order(fwdReturn);
        double[] w = new double[n];
        Arrays.fill(w, 1);
        double aucA = weightedAuc(a, labels, byA, w), aucB = weightedAuc(b, labels, byB, w);
        double icA = weightedSpearman(a, fwdReturn, byA, byReturn, w), icB = weightedSpearman(b, fwdReturn, byB, byReturn, w);
        int directional = 0;
        for (int y : labels) if (y != 0) directional++;
        int block = blockBars(n, o.minBlockBars());
        int draws = n < 2 ? 0 : o.draws();
        double[][] d = new double[6][draws];
        SplittableRandom rnd = new SplittableRandom(o.seed());
        int blocks = (n + block - 1) / block;
        for (int k = 0; k < draws; k++) {
            Arrays.fill(w, 0);
            int drawn = 0;
            for (int j = 0; j < blocks && drawn < n; j++) {
                int start = rnd.nextInt(n);
                for (int i = 0; i < block && drawn < n; i++, drawn++) w[(start + i) % n]++;
            }
            d[0][k] = weightedAuc(a, labels, byA, w);
            d[1][k] = weightedAuc(b, labels, byB, w);
            d[2][k] = d[1][k] - d[0][k];
            d[3][k] = weightedSpearman(a, fwdReturn, byA, byReturn, w);
            d[4][k] = weightedSpearman(b, fwdReturn, byB, byReturn, w);
            d[5][k] = d[4][k] - d[3][k];
        }
        if (draws == 0) {
            Estimate none = new Estimate(Double.NaN, Double.NaN, Double.NaN);
            return new Paired(new Estimate(aucA, Double.NaN, Double.NaN), new Estimate(aucB, Double.NaN, Double.NaN),
                    none, new Estimate(icA, Double.NaN, Double.NaN), new Estimate(icB, Double.NaN, Double.NaN), none,
                    n, directional, block, 0, o.level());
        }
        return new Paired(interval(aucA, d[0], o.level()), interval(aucB, d[1], o.level()),
                interval(aucB - aucA, d[2], o.level()), interval(icA, d[3], o.level()), interval(icB, d[4], o.level()),
                interval(icB - icA, d[5], o.level()), n, directional, block, draws, o.level());
    }

    /** Percentile interval of the finite draws; NaN bounds when fewer than half the draws are defined. */
    static Estimate interval(double point, double[] draws, double level) {
        double[] ok = Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
        if (!Double.isFinite(point) || ok.length < draws.length / 2) return new Estimate(point, Double.NaN, Double.NaN);
        double tail = (1 - level) / 2;
        return new Estimate(point, quantile(ok, tail), quantile(ok, 1 - tail));
    }

    /** Linear interpolation between order statistics (type 7, as numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Direction AUC of the signal without resampling (NaN without both UP and DOWN rows). */
    public static double directionAuc(double[] signal, int[] labels) {
        double[] w = new double[signal.length];
        Arrays.fill(w, 1);
        return weightedAuc(signal, labels, order(signal), w);
    }

    private static int[] order(double[] v) {
        return java.util.stream.IntStream.range(0, v.length).boxed()
                .sorted((a, b) -> Double.compare(v[a], v[b])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * P(signal of a random UP row > signal of a random DOWN row), ties counting one half, rows weighted by how
     * often they were drawn. One pass over the rows in signal order, tie group by tie group.
     */
    static double weightedAuc(double[] s, int[] y, int[] order, double[] w) {
        double downBelow = 0, pairs = 0, upTotal = 0;
        int n = order.length;
        for (int i = 0; i < n; ) {
            int j = i;
            double up = 0, down = 0;
            while (j < n && s[order[j]] == s[order[i]]) {
                int r = order[j];
                if (y[r] > 0) up += w[r];
                else if (y[r] < 0) down += w[r];
                j++;
            }
            pairs += up * (downBelow + 0.5 * down);
            downBelow += down;
            upTotal += up;
            i = j;
        }
        double denom = upTotal * downBelow;
        return denom > 0 ? pairs / denom : Double.NaN;
    }

    /**
     * Spearman correlation of the weighted rows: each drawn copy of a row is a tie with its other copies, so
     * a tie group's mid-rank is (weight before it) + (its weight + 1) / 2; then the weighted Pearson of ranks.
     * 0 when either side is constant.
     */
    static double weightedSpearman(double[] a, double[] b, int[] orderA, int[] orderB, double[] w) {
        double[] ra = weightedRanks(a, orderA, w), rb = weightedRanks(b, orderB, w);
        double sw = 0, ma = 0, mb = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) continue;
            sw += w[i];
            ma += w[i] * ra[i];
            mb += w[i] * rb[i];
        }
        if (sw == 0) return Double.NaN;
        ma /= sw;
        mb /= sw;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) continue;
            double da = ra[i] - ma, db = rb[i] - mb;
            sab += w[i] * da * db;
            saa += w[i] * da * da;
            sbb += w[i] * db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    private static double[] weightedRanks(double[] v, int[] order, double[] w) {
        double[] r = new double[v.length];
        double before = 0;
        int n = order.length;
        for (int i = 0; i < n; ) {
            int j = i;
            double group = 0;
            while (j < n && v[order[j]] == v[order[i]]) group += w[order[j++]];
            double mid = before + (group + 1) / 2;
            for (int k = i; k < j; k++) r[order[k]] = mid;
            before += group;
            i = j;
        }
        return r;
    }
}
