package msb.model;

import msb.signal.Probs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A verified, loaded run directory: its manifest, the final calibrated predictor and, for the stack, the
 * BMA second opinion. Holds native resources (LSTM): close it.
 */
public final class LoadedArtifact implements AutoCloseable {
    private final Path dir;
    private final ArtifactManifest manifest;
    private final Pipeline pipeline;

    LoadedArtifact(Path dir, ArtifactManifest manifest, Pipeline pipeline) {
        this.dir = dir;
        this.manifest = manifest;
        this.pipeline = pipeline;
    }

    public Path dir() { return dir; }

    public ArtifactManifest manifest() { return manifest; }

    public boolean promoted() { return manifest.promoted(); }

    public List<String> failedGates() { return manifest.failedGates(); }

    /** The final output: calibrated stack (or single learner, or constant) probabilities. */
    public SequencePredictor predictor() { return new Adapter(pipeline, false); }

    /** The BMA second opinion (stack only). */
    public Optional<SequencePredictor> bma() {
        return pipeline.hasBma() ? Optional.of(new Adapter(pipeline, true)) : Optional.empty();
    }

    /** Batch form of {@link #predictor()}: probabilities for {@code rows} of a raw chronological feature matrix. */
    public Probs[] predictRows(double[][] x, int[] rows) { return toProbs(pipeline.predict(x, rows)); }

    /** Batch form of {@link #bma()}; empty when the model has no BMA output. */
    public Optional<Probs[]> bmaRows(double[][] x, int[] rows) {
        return pipeline.hasBma() ? Optional.of(toProbs(pipeline.predictBma(x, rows))) : Optional.empty();
    }

    private static Probs[] toProbs(double[][] p) {
        Probs[] out = new Probs[p.length];
        for (int i = 0; i < p.length; i++) out[i] = Labels.probs(p[i]);
        return out;
    }

    @Override public void close() { pipeline.close(); }

    private record Adapter(Pipeline pipeline, boolean bma) implements SequencePredictor {
        @Override public int historyRows() { return pipeline.historyRows(); }

        @Override
        public Probs predict(double[][] recentRowsOldestFirst) {
            int n = recentRowsOldestFirst.length;
            if (n < historyRows()) {
                throw new IllegalArgumentException("the model needs the last " + historyRows() + " feature rows, got " + n);
            }
            int[] last = {n - 1};
            double[][] p = bma ? pipeline.predictBma(recentRowsOldestFirst, last) : pipeline.predict(recentRowsOldestFirst, last);
            return Labels.probs(p[0]);
        }
    }
}
