package msb.decision;

import msb.signal.Probs;

/**
 * What the arms see on one bar: cohort signals (NaN when there is no cohort data) and the stack's and
 * BMA's probabilities (bma null when the artifact has none).
 */
public record ArmSignals(double sTop, double sBot, Probs meta, Probs bma) {
    public ArmSignals {
        if (meta == null) throw new IllegalArgumentException("the stack's probabilities are required");
    }
}
