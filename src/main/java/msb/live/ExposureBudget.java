package msb.live;

import java.util.Arrays;

/**
 * The joint exposure limit of the timeframes of one process: the absolute notional of every book together
 * stays at or below {@code maxTotalExposureFrac} x the books' summed equity. Each book reports its notional
 * and equity after every bar; before a bar, a book may hold at most what the others leave it. Orders that
 * reduce exposure are never capped. Thread-safe (live timeframes run on their own threads).
 */
public final class ExposureBudget {
    /** Default: all books together hold at most their summed equity in notional. */
    public static final double DEFAULT_MAX_TOTAL_EXPOSURE_FRAC = 1.0;

    private final double maxTotalExposureFrac;
    private final double[] notionalUsd;
    private final double[] equityUsd;
    /** Per book, after a resume: its exposure bar by bar up to its checkpoint (null: none needed). */
    private final History[] history;

    /**
     * A book's notional and equity after each of its bars (close times {@code ts}, increasing), from its event
     * log, for the bars another book replays again after a resume from an earlier checkpoint.
     */
    public record History(long[] ts, double[] notionalUsd, double[] equityUsd) {}

    public ExposureBudget(int books, double maxTotalExposureFrac) {
        if (!(maxTotalExposureFrac > 0) || Double.isInfinite(maxTotalExposureFrac)) {
            throw new msb.core.UserInputException("--max-total-exposure-frac " + maxTotalExposureFrac + ": must be a number > 0");
        }
        this.maxTotalExposureFrac = maxTotalExposureFrac;
        this.notionalUsd = new double[books];
        this.equityUsd = new double[books];
        this.history = new History[books];
    }

    /**
     * Book {@code i} resumed from a later checkpoint than another book: while that one replays bars up to
     * {@code h}'s last, it sees book {@code i} as it was at each of them, not as it is now.
     */
    public synchronized void history(int i, History h) {
        history[i] = h.ts().length == 0 ? null : h;
    }

    public double maxTotalExposureFrac() { return maxTotalExposureFrac; }

    /** Book {@code i} now holds {@code notionalUsd} (absolute) on {@code equityUsd}. */
    public synchronized void report(int i, double notionalUsd, double equityUsd) {
        this.notionalUsd[i] = Double.isFinite(notionalUsd) ? Math.abs(notionalUsd) : 0;
        this.equityUsd[i] = Double.isFinite(equityUsd) ? equityUsd : 0;
    }

    /**
     * The most notional book {@code i} may hold at its bar closing at {@code barTs}: the joint limit minus what
     * the other books hold, at least 0. Bars of equal close time count in book order (as {@link BarTurns} runs them).
     */
    public synchronized double capUsd(int i, long barTs) {
        double equity = 0;
        double others = 0;
        for (int j = 0; j < notionalUsd.length; j++) {
            double n = notionalUsd[j];
            double e = equityUsd[j];
            History h = history[j];
            if (j != i && h != null && barTs <= h.ts()[h.ts().length - 1]) {
                int k = lastBefore(h.ts(), barTs, j < i);
                n = k < 0 ? 0 : h.notionalUsd()[k];
                e = k < 0 ? h.equityUsd()[0] : h.equityUsd()[k];
            }
            equity += e;
            if (j != i) others += n;
        }
        return Math.max(0, maxTotalExposureFrac * equity - others);
    }

    /** The last index with ts[k] < t (or <= t when {@code inclusive}), or -1. */
    private static int lastBefore(long[] ts, long t, boolean inclusive) {
        int k = Arrays.binarySearch(ts, t);
        if (k >= 0) return inclusive ? k : k - 1;
        return -k - 2;
    }

    /** Every book's notional together over their summed equity (0 with no equity). */
    public synchronized double totalExposureFrac() {
        double equity = Arrays.stream(equityUsd).sum();
        return equity > 0 ? Arrays.stream(notionalUsd).sum() / equity : 0;
    }
}
