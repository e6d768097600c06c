package msb.features;

import java.util.Arrays;

/**
 * One feature's distribution as quantile bins: the interior bin edges (deciles of the sample by default,
 * duplicates merged, so a feature with few distinct values gets fewer bins) and the fraction of the sample
 * in each bin. Bin {@code i} holds values {@code v} with {@code edges[i-1] <= v < edges[i]}; values below the
 * first edge are in bin 0, values at or above the last in the top bin. A non-finite value (NaN) counts in the
 * top bin (Double ordering), so the sample and the live window bin it the same way.
 *
 * @param edges     ascending interior edges; {@code edges.length + 1} bins
 * @param fractions per bin, summing to 1 over a non-empty sample
 */
public record FeatureDistribution(double[] edges, double[] fractions) {
    /** Deciles: the conventional PSI binning. */
    public static final int DEFAULT_BINS = 10;

    public FeatureDistribution {
        if (edges == null || fractions == null || fractions.length != edges.length + 1) {
            throw new IllegalArgumentException("a distribution needs edges.length + 1 fractions");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) throw new IllegalArgumentException("bin edges must be strictly ascending");
        }
        edges = edges.clone();
        fractions = fractions.clone();
    }

    /** The quantile bins of {@code values} ({@code bins} requested, fewer when quantiles coincide). */
    public static FeatureDistribution of(double[] values, int bins) {
        if (values.length == 0) throw new IllegalArgumentException("no values to take a distribution of");
        if (bins < 2) throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] edges = new double[bins - 1];
        int n = 0;
        for (int k = 1; k < bins; k++) {
            double q = sorted[(int) Math.min(sorted.length - 1, (long) k * sorted.length / bins)];
            // the lowest value as an edge would leave bin 0 empty; NaN (sorted last) is never an edge
            if (!Double.isFinite(q) || q <= sorted[0] || (n > 0 && q <= edges[n - 1])) continue;
            edges[n++] = q;
        }
        double[] e = Arrays.copyOf(edges, n);
        return new FeatureDistribution(e, fractionsOf(e, values));
    }

    public int bins() { return fractions.length; }

    /** The bin of {@code v}: the number of edges at or below it. */
    public int binOf(double v) { return binOf(edges, v); }

    /** The fraction of {@code values} in each of this distribution's bins. */
    public double[] fractionsOf(double[] values) { return fractionsOf(edges, values); }

    static int binOf(double[] edges, double v) {
        if (Double.isNaN(v)) return edges.length;
        int lo = 0, hi = edges.length; // first edge > v
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static double[] fractionsOf(double[] edges, double[] values) {
        double[] f = new double[edges.length + 1];
        for (double v : values) f[binOf(edges, v)]++;
        for (int i = 0; i < f.length; i++) f[i] /= Math.max(1, values.length);
        return f;
    }

    @Override public boolean equals(Object o) {
        return o instanceof FeatureDistribution d && Arrays.equals(edges, d.edges) && Arrays.equals(fractions, d.fractions);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(edges) + Arrays.hashCode(fractions); }

    @Override public String toString() { return "FeatureDistribution" + Arrays.toString(edges) + Arrays.toString(fractions); }
}
