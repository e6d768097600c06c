package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import msb.dataset.Dataset;
import msb.dataset.PooledDataset;

/**
 * A dataset to train on, with its manifest (the label definition is copied from it into the artifact) and
 * a note on where it came from (stored bars or the embedded default data). {@code poolOrNull} is set for a
 * pooled run: {@code dataset} is then its interleaved rows.
 */
public record TrainingData(Dataset dataset, JsonNode datasetManifest, String source, PooledDataset poolOrNull) {
    public TrainingData {
        if (dataset == null) throw new IllegalArgumentException("dataset missing");
        if (source == null || source.isBlank()) source = "unknown";
        if (poolOrNull != null && poolOrNull.pooled() != dataset) throw new IllegalArgumentException("a pool's dataset is its pooled rows");
    }

    public TrainingData(Dataset dataset, JsonNode datasetManifest, String source) {
        this(dataset, datasetManifest, source, null);
    }

    /** Pooled rows interleave the symbols: one bar of time spans this many rows (1 for one symbol). */
    public int rowsPerBar() { return poolOrNull == null ? 1 : poolOrNull.symbols().size(); }
}
