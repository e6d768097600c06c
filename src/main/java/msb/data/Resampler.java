package msb.data;

/**
 * Builds coarser bars from finer ones (SPEC section 2): open = first open, high = max, low = min,
 * close = last close, volume = sum (taker-buy volume too, when the source has it). Buckets are aligned to the epoch (so 24h bars close at 00:00 UTC) and
 * stamped with their close. A bucket missing any sub-bar is dropped and counted, never filled.
 */
public final class Resampler {
    private Resampler() {}

    /** The coarser series and how many incomplete buckets were dropped. */
    public record Result(Bars bars, int droppedIncomplete) {}

    public static Result resample(Bars fine, long targetSec) {
        long f = fine.intervalSec();
        if (targetSec < f || targetSec % f != 0) {
            throw new IllegalArgumentException("cannot build " + targetSec + "s bars from " + f
                    + "s bars: the target must be a whole multiple of the source interval");
        }
        if (targetSec == f) return new Result(fine, 0);
        int per = (int) (targetSec / f);
        int n = fine.size();
        long[] ts = fine.ts();
        double[] o = fine.open(), h = fine.high(), l = fine.low(), c = fine.close(), v = fine.volume();
        double[] tb = fine.takerBuyOrNull();
        // complete buckets counted first: the columns are made at their final size, not made large and copied
        int cap = completeBuckets(ts, targetSec, per);
        long[] rts = new long[cap];
        double[] ro = new double[cap], rh = new double[cap], rl = new double[cap], rc = new double[cap], rv = new double[cap];
        double[] rtb = tb == null ? null : new double[cap];
        int out = 0, dropped = 0;
        int i = 0;
        while (i < n) {
            // bucket (end - targetSec, end]: a bar closing exactly at a boundary ends that bucket
            long end = Math.floorDiv(ts[i] + targetSec - 1, targetSec) * targetSec;
            int j = i;
            double bh = h[i], bl = l[i], bv = 0, btb = 0;
            while (j < n && ts[j] <= end) {
                if (h[j] > bh) bh = h[j];
                if (l[j] < bl) bl = l[j];
                bv += v[j];
                if (tb != null) btb += tb[j];
                j++;
            }
            if (j - i == per) {
                rts[out] = end; ro[out] = o[i]; rh[out] = bh; rl[out] = bl; rc[out] = c[j - 1]; rv[out] = bv;
                if (rtb != null) rtb[out] = btb;
                out++;
            } else {
                dropped++;
            }
            i = j;
        }
        if (out != cap) throw new IllegalStateException(out + " complete buckets, counted " + cap);
        return new Result(new Bars(targetSec, rts, ro, rh, rl, rc, rv, rtb), dropped);
    }

    /** How many buckets of {@code targetSec} hold all {@code per} of their sub-bars: the walk below, on the times alone. */
    private static int completeBuckets(long[] ts, long targetSec, int per) {
        int n = ts.length, complete = 0;
        for (int i = 0; i < n; ) {
            long end = Math.floorDiv(ts[i] + targetSec - 1, targetSec) * targetSec;
            int j = i + 1;
            while (j < n && ts[j] <= end) j++;
            if (j - i == per) complete++;
            i = j;
        }
        return complete;
    }
}
