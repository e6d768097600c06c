package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.data.ImportFormat;
import msb.data.SyntheticMarket;
import msb.dataset.LabelSpec;
import msb.features.FeatureSet;
import msb.model.ExperimentSpec;
import msb.model.Hyperparameters;
import msb.model.ModelKind;
import msb.model.TrainOptions;

/**
 * Reads an experiment spec (YAML; JSON when the name ends in .json). Keys, all snake_case:
 * <pre>
 * name: 24h-stack                 # optional, default: the file name without extension
 * description: free text          # optional
 * tf: 24h                         # required: 5m, 1h, 12h, 24h or any length dividing a day / whole days (15m, 4h, 1d)
 * symbol: BTC                     # optional, default BTC
 * data:
 *   source: ../shared/data/ta4j/Coinbase-BTC-USD-PT4H-20160518_20251028.json   # or: embedded
 *   format: auto                  # optional, a `data import --format` value
 *   synth: {bars: 20000, skill: 0.2, drift_bps_per_bar: 3, vol_bps_per_bar: 50, seed: 7}   # with source: synth
 *   funding: ../shared/data/oniz93/BTCUSDT_fundingRates.json   # optional funding file, imported with the bars
 *   cross: {ETH: ../shared/data/PixelAlpha-ai/ETHUSDT_1h.csv}  # optional other symbols' bars (cross-asset features)
 * model: stack                    # optional, default stack (any `train --model` value)
 * seed: 42                        # optional, default 42
 * label: {horizon_bars: 1, kind: adaptive, k: 0.5, vol_window_bars: 50, threshold_bps: 10}   # over the defaults
 * hyperparameters: {gbm: {trees: 80}, gates: {min_train_rows: 1000}}   # over the tf's defaults
 * features: [default, calendar, {ret: [24h, 7d]}]   # optional feature set (msb.features.FeatureSet); default: the seed's
 * walk_forward: {window: expanding, train_bars: 1000, refit_every_bars: 250, val_frac: 0.2,
 *                embargo_bars: 12, purge_bars: 1, max_folds: 8}
 * </pre>
 * The model keys (tf, model, seed, label, hyperparameters) mean what they mean to {@code train --experiment}.
 * A YAML spec may be two documents: the model part first (exactly {@code train --experiment}'s format, which
 * reads only the first document), then {@code ---} and the experiment part (name, description, symbol, data,
 * walk_forward); the committed specs are written that way so that both commands read them.
 * A relative {@code data.source} is resolved against the repository root, i.e. the parent of the directory
 * holding the spec ({@code experiments/}); a {@code ../shared/data/...} source absent there is looked up under
 * {@code $MSB_SHARED_DATA} when that is set. Unknown keys are errors: a typo never silently runs with a default.
 * Every error names the file, the field and the fix.
 */
public final class ExperimentFile {
    static final Set<String> TOP = new LinkedHashSet<>(List.of("name", "description", "tf", "symbol", "data", "model",
            "seed", "label", "hyperparameters", "features", "walk_forward"));
    /** The keys of {@code train --experiment}'s format (msb.model.ExperimentSpec). */
    static final Set<String> MODEL = new LinkedHashSet<>(List.of("tf", "model", "seed", "label", "hyperparameters", "features"));
    static final Set<String> DATA = Set.of("source", "format", "funding", "cross", "synth");
    static final Set<String> SYNTH = new LinkedHashSet<>(List.of("bars", "skill", "drift_bps_per_bar", "vol_bps_per_bar", "seed", "start"));
    static final Set<String> WALK = new LinkedHashSet<>(List.of("window", "train_bars", "refit_every_bars", "val_frac",
            "purge_bars", "embargo_bars", "max_folds"));

    /** Where the shared data lives when it is not at ../shared/data next to the repository. */
    public static final String SHARED_DATA_ENV = "MSB_SHARED_DATA";

    private ExperimentFile() {}

    public static Experiment read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read the experiment spec (" + e.getMessage()
                    + "); check the path (specs live in experiments/, e.g. experiments/24h.yaml)", e);
        }
        return parse(file, text);
    }

    static Experiment parse(Path file, String text) {
        JsonNode root = documents(file, text);
        checkKeys(file, "", root, TOP);
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        String name = text(file, root, "name", base);
        String description = text(file, root, "description", null);
        Timeframe tf = field(file, "tf", () -> Timeframe.parse(required(file, root, "tf", "tf: 24h").asText()));
        String symbol = text(file, root, "symbol", "BTC");
        DataSource data = data(file, root);
        ModelKind model = root.hasNonNull("model") ? field(file, "model", () -> ModelKind.parse(root.get("model").asText())) : ModelKind.STACK;
        long seed = root.hasNonNull("seed") ? integer(file, "seed", root.get("seed")) : TrainOptions.DEFAULT_SEED;
        LabelSpec label = root.hasNonNull("label") ? label(file, object(file, "label", root.get("label"))) : LabelSpec.DEFAULT;
        JsonNode hpOverlay = root.hasNonNull("hyperparameters") ? object(file, "hyperparameters", root.get("hyperparameters")) : null;
        Hyperparameters hp = hyperparameters(file, tf, (ObjectNode) hpOverlay);
        WalkForwardSpec wf = root.hasNonNull("walk_forward") ? walkForward(file, object(file, "walk_forward", root.get("walk_forward"))) : null;
        FeatureSet features = root.hasNonNull("features") ? FeatureSet.parse(root.get("features"), tf, file + ": field 'features'")
                : FeatureSet.DEFAULT;
        return new Experiment(name, file, text, description, tf, symbol, data, model, seed, label, hpOverlay, hp, wf, features);
    }

    /**
     * The spec as one mapping. YAML may hold two documents: first the model part (only {@link #MODEL} keys,
     * what {@code train --experiment} reads: it reads the first document alone), then the experiment part.
     */
    private static JsonNode documents(Path file, String text) {
        boolean json = file.toString().endsWith(".json");
        List<JsonNode> docs = new java.util.ArrayList<>();
        try {
            if (json) {
                docs.add(Json.mapper().readTree(text));
            } else {
                try (var it = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(text)) {
                    while (it.hasNextValue()) docs.add(it.nextValue());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(file + ": not valid " + (json ? "JSON" : "YAML") + " (" + firstLine(e.getMessage())
                    + "); fix the syntax", e);
        }
        docs.removeIf(d -> d == null || d.isMissingNode() || d.isNull());
        if (docs.isEmpty() || docs.size() > 2 || docs.stream().anyMatch(d -> !d.isObject())) {
            throw new UserInputException(file + ": an experiment spec is a mapping with keys " + TOP
                    + " (optionally split in two YAML documents: model part, then experiment part); see experiments/24h.yaml");
        }
        if (docs.size() == 1) return docs.getFirst();
        ObjectNode merged = ((ObjectNode) docs.getFirst()).deepCopy();
        for (Iterator<String> it = docs.getFirst().fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (TOP.contains(k) && !MODEL.contains(k)) {
                throw new UserInputException(file + ": field '" + k + "' belongs in the second document (after ---): the first"
                        + " holds only " + MODEL + ", which `train --experiment` reads");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = docs.get(1).fields(); it.hasNext(); ) {
            var e = it.next();
            if (merged.has(e.getKey())) {
                throw new UserInputException(file + ": field '" + e.getKey() + "' appears in both documents; keep one");
            }
            merged.set(e.getKey(), e.getValue());
        }
        return merged;
    }

    /** The spec with another model kind (the {@code --model} option); an unknown kind is exit 2 naming the option. */
    public static Experiment withModel(Experiment e, String modelText) {
        ModelKind kind;
        try {
            kind = ModelKind.parse(modelText);
        } catch (IllegalArgumentException ex) {
            throw new UserInputException("--model: " + ex.getMessage(), ex);
        }
        return new Experiment(e.name(), e.file(), e.text(), e.description(), e.tf(), e.symbol(), e.data(), kind, e.seed(),
                e.label(), e.hyperparametersOverlay(), e.hyperparameters(), e.walkForwardOrNull(), e.features());
    }

    private static DataSource data(Path file, JsonNode root) {
        ObjectNode d = object(file, "data", required(file, root, "data", "data: {source: embedded}"));
        checkKeys(file, "data.", d, DATA);
        String source = required(file, d, "data.source", "data: {source: embedded} or a bar file path").asText().trim();
        String format = d.hasNonNull("format") ? d.get("format").asText() : "auto";
        field(file, "data.format", () -> ImportFormat.parse(format));
        if (source.equalsIgnoreCase(DataSource.SYNTH)) {
            return new DataSource(DataSource.SYNTH, null, format, null, Map.of(), synth(file, root, d));
        }
        if (d.has("synth")) throw new UserInputException(file + ": field 'data.synth' needs `source: synth`; remove it or set the source");
        Path specDir = file.toAbsolutePath().normalize().getParent();
        Path repo = specDir.getParent() != null ? specDir.getParent() : specDir;
        Path funding = d.hasNonNull("funding") ? resolveSource(repo, d.get("funding").asText().trim(), System.getenv(SHARED_DATA_ENV)) : null;
        Map<String, Path> cross = new java.util.TreeMap<>();
        if (d.hasNonNull("cross")) {
            ObjectNode c = object(file, "data.cross", d.get("cross"));
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                var e = it.next();
                String sym = e.getKey().trim().toUpperCase(java.util.Locale.ROOT);
                if (!sym.matches("[A-Z0-9]{1,16}")) {
                    throw new UserInputException(file + ": field 'data.cross': symbol '" + e.getKey() + "' must be letters and digits (e.g. ETH)");
                }
                cross.put(sym, resolveSource(repo, e.getValue().asText().trim(), System.getenv(SHARED_DATA_ENV)));
            }
        }
        if (source.equalsIgnoreCase(DataSource.EMBEDDED)) return new DataSource(DataSource.EMBEDDED, null, format, funding, cross);
        return new DataSource(source, resolveSource(repo, source, System.getenv(SHARED_DATA_ENV)), format, funding, cross);
    }

    /** {@code data.synth}: the {@code msb data synth} settings, at the spec's timeframe. */
    private static SyntheticMarket synth(Path file, JsonNode root, ObjectNode d) {
        ObjectNode o = object(file, "data.synth", required(file, d, "data.synth", "synth: {bars: 20000, skill: 0.2, drift_bps_per_bar: 3}"));
        checkKeys(file, "data.synth.", o, SYNTH);
        Timeframe tf = field(file, "tf", () -> Timeframe.parse(required(file, root, "tf", "tf: 1h").asText()));
        return field(file, "data.synth", () -> new SyntheticMarket(o.path("bars").asInt(20_000), tf.seconds(),
                o.path("skill").asDouble(0.2), o.path("drift_bps_per_bar").asDouble(3), o.path("vol_bps_per_bar").asDouble(50),
                o.path("seed").asLong(7), o.path("start").asLong(1_577_836_800L)));
    }

    /**
     * A relative source is resolved against the repository root. A source under {@code ../shared/data/} that is
     * absent there (a clone elsewhere, a git worktree) is looked up under {@code $MSB_SHARED_DATA} when set.
     */
    static Path resolveSource(Path repo, String source, String sharedDataEnvOrNull) {
        Path p = Path.of(source);
        if (p.isAbsolute()) return p.normalize();
        Path r = repo.resolve(p).normalize();
        String prefix = "../shared/data/";
        if (!Files.exists(r) && sharedDataEnvOrNull != null && !sharedDataEnvOrNull.isBlank() && source.startsWith(prefix)) {
            return Path.of(sharedDataEnvOrNull).resolve(source.substring(prefix.length())).toAbsolutePath().normalize();
        }
        return r;
    }

    private static LabelSpec label(Path file, ObjectNode over) {
        ObjectNode base = Json.mapper().valueToTree(LabelSpec.DEFAULT);
        ObjectNode o = over.deepCopy();
        if (o.has("kind")) o.set("kind", TextNode.valueOf(o.get("kind").asText().toUpperCase()));
        checkKeys(file, "label.", o, iterable(base));
        base.setAll(o);
        try {
            return Json.mapper().treeToValue(base, LabelSpec.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(file + ": field 'label': " + rootCause(e) + "; fix the value", e);
        }
    }

    /**
     * The timeframe's defaults with the spec's groups laid over them, field by field: the keys are checked
     * here (errors name the field), the overlay itself is {@code train --experiment}'s (msb.model.ExperimentSpec).
     */
    static Hyperparameters hyperparameters(Path file, Timeframe tf, ObjectNode overlay) {
        if (overlay == null) return Hyperparameters.defaults(tf);
        ObjectNode base = Json.mapper().valueToTree(Hyperparameters.defaults(tf));
        checkKeys(file, "hyperparameters.", overlay, iterable(base));
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            var e = it.next();
            ObjectNode over = object(file, "hyperparameters." + e.getKey(), e.getValue());
            checkKeys(file, "hyperparameters." + e.getKey() + ".", over, iterable(base.get(e.getKey())));
        }
        try {
            return new ExperimentSpec(file.getFileName().toString(), tf, null, null, null, overlay, null).hyperparametersFor(tf, file);
        } catch (UserInputException e) {
            throw new UserInputException(e.getMessage().replace(file + ": ", file + ": field 'hyperparameters': ") + "; fix the value", e);
        }
    }

    private static WalkForwardSpec walkForward(Path file, ObjectNode w) {
        checkKeys(file, "walk_forward.", w, WALK);
        String window = w.hasNonNull("window") ? w.get("window").asText() : "expanding";
        WalkForwardSpec.Window win = field(file, "walk_forward.window", () -> {
            try {
                return WalkForwardSpec.Window.valueOf(window.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + window + "' is not a window; use rolling or expanding");
            }
        });
        int train = (int) integer(file, "walk_forward.train_bars", required(file, w, "walk_forward.train_bars", "train_bars: 1000"));
        int every = (int) integer(file, "walk_forward.refit_every_bars",
                required(file, w, "walk_forward.refit_every_bars", "refit_every_bars: 250"));
        double val = w.hasNonNull("val_frac") ? number(file, "walk_forward.val_frac", w.get("val_frac")) : 0.2;
        Integer purge = w.hasNonNull("purge_bars") ? (int) integer(file, "walk_forward.purge_bars", w.get("purge_bars")) : null;
        int embargo = w.hasNonNull("embargo_bars") ? (int) integer(file, "walk_forward.embargo_bars", w.get("embargo_bars")) : 12;
        int max = w.hasNonNull("max_folds") ? (int) integer(file, "walk_forward.max_folds", w.get("max_folds")) : 0;
        return field(file, "walk_forward", () -> new WalkForwardSpec(win, train, every, val, purge, embargo, max));
    }

    // ---- small helpers: each error names file, field and fix ----

    private interface Parse<T> { T get(); }

    private static <T> T field(Path file, String field, Parse<T> p) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": field '" + field + "': " + e.getMessage(), e);
        } catch (UserInputException e) {
            throw new UserInputException(file + ": field '" + field + "': " + e.getMessage(), e);
        }
    }

    private static JsonNode required(Path file, JsonNode node, String field, String example) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        if (!node.hasNonNull(key)) throw new UserInputException(file + ": field '" + field + "' is missing; add e.g. `" + example + "`");
        return node.get(key);
    }

    private static String text(Path file, JsonNode root, String key, String dflt) {
        if (!root.hasNonNull(key)) return dflt;
        JsonNode n = root.get(key);
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw new UserInputException(file + ": field '" + key + "' must be a non-empty text; write e.g. `" + key + ": x`");
        }
        return n.asText().trim();
    }

    private static long integer(Path file, String field, JsonNode n) {
        if (!n.canConvertToLong() || !(n.isIntegralNumber() || n.isTextual() && n.asText().trim().matches("-?\\d+"))) {
            throw new UserInputException(file + ": field '" + field + "': '" + n.asText() + "' is not a whole number; write e.g. `42`");
        }
        return n.isTextual() ? Long.parseLong(n.asText().trim()) : n.asLong();
    }

    private static double number(Path file, String field, JsonNode n) {
        double v = n.isNumber() ? n.asDouble() : Double.NaN;
        if (n.isTextual()) {
            try {
                v = Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
        }
        if (!Double.isFinite(v)) throw new UserInputException(file + ": field '" + field + "': '" + n.asText() + "' is not a number; write e.g. `0.2`");
        return v;
    }

    private static ObjectNode object(Path file, String field, JsonNode n) {
        if (!(n instanceof ObjectNode o)) throw new UserInputException(file + ": field '" + field + "' must be a mapping (key: value lines)");
        return o;
    }

    private static void checkKeys(Path file, String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new UserInputException(file + ": field '" + prefix + k + "' is unknown; allowed here: "
                        + String.join(", ", allowed) + " (check the spelling)");
            }
        }
    }

    private static Set<String> iterable(JsonNode o) {
        Set<String> s = new LinkedHashSet<>();
        o.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static String rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return firstLine(c.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
