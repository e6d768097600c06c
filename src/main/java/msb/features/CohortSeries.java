package msb.features;

import java.util.Arrays;

/**
 * Cohort flow signals (SPEC section 6) stamped at bar close times, strictly increasing. {@link #indexAt}
 * finds the latest value known at a time, so a signal is never used before it exists.
 */
public final class CohortSeries {
    private final long[] ts;
    private final double[] sTop;
    private final double[] sBot;

    public CohortSeries(long[] ts, double[] sTop, double[] sBot) {
        if (ts.length != sTop.length || ts.length != sBot.length) {
            throw new IllegalArgumentException("cohort column lengths differ");
        }
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] <= ts[i - 1]) throw new IllegalArgumentException("cohort timestamps not increasing at " + i);
        }
        this.ts = ts;
        this.sTop = sTop;
        this.sBot = sBot;
    }

    public int size() { return ts.length; }
    public long firstTs() { return ts[0]; }

    /** Index of the latest value stamped at or before {@code tsSec}; -1 if none. */
    public int indexAt(long tsSec) {
        int k = Arrays.binarySearch(ts, tsSec);
        return k >= 0 ? k : -k - 2;
    }

    public double sTopAt(long tsSec) {
        int k = indexAt(tsSec);
        return k < 0 ? Double.NaN : sTop[k];
    }

    public double sBotAt(long tsSec) {
        int k = indexAt(tsSec);
        return k < 0 ? Double.NaN : sBot[k];
    }
}
