package msb.evaluate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import msb.dataset.Dataset;
import msb.dataset.Split;
import msb.signal.Metrics;
import msb.signal.TradingMetrics;

/**
 * Naive predictors on the same rows, scored like the model (classification on their argmax, trading through
 * the same decision replay): {@code majority} (the TRAIN label prior as probabilities, so its argmax is the
 * majority class), {@code always_up}, {@code previous_bar_sign} (the direction of the bar that just closed),
 * and {@code buy_and_hold} (long from the first evaluated close to the last, paying one fill's costs at
 * each end; trading only, no classes).
 */
public final class Baselines {
    private Baselines() {}

    public record Result(Map<String, ArtifactEvaluation.Baseline> scores, double[] buyHoldEquity) {}

    public static Result run(Dataset ds, EvalRows rows, DecisionReplay replay) {
        int n = rows.size();
        double[] prior = trainPrior(ds);
        double[][] majority = new double[n][];
        double[][] up = new double[n][];
        double[][] prevSign = new double[n][];
        for (int k = 0; k < n; k++) {
            majority[k] = prior.clone();
            up[k] = new double[]{0, 0, 1};
            double r = rows.close()[k] / rows.prevClose()[k] - 1;
            prevSign[k] = r > 0 ? new double[]{0, 0, 1} : r < 0 ? new double[]{1, 0, 0} : new double[]{0, 1, 0};
        }
        // log loss of the rules from their calibrated probabilities (TRAIN label shares per class they name)
        int[] train = ds.rowsOf(Split.TRAIN);
        int[] trainLabels = new int[train.length], trainUp = new int[train.length], trainSign = new int[train.length];
        for (int k = 0; k < train.length; k++) {
            int r = train[k];
            trainLabels[k] = ds.label()[r];
            trainUp[k] = 1;
            trainSign[k] = r > 0 ? (int) Math.signum(ds.close()[r] / ds.close()[r - 1] - 1) : 0;
        }
        Map<String, ArtifactEvaluation.Baseline> scores = new TreeMap<>();
        scores.put("majority", score(rows, replay, majority, majority));
        scores.put("always_up", score(rows, replay, up, Metrics.ruleProbabilities(trainUp, trainLabels, Metrics.argmax(up))));
        scores.put("previous_bar_sign", score(rows, replay, prevSign,
                Metrics.ruleProbabilities(trainSign, trainLabels, Metrics.argmax(prevSign))));
        double[] bhReturns = buyAndHoldReturns(rows.close(), replay.costPerSideFrac());
        scores.put("buy_and_hold", new ArtifactEvaluation.Baseline(null, null,
                Evaluator.num(TradingMetrics.sharpe(bhReturns, rows.tf().barsPerYear()))));
        return new Result(Collections.unmodifiableMap(scores), equity(bhReturns));
    }

    /**
     * @param probs      what the rule trades on (one-hot for the hard rules) and whose argmax is its class
     * @param scoreProbs what its log loss is taken on (calibrated, see {@link Metrics#ruleProbabilities})
     */
    private static ArtifactEvaluation.Baseline score(EvalRows rows, DecisionReplay replay, double[][] probs,
                                                     double[][] scoreProbs) {
        int[] cls = Metrics.argmax(probs);
        ReplayResult sim = replay.replay(rows, probs);
        return new ArtifactEvaluation.Baseline(Evaluator.num(Metrics.balancedAccuracy(rows.label(), cls)),
                Evaluator.num(Metrics.logLoss(rows.label(), scoreProbs)),
                Evaluator.num(TradingMetrics.sharpe(sim.netReturns(), rows.tf().barsPerYear())));
    }

    /** Class frequencies of the TRAIN labels as {p_down, p_neutral, p_up}. */
    public static double[] trainPrior(Dataset ds) {
        int[] rows = ds.rowsOf(Split.TRAIN);
        if (rows.length == 0) throw new IllegalArgumentException("dataset has no TRAIN rows for the label prior");
        int[] labels = new int[rows.length];
        for (int k = 0; k < rows.length; k++) labels[k] = ds.label()[rows[k]];
        return Metrics.shares(labels);
    }

    /**
     * Per-bar returns of holding one unit from the first close to the last: n - 1 bar returns, the entry
     * cost taken on the first and the exit cost on the last.
     */
    static double[] buyAndHoldReturns(double[] close, double costPerSideFrac) {
        int n = close.length;
        if (n < 2) return new double[0];
        double[] r = new double[n - 1];
        for (int k = 1; k < n; k++) r[k - 1] = close[k] / close[k - 1] - 1;
        r[0] = (1 + r[0]) * (1 - costPerSideFrac) - 1;
        r[n - 2] = (1 + r[n - 2]) * (1 - costPerSideFrac) - 1;
        return r;
    }

    /** Equity after each bar, starting at 1. */
    static double[] equity(double[] returns) {
        double[] eq = new double[returns.length + 1];
        eq[0] = 1;
        for (int k = 0; k < returns.length; k++) eq[k + 1] = eq[k] * (1 + returns[k]);
        return eq;
    }
}
