package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import msb.core.Timeframe;
import msb.features.TrainDistribution;
import msb.signal.SignalSpec;
import msb.signal.Verdict;

/**
 * {@code manifest.json} of a training run: what was fitted on what, with which settings and versions, how
 * it scored on validation, which gates it passed, and the sha256 of every other file of the run directory.
 * {@code contentSha256} covers the rest of the manifest, so an edited manifest is refused on load.
 *
 * @param fitted  false when a gate refused the run before fitting (no model files then)
 * @param signal  what the decision logic acts on: centred (s_model minus the frozen reference drift) or raw;
 *                null in manifests written before verdict format 2 (read as raw)
 * @param trainLabelPrior class frequencies {down, neutral, up} of the TRAIN labels (what lift and no_oos_skill
 *                compare against)
 * @param splits  per split name (train, val, test, purged, embargo): rows and bar-close range, so that callers
 *                can tell fitted/validated bars from out-of-sample ones
 * @param pool    the member symbols of a pooled run (their datasets, splits and VAL verdicts); null (absent from
 *                the JSON) for a one-symbol run, whose {@code symbol} is its only symbol
 * @param trainDistribution each feature's TRAIN distribution (quantile bins) that the live runner measures drift
 *                against; null in manifests of format 2 (drift monitoring is then off)
 */
public record ArtifactManifest(int formatVersion, String runId, String createdAt, String tf, String symbol,
                               String model, boolean fitted, boolean promoted, Map<String, Verdict> gates,
                               int trainRows, int valRows, List<String> columns, String schemaHash,
                               String datasetSha256, SplitRange datasetRange, Map<String, SplitRange> splits,
                               JsonNode label, String dataSource, int historyRows, long seed, Map<String, Long> seeds,
                               Hyperparameters hyperparameters, String imbalance, String calibrationMethod,
                               ArtifactMetrics metrics, SignalSpec signal, double[] trainLabelPrior,
                               Map<String, Double> bmaWeights, TrainDistribution trainDistribution,
                               Map<String, String> versions, Map<String, Long> timingsMs, Map<String, String> files,
                               @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                               List<PoolMember> pool,
                               String contentSha256) {
    /** 3 added {@code train_distribution}. */
    public static final int FORMAT_VERSION = 3;
    /** Format 2 manifests still load: everything but the training distribution is the same. */
    public static final int OLDEST_READABLE_FORMAT_VERSION = 2;
    public static final String FILE = "manifest.json";

    public ArtifactManifest {
        if (tf == null || symbol == null || model == null) throw new IllegalArgumentException("manifest needs tf, symbol and model");
        gates = gates == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gates));
        columns = columns == null ? List.of() : List.copyOf(columns);
        files = files == null ? Map.of() : Map.copyOf(files);
        pool = pool == null ? null : List.copyOf(pool);
    }

    /** The symbols this model applies to: the pool's members, or its one symbol. */
    public List<String> symbols() { return pool == null ? List.of(symbol) : pool.stream().map(PoolMember::symbol).toList(); }

    /** The pool member of {@code sym}, if this is a pooled run holding it. */
    public java.util.Optional<PoolMember> member(String sym) {
        return pool == null ? java.util.Optional.empty() : pool.stream().filter(p -> p.symbol().equals(sym)).findFirst();
    }

    /** The signal spec the decision logic uses with this artifact (raw for manifests that predate it). */
    public SignalSpec signalSpec() { return signal == null ? SignalSpec.RAW : signal; }

    public Timeframe timeframe() { return Timeframe.parse(tf); }

    public ModelKind modelKind() { return ModelKind.parse(model); }

    /** Names of the verdicts that did not pass, in {@link msb.signal.Verdicts#ORDER}. */
    public List<String> failedGates() {
        List<String> out = new ArrayList<>();
        gates.forEach((k, v) -> { if (!v.passed()) out.add(k); });
        out.sort(msb.signal.Verdicts.byOrder());
        return out;
    }

    /**
     * The gates that keep this model from trading {@code sym}: the failed pooled gates, then, for a pool member,
     * its own failed VAL verdicts named {@code SYM:verdict} (a pooled model never shown to work on a symbol must
     * not trade it); a one-symbol artifact's {@link #failedGates()}.
     */
    public List<String> failedGatesFor(String sym) {
        List<String> out = failedGates();
        var own = member(sym).map(PoolMember::valVerdicts).orElse(null);
        if (own == null) return out;
        List<String> mine = new ArrayList<>();
        own.forEach((k, v) -> { if (!v.passed()) mine.add(k); });
        mine.sort(msb.signal.Verdicts.byOrder());
        out.addAll(mine.stream().map(k -> sym + ":" + k).toList());
        return out;
    }

    /** True when this model may trade {@code sym}: promoted, and (a pool member) its own VAL verdicts pass. */
    public boolean promotedFor(String sym) { return promoted && failedGatesFor(sym).isEmpty(); }

    /** The verdict behind a name of {@link #failedGatesFor}: a pooled gate, or {@code SYM:verdict} of a pool member. */
    public Verdict gate(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) return gates.get(name);
        PoolMember p = member(name.substring(0, colon)).orElseThrow(() -> new IllegalArgumentException("no pool member in " + name));
        return p.valVerdicts().get(name.substring(colon + 1));
    }

    /** Each of {@link #failedGatesFor}{@code (sym)} with its figures ({@code name: detail}). */
    public List<String> failedGateDetailsFor(String sym) {
        return failedGatesFor(sym).stream().map(g -> g + ": " + gate(g).detail()).toList();
    }

    /** The verdicts in {@link msb.signal.Verdicts#ORDER}. */
    public List<Verdict> verdictsInOrder() {
        return gates.entrySet().stream().sorted(Map.Entry.comparingByKey(msb.signal.Verdicts.byOrder())).map(Map.Entry::getValue).toList();
    }

    /**
     * Which part of the dataset a bar closing at {@code ts} fell in: "train", "val", "test",
     * "purged_or_embargo" (the gaps between them; their ranges interleave, so they are not told apart), or
     * "out_of_sample" (outside the dataset's range).
     */
    public String splitOf(long ts) {
        for (String s : List.of("train", "val", "test")) {
            SplitRange r = splits.get(s);
            if (r != null && r.contains(ts)) return s;
        }
        if (datasetRange != null && datasetRange.contains(ts)) return "purged_or_embargo";
        return "out_of_sample";
    }

    /**
     * True when the bar lies in the part of the data this model was fitted or calibrated on: from the
     * first TRAIN bar through the last VAL bar (the purged and embargo rows between them included).
     */
    public boolean seenInFitting(long ts) {
        return SplitRange.seenInFitting(splits, ts);
    }

    ArtifactManifest withContentSha256(String sha) {
        return new ArtifactManifest(formatVersion, runId, createdAt, tf, symbol, model, fitted, promoted, gates,
                trainRows, valRows, columns, schemaHash, datasetSha256, datasetRange, splits, label, dataSource,
                historyRows, seed, seeds, hyperparameters, imbalance, calibrationMethod, metrics, signal, trainLabelPrior, bmaWeights,
                trainDistribution, versions, timingsMs, files, pool, sha);
    }
}
