package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.bench.SyntheticBars;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CliRun;
import msb.data.FundingSeries;
import msb.data.Resampler;
import msb.features.FeatureSchema;
import msb.features.FeatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets of a declared feature set: funding from where it is known, inputs refused when missing, CLI --features. */
class FeatureSetDatasetTest {
    private static final FeatureSet FUNDING_SET = FeatureSet.ofColumns(List.of("mom_1", "funding_z_24", "ret_48"));

    private static Bars hours(int n) {
        return Resampler.resample(SyntheticBars.minutes(n * 60, 7), 3600).bars();
    }

    @Test
    void fundingFeaturesStartWhereFundingIsKnownAndTheRestIsCounted() {
        Bars h = hours(400);
        // hourly settlements from bar 100's close to bar 299's close: bars 0..99 before, 300+24.. after a day of staleness
        FundingSeries f = FundingAndEmbeddedTest.hourlyFunding(h.ts(100), 200);
        DatasetBuilder.Computed c = DatasetBuilder.compute(h, f, null, Timeframe.H1, "BTC", LabelSpec.DEFAULT, SplitSpec.DEFAULT,
                FUNDING_SET);
        assertEquals(100, c.barsBeforeInputs());
        int keptUntil = 299 + 24; // a rate stays usable for a day after its settlement
        assertEquals(h.size() - keptUntil - 1, c.barsAfterInputs());
        assertEquals(h.ts(100), c.tfBars().firstTs(), "no row before funding is known, none zero-filled");
        Dataset d = c.dataset();
        assertEquals(List.of("mom_1", "funding_z_24", "ret_48"), d.columns());
        // the warm-up counts from the first kept bar: 50 (adaptive label window) > 48
        assertEquals(h.ts(100 + 50), d.ts()[0]);
        for (double[] row : d.x()) for (double v : row) assertTrue(Double.isFinite(v));
    }

    @Test
    void barsWithoutTheOtherSymbolsBarAreDroppedAndCounted() {
        Bars h = hours(300);
        Bars e = Resampler.resample(SyntheticBars.minutes(300 * 60, 99), 3600).bars();
        // ETH lacks bars 120..129: those BTC bars are dropped, never filled from ETH's bar 119
        Bars eth = new Bars(3600, concat(e.ts(), 0, 120, 130), concat(e.open(), 0, 120, 130), concat(e.high(), 0, 120, 130),
                concat(e.low(), 0, 120, 130), concat(e.close(), 0, 120, 130), concat(e.volume(), 0, 120, 130));
        assertEquals(h.ts(130), eth.ts(120), "both series close at the same times");
        DatasetBuilder.Computed c = DatasetBuilder.compute(h, null, null, java.util.Map.of("ETH", eth), Timeframe.H1, "BTC",
                LabelSpec.DEFAULT, SplitSpec.DEFAULT, FeatureSet.ofColumns(List.of("mom_1", "xret_ETH_1")));
        assertEquals(10, c.barsWithoutCross());
        assertEquals(h.size() - 10, c.tfBars().size());
        for (long t : c.tfBars().ts()) assertTrue(java.util.Arrays.binarySearch(eth.ts(), t) >= 0);
        var ex = assertThrows(UserInputException.class, () -> DatasetBuilder.compute(h, null, null, java.util.Map.of(), Timeframe.H1,
                "BTC", LabelSpec.DEFAULT, SplitSpec.DEFAULT, FeatureSet.ofColumns(List.of("xret_ETH_1"))));
        assertTrue(ex.getMessage().contains("--symbol ETH"), ex.getMessage());
    }

    /** a[from..cut) followed by a[resume..). */
    private static long[] concat(long[] a, int from, int cut, int resume) {
        long[] out = new long[cut - from + a.length - resume];
        System.arraycopy(a, from, out, 0, cut - from);
        System.arraycopy(a, resume, out, cut - from, a.length - resume);
        return out;
    }

    private static double[] concat(double[] a, int from, int cut, int resume) {
        double[] out = new double[cut - from + a.length - resume];
        System.arraycopy(a, from, out, 0, cut - from);
        System.arraycopy(a, resume, out, cut - from, a.length - resume);
        return out;
    }

    @Test
    void missingInputsAreErrorsNamingTheFix() {
        Bars h = hours(200);
        var e = assertThrows(UserInputException.class, () -> DatasetBuilder.compute(h, null, null, Timeframe.H1, "BTC",
                LabelSpec.DEFAULT, SplitSpec.DEFAULT, FUNDING_SET));
        assertTrue(e.getMessage().contains("needs funding rates"), e.getMessage());
        FundingSeries late = FundingAndEmbeddedTest.hourlyFunding(h.lastTs() + 3600, 10);
        e = assertThrows(UserInputException.class, () -> DatasetBuilder.compute(h, late, null, Timeframe.H1, "BTC",
                LabelSpec.DEFAULT, SplitSpec.DEFAULT, FUNDING_SET));
        assertTrue(e.getMessage().contains("do not overlap"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> DatasetBuilder.compute(h, null, null, Timeframe.H1, "BTC",
                LabelSpec.DEFAULT, SplitSpec.DEFAULT, FeatureSet.ofColumns(List.of("ofi_24"))));
        assertTrue(e.getMessage().contains("taker-buy"), e.getMessage());
    }

    @Test
    void theDefaultSetIsUnchanged() {
        Bars h = hours(300);
        Dataset a = DatasetBuilder.compute(h, null, null, Timeframe.H1, "BTC", LabelSpec.DEFAULT, SplitSpec.DEFAULT).dataset();
        assertEquals(FeatureSchema.of(false, false).columns(), a.columns());
        assertEquals(FeatureSchema.of(false, false).schemaHash(), a.schemaHash());
    }

    @Test
    void datasetBuildTakesAFeatureFile(@TempDir Path home) throws Exception {
        Path f = home.resolve("features.yaml");
        Files.writeString(f, "features: [default, calendar, {ret: [1h, 24h]}, {range_pos: [4h]}]\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "dataset", "build", "--tf", "1h", "--features",
                f.toString()), err.toString());
        DatasetManifest m = DatasetStore.manifest(Workspace.at(home), "BTC", Timeframe.H1);
        assertTrue(m.columns().containsAll(List.of("hour_of_day", "day_of_week", "ret_1", "ret_24", "range_pos_4")), m.columns().toString());
        assertEquals(0, m.barsBeforeInputs());
        assertTrue(DatasetStore.isCurrent(Workspace.at(home), "BTC", Timeframe.H1), "the stored set reads back with its hash");
        assertTrue(!Files.readString(home.resolve("datasets/BTC/1h/manifest.json")).contains("bars_before_inputs"),
                "0 is left out of the manifest");

        err = new StringWriter();
        assertEquals(2, CliRun.execute(new StringWriter(), err, "--home", home.toString(), "dataset", "build", "--tf", "all",
                "--features", f.toString()));
        assertTrue(err.toString().contains("--features needs a single --tf"), err.toString());
        Files.writeString(f, "features: [{ret: [90m]}]\n");
        err = new StringWriter();
        assertEquals(2, CliRun.execute(new StringWriter(), err, "--home", home.toString(), "dataset", "build", "--tf", "1h",
                "--features", f.toString()));
        assertTrue(err.toString().contains("90m is not a whole number of 1h bars"), err.toString());
    }
}
