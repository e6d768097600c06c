package msb.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.BarFile;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.FundingSeries;
import msb.data.Resampler;
import msb.features.FeatureEngine;
import msb.features.FeatureMatrix;
import msb.features.FeatureSchema;

/**
 * Builds per-timeframe datasets (SPEC sections 2-4): resample the source's finest bars to the timeframe
 * (incomplete buckets dropped and counted), compute the feature rows, cut labels, assign purged and
 * embargoed chronological splits, and write {@code dataset.bin}, {@code bars.bin} and {@code manifest.json}
 * under {@code Workspace.datasetDir}. Same input, same bytes.
 */
public final class DatasetBuilder {
    public static final String BARS_FILE = "bars.bin";
    public static final String MANIFEST_FILE = "manifest.json";
    private static final int GAPS_LISTED = 20;
    private static final long INPUT_STALE_SEC = 86_400;

    private DatasetBuilder() {}

    /**
     * Build settings.
     *
     * @param sourceNameOrNull the stored source to build from ({@code --source}); null = the finest one
     */
    public record Options(LabelSpec label, SplitSpec split, String sourceNameOrNull) {
        public static final Options DEFAULT = new Options(LabelSpec.DEFAULT, SplitSpec.DEFAULT, null);

        public Options {
            if (label == null) label = LabelSpec.DEFAULT;
            if (split == null) split = SplitSpec.DEFAULT;
        }

        public Options withSource(String name) { return new Options(label, split, name); }
    }

    /** A dataset computed in memory, before it is written. */
    public record Computed(Dataset dataset, FeatureSchema schema, Bars tfBars, int droppedIncompleteBuckets) {}

    /** A dataset written to {@code dir}. */
    public record Result(Timeframe tf, Path dir, DatasetManifest manifest) {}

    /** What {@code --tf all} did: the datasets built and, per skipped timeframe, why. */
    public record AllResult(List<Result> built, Map<Timeframe, String> skipped) {}

    /** Why the timeframe cannot be built from bars of {@code sourceIntervalSec}, or null if it can. */
    public static String whyNot(Timeframe tf, String sourceName, long sourceIntervalSec) {
        if (tf.seconds() < sourceIntervalSec) {
            return tf.label() + " is finer than the stored bars (source " + sourceName + " has "
                    + Intervals.label(sourceIntervalSec) + " bars); import " + tf.label() + " or finer bars";
        }
        if (tf.seconds() % sourceIntervalSec != 0) {
            return tf.label() + " is not a whole multiple of the stored " + Intervals.label(sourceIntervalSec)
                    + " bars (source " + sourceName + "); import bars whose interval divides " + tf.label();
        }
        return null;
    }

    /**
     * Features, labels and splits of a timeframe's bars. Funding features are included only when the
     * funding series covers every bar; cohort features only when cohort signals exist from the first bar.
     */
    public static Computed compute(Bars tfBars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull,
                                   Timeframe tf, String symbol, LabelSpec label, SplitSpec splitSpec) {
        int n = tfBars.size();
        boolean hasFunding = n > 0 && covers(fundingOrNull == null ? null : fundingOrNull.ts(), tfBars);
        boolean hasCohorts = n > 0 && covers(cohortsOrNull == null ? null : cohortsOrNull.ts(), tfBars);
        FeatureSchema schema = FeatureSchema.of(hasFunding, hasCohorts);
        FeatureMatrix fm = FeatureEngine.compute(tfBars, hasFunding ? fundingOrNull : null,
                hasCohorts ? cohortsOrNull : null, schema);
        int h = label.horizonBars();
        int first = Math.max(schema.warmupBars(), label.kind() == LabelSpec.Kind.ADAPTIVE ? label.volWindowBars() : 0);
        int rows = Math.max(0, n - h - first);
        long[] ts = new long[rows];
        double[][] x = new double[rows][];
        int[] labels = new int[rows];
        double[] close = new double[rows], fwd = new double[rows];
        double[] c = tfBars.close();
        for (int r = 0; r < rows; r++) {
            int t = first + r;
            ts[r] = tfBars.ts(t);
            x[r] = fm.row(t);
            close[r] = c[t];
            fwd[r] = Labels.forwardReturn(c, t, h);
            labels[r] = Labels.label(fwd[r], Labels.threshold(label, c, t));
        }
        Split[] split = splitSpec.assign(rows, h);
        Dataset ds = new Dataset(tf, symbol, schema.columns(), schema.schemaHash(), ts, x, labels, split, close, fwd, "");
        return new Computed(ds, schema, tfBars, 0);
    }

    /**
     * An optional input is used only if it is known at the first bar and not stale by more than a day at
     * the last one (funding settles every 1 to 8 hours); otherwise its features are absent.
     */
    static boolean covers(long[] inputTs, Bars bars) {
        return inputTs != null && inputTs.length > 0 && inputTs[0] <= bars.firstTs()
                && inputTs[inputTs.length - 1] >= bars.lastTs() - INPUT_STALE_SEC;
    }

    /** Resamples the source to {@code tf} and builds the dataset in memory. */
    public static Computed compute(SourceData source, Timeframe tf, String symbol, Options options) {
        String why = whyNot(tf, source.name(), source.bars().intervalSec());
        if (why != null) throw new UserInputException("cannot build the " + tf.label() + " dataset: " + why);
        Resampler.Result rs = Resampler.resample(source.bars(), tf.seconds());
        Computed c = compute(rs.bars(), source.fundingOrNull(), source.cohortsOrNull(), tf, symbol, options.label(),
                options.split());
        return new Computed(c.dataset(), c.schema(), c.tfBars(), rs.droppedIncomplete());
    }

    /** Builds one timeframe from the workspace's stored bars (or the embedded default data) and writes it. */
    public static Result build(Workspace ws, String symbol, Timeframe tf, Options options, PrintStream err) {
        SourceData source = RawSources.resolve(ws, symbol, options.sourceNameOrNull(), err);
        return write(ws, symbol, tf, source, options, err);
    }

    /** Computes one timeframe from the workspace's stored bars in memory, writing nothing. */
    public static Computed computeFromWorkspace(Workspace ws, String symbol, Timeframe tf, Options options, PrintStream err) {
        return compute(RawSources.resolve(ws, symbol, options.sourceNameOrNull(), err), tf, symbol, options);
    }

    /** Builds every timeframe the stored data allows; lists the others with the reason. */
    public static AllResult buildAll(Workspace ws, String symbol, Options options, PrintStream err) {
        SourceData source = RawSources.resolve(ws, symbol, options.sourceNameOrNull(), err);
        List<Timeframe> todo = new ArrayList<>();
        Map<Timeframe, String> skipped = new LinkedHashMap<>();
        for (Timeframe tf : Timeframe.values()) {
            String why = whyNot(tf, source.name(), source.bars().intervalSec());
            if (why != null) skipped.put(tf, why);
            else todo.add(tf);
        }
        // timeframes are independent: built on parallel threads, reported in timeframe order
        List<java.util.function.Supplier<Result>> tasks = new ArrayList<>();
        List<java.io.ByteArrayOutputStream> notes = new ArrayList<>();
        for (Timeframe tf : todo) {
            java.io.ByteArrayOutputStream note = new java.io.ByteArrayOutputStream();
            notes.add(note);
            tasks.add(() -> write(ws, symbol, tf, source, options, new PrintStream(note, true, java.nio.charset.StandardCharsets.UTF_8)));
        }
        List<Result> built;
        try {
            built = Parallel.all(tasks);
        } finally {
            for (java.io.ByteArrayOutputStream note : notes) err.print(note.toString(java.nio.charset.StandardCharsets.UTF_8));
            err.flush();
        }
        return new AllResult(built, skipped);
    }

    /**
     * The stored dataset of a timeframe; when none exists, or it was built by another feature definition,
     * builds it first (saying so on stderr).
     */
    public static Dataset loadOrBuild(Workspace ws, String symbol, Timeframe tf, Options options, PrintStream err) {
        if (DatasetStore.exists(ws, symbol, tf)) {
            if (DatasetStore.isCurrent(ws, symbol, tf)) return DatasetStore.load(ws, symbol, tf);
            err.println("msb: the " + tf.label() + " dataset of " + symbol + " was built by another feature definition;"
                    + " rebuilding it");
        } else {
            err.println("msb: no " + tf.label() + " dataset for " + symbol + " yet; building it");
        }
        build(ws, symbol, tf, options, err);
        return DatasetStore.load(ws, symbol, tf);
    }

    static Result write(Workspace ws, String symbol, Timeframe tf, SourceData source, Options options, PrintStream err) {
        Computed c = compute(source, tf, symbol, options);
        Dataset d = c.dataset();
        Path dir = ws.datasetDir(symbol, tf);
        // the manifest goes last: until it is there again, a half-replaced directory reads as "no dataset"
        try {
            Files.deleteIfExists(dir.resolve(MANIFEST_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not replace " + dir.resolve(MANIFEST_FILE) + ": " + e.getMessage(), e);
        }
        FundingSeries f = source.fundingOrNull();
        if (f != null && f.size() > 0 && !c.schema().hasFunding()) noteUncovered("funding", f.ts(), c.tfBars(), tf, err);
        CohortSignals co = source.cohortsOrNull();
        if (co != null && co.size() > 0 && !c.schema().hasCohorts()) noteUncovered("cohorts", co.ts(), c.tfBars(), tf, err);
        String dataSha = DatasetFile.write(dir.resolve(DatasetFile.NAME), d.ts(), d.x(), d.label(), d.split(), d.close(),
                d.fwdReturn(), c.schema().width());
        String barsSha = BarFile.write(dir.resolve(BARS_FILE), c.tfBars());
        Map<String, String> files = new TreeMap<>();
        files.put(DatasetFile.NAME, dataSha);
        files.put(BARS_FILE, barsSha);
        DatasetManifest m = manifest(c, source, options, files);
        Json.write(dir.resolve(MANIFEST_FILE), m);
        err.println("msb: built " + symbol + " " + tf.label() + ": " + m.rows() + " rows, " + c.schema().width()
                + " features" + (m.absentInputs().isEmpty() ? "" : " (absent inputs: " + String.join(", ", m.absentInputs()) + ")")
                + ", " + c.droppedIncompleteBuckets() + " incomplete buckets dropped, " + m.gaps().count() + " gaps -> " + dir);
        return new Result(tf, dir, m);
    }

    private static void noteUncovered(String input, long[] ts, Bars bars, Timeframe tf, PrintStream err) {
        if (bars.size() == 0) return;
        err.println("msb: stored " + input + " data covers " + ts[0] + ".." + ts[ts.length - 1] + " (unix s), not the "
                + tf.label() + " bars' " + bars.firstTs() + ".." + bars.lastTs() + "; " + input
                + " features left out (absent_inputs: " + input + ")");
    }

    static DatasetManifest manifest(Computed c, SourceData source, Options options, Map<String, String> files) {
        Dataset d = c.dataset();
        Bars bars = c.tfBars();
        Map<String, DatasetManifest.SplitRange> splits = new TreeMap<>();
        Map<String, DatasetManifest.ClassShares> shares = new TreeMap<>();
        for (Split s : Split.values()) {
            int[] idx = d.rowsOf(s);
            splits.put(s.label(), new DatasetManifest.SplitRange(idx.length, idx.length == 0 ? 0 : d.ts()[idx[0]],
                    idx.length == 0 ? 0 : d.ts()[idx[idx.length - 1]]));
            if (s == Split.TRAIN || s == Split.VAL || s == Split.TEST) {
                int down = 0, neutral = 0, up = 0;
                for (int i : idx) {
                    switch (d.label()[i]) {
                        case Labels.DOWN -> down++;
                        case Labels.UP -> up++;
                        default -> neutral++;
                    }
                }
                double n = Math.max(1, idx.length);
                shares.put(s.label(), new DatasetManifest.ClassShares(idx.length, down / n, neutral / n, up / n));
            }
        }
        List<Bars.Gap> gaps = bars.gaps();
        long missing = 0, largest = 0;
        for (Bars.Gap g : gaps) {
            missing += g.missingBars();
            largest = Math.max(largest, g.missingBars());
        }
        List<DatasetManifest.Gap> listed = gaps.stream().limit(GAPS_LISTED)
                .map(g -> new DatasetManifest.Gap(g.afterTs(), g.beforeTs(), g.missingBars())).toList();
        int n = bars.size();
        int rows = d.rows();
        return new DatasetManifest(DatasetManifest.FORMAT_VERSION, d.tf().label(), d.symbol(), rows, d.columns(),
                d.schemaHash(), c.schema().warmupBars(), c.schema().absentInputs(), options.label(),
                options.label().describe(), options.split(), splits, shares,
                new DatasetManifest.Source(source.name(), source.bars().intervalSec(), new TreeMap<>(source.files())),
                new DatasetManifest.BarsInfo(n, bars.intervalSec(), n == 0 ? 0 : bars.firstTs(), n == 0 ? 0 : bars.lastTs()),
                new DatasetManifest.Range(rows == 0 ? 0 : d.ts()[0], rows == 0 ? 0 : d.ts()[rows - 1]),
                new DatasetManifest.GapsInfo(gaps.size(), missing, largest, listed), c.droppedIncompleteBuckets(),
                Math.min(n, options.label().horizonBars()), files);
    }
}
