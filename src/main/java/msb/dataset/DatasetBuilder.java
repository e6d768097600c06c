package msb.dataset;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import msb.core.FileSet;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.BarFile;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.FundingSeries;
import msb.data.Intervals;
import msb.data.Resampler;
import msb.features.Feature;
import msb.features.FeatureContext;
import msb.features.FeatureEngine;
import msb.features.FeatureMatrix;
import msb.features.FeatureSchema;
import msb.features.FeatureSet;

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
     * @param features         the declared feature set ({@code --features FILE}, an experiment's features)
     */
    public record Options(LabelSpec label, SplitSpec split, String sourceNameOrNull, FeatureSet features) {
        public static final Options DEFAULT = new Options(LabelSpec.DEFAULT, SplitSpec.DEFAULT, null);

        public Options {
            if (label == null) label = LabelSpec.DEFAULT;
            if (split == null) split = SplitSpec.DEFAULT;
            if (features == null) features = FeatureSet.DEFAULT;
        }

        /** The default feature set. */
        public Options(LabelSpec label, SplitSpec split, String sourceNameOrNull) {
            this(label, split, sourceNameOrNull, FeatureSet.DEFAULT);
        }

        public Options withSource(String name) { return new Options(label, split, name, features); }

        public Options withFeatures(FeatureSet set) { return new Options(label, split, sourceNameOrNull, set); }
    }

    /**
     * A dataset computed in memory, before it is written.
     *
     * @param barsBeforeInputs leading tf bars dropped because an input the feature set requires (funding) is not
     *                         known there yet; {@code tfBars} starts after them
     * @param barsAfterInputs  trailing tf bars dropped because that input ended more than a day before them
     * @param barsWithoutCross tf bars dropped because another symbol the cross-asset features read has no bar
     *                         closing at the same time
     */
    public record Computed(Dataset dataset, FeatureSchema schema, Bars tfBars, int droppedIncompleteBuckets,
                           int barsBeforeInputs, int barsAfterInputs, int barsWithoutCross) {}

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
     * Features, labels and splits of a timeframe's bars with the default feature set. Funding features are
     * included only when the funding series covers every bar; cohort features only when cohort signals exist
     * from the first bar.
     */
    public static Computed compute(Bars tfBars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull,
                                   Timeframe tf, String symbol, LabelSpec label, SplitSpec splitSpec) {
        return compute(tfBars, fundingOrNull, cohortsOrNull, tf, symbol, label, splitSpec, FeatureSet.DEFAULT);
    }

    /**
     * Features, labels and splits of a timeframe's bars with a declared feature set. Its default part follows
     * the rule above; when an explicit feature needs funding, the bars before the first funding settlement and
     * those more than a day after the last are dropped (and counted), never filled; an input the set needs and
     * the data lack entirely is an error naming the fix.
     */
    public static Computed compute(Bars tfBars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull,
                                   Timeframe tf, String symbol, LabelSpec label, SplitSpec splitSpec, FeatureSet set) {
        return compute(tfBars, fundingOrNull, cohortsOrNull, Map.of(), tf, symbol, label, splitSpec, set);
    }

    /**
     * As above, with other symbols' bars of the same timeframe for the set's cross-asset features: bars at
     * whose close one of them has no bar are dropped (and counted), never filled from an earlier bar.
     */
    public static Computed compute(Bars tfBars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull,
                                   Map<String, Bars> crossTfBars, Timeframe tf, String symbol, LabelSpec label,
                                   SplitSpec splitSpec, FeatureSet set) {
        int skipped = 0, skippedAfter = 0, withoutCross = 0;
        if (set.needs(Feature.Input.FUNDING)) {
            if (fundingOrNull == null || fundingOrNull.size() == 0) {
                throw new UserInputException("the feature set needs funding rates and none are stored for " + symbol
                        + "; import them (msb data import --funding FILE --symbol " + symbol + ") or drop the funding features");
            }
            long fundFirst = fundingOrNull.ts()[0], fundLast = fundingOrNull.ts()[fundingOrNull.size() - 1];
            skipped = firstAtOrAfter(tfBars.ts(), fundFirst);
            // bars later than a day past the last settlement would read a stale rate: dropped and counted too
            int end = firstAtOrAfter(tfBars.ts(), fundLast + INPUT_STALE_SEC + 1);
            if (end <= skipped) {
                throw new UserInputException("the stored funding rates (" + fundFirst + ".." + fundLast + " unix s) do not overlap"
                        + " the " + tf.label() + " bars (" + tfBars.firstTs() + ".." + tfBars.lastTs() + "); import funding that"
                        + " covers them or drop the funding features");
            }
            skippedAfter = tfBars.size() - end;
            if (skipped > 0 || end < tfBars.size()) tfBars = tfBars.slice(skipped, end);
        }
        if (set.needs(Feature.Input.TAKER_BUY) && !tfBars.hasTakerBuy()) {
            throw new UserInputException("the feature set has order-flow features (ofi_N) but the " + symbol + " bars carry no"
                    + " taker-buy volume; import Binance klines (they have it) or drop the ofi features");
        }
        if (set.needs(Feature.Input.COHORTS) && !covers(cohortsOrNull == null ? null : cohortsOrNull.ts(), tfBars)) {
            throw new UserInputException("the feature set has cohort features but no stored cohort signals cover the " + symbol
                    + " bars; import cohorts or drop S_top/S_bot/flow_diff");
        }
        List<String> crossSymbols = FeatureContext.crossSymbols(set.explicitFeatures());
        if (!crossSymbols.isEmpty()) {
            boolean[] keep = new boolean[tfBars.size()];
            java.util.Arrays.fill(keep, true);
            for (String other : crossSymbols) {
                Bars ob = crossTfBars.get(other);
                if (ob == null) throw new UserInputException("the feature set reads " + other + " bars and none were given; import them:"
                        + " msb data import --in FILE --symbol " + other);
                for (int i = 0; i < keep.length; i++) keep[i] &= java.util.Arrays.binarySearch(ob.ts(), tfBars.ts(i)) >= 0;
            }
            Bars kept = select(tfBars, keep);
            withoutCross = tfBars.size() - kept.size();
            if (kept.size() == 0) {
                throw new UserInputException("no " + tf.label() + " bar of " + symbol + " has a bar of " + crossSymbols + " closing at"
                        + " the same time; import bars of the other symbols that overlap");
            }
            tfBars = kept;
        }
        int n = tfBars.size();
        boolean hasFunding = n > 0 && (set.needs(Feature.Input.FUNDING)
                || covers(fundingOrNull == null ? null : fundingOrNull.ts(), tfBars));
        boolean hasCohorts = n > 0 && covers(cohortsOrNull == null ? null : cohortsOrNull.ts(), tfBars);
        FeatureSchema schema = set.schema(hasFunding, hasCohorts);
        FeatureMatrix fm = FeatureEngine.compute(tfBars, schema.hasFunding() ? fundingOrNull : null,
                schema.hasCohorts() ? cohortsOrNull : null, crossTfBars, schema);
        int h = label.horizonBars();
        int first = Math.max(schema.warmupBars(), label.kind() == LabelSpec.Kind.ADAPTIVE ? label.volWindowBars() : 0);
        int rows = Math.max(0, n - h - first);
        long[] ts = new long[rows];
        double[][] x = new double[rows][];
        int[] labels = new int[rows];
        double[] close = new double[rows], fwd = new double[rows];
        double[] c = tfBars.close();
        double[] returns = label.kind() == LabelSpec.Kind.ADAPTIVE && rows > 0 ? Labels.returns(c) : null;
        for (int r = 0; r < rows; r++) {
            int t = first + r;
            ts[r] = tfBars.ts(t);
            x[r] = fm.row(t);
            close[r] = c[t];
            fwd[r] = Labels.forwardReturn(c, t, h);
            labels[r] = Labels.label(fwd[r], Labels.threshold(label, c, returns, t));
        }
        Split[] split = splitSpec.assign(rows, h);
        Dataset ds = new Dataset(tf, symbol, schema.columns(), schema.schemaHash(), ts, x, labels, split, close, fwd, "");
        return new Computed(ds, schema, tfBars, 0, skipped, skippedAfter, withoutCross);
    }

    /** The bars whose {@code keep} flag is set, in order. */
    private static Bars select(Bars b, boolean[] keep) {
        int m = 0;
        for (boolean k : keep) if (k) m++;
        int[] idx = new int[m];
        for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) idx[j++] = i;
        long[] ts = new long[m];
        double[][] cols = new double[6][m];
        double[][] src = {b.open(), b.high(), b.low(), b.close(), b.volume(), b.takerBuyOrNull()};
        for (int j = 0; j < m; j++) {
            ts[j] = b.ts(idx[j]);
            for (int c = 0; c < 6; c++) if (src[c] != null) cols[c][j] = src[c][idx[j]];
        }
        return new Bars(b.intervalSec(), ts, cols[0], cols[1], cols[2], cols[3], cols[4], b.hasTakerBuy() ? cols[5] : null);
    }

    /** Index of the first of {@code ts} at or after {@code t} (ts.length when none). */
    private static int firstAtOrAfter(long[] ts, long t) {
        int i = java.util.Arrays.binarySearch(ts, t);
        return i >= 0 ? i : -i - 1;
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
        Map<String, Bars> cross = new TreeMap<>();
        for (Map.Entry<String, Bars> e : source.crossBars().entrySet()) {
            String whyCross = whyNot(tf, e.getKey() + " bars", e.getValue().intervalSec());
            if (whyCross != null) throw new UserInputException("cannot build the " + tf.label() + " dataset: " + whyCross);
            cross.put(e.getKey(), Resampler.resample(e.getValue(), tf.seconds()).bars());
        }
        Computed c = compute(rs.bars(), source.fundingOrNull(), source.cohortsOrNull(), cross, tf, symbol, options.label(),
                options.split(), options.features());
        return new Computed(c.dataset(), c.schema(), c.tfBars(), rs.droppedIncomplete(), c.barsBeforeInputs(), c.barsAfterInputs(),
                c.barsWithoutCross());
    }

    /** Builds one timeframe from the workspace's stored bars (or the embedded default data) and writes it. */
    public static Result build(Workspace ws, String symbol, Timeframe tf, Options options, PrintStream err) {
        SourceData source = RawSources.resolve(ws, symbol, options.sourceNameOrNull(),
                FeatureContext.crossSymbols(options.features().explicitFeatures()), tf, err);
        return write(ws, symbol, tf, source, options, err);
    }

    /** Computes one timeframe from the workspace's stored bars in memory, writing nothing. */
    public static Computed computeFromWorkspace(Workspace ws, String symbol, Timeframe tf, Options options, PrintStream err) {
        return compute(RawSources.resolve(ws, symbol, options.sourceNameOrNull(),
                FeatureContext.crossSymbols(options.features().explicitFeatures()), tf, err), tf, symbol, options);
    }

    /** The workspace's stored bars (or the embedded default data) resampled to {@code tf}: what its datasets are built from. */
    public static Bars storedTfBars(Workspace ws, String symbol, Timeframe tf, PrintStream err) {
        SourceData source = RawSources.resolve(ws, symbol, null, err);
        String why = whyNot(tf, source.name(), source.bars().intervalSec());
        if (why != null) throw new UserInputException("cannot build the " + tf.label() + " dataset: " + why);
        return Resampler.resample(source.bars(), tf.seconds()).bars();
    }

    /**
     * A dataset of {@code tfBars} (bars of {@code tf}, chosen by the caller: run-live's retrain passes the bars up
     * to the current one) with the workspace's stored funding, cohort and other symbols' series, in memory.
     */
    public static Computed computeOn(Workspace ws, String symbol, Timeframe tf, Bars tfBars, Options options, PrintStream err) {
        SourceData stored = RawSources.resolve(ws, symbol, options.sourceNameOrNull(),
                FeatureContext.crossSymbols(options.features().explicitFeatures()), tf, err);
        return compute(new SourceData(stored.name(), tfBars, stored.fundingOrNull(), stored.cohortsOrNull(), stored.files(),
                stored.crossBars()), tf, symbol, options);
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
            built = msb.core.Parallel.all(tasks);
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
        FundingSeries f = source.fundingOrNull();
        if (f != null && f.size() > 0 && !c.schema().hasFunding()) noteUncovered("funding", f.ts(), c.tfBars(), tf, err);
        CohortSignals co = source.cohortsOrNull();
        if (co != null && co.size() > 0 && !c.schema().hasCohorts()) noteUncovered("cohorts", co.ts(), c.tfBars(), tf, err);
        // rows, bars and the manifest that records their hashes are replaced as one unit (FileSet);
        // both data files are hashed as they are written, side by side (their fsyncs overlap)
        FileSet set = new FileSet(dir);
        String[] dataSha = new String[1];
        String[] barsSha = new String[1];
        set.stageAll(List.of(DatasetFile.NAME, BARS_FILE), List.of(
                p -> dataSha[0] = DatasetFile.write(p, d.ts(), d.x(), d.label(), d.split(), d.close(), d.fwdReturn(),
                        c.schema().width()),
                p -> barsSha[0] = BarFile.write(p, c.tfBars())));
        Map<String, String> files = new TreeMap<>();
        files.put(DatasetFile.NAME, dataSha[0]);
        files.put(BARS_FILE, barsSha[0]);
        DatasetManifest m = manifest(c, source, options, files);
        set.stage(MANIFEST_FILE, p -> Json.write(p, m));
        set.commit();
        err.println("msb: built " + symbol + " " + tf.label() + ": " + m.rows() + " rows, " + c.schema().width()
                + " features" + (m.absentInputs().isEmpty() ? "" : " (absent inputs: " + String.join(", ", m.absentInputs()) + ")")
                + ", " + c.droppedIncompleteBuckets() + " incomplete buckets dropped, "
                + (c.barsBeforeInputs() + c.barsAfterInputs() > 0 ? c.barsBeforeInputs() + " bars before and " + c.barsAfterInputs()
                        + " after funding coverage dropped, " : "")
                + (c.barsWithoutCross() > 0 ? c.barsWithoutCross() + " bars without a bar of " + c.schema().crossSymbols() + " dropped, " : "")
                + m.gaps().count() + " gaps -> " + dir);
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
                Math.min(n, options.label().horizonBars()), files, c.barsBeforeInputs(), c.barsAfterInputs(), c.barsWithoutCross());
    }
}
