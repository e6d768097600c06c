package msb.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import java.util.Map;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.EmbeddedData;
import msb.data.FundingSeries;
import msb.data.RawStore;
import msb.data.SourceInfo;
import msb.dataset.Dataset;
import msb.dataset.SourceData;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import msb.features.Feature;
import msb.features.FeatureCatalog;
import msb.features.FeatureSchema;
import msb.features.FeatureSet;
import msb.model.ArtifactManifest;
import msb.model.SplitRange;

/**
 * The rows of {@code evaluate --from/--to}: the stored bars of the artifact's timeframe and source closing in
 * the range, with features and labels recomputed in memory by the dataset builder (the same
 * {@code FeatureEngine} path as training and live) and the artifact's own label definition.
 *
 * <p>Order of checks: the artifact's feature schema must be one this msb computes (before any data is read);
 * then the recomputed schema must equal the artifact's; then no row may lie where the artifact was fitted or
 * validated. That last rule refuses (exit 2), naming the overlap and the allowed range, rather than scoring
 * those rows apart: a metric over fitted rows is not an evaluation, and a report that mixes or sits next to
 * one invites reading it as one. The fitted span is the manifest's first TRAIN bar through its last VAL bar
 * ({@link ArtifactManifest#seenInFitting}), widened by the label horizon minus one bar on both sides, since a
 * row's label reads the next h bars and must not overlap the labels the model was fitted or calibrated on.
 *
 * @param computed the in-memory dataset over every stored bar of the timeframe (rows outside the range unused)
 * @param rows     the dataset rows in the range, chronological
 */
public record RangeRows(DatasetBuilder.Computed computed, int[] rows) {

    public String describe() {
        long[] ts = computed.dataset().ts();
        return Instant.ofEpochSecond(ts[rows[0]]) + " .. " + Instant.ofEpochSecond(ts[rows[rows.length - 1]]);
    }

    public static RangeRows select(Workspace ws, String symbol, Path runDir, ArtifactManifest m, EvalRange range,
                                   PrintWriter log) {
        Timeframe tf = m.timeframe();
        checkSchemaKnown(runDir, m);
        LabelSpec label = labelOf(runDir, m);
        String source = sourceOf(ws, symbol, tf, m);
        DatasetBuilder.Computed c = DatasetBuilder.compute(sourceData(ws, symbol, source, m, log), tf, symbol,
                new DatasetBuilder.Options(label, SplitSpec.DEFAULT, source, FeatureSet.ofColumns(m.columns())));
        Dataset ds = c.dataset();
        if (!ds.schemaHash().equals(m.schemaHash()) || !ds.columns().equals(m.columns())) {
            throw new UserInputException("artifact " + runDir + " has schema " + m.schemaHash() + " " + m.columns()
                    + ", the stored " + tf.label() + " bars" + (source == null ? "" : " of source " + source) + " give schema "
                    + ds.schemaHash() + " " + ds.columns() + " (absent inputs " + c.schema().absentInputs()
                    + "); import the funding/cohort data the artifact was trained with, or retrain on the stored data");
        }
        if (ds.rows() == 0) throw new UserInputException("the stored " + tf.label() + " bars give no labelled rows; import more bars");
        List<Integer> in = new ArrayList<>();
        for (int r = 0; r < ds.rows(); r++) if (range.contains(ds.ts()[r])) in.add(r);
        long firstTs = ds.ts()[0], lastTs = ds.ts()[ds.rows() - 1];
        if (in.isEmpty()) {
            throw new UserInputException("--from/--to " + range.describe() + ": no labelled stored " + tf.label() + " bar closes in it;"
                    + " labelled bars span " + Instant.ofEpochSecond(firstTs) + " .. " + Instant.ofEpochSecond(lastTs)
                    + " (the last " + label.horizonBars() + " bar(s) have no label yet)");
        }
        int[] rows = in.stream().mapToInt(Integer::intValue).toArray();
        int history = Math.max(1, m.historyRows());
        if (rows[0] < history - 1) {
            throw new UserInputException("--from " + range.describe() + ": the model reads the last " + history
                    + " feature rows and the first row in the range has only " + (rows[0] + 1) + "; use --from "
                    + ds.ts()[history - 1] + " (" + Instant.ofEpochSecond(ds.ts()[history - 1]) + ") or later");
        }
        checkOutOfSample(runDir, m, ds, rows, label.horizonBars() * tf.seconds());
        if (range.toTs() > lastTs && range.toTs() != Long.MAX_VALUE) {
            log.println("note: the range ends after the last labelled " + tf.label() + " bar " + Instant.ofEpochSecond(lastTs)
                    + " (later bars have no label yet)");
        }
        return new RangeRows(c, rows);
    }

    /**
     * The stored bars of {@code source} (null: the finest stored series, or the embedded default data when nothing is
     * stored), with the funding and cohort series only when the artifact's features read them: importing cohort
     * data after training must not change the features of an artifact trained without it.
     */
    private static SourceData sourceData(Workspace ws, String symbol, String source, ArtifactManifest m, PrintWriter log) {
        String name = source;
        if (name == null) name = RawStore.finest(ws, symbol).map(SourceInfo::source).orElse(EmbeddedData.SOURCE_NAME);
        if (name.equals(EmbeddedData.SOURCE_NAME) && RawStore.source(ws, symbol, name).isEmpty()) {
            log.println("note: nothing imported for " + symbol + "; using the embedded default data (" + EmbeddedData.description() + ")");
            return new SourceData(name, EmbeddedData.bitstamp5m(), null, null, Map.of());
        }
        Bars bars = RawStore.load(ws, symbol, name);
        List<Feature.Input> inputs = m.columns().stream().map(col -> FeatureCatalog.byName(col).input()).toList();
        FundingSeries funding = inputs.contains(Feature.Input.FUNDING) ? RawStore.funding(ws, symbol).orElse(null) : null;
        CohortSignals cohorts = inputs.contains(Feature.Input.COHORTS) ? RawStore.cohorts(ws, symbol).orElse(null) : null;
        Map<String, Bars> cross = new java.util.TreeMap<>();
        for (String other : FeatureSet.ofColumns(m.columns()).schema(true, true).crossSymbols()) {
            String src = RawStore.forCross(ws, other, m.timeframe().seconds(), bars.firstTs(), bars.lastTs()).map(SourceInfo::source)
                    .orElseThrow(() -> new UserInputException("the artifact's"
                    + " features read " + other + " bars and none are stored; import them: msb data import --in FILE --symbol " + other));
            cross.put(other, RawStore.load(ws, other, src));
        }
        return new SourceData(name, bars, funding, cohorts, Map.of(), cross);
    }

    /** The artifact's columns must give its schema hash with this msb's feature definitions (nothing read yet). */
    private static void checkSchemaKnown(Path runDir, ArtifactManifest m) {
        List<String> absent = new ArrayList<>();
        List<Feature.Input> inputs;
        try {
            inputs = m.columns().stream().map(col -> FeatureCatalog.byName(col).input()).toList();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("artifact " + runDir + ": " + e.getMessage() + "; retrain it with this msb");
        }
        if (!inputs.contains(Feature.Input.FUNDING)) absent.add(FeatureSchema.FUNDING);
        if (!inputs.contains(Feature.Input.COHORTS)) absent.add(FeatureSchema.COHORTS);
        String hash = FeatureSchema.ofColumns(m.columns(), absent).schemaHash();
        if (!hash.equals(m.schemaHash())) {
            throw new UserInputException("artifact " + runDir + " has feature schema " + m.schemaHash() + ", this msb computes "
                    + hash + " for the same columns (a feature definition changed); retrain: msb train --tf " + m.tf());
        }
    }

    /** The label definition recorded in the artifact's manifest ({@code label.spec}). */
    static LabelSpec labelOf(Path runDir, ArtifactManifest m) {
        JsonNode spec = m.label() == null ? null : m.label().get("spec");
        if (spec == null || spec.isNull()) {
            throw new UserInputException("artifact " + runDir + " records no label definition (manifest label.spec); retrain it"
                    + " with this msb to evaluate it on a range");
        }
        try {
            return Json.mapper().treeToValue(spec, LabelSpec.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UserInputException("artifact " + runDir + ": manifest label.spec is unreadable (" + e.getMessage()
                    + "); retrain it with this msb");
        }
    }

    /**
     * The stored source the artifact was trained from: named in its manifest's data_source ("... from source NAME"),
     * else the one the stored dataset of the timeframe was built from, else null (the finest stored series).
     */
    static String sourceOf(Workspace ws, String symbol, Timeframe tf, ArtifactManifest m) {
        String marker = " from source ";
        String ds = m.dataSource();
        // source names have no spaces: an experiment run appends " (experiment NAME)" after the name
        if (ds != null && ds.contains(marker)) return ds.substring(ds.lastIndexOf(marker) + marker.length()).trim().split(" ", 2)[0];
        if (DatasetStore.exists(ws, symbol, tf)) {
            var dm = DatasetStore.manifest(ws, symbol, tf);
            if (dm.source() != null) return dm.source().name();
        }
        return null;
    }

    private static void checkOutOfSample(Path runDir, ArtifactManifest m, Dataset ds, int[] rows, long horizonSec) {
        SplitRange train = m.splits().get("train"), val = m.splits().get("val");
        if (train == null || train.rows() == 0) return;
        long fitFirst = train.firstTs();
        long fitLast = val != null && val.rows() > 0 ? val.lastTs() : train.lastTs();
        // a row at t labels the move over (t, t + h]; it overlaps the fitted labels when t is within h of the span
        long lo = fitFirst - horizonSec, hi = fitLast + horizonSec;
        int overlap = 0, first = -1, last = -1;
        for (int r : rows) {
            long t = ds.ts()[r];
            if (t > lo && t < hi) {
                overlap++;
                if (first < 0) first = r;
                last = r;
            }
        }
        if (overlap == 0) return;
        throw new UserInputException(overlap + " of " + rows.length + " bars in the range (" + Instant.ofEpochSecond(ds.ts()[first])
                + " .. " + Instant.ofEpochSecond(ds.ts()[last]) + ") lie where artifact " + runDir
                + " was fitted or validated (train+val " + Instant.ofEpochSecond(fitFirst) + " .. " + Instant.ofEpochSecond(fitLast)
                + ", plus the label horizon); they are not out-of-sample. Evaluate bars with --from " + hi
                + " (" + Instant.ofEpochSecond(hi) + ") or later" + (lo > ds.ts()[0] ? ", or --to " + lo + " ("
                + Instant.ofEpochSecond(lo) + ") or earlier" : "") + "; without --from/--to, evaluate uses the test split");
    }
}
