package msb.data;

import java.util.Arrays;

/**
 * Cohort flow signals as imported, read by the features (S_top, S_bot, flow_diff) and by the decision's mood:
 * per bar (SPEC section 6), stamped like bars at the bar's close (unix seconds):
 * {@code sTop} (profitable cohort), {@code sBot} (unprofitable cohort) and {@code mood} (all public
 * trades), each in [-1, 1] (tanh of a smoothed flow). Times strictly increase. Arrays are owned here.
 */
public final class CohortSignals {
    private final long[] ts;
    private final double[] sTop;
    private final double[] sBot;
    private final double[] mood;

    public CohortSignals(long[] ts, double[] sTop, double[] sBot, double[] mood) {
        int n = ts.length;
        if (sTop.length != n || sBot.length != n || mood.length != n) throw new IllegalArgumentException("column lengths differ");
        for (int i = 1; i < n; i++) {
            if (ts[i] <= ts[i - 1]) throw new IllegalArgumentException("cohort timestamps not increasing at index " + i);
        }
        this.ts = ts;
        this.sTop = sTop;
        this.sBot = sBot;
        this.mood = mood;
    }

    public int size() { return ts.length; }
    public long[] ts() { return ts; }
    public double[] sTop() { return sTop; }
    public double[] sBot() { return sBot; }
    public double[] mood() { return mood; }

    /** The row stamped exactly at {@code tsSec}, or -1. */
    public int indexOf(long tsSec) {
        int k = Arrays.binarySearch(ts, tsSec);
        return k >= 0 ? k : -1;
    }

    /** The latest row stamped at or before {@code tsSec} (never a later one), or -1. */
    public int indexAt(long tsSec) {
        int k = Arrays.binarySearch(ts, tsSec);
        return k >= 0 ? k : -k - 2;
    }
}
