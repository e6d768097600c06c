package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import msb.core.ConfigMapper;
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

    /** {@code data.synth}: the {@code msb data synth} options, with its defaults. */
    record Synth(int bars, double skill, double driftBpsPerBar, double volBpsPerBar, long seed, long start) {
        static final Synth DEFAULT = new Synth(20_000, 0.2, 3, 50, 7, 1_577_836_800L);
    }

    /** {@code walk_forward} as written (null: not given); {@link #walkForward} applies the defaults and checks. */
    record WalkKeys(String window, Integer trainBars, Integer refitEveryBars, Double valFrac, Integer purgeBars,
                    Integer embargoBars, Integer maxFolds) {}

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
        ConfigMapper.Source src = ConfigMapper.Source.of(file, text);
        JsonNode root = documents(src);
        ConfigMapper.checkKeys(src, "", root, TOP);
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        String name = text(file, root, "name", base);
        String description = text(file, root, "description", null);
        Timeframe tf = field(file, "tf", () -> Timeframe.parse(required(file, root, "tf", "tf: 24h").asText()));
        String symbol = text(file, root, "symbol", "BTC");
        DataSource data = data(src, root);
        ModelKind model = root.hasNonNull("model") ? field(file, "model", () -> ModelKind.parse(root.get("model").asText())) : ModelKind.STACK;
        long seed = root.hasNonNull("seed") ? integer(file, "seed", root.get("seed")) : TrainOptions.DEFAULT_SEED;
        LabelSpec label = ConfigMapper.overlay(src, "label", LabelSpec.DEFAULT, root.get("label"), LabelSpec.class);
        JsonNode hpOverlay = root.hasNonNull("hyperparameters") ? object(file, "hyperparameters", root.get("hyperparameters")) : null;
        Hyperparameters hp = hpOverlay == null ? Hyperparameters.defaults(tf) : ExperimentSpec.hyperparameters(src, tf, hpOverlay);
        WalkForwardSpec wf = root.hasNonNull("walk_forward") ? walkForward(src, root.get("walk_forward")) : null;
        FeatureSet features = root.hasNonNull("features") ? FeatureSet.parse(root.get("features"), tf, file + ": field 'features'")
                : FeatureSet.DEFAULT;
        return new Experiment(name, file, text, description, tf, symbol, data, model, seed, label, hpOverlay, hp, wf, features);
    }

    /**
     * The spec as one mapping. YAML may hold two documents: first the model part (only {@link #MODEL} keys,
     * what {@code train --experiment} reads: it reads the first document alone), then the experiment part.
     */
    private static JsonNode documents(ConfigMapper.Source src) {
        Path file = Path.of(src.name());
        List<JsonNode> docs = ConfigMapper.documents(src);
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

    private static DataSource data(ConfigMapper.Source src, JsonNode root) {
        Path file = Path.of(src.name());
        ObjectNode d = object(file, "data", required(file, root, "data", "data: {source: embedded}"));
        ConfigMapper.checkKeys(src, "data", d, DATA);
        String source = required(file, d, "data.source", "data: {source: embedded} or a bar file path").asText().trim();
        String format = d.hasNonNull("format") ? d.get("format").asText() : "auto";
        field(file, "data.format", () -> ImportFormat.parse(format));
        if (source.equalsIgnoreCase(DataSource.SYNTH)) {
            return new DataSource(DataSource.SYNTH, null, format, null, Map.of(), synth(src, root, d));
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
    private static SyntheticMarket synth(ConfigMapper.Source src, JsonNode root, ObjectNode d) {
        Path file = Path.of(src.name());
        JsonNode o = required(file, d, "data.synth", "synth: {bars: 20000, skill: 0.2, drift_bps_per_bar: 3}");
        Synth y = ConfigMapper.overlay(src, "data.synth", Synth.DEFAULT, o, Synth.class);
        Timeframe tf = field(file, "tf", () -> Timeframe.parse(required(file, root, "tf", "tf: 1h").asText()));
        return field(file, "data.synth", () -> new SyntheticMarket(y.bars(), tf.seconds(), y.skill(), y.driftBpsPerBar(),
                y.volBpsPerBar(), y.seed(), y.start()));
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

    private static WalkForwardSpec walkForward(ConfigMapper.Source src, JsonNode node) {
        Path file = Path.of(src.name());
        WalkKeys w = ConfigMapper.bind(src, "walk_forward", ConfigMapper.requireMapping(src, "walk_forward", node), WalkKeys.class);
        String window = w.window() != null ? w.window() : "expanding";
        WalkForwardSpec.Window win = field(file, "walk_forward.window", () -> {
            try {
                return WalkForwardSpec.Window.valueOf(window.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + window + "' is not a window; use rolling or expanding");
            }
        });
        int train = required(file, w.trainBars(), "walk_forward.train_bars", "train_bars: 1000");
        int every = required(file, w.refitEveryBars(), "walk_forward.refit_every_bars", "refit_every_bars: 250");
        double val = w.valFrac() != null ? w.valFrac() : 0.2;
        int embargo = w.embargoBars() != null ? w.embargoBars() : 12;
        int max = w.maxFolds() != null ? w.maxFolds() : 0;
        return field(file, "walk_forward", () -> new WalkForwardSpec(win, train, every, val, w.purgeBars(), embargo, max));
    }

    private static int required(Path file, Integer value, String field, String example) {
        if (value == null) throw new UserInputException(file + ": field '" + field + "' is missing; add e.g. `" + example + "`");
        return value;
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

    private static ObjectNode object(Path file, String field, JsonNode n) {
        if (!(n instanceof ObjectNode o)) throw new UserInputException(file + ": field '" + field + "' must be a mapping (key: value lines)");
        return o;
    }
}
