package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import msb.core.AtomicFiles;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.Workspace;

/**
 * Every training run also written where MLflow's UI can browse it: MLflow's file-store layout under
 * {@code <home>/mlruns} ({@code mlflow ui --backend-store-uri <home>/mlruns}), beside msb's own record
 * (experiments/runs/RUN-ID/run.json stays the authority). One MLflow experiment per msb experiment, or per
 * symbol and timeframe for plain {@code train} runs; params = the configuration, metrics = the manifest's
 * numeric metrics and gate figures, tags = run id, promotion, failed gates. The run's artifact URI is msb's
 * run directory itself, so the UI lists the model files without a copy.
 * <p>MLflow wants ids of its own shape (digits for experiments, 32 hex for runs): both are derived from the
 * msb names by sha256, so writing a run again replaces it instead of adding a second one.
 */
public final class MlflowRuns {
    public static final String DIR = "mlruns";
    private static final int RUN_FINISHED = 3, SOURCE_LOCAL = 4;
    private static final int MAX_PARAM_CHARS = 6000;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private MlflowRuns() {}

    /** {@code mlruns/<experiment_id>/meta.yaml} */
    record ExperimentMeta(String artifactLocation, long creationTime, String experimentId, long lastUpdateTime,
                          String lifecycleStage, String name) {}

    /** {@code mlruns/<experiment_id>/<run_id>/meta.yaml} */
    record RunMeta(String artifactUri, long endTime, String entryPointName, String experimentId, String lifecycleStage,
                   String runId, String runName, String runUuid, String sourceName, int sourceType,
                   String sourceVersion, long startTime, int status, java.util.List<String> tags, String userId) {}

    public static Path root(Workspace ws) { return ws.home().resolve(DIR); }

    /** Writes (or rewrites) the MLflow view of one run; returns its run directory under mlruns. */
    public static Path write(Workspace ws, RunRecord r, ArtifactManifest m) {
        String experiment = r.experiment() != null && !r.experiment().isBlank() ? r.experiment() : r.symbol() + " " + r.tf();
        String expId = experimentId(experiment);
        String runId = Hashing.sha256(r.runId()).substring(0, 32);
        Path root = root(ws), expDir = root.resolve(expId), runDir = expDir.resolve(runId);
        long start = epochMs(r.createdAt());
        long end = start + r.timingsMs().values().stream().mapToLong(Long::longValue).sum();
        try {
            Files.createDirectories(root.resolve(".trash")); // MLflow's file store expects it, and a Default experiment 0
            Path dflt = root.resolve("0").resolve("meta.yaml");
            if (!Files.isRegularFile(dflt)) {
                yaml(dflt, new ExperimentMeta(dflt.getParent().toUri().toString(), start, "0", start, "active", "Default"));
            }
            if (!Files.isRegularFile(expDir.resolve("meta.yaml"))) {
                yaml(expDir.resolve("meta.yaml"), new ExperimentMeta(expDir.toUri().toString(), start, expId, start,
                        "active", experiment));
            }
            yaml(runDir.resolve("meta.yaml"), new RunMeta(Path.of(r.runDir()).toAbsolutePath().toUri().toString(), end, "",
                    expId, "active", runId, r.runId(), runId, "msb train", SOURCE_LOCAL, "", start, RUN_FINISHED,
                    java.util.List.of(), "msb"));
            Map<String, String> params = new TreeMap<>();
            params.put("symbol", r.symbol());
            params.put("tf", r.tf());
            params.put("model", r.model());
            params.put("seed", Long.toString(r.seed()));
            params.put("data_source", DataSourceName.of(r.dataSource()));
            params.put("config_sha256", r.configSha256());
            params.put("promotion_allowed", Boolean.toString(r.promotionAllowed()));
            if (m.hyperparameters() != null) flatten("hp", Json.mapper().valueToTree(m.hyperparameters()), params, false);
            Map<String, String> metrics = new TreeMap<>();
            flatten("", r.metrics(), metrics, true);
            flatten("gates", r.gates(), metrics, true);
            Map<String, String> tags = new TreeMap<>();
            tags.put("mlflow.runName", r.runId());
            tags.put("mlflow.user", "msb");
            tags.put("mlflow.source.name", "msb train");
            tags.put("msb.run_id", r.runId());
            tags.put("msb.run_dir", r.runDir());
            tags.put("msb.promoted", Boolean.toString(r.promoted()));
            tags.put("msb.failed_gates", String.join(", ", r.failedGates()));
            replaceDir(runDir.resolve("params"), params, v -> v.length() > MAX_PARAM_CHARS ? v.substring(0, MAX_PARAM_CHARS) : v);
            replaceDir(runDir.resolve("metrics"), metrics, v -> start + " " + v + " 0\n");
            replaceDir(runDir.resolve("tags"), tags, v -> v);
            Files.createDirectories(runDir.resolve("artifacts"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the MLflow view of run " + r.runId() + " under " + root + ": "
                    + e.getMessage(), e);
        }
        return runDir;
    }

    /** Digits (MLflow's file store numbers its experiments), stable for a name. */
    static String experimentId(String name) {
        return Long.toString(Long.parseLong(Hashing.sha256(name).substring(0, 15), 16));
    }

    private static long epochMs(String iso) {
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Leaves of a JSON tree as "a.b" keys (letters, digits, _ - . and space; others become _, "/" too: it would
     * nest); numbers only when {@code numbersOnly} (metrics), every scalar otherwise (params).
     */
    private static void flatten(String prefix, JsonNode n, Map<String, String> out, boolean numbersOnly) {
        if (n == null || n.isNull() || n.isMissingNode()) return;
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, numbersOnly));
        } else if (n.isArray()) {
            if (!numbersOnly) out.put(safe(prefix), n.toString());
        } else if (n.isNumber()) {
            if (Double.isFinite(n.asDouble())) out.put(safe(prefix), n.asText());
        } else if (n.isBoolean()) {
            out.put(safe(prefix), numbersOnly ? (n.asBoolean() ? "1" : "0") : n.asText());
        } else if (!numbersOnly) {
            out.put(safe(prefix), n.asText());
        }
    }

    private static String safe(String key) { return key.replaceAll("[^A-Za-z0-9_\\-. ]", "_"); }

    /** One file per key (MLflow's layout), the folder's old files removed first: a rewrite leaves no stale key. */
    private static void replaceDir(Path dir, Map<String, String> values, java.util.function.UnaryOperator<String> content)
            throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) if (!values.containsKey(p.getFileName().toString())) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
        for (var e : values.entrySet()) AtomicFiles.writeString(dir.resolve(e.getKey()), content.apply(e.getValue()));
    }

    private static void yaml(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, YAML.writeValueAsString(value));
    }
}
