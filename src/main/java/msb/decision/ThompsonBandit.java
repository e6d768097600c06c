package msb.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import msb.signal.Probs;

/**
 * Gaussian Thompson sampling over the eligible arms (SPEC section 7). Each arm's value is the mean net
 * PnL (bps) of the positions it caused; on each bar every eligible arm draws from the posterior of its
 * mean, N(shrunk mean, sqrt(variance / (count + prior count))), and the largest draw wins. The draws use
 * a generator seeded from (seed, bar close time), so a resumed run draws exactly what an uninterrupted one
 * would, with no RNG state to persist. Pure: state goes in and comes out.
 */
public final class ThompsonBandit {
    private final BanditConfig config;
    private final double cohortMin;
    private final double alphaMin;

    /**
     * @param cohortMin the cohort arms' threshold on |S| (the gate's S_MIN)
     * @param alphaMin  floor of alpha when acting (the gate's ALPHA_MIN)
     */
    public ThompsonBandit(BanditConfig config, double cohortMin, double alphaMin) {
        this.config = config;
        this.cohortMin = cohortMin;
        this.alphaMin = alphaMin;
    }

    public BanditConfig config() { return config; }

    /** The arm's signed signal; NaN when it has no input on this bar. */
    public static double signal(Arm arm, ArmSignals s) {
        return switch (arm) {
            case PROS -> s.sTop();
            case AMATEURS -> s.sBot();
            case MODEL_META -> s.meta().sModel();
            case MODEL_BMA -> s.bma() == null ? Double.NaN : s.bma().sModel();
        };
    }

    public boolean eligible(Arm arm, ArmSignals s) {
        return switch (arm) {
            case PROS, AMATEURS -> {
                double v = signal(arm, s);
                yield Double.isFinite(v) && v != 0 && Math.abs(v) >= cohortMin;
            }
            case MODEL_META -> modelEligible(s.meta());
            case MODEL_BMA -> s.bma() != null && modelEligible(s.bma());
        };
    }

    private boolean modelEligible(Probs p) {
        double pnn = p.up() + p.down();
        if (!(pnn > 0) || p.up() == p.down()) return false;
        return pnn >= config.pnnMin()
                && Math.max(p.up(), p.down()) / pnn >= config.confDirMin()
                && Math.abs(p.up() - p.down()) >= config.strengthMin();
    }

    /** Picks an arm for the bar closing at {@code barTsSec}. */
    public BanditChoice choose(BanditState state, ArmSignals signals, long barTsSec) {
        List<Arm> eligible = new ArrayList<>(4);
        for (Arm a : Arm.values()) if (eligible(a, signals)) eligible.add(a);
        if (eligible.isEmpty()) return new BanditChoice(null, 0, 0.0, eligible, false);
        SplittableRandom rng = new SplittableRandom(mix(config.seed(), barTsSec));
        Arm best;
        boolean explored = config.epsilonFrac() > 0 && rng.nextDouble() < config.epsilonFrac();
        if (explored) {
            best = eligible.get(rng.nextInt(eligible.size()));
        } else {
            best = null;
            double bestDraw = Double.NEGATIVE_INFINITY;
            for (Arm a : eligible) {
                double draw = sample(state.of(a), rng);
                if (draw > bestDraw) {
                    bestDraw = draw;
                    best = a;
                }
            }
        }
        double v = signal(best, signals);
        double alpha = Math.max(alphaMin, Math.min(1.0, Math.abs(v)));
        return new BanditChoice(best, (int) Math.signum(v), alpha, eligible, explored);
    }

    /** One posterior draw of the arm's mean reward (bps), shrunk toward the prior mean 0. */
    double sample(ArmStats s, SplittableRandom rng) {
        double n0 = config.priorCount();
        double var = s.count() >= 2 ? s.varianceBps2() : config.priorStdBps() * config.priorStdBps();
        var = Math.max(var, 1e-12);
        double mean = s.count() * s.meanBps() / (s.count() + n0);
        double sd = Math.sqrt(var / (s.count() + n0));
        return mean + sd * rng.nextGaussian();
    }

    /** Records a reward (net PnL in bps) for the arm. */
    public static BanditState reward(BanditState state, Arm arm, double rewardBps) {
        if (!Double.isFinite(rewardBps)) throw new IllegalArgumentException("reward must be finite, got " + rewardBps);
        return state.with(arm, state.of(arm).add(rewardBps));
    }

    /** SplitMix64 finaliser over seed and time: independent, reproducible streams per bar. */
    static long mix(long seed, long ts) {
        long z = seed * 0x9E3779B97F4A7C15L + ts;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
