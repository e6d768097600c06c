package msb.decision;

/**
 * Reward statistics of one arm (Welford): number of rewards, their mean and sum of squared deviations,
 * all in bps of net PnL.
 */
public record ArmStats(long count, double meanBps, double m2Bps2) {
    public static final ArmStats EMPTY = new ArmStats(0, 0.0, 0.0);

    public ArmStats {
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
        if (!Double.isFinite(meanBps) || !(m2Bps2 >= 0)) {
            throw new IllegalArgumentException("invalid arm stats: mean=" + meanBps + " m2=" + m2Bps2);
        }
    }

    public ArmStats add(double rewardBps) {
        long n = count + 1;
        double delta = rewardBps - meanBps;
        double mean = meanBps + delta / n;
        return new ArmStats(n, mean, m2Bps2 + delta * (rewardBps - mean));
    }

    /** Sample variance of one reward; NaN with fewer than two rewards. */
    public double varianceBps2() { return count < 2 ? Double.NaN : m2Bps2 / (count - 1); }
}
