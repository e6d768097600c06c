package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import msb.core.Timeframe;
import msb.dataset.LabelSpec;
import msb.features.FeatureSet;
import msb.model.Hyperparameters;
import msb.model.ModelKind;

/**
 * A validated experiment spec (see {@link ExperimentFile} for the file format).
 *
 * @param name                  the spec's {@code name}, else its file name without extension
 * @param file                  the spec file as given
 * @param text                  the file's text, copied verbatim into every run record
 * @param label                 the label definition (LabelSpec defaults overlaid by the spec's {@code label})
 * @param hyperparametersOverlay the spec's {@code hyperparameters} as written (null when absent)
 * @param hyperparameters       the timeframe's defaults overlaid by the spec
 * @param walkForwardOrNull     null when the spec has no {@code walk_forward} section
 * @param features              the declared feature set ({@code features:}; the default set when absent)
 */
public record Experiment(String name, Path file, String text, String description, Timeframe tf, String symbol,
                         DataSource data, ModelKind model, long seed, LabelSpec label, JsonNode hyperparametersOverlay,
                         Hyperparameters hyperparameters, WalkForwardSpec walkForwardOrNull, FeatureSet features) {
    public Experiment {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        if (tf == null || symbol == null || data == null || model == null || label == null || hyperparameters == null) {
            throw new IllegalArgumentException("tf, symbol, data, model, label and hyperparameters are required");
        }
        if (features == null) features = FeatureSet.DEFAULT;
    }
}
