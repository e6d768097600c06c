package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import msb.core.Json;
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
        JsonNode root;
        try {
            String text = Files.readString(file);
            root = file.toString().endsWith(".json") ? Json.mapper().readTree(text) : new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read the experiment (" + e.getMessage() + "); check the --experiment path and its syntax", e);
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(file + ": an experiment is a mapping with keys " + TOP + "; see `msb train --help`");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP.contains(k)) throw new UserInputException(file + ": unknown key '" + k + "'; allowed: " + TOP);
        }
        try {
            Timeframe tf = root.hasNonNull("tf") ? Timeframe.parse(root.get("tf").asText()) : null;
            ModelKind model = root.hasNonNull("model") ? ModelKind.parse(root.get("model").asText()) : null;
            Long seed = root.hasNonNull("seed") ? seed(file, root.get("seed")) : null;
            LabelSpec label = null;
            if (root.hasNonNull("label")) {
                ObjectNode base = Json.mapper().valueToTree(LabelSpec.DEFAULT);
                ObjectNode over = requireObject(root.get("label"), file, "label").deepCopy();
                if (over.has("kind")) over.set("kind", TextNode.valueOf(over.get("kind").asText().toUpperCase()));
                checkKeys(over, base, file, "label");
                base.setAll(over);
                label = Json.mapper().treeToValue(base, LabelSpec.class);
            }
            JsonNode hp = root.hasNonNull("hyperparameters") ? requireObject(root.get("hyperparameters"), file, "hyperparameters") : null;
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
        } catch (IllegalArgumentException | IOException e) {
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

    /** The timeframe's defaults with this experiment's hyperparameters laid over them. */
    public Hyperparameters hyperparametersFor(Timeframe t, Path file) {
        Hyperparameters d = Hyperparameters.defaults(t);
        if (hyperparameters == null) return d;
        ObjectNode base = Json.mapper().valueToTree(d);
        for (Iterator<Map.Entry<String, JsonNode>> it = hyperparameters.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!base.has(e.getKey())) {
                throw new UserInputException(file + ": unknown hyperparameter group '" + e.getKey() + "'; allowed: " + iterable(base));
            }
            ObjectNode group = (ObjectNode) base.get(e.getKey());
            ObjectNode over = requireObject(e.getValue(), file, "hyperparameters." + e.getKey());
            checkKeys(over, group, file, "hyperparameters." + e.getKey());
            group.setAll(over);
        }
        try {
            return Json.mapper().treeToValue(base, Hyperparameters.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new UserInputException(file + ": " + c.getMessage(), e);
        }
    }

    private static ObjectNode requireObject(JsonNode n, Path file, String key) {
        if (!(n instanceof ObjectNode o)) throw new UserInputException(file + ": '" + key + "' must be a mapping");
        return o;
    }

    private static void checkKeys(ObjectNode over, ObjectNode allowed, Path file, String where) {
        for (Iterator<String> it = over.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.has(k)) throw new UserInputException(file + ": unknown key '" + k + "' in " + where + "; allowed: " + iterable(allowed));
        }
    }

    private static String iterable(ObjectNode o) {
        StringBuilder b = new StringBuilder();
        o.fieldNames().forEachRemaining(k -> b.append(b.isEmpty() ? "" : ", ").append(k));
        return b.toString();
    }
}
