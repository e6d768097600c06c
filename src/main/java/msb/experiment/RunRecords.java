package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.evaluate.ArtifactEvaluation;
import msb.evaluate.EvaluationRun;
import msb.model.RunRecord;
import msb.trading.StrategyConfig;

/**
 * Reads a run for {@code experiment compare}: an experiment run's record and saved per-bar net returns, or,
 * for a run that only trained, the same figures by evaluating its artifact on its test split now.
 */
public final class RunRecords {
    private RunRecords() {}

    /**
     * A run ready to compare.
     *
     * @param record the experiment record (for a training-only run: the same fields, built from its evaluation)
     * @param walkForwardNetReturns null when the run had no walk-forward
     */
    public record Loaded(RunIndex.Entry entry, Path dir, JsonNode record, double[] testNetReturns,
                         double[] walkForwardNetReturns) {
        public String runId() { return entry.id(); }

        /** The configuration that counts as one trial; a run without a hash is its own configuration. */
        public String config() { return entry.run().configSha256() != null ? entry.run().configSha256() : entry.id(); }

        public String symbol() { return entry.run().symbol(); }

        public String tf() { return entry.run().tf(); }
    }

    /** Loads a run by id, earlier alias or directory; {@code err} receives the evaluator's messages. */
    public static Loaded load(Workspace ws, String runIdOrDir, PrintWriter err) {
        RunIndex.Entry e = RunIndex.resolve(ws, runIdOrDir);
        return e.isExperiment() ? loadExperiment(e) : evaluateNow(ws, e, err);
    }

    static Loaded loadExperiment(RunIndex.Entry e) {
        Path dir = e.experimentDir();
        try {
            JsonNode rec = Json.mapper().readTree(dir.resolve(ExperimentRunner.RECORD).toFile());
            double[][] r = returns(dir);
            return new Loaded(e, dir, rec, r[0], r[1]);
        } catch (IOException ex) {
            throw new UserInputException(dir.resolve(ExperimentRunner.RECORD) + ": unreadable run record (" + ex.getMessage()
                    + "); re-run the experiment", ex);
        }
    }

    /** Test-split and walk-forward net returns saved by an experiment run; {empty, null} when none were saved. */
    static double[][] returns(Path experimentDir) throws IOException {
        double[] test = new double[0], wf = null;
        Path returns = experimentDir.resolve(ExperimentRunner.RETURNS);
        if (Files.isRegularFile(returns)) {
            JsonNode r = Json.mapper().readTree(returns.toFile());
            if (r.has("test_net_returns")) test = Json.mapper().treeToValue(r.get("test_net_returns"), double[].class);
            if (r.has("walk_forward_net_returns")) wf = Json.mapper().treeToValue(r.get("walk_forward_net_returns"), double[].class);
        }
        return new double[][] {test, wf};
    }

    /** A training-only run: its artifact evaluated on its test split with the default strategy, as experiment run does. */
    private static Loaded evaluateNow(Workspace ws, RunIndex.Entry e, PrintWriter err) {
        RunRecord run = e.run();
        if (!run.fitted() || run.runDir() == null || !Files.isDirectory(Path.of(run.runDir()))) {
            throw new UserInputException("run " + e.id() + ": " + (run.fitted() ? "its model directory " + run.runDir() + " is gone"
                    : "no model was fitted (gates refused it before fitting: " + String.join(", ", run.failedGates()) + ")")
                    + "; nothing to compare");
        }
        ArtifactEvaluation ev = new EvaluationRun(ws, run.symbol(), StrategyConfig::defaults, err)
                .evaluate(Path.of(run.runDir()));
        ObjectNode rec = Json.mapper().createObjectNode();
        rec.put("run_id", run.runId());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("tf", run.tf());
        spec.put("symbol", run.symbol());
        spec.put("model", run.model());
        spec.put("seed", run.seed());
        spec.put("data_source", run.dataSource());
        rec.set("spec", Json.mapper().valueToTree(spec));
        Map<String, Object> art = new LinkedHashMap<>();
        art.put("promoted", run.promoted());
        art.put("failed_gates", run.failedGates());
        art.put("train_rows", RunIndex.manifest(Path.of(run.runDir())).map(m -> m.trainRows()).orElse(null));
        rec.set("artifact", Json.mapper().valueToTree(art));
        rec.set("evaluation", Json.mapper().valueToTree(ExperimentRunner.evaluationSummary(ev)));
        Long fit = run.timingsMs().get("total");
        if (fit != null) rec.set("timings_ms", Json.mapper().valueToTree(Map.of("train", fit)));
        return new Loaded(e, Path.of(run.runDir()), rec, ev.series().netReturns(), null);
    }
}
