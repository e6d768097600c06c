package msb.model;

import msb.signal.Shares;
import msb.signal.Skill;

/**
 * The validation block of a manifest: what the verdicts read, as figures. Probability metrics and shares are on
 * the forward-chained rows (see {@link ValidationScores}); the skill report is on every VAL row's uncalibrated
 * out-of-sample score.
 *
 * @param rows            VAL rows
 * @param chainedRows     forward-chained rows (VAL minus its first calibration fold)
 * @param actionShares    shares of chained rows where the signal is >= +S_MIN (up), <= -S_MIN (down), neither
 * @param signalMean      mean of the signal the policy acts on (centred: near 0 by construction; raw: the drift)
 * @param skill           direction AUC and IC with block-bootstrap intervals
 * @param calibration     fold-drift correlation of cross-fitted vs forward-chained calibration on these rows
 */
public record ValidationMetrics(int rows, int chainedRows, double logLoss, double priorLogLoss, double brier, double ece,
                                double balancedAccuracy, Shares actionShares, Shares argmaxShares, Shares labelShares,
                                double signalMin, double signalMax, double signalMean, double signalSd, double sMin,
                                double sModelMean, Skill.Report skill, ValidationScores.CalibrationEvidence calibration) {}
