package msb.features;

import java.util.ArrayList;
import java.util.List;
import msb.core.Hashing;

/**
 * The columns a dataset (and a model trained on it) uses, in order, with a hash over every feature's name
 * and definition version. A model refuses rows of a different hash. Features whose input the source lacks
 * are left out, and the missing inputs listed in {@code absentInputs} ({@code funding}, {@code cohorts}).
 *
 * @param warmupBars number of leading bars without a row: the first row is bar index {@code warmupBars}
 */
public record FeatureSchema(List<String> columns, String schemaHash, int warmupBars, List<String> absentInputs) {
    public static final String FUNDING = "funding";
    public static final String COHORTS = "cohorts";

    public FeatureSchema {
        columns = List.copyOf(columns);
        absentInputs = List.copyOf(absentInputs);
        if (columns.isEmpty()) throw new IllegalArgumentException("a schema needs at least one column");
        if (warmupBars < 0) throw new IllegalArgumentException("warmupBars must be >= 0, got " + warmupBars);
    }

    /** The SPEC section 3 schema for a source with or without funding and cohort inputs. */
    public static FeatureSchema of(boolean hasFunding, boolean hasCohorts) {
        List<String> absent = new ArrayList<>();
        if (!hasFunding) absent.add(FUNDING);
        if (!hasCohorts) absent.add(COHORTS);
        List<Feature> chosen = FeatureCatalog.defaults().stream().filter(f -> switch (f.input()) {
            case PRICE_VOLUME -> true;
            case FUNDING -> hasFunding;
            case COHORTS -> hasCohorts;
            case TAKER_BUY, CROSS -> false;
        }).toList();
        return fromFeatures(chosen, absent);
    }

    /** The schema of the given columns (names from the catalog), e.g. as read back from a manifest. */
    public static FeatureSchema ofColumns(List<String> columns, List<String> absentInputs) {
        return fromFeatures(columns.stream().map(FeatureCatalog::byName).toList(), absentInputs);
    }

    /**
     * The schema of a feature list; the hash covers every column's name (which spells out its parameters)
     * and definition version, and the warm-up is the longest of the features' derived warm-ups.
     */
    public static FeatureSchema fromFeatures(List<Feature> features, List<String> absent) {
        if (features.stream().map(Feature::name).distinct().count() != features.size()) {
            throw new IllegalArgumentException("a feature appears twice in " + features.stream().map(Feature::name).toList());
        }
        StringBuilder spec = new StringBuilder("msb-features/1\n");
        int warmup = 0;
        for (Feature f : features) {
            spec.append(f.name()).append(':').append(f.version()).append('\n');
            warmup = Math.max(warmup, f.warmupBars());
        }
        return new FeatureSchema(features.stream().map(Feature::name).toList(), Hashing.sha256(spec.toString()),
                warmup, absent);
    }

    public int width() { return columns.size(); }

    /** Whether a column reads funding rates (the engine then refuses bars without one). */
    public boolean hasFunding() { return needs(Feature.Input.FUNDING); }

    public boolean hasCohorts() { return needs(Feature.Input.COHORTS); }

    /** Whether a column reads taker-buy volume (order-flow features). */
    public boolean hasTakerBuy() { return needs(Feature.Input.TAKER_BUY); }

    /** Whether a column reads another symbol's closes. */
    public boolean hasCross() { return needs(Feature.Input.CROSS); }

    /** The other symbols the columns read, in the order of {@link FeatureInput#crossCloses}. */
    public List<String> crossSymbols() { return FeatureContext.crossSymbols(features()); }

    private boolean needs(Feature.Input input) {
        for (String c : columns) if (FeatureCatalog.byName(c).input() == input) return true;
        return false;
    }

    /** The feature implementations, in column order. */
    public List<Feature> features() { return columns.stream().map(FeatureCatalog::byName).toList(); }
}
