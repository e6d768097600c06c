package msb.dataset;

/** Cuts tri-class labels from closes (SPEC section 4). */
public final class Labels {
    public static final int DOWN = -1;
    public static final int NEUTRAL = 0;
    public static final int UP = 1;

    private Labels() {}

    /** Forward return of bar t over h bars: close[t+h] / close[t] - 1. */
    public static double forwardReturn(double[] close, int t, int horizonBars) {
        return close[t + horizonBars] / close[t] - 1;
    }

    /**
     * Threshold (as a fraction) for bar t: fixed bps / 10^4, or k x the sample std of the returns
     * r_{t-W+1..t} (W = volWindowBars), which needs t >= W.
     */
    public static double threshold(LabelSpec spec, double[] close, int t) { return threshold(spec, close, null, t); }

    /**
     * One-bar returns {@code close[j] / close[j-1] - 1} of a whole series (index 0 has none: NaN), for
     * {@link #threshold(LabelSpec, double[], double[], int)}: a dataset's thresholds read each return W times.
     */
    static double[] returns(double[] close) {
        double[] r = new double[close.length];
        if (r.length > 0) r[0] = Double.NaN;
        for (int j = 1; j < r.length; j++) r[j] = close[j] / close[j - 1] - 1;
        return r;
    }

    /**
     * As {@link #threshold(LabelSpec, double[], int)}, reading the returns from {@code returnsOrNull} when given
     * ({@link #returns}): the same values summed in the same order, so the same threshold bit for bit.
     */
    static double threshold(LabelSpec spec, double[] close, double[] returnsOrNull, int t) {
        if (spec.kind() == LabelSpec.Kind.FIXED) return spec.thresholdBps() / 10_000.0;
        int w = spec.volWindowBars();
        if (t < w) throw new IllegalArgumentException("bar " + t + " has fewer than " + w + " past returns");
        double mean = 0;
        for (int j = t - w + 1; j <= t; j++) mean += returnsOrNull != null ? returnsOrNull[j] : close[j] / close[j - 1] - 1;
        mean /= w;
        double ss = 0;
        for (int j = t - w + 1; j <= t; j++) {
            double d = (returnsOrNull != null ? returnsOrNull[j] : close[j] / close[j - 1] - 1) - mean;
            ss += d * d;
        }
        return spec.k() * Math.sqrt(ss / (w - 1));
    }

    public static int label(double fwdReturn, double threshold) {
        return fwdReturn > threshold ? UP : fwdReturn < -threshold ? DOWN : NEUTRAL;
    }
}
