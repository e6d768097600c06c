package msb.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;

/**
 * A declared feature set: which catalog features a dataset (and the model trained on it) uses, in the
 * manner of FreqAI's {@code indicator_periods_candles}. Written as a YAML/JSON list under {@code features:}
 * (in an experiment spec or a file for {@code dataset build --features FILE}); each item is one of
 * <pre>
 * - default                          # the seed's 17, less those whose input the source lacks
 * - calendar                         # hour_of_day, day_of_week
 * - ret: [1, 24h, 7d, 28d]           # a kind with its windows: bars (24) or durations (24h, 7d, 30m)
 * - rv_ratio: [[24h, 7d], [24h, 28d]]   # two-window kinds take pairs (short, long)
 * - xret: {symbol: ETH, bars: [1, 24h]}    # another symbol's returns (also xspread: own minus its)
 * - mom_1                            # any catalog column by name
 * </pre>
 * Durations are turned into bars of the timeframe (7d on 1h bars = 168; it must be a whole number of bars),
 * so the columns, and the schema hash over them, say exactly what was computed. Without a feature set
 * a dataset uses {@link #DEFAULT}.
 *
 * @param withDefaults whether the seed's default features (those the source has inputs for) come first
 * @param explicit     further features, in order; their inputs are required
 */
public record FeatureSet(boolean withDefaults, List<String> explicit) {
    public static final FeatureSet DEFAULT = new FeatureSet(true, List.of());

    public FeatureSet {
        explicit = List.copyOf(explicit);
    }

    @JsonIgnore
    public boolean isDefault() { return withDefaults && explicit.isEmpty(); }

    /** Exactly these columns (as an artifact or manifest lists them), in order. */
    public static FeatureSet ofColumns(List<String> columns) { return new FeatureSet(false, columns); }

    /** The explicit features (catalog instances), in order. */
    public List<Feature> explicitFeatures() { return explicit.stream().map(FeatureCatalog::byName).toList(); }

    /** Whether an explicit feature needs {@code input} (then a source without it is an error, not a drop). */
    public boolean needs(Feature.Input input) {
        return explicitFeatures().stream().anyMatch(f -> f.input() == input);
    }

    /**
     * The schema for a source with the given optional inputs: the defaults it can compute, then the
     * explicit features (a feature listed twice is kept once).
     */
    public FeatureSchema schema(boolean hasFunding, boolean hasCohorts) {
        List<Feature> chosen = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        if (withDefaults) {
            FeatureSchema d = FeatureSchema.of(hasFunding, hasCohorts);
            chosen.addAll(d.features());
            absent.addAll(d.absentInputs());
        } else {
            if (!hasFunding) absent.add(FeatureSchema.FUNDING);
            if (!hasCohorts) absent.add(FeatureSchema.COHORTS);
        }
        Set<String> names = new LinkedHashSet<>(chosen.stream().map(Feature::name).toList());
        for (Feature f : explicitFeatures()) if (names.add(f.name())) chosen.add(f);
        if (needs(Feature.Input.FUNDING)) absent.remove(FeatureSchema.FUNDING);
        if (needs(Feature.Input.COHORTS)) absent.remove(FeatureSchema.COHORTS);
        return FeatureSchema.fromFeatures(chosen, absent);
    }

    /** Reads {@code features:} from a YAML or JSON file (a mapping with that one key, or the bare list). */
    public static FeatureSet read(Path file, Timeframe tf) {
        var src = msb.core.ConfigMapper.Source.of(file, msb.core.ConfigMapper.read(file, "the feature set", "check the path"));
        JsonNode root = msb.core.ConfigMapper.tree(src);
        if (root != null && root.isObject()) {
            msb.core.ConfigMapper.checkKeys(src, "", root, Set.of("features"));
            root = root.get("features");
        }
        return parse(root, tf, file + ": features");
    }

    /** Parses the {@code features:} list; {@code where} names the file and key in errors. */
    public static FeatureSet parse(JsonNode list, Timeframe tf, String where) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new UserInputException(where + " must be a non-empty list, e.g. [default, calendar, {ret: [24h, 7d]}]");
        }
        boolean defaults = false;
        List<String> cols = new ArrayList<>();
        for (JsonNode item : list) {
            if (item.isTextual()) {
                String name = item.asText().trim();
                switch (name) {
                    case "default" -> defaults = true;
                    case "calendar" -> FeatureCatalog.calendar().forEach(f -> cols.add(f.name()));
                    default -> cols.add(known(name, where));
                }
            } else if (item.isObject() && item.size() == 1 && FeatureCatalog.CROSS_KINDS.contains(item.fieldNames().next())) {
                Map.Entry<String, JsonNode> e = item.fields().next();
                cols.addAll(cross(e.getKey(), e.getValue(), tf, where + "." + e.getKey()));
            } else if (item.isObject() && item.size() == 1) {
                Map.Entry<String, JsonNode> e = item.fields().next();
                FeatureCatalog.Kind kind = FeatureCatalog.Kind.byPrefix(e.getKey());
                if (kind == null) {
                    throw new UserInputException(where + ": unknown kind '" + e.getKey() + "'; kinds: "
                            + java.util.Arrays.stream(FeatureCatalog.Kind.values()).map(FeatureCatalog.Kind::prefix).toList());
                }
                JsonNode params = e.getValue().isArray() ? e.getValue() : Json.mapper().createArrayNode().add(e.getValue());
                for (JsonNode p : params) cols.add(column(kind, p, tf, where + "." + kind.prefix()));
            } else {
                throw new UserInputException(where + ": each item is a name (default, calendar, a column) or one `kind: [windows]`,"
                        + " got " + item);
            }
        }
        return new FeatureSet(defaults, new ArrayList<>(new LinkedHashSet<>(cols)));
    }

    /** {@code xret: {symbol: ETH, bars: [1, 24h]}}: one column per window. */
    private static List<String> cross(String kind, JsonNode spec, Timeframe tf, String where) {
        if (!spec.isObject() || !spec.hasNonNull("symbol") || !spec.hasNonNull("bars") || spec.size() != 2) {
            throw new UserInputException(where + ": write it as {symbol: ETH, bars: [1, 24h]}");
        }
        String symbol = spec.get("symbol").asText().trim().toUpperCase(java.util.Locale.ROOT);
        JsonNode windows = spec.get("bars").isArray() ? spec.get("bars") : Json.mapper().createArrayNode().add(spec.get("bars"));
        List<String> out = new ArrayList<>();
        for (JsonNode w : windows) out.add(known(FeatureCatalog.crossColumn(kind, symbol, bars(w, tf, where)), where));
        return out;
    }

    private static String known(String name, String where) {
        try {
            return FeatureCatalog.byName(name).name();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(where + ": " + e.getMessage(), e);
        }
    }

    private static String column(FeatureCatalog.Kind kind, JsonNode p, Timeframe tf, String where) {
        List<JsonNode> parts = new ArrayList<>();
        if (p.isArray()) p.forEach(parts::add);
        else parts.add(p);
        if (parts.size() != kind.params()) {
            throw new UserInputException(where + ": takes " + (kind.params() == 1 ? "one window" : "pairs [short, long]")
                    + " per entry, got " + p);
        }
        int[] bars = new int[parts.size()];
        for (int i = 0; i < bars.length; i++) bars[i] = bars(parts.get(i), tf, where);
        try {
            return FeatureCatalog.byName(kind.column(bars)).name();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(where + ": " + e.getMessage(), e);
        }
    }

    /** A window as bars: an integer, or a duration (30m, 24h, 7d) that is a whole number of {@code tf} bars. */
    static int bars(JsonNode p, Timeframe tf, String where) {
        String text = p.asText().trim().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("[1-9][0-9]{0,6}")) return Integer.parseInt(text);
        if (!text.matches("[1-9][0-9]{0,5}[mhd]")) {
            throw new UserInputException(where + ": window '" + p.asText() + "' is neither a bar count (24) nor a duration (30m, 24h, 7d)");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        long sec = n * switch (text.charAt(text.length() - 1)) {
            case 'm' -> 60L;
            case 'h' -> 3_600L;
            default -> 86_400L;
        };
        if (sec % tf.seconds() != 0) {
            throw new UserInputException(where + ": " + p.asText() + " is not a whole number of " + tf.label() + " bars");
        }
        return Math.toIntExact(sec / tf.seconds());
    }
}
