package msb.evaluate;

import java.util.List;

/**
 * The document {@code evaluate --json} prints and report.json holds.
 *
 * @param artifacts     one evaluation per artifact, in the order evaluated
 * @param skippedTfs    timeframes asked for that had no runs (with --tf all)
 */
public record EvaluationReport(List<ArtifactEvaluation> artifacts, List<String> skippedTfs) {
    public EvaluationReport {
        artifacts = List.copyOf(artifacts);
        skippedTfs = List.copyOf(skippedTfs);
    }

    public boolean anyFlagged() { return artifacts.stream().anyMatch(ArtifactEvaluation::flagged); }
}
