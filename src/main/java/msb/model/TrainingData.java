package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import msb.dataset.Dataset;

/**
 * A dataset to train on, with its manifest (the label definition is copied from it into the artifact) and
 * a note on where it came from (stored bars or the embedded default data).
 */
public record TrainingData(Dataset dataset, JsonNode datasetManifest, String source) {
    public TrainingData {
        if (dataset == null) throw new IllegalArgumentException("dataset missing");
        if (source == null || source.isBlank()) source = "unknown";
    }
}
