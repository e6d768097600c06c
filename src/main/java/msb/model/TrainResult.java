package msb.model;

import java.nio.file.Path;
import java.util.List;

/** Outcome of a training run: its directory, whether it was promoted, and the gates it failed. */
public record TrainResult(Path runDir, boolean promoted, List<String> failedGates) {
    public TrainResult {
        failedGates = List.copyOf(failedGates);
    }

    public boolean passed() { return failedGates.isEmpty(); }
}
