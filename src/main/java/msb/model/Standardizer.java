package msb.model;

import java.util.Arrays;

/**
 * Per-column standardisation fitted on training rows only; constant columns get scale 1 so that they
 * map to 0 instead of NaN.
 */
public record Standardizer(double[] mean, double[] scale) {
    public Standardizer {
        if (mean.length != scale.length) throw new IllegalArgumentException("mean and scale lengths differ");
        for (double s : scale) if (!(s > 0)) throw new IllegalArgumentException("scale must be positive, got " + s);
        mean = mean.clone();
        scale = scale.clone();
    }

    public static Standardizer fit(double[][] x, int[] rows) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] m2 = new double[p];
        for (int r : rows) for (int j = 0; j < p; j++) mean[j] += x[r][j];
        for (int j = 0; j < p; j++) mean[j] /= rows.length;
        for (int r : rows) {
            for (int j = 0; j < p; j++) {
                double d = x[r][j] - mean[j];
                m2[j] += d * d;
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(m2[j] / Math.max(1, rows.length - 1));
            scale[j] = sd > 1e-12 && Double.isFinite(sd) ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    public int columns() { return mean.length; }

    public double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, the scaler "
                        + mean.length);
            }
            double[] r = new double[mean.length];
            for (int j = 0; j < r.length; j++) r[j] = (x[i][j] - mean[j]) / scale[j];
            out[i] = r;
        }
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Standardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override public int hashCode() { return Arrays.hashCode(mean) * 31 + Arrays.hashCode(scale); }

    @Override public String toString() { return "Standardizer[" + mean.length + " columns]"; }
}
