package msb.evaluate;

import java.util.Map;
import msb.signal.Shares;

/**
 * The metrics block of one evaluated artifact ({@code evaluate --json} {@code metrics}; names in snake_case there).
 * Classification on the argmax class, calibration, the signal's ranking skill with its block-bootstrap interval,
 * and the decision replay's trading figures after costs. A figure that is undefined on the rows (no variance, no
 * round trip) is null, never NaN.
 *
 * @param confusion       true class -> predicted class -> rows
 * @param recallAtSMin    recall of the policy's classes (|signal| >= S_MIN), per true class
 * @param signal          what the decision logic acted on (centred by the artifact's reference drift, or raw)
 * @param evaluatedOn     the rows: the test split or a range of the stored bars
 * @param deflatedSharpe  the PSR against the expected maximum Sharpe of the runs compared (null alone)
 * @param runsCompared    how many runs of the timeframe the deflated Sharpe counted (null alone)
 */
public record EvaluationMetrics(int rows, Double accuracy, Double balancedAccuracy, Double macroF1, Double mcc, Double logLoss,
                                Double brier, Double ece, int eceBins, Map<String, Map<String, Long>> confusion, PerClass recall,
                                PerClass precision, PerClass recallAtSMin, PerClass precisionAtSMin, double sMin, String signal,
                                double referenceDrift, Double sModelMin, Double sModelMax, Shares sModelSignShares, Double ic,
                                Double icLo, Double icHi, Double directionAuc, Double directionAucLo, Double directionAucHi,
                                Double sharpeNet, Double sortinoNet, Double totalReturn, Double annualisedReturn,
                                Double maxDrawdownFrac, int roundTrips, Double winRate, Double turnoverPerBar, Double exposureFrac,
                                Double psr, double barsPerYear, String evaluatedOn, Double deflatedSharpe, Integer runsCompared) {

    /** A figure per true class (null where undefined, e.g. a class absent from the labels). */
    public record PerClass(Double down, Double neutral, Double up) {}

    public EvaluationMetrics withEvaluatedOn(String what) {
        return new EvaluationMetrics(rows, accuracy, balancedAccuracy, macroF1, mcc, logLoss, brier, ece, eceBins, confusion, recall,
                precision, recallAtSMin, precisionAtSMin, sMin, signal, referenceDrift, sModelMin, sModelMax, sModelSignShares, ic, icLo,
                icHi, directionAuc, directionAucLo, directionAucHi, sharpeNet, sortinoNet, totalReturn, annualisedReturn, maxDrawdownFrac,
                roundTrips, winRate, turnoverPerBar, exposureFrac, psr, barsPerYear, what, deflatedSharpe, runsCompared);
    }

    public EvaluationMetrics withDeflatedSharpe(Double dsr, int runs) {
        return new EvaluationMetrics(rows, accuracy, balancedAccuracy, macroF1, mcc, logLoss, brier, ece, eceBins, confusion, recall,
                precision, recallAtSMin, precisionAtSMin, sMin, signal, referenceDrift, sModelMin, sModelMax, sModelSignShares, ic, icLo,
                icHi, directionAuc, directionAucLo, directionAucHi, sharpeNet, sortinoNet, totalReturn, annualisedReturn, maxDrawdownFrac,
                roundTrips, winRate, turnoverPerBar, exposureFrac, psr, barsPerYear, evaluatedOn, dsr, runs);
    }
}
