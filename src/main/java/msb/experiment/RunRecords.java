package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;

/** Finds and reads experiment run records: a run id under {@code <home>/experiments/runs/}, or a run directory. */
public final class RunRecords {
    private RunRecords() {}

    /** A read record with its directory and the per-bar net returns saved next to it. */
    public record Loaded(Path dir, JsonNode record, double[] testNetReturns, double[] walkForwardNetReturns) {}

    public static Path resolve(Workspace ws, String runIdOrDir) {
        Path asDir = Path.of(runIdOrDir);
        if (Files.isRegularFile(asDir.resolve(ExperimentRunner.RECORD))) return asDir.toAbsolutePath().normalize();
        Path byId = ws.runsDir().resolve(runIdOrDir);
        if (!runIdOrDir.contains("/") && Files.isRegularFile(byId.resolve(ExperimentRunner.RECORD))) return byId;
        throw new UserInputException("run '" + runIdOrDir + "': neither a directory with " + ExperimentRunner.RECORD
                + " nor a run id under " + ws.runsDir() + "; pass the directory `msb experiment run` printed, or its name");
    }

    public static Loaded load(Workspace ws, String runIdOrDir) {
        Path dir = resolve(ws, runIdOrDir);
        try {
            JsonNode rec = Json.mapper().readTree(dir.resolve(ExperimentRunner.RECORD).toFile());
            double[] test = new double[0], wf = null;
            Path returns = dir.resolve(ExperimentRunner.RETURNS);
            if (Files.isRegularFile(returns)) {
                JsonNode r = Json.mapper().readTree(returns.toFile());
                if (r.has("test_net_returns")) test = Json.mapper().treeToValue(r.get("test_net_returns"), double[].class);
                if (r.has("walk_forward_net_returns")) wf = Json.mapper().treeToValue(r.get("walk_forward_net_returns"), double[].class);
            }
            return new Loaded(dir, rec, test, wf);
        } catch (IOException e) {
            throw new UserInputException(dir.resolve(ExperimentRunner.RECORD) + ": unreadable run record (" + e.getMessage()
                    + "); re-run the experiment", e);
        }
    }
}
