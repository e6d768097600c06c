package msb.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import msb.signal.Verdict;
import msb.signal.Shares;

/**
 * The evaluation of one artifact, as {@code evaluate --json} prints it (CONTRACT.md's fields plus more).
 * {@code metrics} holds every figure, typed (null where undefined, e.g. a PSR without variance).
 *
 * @param symbol         the market the rows are of (for a pooled artifact, one of its symbols)
 * @param failedGates    the promotion gates the artifact failed (empty when promoted)
 * @param reasons        names of the failed verdicts on the evaluated rows (what {@code flagged} means)
 * @param verdicts       every verdict on the evaluated rows, with its figures
 * @param beatsBaselines baseline -> metric -> whether the model did better (null where not comparable)
 * @param data           the data the artifact was trained on, and whether its dataset is the current one
 * @param provenance     the artifact manifest as read (embedded in report.md, not printed by --json)
 * @param series         per-row arrays for charts (not serialised)
 * @param featurePsi     per feature, the PSI of the evaluated rows against the artifact's TRAIN bins (the live
 *                       runner's drift measure); null when the artifact keeps no bins (manifest format 2)
 */
@JsonPropertyOrder({"tf", "symbol", "artifact", "model", "data", "promoted", "flagged", "reasons", "verdicts"})
public record ArtifactEvaluation(String tf, String symbol, String artifact, String model, boolean promoted,
                                 List<String> failedGates, boolean flagged,
                                 List<String> reasons, List<Verdict> verdicts, Shares predictedShares, Shares argmaxShares,
                                 Shares labelShares, EvaluationMetrics metrics, Map<String, Baseline> baselines,
                                 Map<String, Map<String, Boolean>> beatsBaselines, Funnel funnel, DataOrigin data,
                                 @JsonIgnore Map<String, Object> provenance, @JsonIgnore Series series,
                                 Map<String, Double> featurePsi) {
    public ArtifactEvaluation(String tf, String symbol, String artifact, String model, boolean promoted, List<String> failedGates, boolean flagged,
                              List<String> reasons, List<Verdict> verdicts, Shares predictedShares, Shares argmaxShares,
                              Shares labelShares, EvaluationMetrics metrics, Map<String, Baseline> baselines,
                              Map<String, Map<String, Boolean>> beatsBaselines, Funnel funnel, DataOrigin data, Map<String, Object> provenance,
                              Series series) {
        this(tf, symbol, artifact, model, promoted, failedGates, flagged, reasons, verdicts, predictedShares, argmaxShares, labelShares,
                metrics, baselines, beatsBaselines, funnel, data, provenance, series, null);
    }

    public ArtifactEvaluation {
        reasons = List.copyOf(reasons);
        verdicts = List.copyOf(verdicts);
        failedGates = List.copyOf(failedGates);
    }

    /** A baseline's scores on the same rows; null where a score does not apply (buy-and-hold has no classes). */
    public record Baseline(Double balancedAccuracy, Double logLoss, Double sharpeNet) {}

    /** Per-row arrays the charts draw. {@code equity} and {@code buyHoldEquity} start at 1. */
    public record Series(long[] ts, double[] sModel, double[][] probs, int[] labels, double[] netReturns,
                         double[] equity, double[] buyHoldEquity) {}

    public ArtifactEvaluation withFailedGates(List<String> gates) {
        return new ArtifactEvaluation(tf, symbol, artifact, model, promoted, gates, flagged, reasons, verdicts, predictedShares,
                argmaxShares, labelShares, metrics, baselines, beatsBaselines, funnel, data, provenance, series, featurePsi);
    }

    public ArtifactEvaluation withMetrics(EvaluationMetrics m) {
        return new ArtifactEvaluation(tf, symbol, artifact, model, promoted, failedGates, flagged, reasons, verdicts, predictedShares, argmaxShares,
                labelShares, m, baselines, beatsBaselines, funnel, data, provenance, series, featurePsi);
    }

    public ArtifactEvaluation withFeaturePsi(Map<String, Double> psi) {
        return new ArtifactEvaluation(tf, symbol, artifact, model, promoted, failedGates, flagged, reasons, verdicts, predictedShares, argmaxShares,
                labelShares, metrics, baselines, beatsBaselines, funnel, data, provenance, series, psi);
    }

    public ArtifactEvaluation withData(DataOrigin d) {
        return new ArtifactEvaluation(tf, symbol, artifact, model, promoted, failedGates, flagged, reasons, verdicts, predictedShares, argmaxShares,
                labelShares, metrics, baselines, beatsBaselines, funnel, d, provenance, series, featurePsi);
    }

    public ArtifactEvaluation withEvaluatedOn(String what) { return withMetrics(metrics.withEvaluatedOn(what)); }
}
