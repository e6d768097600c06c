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
        int cap = 0;
        for (int i = 0, j; i < n; i = j) {
            j = bucketStop(ts, i, targetSec);
            if (j - i == per) cap++;
        }
        long[] rts = new long[cap];
        double[] ro = new double[cap], rh = new double[cap], rl = new double[cap], rc = new double[cap], rv = new double[cap];
        double[] rtb = tb == null ? null : new double[cap];
        int out = 0, dropped = 0;
        for (int i = 0, j; i < n; i = j) {
            j = bucketStop(ts, i, targetSec);
            if (j - i != per) {
                dropped++;
                continue;
            }
            double bh = h[i], bl = l[i], bv = 0, btb = 0;
            for (int k = i; k < j; k++) {
                if (h[k] > bh) bh = h[k];
                if (l[k] < bl) bl = l[k];
                bv += v[k];
                if (tb != null) btb += tb[k];
            }
            rts[out] = bucketEnd(ts[i], targetSec); ro[out] = o[i]; rh[out] = bh; rl[out] = bl; rc[out] = c[j - 1]; rv[out] = bv;
            if (rtb != null) rtb[out] = btb;
            out++;
        }
        return new Result(new Bars(targetSec, rts, ro, rh, rl, rc, rv, rtb), dropped);
    }

    /** The close of the bucket (end - targetSec, end] holding a bar closing at {@code t}: a bar closing exactly at a boundary ends that bucket. */
    private static long bucketEnd(long t, long targetSec) {
        return Math.floorDiv(t + targetSec - 1, targetSec) * targetSec;
    }

    /** The first index past the bucket whose first bar is at {@code i}. */
    private static int bucketStop(long[] ts, int i, long targetSec) {
        long end = bucketEnd(ts[i], targetSec);
        int j = i + 1;
        while (j < ts.length && ts[j] <= end) j++;
        return j;
    }
}
