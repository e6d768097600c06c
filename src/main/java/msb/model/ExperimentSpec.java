package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import msb.core.ConfigMapper;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.dataset.LabelSpec;
import msb.features.FeatureSet;

/**
 * An experiment file (YAML, or JSON when the name ends in .json): {@code tf}, {@code model}, {@code seed},
 * {@code label} (a label definition, over the default), {@code hyperparameters} (any subset of the
 * groups gbm, rf, logreg, lstm, stack, gates, over the timeframe's defaults) and {@code features} (a
 * declared feature set, {@link FeatureSet}; the dataset is built with it). Unknown keys are errors, so a
 * typo never silently trains with a default.
 */
public record ExperimentSpec(String name, Timeframe tf, ModelKind model, Long seed, LabelSpec label, JsonNode hyperparameters,
                             FeatureSet featuresOrNull, java.util.List<String> symbolsOrNull) {
    private static final Set<String> TOP = Set.of("tf", "model", "seed", "label", "hyperparameters", "features", "symbols");

    public ExperimentSpec(String name, Timeframe tf, ModelKind model, Long seed, LabelSpec label, JsonNode hyperparameters,
                          FeatureSet featuresOrNull) {
        this(name, tf, model, seed, label, hyperparameters, featuresOrNull, null);
    }

    public static ExperimentSpec read(Path file) {
        var src = ConfigMapper.Source.of(file, ConfigMapper.read(file, "the experiment", "check the --experiment path"));
        JsonNode root = ConfigMapper.tree(src);
        if (root == null || !root.isObject()) {
            throw new UserInputException(file + ": an experiment is a mapping with keys " + TOP + "; see `msb train --help`");
        }
        ConfigMapper.checkKeys(src, "", root, TOP);
        try {
            Timeframe tf = root.hasNonNull("tf") ? Timeframe.parse(root.get("tf").asText()) : null;
            ModelKind model = root.hasNonNull("model") ? ModelKind.parse(root.get("model").asText()) : null;
            Long seed = root.hasNonNull("seed") ? seed(file, root.get("seed")) : null;
            LabelSpec label = root.hasNonNull("label") ? ConfigMapper.overlay(src, "label", LabelSpec.DEFAULT, root.get("label"), LabelSpec.class) : null;
            JsonNode hp = root.hasNonNull("hyperparameters") ? ConfigMapper.requireMapping(src, "hyperparameters", root.get("hyperparameters")) : null;
            FeatureSet features = null;
            if (root.hasNonNull("features")) {
                if (tf == null) throw new UserInputException(file + ": 'features' needs 'tf' in the same file (windows like 7d become bars of it)");
                features = FeatureSet.parse(root.get("features"), tf, file + ": field 'features'");
            }
            java.util.List<String> symbols = null;
            if (root.hasNonNull("symbols")) {
                // pooled training (train reads it): a list of two or more symbols, each with its own imported data
                if (!root.get("symbols").isArray()) throw new UserInputException(file + ": 'symbols' must be a list, e.g. symbols: [BTC, ETH]");
                symbols = new java.util.ArrayList<>();
                for (JsonNode n : root.get("symbols")) symbols.add(n.asText());
            }
            return new ExperimentSpec(file.getFileName().toString(), tf, model, seed, label, hp, features, symbols);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** A whole number that fits a long; asLong() would silently wrap 2^64 + 7 to 7 (or read "7x" as 0). */
    private static long seed(Path file, JsonNode n) {
        String text = n.asText().trim();
        if (!(n.isIntegralNumber() || n.isTextual()) || !text.matches("-?\\d+")) {
            throw new UserInputException(file + ": seed '" + text + "' is not a whole number; write e.g. seed: 42");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UserInputException(file + ": seed " + text + " is too large; use a whole number from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
    }

    /** The timeframe's defaults with this experiment's hyperparameters laid over them (errors name the file's line). */
    public Hyperparameters hyperparametersFor(Timeframe t, Path file) {
        if (hyperparameters == null) return Hyperparameters.defaults(t);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            text = null; // read already; only the line numbers in messages are lost
        }
        return hyperparameters(new ConfigMapper.Source(file.toString(), text, !file.toString().endsWith(".json")), t, hyperparameters);
    }

    /** The timeframe's defaults with a spec's {@code hyperparameters} groups laid over them, field by field. */
    public static Hyperparameters hyperparameters(ConfigMapper.Source src, Timeframe t, JsonNode overlay) {
        return ConfigMapper.overlay(src, "hyperparameters", Hyperparameters.defaults(t), overlay, Hyperparameters.class);
    }
}
