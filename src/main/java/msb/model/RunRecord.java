package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import msb.core.Hashing;
import msb.core.Json;

/**
 * The record of one training run, {@code <home>/experiments/runs/<run-id>/run.json}: the run id is the name of
 * the run directory under {@code models/<SYMBOL>/<tf>/}, and the same id names the experiment run that trained
 * it (its record.json, report and returns sit in the same directory). {@code gates} and {@code metrics} are
 * copied from the artifact manifest as they are; the manifest is the authority on them.
 *
 * @param runDir          the artifact's run directory (models/SYMBOL/TF/RUN-ID)
 * @param dataRange       rows and bar-close range (unix seconds UTC) of the dataset trained on
 * @param configSha256    hash of what defines the trial (symbol, tf, model, seed, hyperparameters, label,
 *                        dataset): two runs with the same hash are the same configuration, counted once
 *                        as a trial by the deflated Sharpe
 * @param promotionAllowed false for {@code --no-promote}
 */
public record RunRecord(int formatVersion, String runId, String runDir, String createdAt, String tf, String symbol,
                        String model, long seed, String experiment, String dataSource, SplitRange dataRange,
                        boolean fitted, boolean promoted, boolean promotionAllowed, List<String> failedGates,
                        String configSha256, JsonNode gates, JsonNode metrics, Map<String, Long> timingsMs) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE = "run.json";

    public RunRecord {
        failedGates = failedGates == null ? List.of() : List.copyOf(failedGates);
        timingsMs = timingsMs == null ? Map.of() : Map.copyOf(timingsMs);
    }

    /** The record of a run as its manifest describes it. */
    public static RunRecord of(java.nio.file.Path runDir, ArtifactManifest m, boolean promotionAllowed, String experiment) {
        return new RunRecord(FORMAT_VERSION, m.runId(), runDir.toString(), m.createdAt(), m.tf(), m.symbol(), m.model(),
                m.seed(), experiment, m.dataSource(), m.datasetRange(), m.fitted(), m.promoted(), promotionAllowed,
                m.failedGates(), configSha256(m), Json.mapper().valueToTree(m.gates()),
                Json.mapper().valueToTree(m.metrics()), m.timingsMs());
    }

    /** The configuration hash of a manifest (see {@link #configSha256}): the same inputs give the same hash. */
    public static String configSha256(ArtifactManifest m) {
        var n = Json.mapper().createObjectNode();
        n.put("symbol", m.symbol());
        n.put("tf", m.tf());
        n.put("model", m.model());
        n.put("seed", m.seed());
        n.set("hyperparameters", Json.mapper().valueToTree(m.hyperparameters()));
        n.set("label", m.label());
        n.put("dataset_sha256", m.datasetSha256());
        return Hashing.sha256(Json.line(n));
    }
}
