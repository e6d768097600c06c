package msb.model;

import msb.signal.SignalSpec;

/**
 * The validation scores the verdicts read, each out of sample for the rows it scores.
 *
 * <p>{@code raw}: the fitted model's uncalibrated probabilities on every VAL row. The model saw only TRAIN rows
 * and no calibrator touched these, so ranking skill (direction AUC, IC) is read here.
 *
 * <p>{@code chained}: forward-chained calibration. VAL is cut into contiguous folds; fold k (k >= 1) is scored by
 * a calibrator fitted on folds 0..k-1 and centred by the mean s_model that calibrator gives its own fitting
 * rows: exactly what live does with the shipped calibrator, one period later. Cross-fitting over contiguous folds
 * (the earlier design) gives each fold a calibrator holding the other folds' mean, which runs against the fold's
 * own trend: the fold-drift correlations in {@link #evidence} show it. Fold 0 has no past and is left out.
 *
 * @param raw              uncalibrated probabilities, one row per VAL row
 * @param chainedIndex     positions (into the VAL rows) of the forward-chained rows
 * @param chainedProbs     their calibrated probabilities
 * @param chainedDrift     the reference drift each of those rows is centred by
 * @param shipped          the signal spec frozen into the artifact (its drift: mean s_model of the shipped
 *                         calibration on all VAL rows)
 * @param evidence         per design, the correlation over folds of a fold's label drift (UP share - DOWN share)
 *                         with its mean calibrated s_model
 */
public record ValidationScores(double[][] raw, int[] chainedIndex, double[][] chainedProbs, double[] chainedDrift,
                               SignalSpec shipped, CalibrationEvidence evidence) {

    /**
     * @param crossFittedDriftCorrelation    contiguous cross-fitting (each fold calibrated on the others)
     * @param forwardChainedDriftCorrelation forward chaining (each fold calibrated on the folds before it)
     * @param folds                          folds of VAL
     */
    public record CalibrationEvidence(double crossFittedDriftCorrelation, double forwardChainedDriftCorrelation, int folds) {}

    /** The signal each forward-chained row is judged on (centred by its own calibrator's drift, or raw). */
    public double[] chainedSignal() {
        double[] s = new double[chainedProbs.length];
        for (int i = 0; i < s.length; i++) {
            double sm = chainedProbs[i][2] - chainedProbs[i][0];
            s[i] = shipped.mode() == msb.signal.SignalMode.RAW ? sm : sm - chainedDrift[i];
        }
        return s;
    }
}
