package msb.live;

import java.util.List;

/**
 * Drift as `status` shows it: how full the live window is, the features with the largest PSI against their
 * TRAIN bins (empty until the window is full), how many are at or above the alert level, and whether new orders
 * are halted for drift.
 *
 * @param haltPsi null when the runner never halts for drift
 */
public record DriftStatus(int windowBars, int filledBars, double alertPsi, Double haltPsi, boolean halted,
                          int featuresAtAlert, List<FeaturePsi> top) {
    public record FeaturePsi(String feature, double psi) {}

    public DriftStatus {
        top = List.copyOf(top);
    }

    public double maxPsi() { return top.isEmpty() ? Double.NaN : top.getFirst().psi(); }
}
