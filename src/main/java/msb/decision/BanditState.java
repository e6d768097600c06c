package msb.decision;

/**
 * Everything the bandit learned, as a plain record (serialisable with msb.core.Json): per-arm reward
 * statistics and how often any arm was eligible. Randomness is derived from seed and bar time, so no
 * RNG state needs saving.
 */
public record BanditState(ArmStats pros, ArmStats amateurs, ArmStats modelMeta, ArmStats modelBma,
                          long bars, long eligibleBars) {
    public static final BanditState EMPTY =
            new BanditState(ArmStats.EMPTY, ArmStats.EMPTY, ArmStats.EMPTY, ArmStats.EMPTY, 0, 0);

    public BanditState {
        if (pros == null || amateurs == null || modelMeta == null || modelBma == null) {
            throw new IllegalArgumentException("every arm needs its statistics");
        }
        if (bars < 0 || eligibleBars < 0 || eligibleBars > bars) {
            throw new IllegalArgumentException("invalid bar counts: bars=" + bars + " eligible=" + eligibleBars);
        }
    }

    public ArmStats of(Arm arm) {
        return switch (arm) {
            case PROS -> pros;
            case AMATEURS -> amateurs;
            case MODEL_META -> modelMeta;
            case MODEL_BMA -> modelBma;
        };
    }

    public BanditState with(Arm arm, ArmStats s) {
        return new BanditState(arm == Arm.PROS ? s : pros, arm == Arm.AMATEURS ? s : amateurs,
                arm == Arm.MODEL_META ? s : modelMeta, arm == Arm.MODEL_BMA ? s : modelBma, bars, eligibleBars);
    }

    public BanditState countBar(boolean anyEligible) {
        return new BanditState(pros, amateurs, modelMeta, modelBma, bars + 1, eligibleBars + (anyEligible ? 1 : 0));
    }

    /** Share of bars on which at least one arm was eligible; NaN before the first bar. */
    public double eligibilityFrac() { return bars == 0 ? Double.NaN : (double) eligibleBars / bars; }
}
