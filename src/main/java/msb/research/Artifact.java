package msb.research;

import java.nio.file.Path;
import java.util.List;
import msb.model.ArtifactManifest;
import msb.signal.Verdict;

/**
 * A training run's directory with its verified manifest (the manifest does not know where it lives).
 *
 * @param dir      models/SYMBOL/TF/RUN-ID, absolute
 * @param manifest the run's manifest, verified against its content hash and files
 */
public record Artifact(Path dir, ArtifactManifest manifest) {
    /** The run id (the directory's name), the same id {@code msb runs list} shows. */
    public String id() { return dir.getFileName().toString(); }

    public String model() { return manifest.model(); }

    public boolean promoted() { return manifest.promoted(); }

    /** The promotion gates it failed, in verdict order (empty when promoted). */
    public List<String> failedGates() { return manifest.failedGates(); }

    /** Every promotion gate with the figures that decided it, in verdict order. */
    public List<Verdict> gates() { return manifest.verdictsInOrder(); }

    @Override
    public String toString() {
        return manifest.tf() + " " + model() + " " + id() + (promoted() ? " (promoted)" : " (rejected: " + String.join(", ", failedGates()) + ")");
    }
}
