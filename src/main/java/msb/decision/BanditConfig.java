package msb.decision;

/**
 * Settings of the Thompson-sampling bandit. Cohort arms use the gate's {@code S_MIN}; model arms use the
 * three thresholds below (SPEC section 7).
 *
 * @param pnnMin          minimum p_non_neutral = p_up + p_down for a model arm
 * @param confDirMin      minimum max(p_up, p_down) / (p_up + p_down) for a model arm
 * @param strengthMin     minimum |p_up - p_down| for a model arm
 * @param epsilonFrac     probability of picking a uniformly random eligible arm instead of sampling
 * @param priorCount      pseudo-observations of the prior (mean 0 bps) each arm starts with
 * @param priorStdBps     prior standard deviation of one reward, in bps, used until an arm has two rewards
 * @param seed            seed of the per-bar randomness (mixed with the bar timestamp: restart-proof)
 */
public record BanditConfig(double pnnMin, double confDirMin, double strengthMin, double epsilonFrac,
                           double priorCount, double priorStdBps, long seed) {
    public BanditConfig {
        if (!(pnnMin >= 0 && pnnMin <= 1)) throw new IllegalArgumentException("pnn_min must be in [0, 1], got " + pnnMin);
        if (!(confDirMin >= 0 && confDirMin <= 1)) {
            throw new IllegalArgumentException("conf_dir_min must be in [0, 1], got " + confDirMin);
        }
        if (!(strengthMin >= 0 && strengthMin <= 1)) {
            throw new IllegalArgumentException("strength_min must be in [0, 1], got " + strengthMin);
        }
        if (!(epsilonFrac >= 0 && epsilonFrac <= 1)) {
            throw new IllegalArgumentException("epsilon_frac must be in [0, 1], got " + epsilonFrac);
        }
        if (!(priorCount > 0)) throw new IllegalArgumentException("prior_count must be > 0, got " + priorCount);
        if (!(priorStdBps > 0)) throw new IllegalArgumentException("prior_std_bps must be > 0, got " + priorStdBps);
    }

    // built by name: a default (or a fixture) with the fields that differ, not positional arguments
    public BanditConfig withPnnMin(double v) { return new BanditConfig(v, confDirMin, strengthMin, epsilonFrac, priorCount, priorStdBps, seed); }

    public BanditConfig withConfDirMin(double v) { return new BanditConfig(pnnMin, v, strengthMin, epsilonFrac, priorCount, priorStdBps, seed); }

    public BanditConfig withStrengthMin(double v) { return new BanditConfig(pnnMin, confDirMin, v, epsilonFrac, priorCount, priorStdBps, seed); }

    public BanditConfig withEpsilonFrac(double v) { return new BanditConfig(pnnMin, confDirMin, strengthMin, v, priorCount, priorStdBps, seed); }

    public BanditConfig withPriorCount(double v) { return new BanditConfig(pnnMin, confDirMin, strengthMin, epsilonFrac, v, priorStdBps, seed); }

    public BanditConfig withPriorStdBps(double v) { return new BanditConfig(pnnMin, confDirMin, strengthMin, epsilonFrac, priorCount, v, seed); }

    public BanditConfig withSeed(long v) { return new BanditConfig(pnnMin, confDirMin, strengthMin, epsilonFrac, priorCount, priorStdBps, v); }
}
