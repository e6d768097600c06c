package msb.model;

/**
 * How the stack is assembled.
 *
 * @param oofFolds                    walk-forward folds inside TRAIN that produce out-of-fold base probabilities
 * @param foldPurgeRows               training rows dropped before each out-of-fold block (label horizon overlap)
 * @param calibrationFolds            contiguous VAL folds for the cross-fitted calibration the gates read
 * @param minCalibrationRowsPerClass  below this many VAL rows of any class, sigmoid (Platt) replaces isotonic
 * @param balancedSampling            resample training rows class-balanced (seeded) for every learner
 * @param bmaBootstrapDraws           Bayesian-bootstrap draws for the BMA weights (pseudo-BMA+)
 */
public record StackOptions(int oofFolds, int foldPurgeRows, int calibrationFolds, int minCalibrationRowsPerClass,
                           boolean balancedSampling, int bmaBootstrapDraws) {
    public StackOptions {
        if (oofFolds < 2) throw new IllegalArgumentException("stack.oof_folds must be >= 2, got " + oofFolds);
        if (foldPurgeRows < 0) throw new IllegalArgumentException("stack.fold_purge_rows must be >= 0, got " + foldPurgeRows);
        if (calibrationFolds < 2) throw new IllegalArgumentException("stack.calibration_folds must be >= 2, got " + calibrationFolds);
        if (minCalibrationRowsPerClass < 1) throw new IllegalArgumentException("stack.min_calibration_rows_per_class must be >= 1, got " + minCalibrationRowsPerClass);
        if (bmaBootstrapDraws < 1) throw new IllegalArgumentException("stack.bma_bootstrap_draws must be >= 1, got " + bmaBootstrapDraws);
    }
}
