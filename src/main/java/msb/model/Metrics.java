package msb.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The validation metrics block of a manifest. */
final class Metrics {
    private Metrics() {}

    static Map<String, Object> summary(double[][] p, int[] y, double[] trainPrior, GateOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", y.length);
        m.put("log_loss", ProbMetrics.logLoss(p, y));
        m.put("prior_log_loss", ProbMetrics.priorLogLoss(trainPrior, y));
        m.put("brier", ProbMetrics.brier(p, y));
        m.put("ece", ProbMetrics.ece(p, y, o.eceBins()));
        m.put("balanced_accuracy", ProbMetrics.balancedAccuracy(p, y));
        m.put("predicted_shares", ProbMetrics.signalShares(p, o.sMin()));
        m.put("argmax_shares", ProbMetrics.argmaxShares(p));
        m.put("label_shares", ProbMetrics.labelShares(y));
        double[] r = ProbMetrics.sModelRange(p);
        m.put("s_model_min", r[0]);
        m.put("s_model_max", r[1]);
        double[] ms = ProbMetrics.sModelMeanSd(p);
        m.put("s_model_mean", ms[0]);
        m.put("s_model_sd", ms[1]);
        double auc = ProbMetrics.directionAuc(p, y);
        m.put("direction_auc", Double.isNaN(auc) ? null : auc);
        m.put("s_min", o.sMin());
        return m;
    }
}
