package msb.evaluate;

import java.util.List;

/**
 * The document {@code evaluate --json} prints and report.json holds.
 *
 * @param artifacts     one evaluation per artifact, in the order evaluated
 * @param skippedTfs    timeframes asked for that had no runs (with --tf all)
 * @param featureReports {@link #tradesKey} -> the feature report of the artifact's feature set on its dataset (report.md's
 *                      features section and a JSON file beside it; not in the --json document)
 * @param trades        {@link #tradesKey} (the artifact path) -> its replay's closed round trips (report.md and trades CSV; not in the JSON)
 */
public record EvaluationReport(List<ArtifactEvaluation> artifacts, List<String> skippedTfs,
                               @com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<String, List<Trade>> trades,
                               @com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<String, FeatureReport.Report> featureReports) {
    public EvaluationReport {
        artifacts = List.copyOf(artifacts);
        skippedTfs = List.copyOf(skippedTfs);
        trades = java.util.Map.copyOf(trades);
        featureReports = featureReports == null ? java.util.Map.of() : java.util.Map.copyOf(featureReports);
    }

    /** A report without feature sections. */
    public EvaluationReport(List<ArtifactEvaluation> artifacts, List<String> skippedTfs, java.util.Map<String, List<Trade>> trades) {
        this(artifacts, skippedTfs, trades, java.util.Map.of());
    }

    /** A report without trade lists (its trades section says so). */
    public EvaluationReport(List<ArtifactEvaluation> artifacts, List<String> skippedTfs) {
        this(artifacts, skippedTfs, java.util.Map.of());
    }

    /** The trades map's key of an evaluation: its artifact, plus the symbol for one symbol of a pooled artifact. */
    public static String tradesKey(ArtifactEvaluation e) { return pooled(e) ? e.artifact() + "#" + e.symbol() : e.artifact(); }

    /** Whether the evaluated artifact was trained on several symbols' rows (its manifest lists a pool). */
    public static boolean pooled(ArtifactEvaluation e) { return e.provenance() != null && e.provenance().get("pool") != null; }

    public boolean anyFlagged() { return artifacts.stream().anyMatch(ArtifactEvaluation::flagged); }
}
