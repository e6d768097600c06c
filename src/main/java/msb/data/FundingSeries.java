package msb.data;

import java.util.Arrays;

/**
 * Funding rates as a fraction per hour (whatever the venue's settlement period), stamped at settlement
 * time (unix seconds), strictly increasing. {@link #rateAt} gives the latest rate known at a time.
 */
public final class FundingSeries {
    private final long[] ts;
    private final double[] ratePerHour;

    public FundingSeries(long[] ts, double[] ratePerHour) {
        if (ts.length != ratePerHour.length) throw new IllegalArgumentException("column lengths differ");
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] <= ts[i - 1]) throw new IllegalArgumentException("funding timestamps not increasing at " + i);
        }
        this.ts = ts;
        this.ratePerHour = ratePerHour;
    }

    public int size() { return ts.length; }
    public long[] ts() { return ts; }
    public double[] ratePerHour() { return ratePerHour; }

    /** The latest rate settled at or before {@code tsSec}; NaN before the first settlement. */
    public double rateAt(long tsSec) {
        int k = Arrays.binarySearch(ts, tsSec);
        if (k < 0) k = -k - 2;
        return k < 0 ? Double.NaN : ratePerHour[k];
    }
}
