package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import msb.bench.SyntheticBars;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.Bars;
import msb.features.FeatureEngine;
import msb.features.FeatureInput;
import msb.features.FeatureSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, reading back and determinism of built datasets. */
class DatasetBuildTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    static Workspace workspaceWith(Path home, String source, Bars bars) {
        Workspace ws = Workspace.at(home);
        msb.data.RawStore.replace(ws, "BTC", source, bars, source + ".csv", "", "csv");
        return ws;
    }

    @Test
    void sameInputGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        Bars minutes = SyntheticBars.minutes(30_000, 9);
        for (Path home : List.of(a, b)) {
            DatasetBuilder.buildAll(workspaceWith(home, "synth", minutes), "BTC", DatasetBuilder.Options.DEFAULT, QUIET);
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(a.resolve("datasets/BTC"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(12, files.size(), files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), "bytes of " + f);
        }
    }

    @Test
    void loadReturnsWhatWasBuiltAndStoredBarsReplayToTheSameRows(@TempDir Path home) {
        Workspace ws = workspaceWith(home, "synth", SyntheticBars.minutes(20_000, 4));
        DatasetBuilder.Result r = DatasetBuilder.build(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT, QUIET);
        Dataset d = DatasetStore.load(ws, "BTC", Timeframe.M5);
        assertEquals(r.manifest().rows(), d.rows());
        assertEquals(r.manifest().files().get(DatasetFile.NAME), d.sha256());
        assertEquals(r.manifest().bars().count() - 111 - 1, d.rows());
        assertTrue(d.rows() > 3800);
        Bars bars = DatasetStore.loadBars(ws, "BTC", Timeframe.M5);
        FeatureEngine live = new FeatureEngine(FeatureSchema.ofColumns(d.columns(), r.manifest().absentInputs()));
        int row = 0;
        for (int i = 0; i < bars.size() && row < d.rows(); i++) {
            double[] x = live.update(FeatureInput.of(bars.get(i)));
            if (x == null) continue;
            assertEquals(d.ts()[row], bars.ts(i));
            assertArrayEquals(d.x()[row], x);
            row++;
        }
        assertEquals(d.rows(), row);
        DatasetManifest m = DatasetStore.manifest(ws, "BTC", Timeframe.M5);
        assertEquals(111, m.warmupBars());
        assertEquals(List.of("funding", "cohorts"), m.absentInputs());
        assertEquals(d.rows(), m.splits().values().stream().mapToInt(DatasetManifest.SplitRange::rows).sum());
        assertEquals(d.rowsOf(Split.TRAIN).length, m.classShares().get("train").rows());
    }

    @Test
    void aTamperedDatasetIsRefusedBeforeAnyRowIsRead(@TempDir Path home) throws IOException {
        Workspace ws = workspaceWith(home, "synth", SyntheticBars.minutes(20_000, 4));
        DatasetBuilder.build(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT, QUIET);
        Path f = ws.datasetDir("BTC", Timeframe.M5).resolve(DatasetFile.NAME);
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 1;
        Files.write(f, bytes);
        var e = assertThrows(UserInputException.class, () -> DatasetStore.load(ws, "BTC", Timeframe.M5));
        assertTrue(e.getMessage().contains("does not match manifest.json"), e.getMessage());
    }

    @Test
    void aDatasetOfAnotherFeatureDefinitionMustBeRebuilt(@TempDir Path home) throws IOException {
        Workspace ws = workspaceWith(home, "synth", SyntheticBars.minutes(20_000, 4));
        DatasetBuilder.Result r = DatasetBuilder.build(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT, QUIET);
        Path manifest = r.dir().resolve(DatasetBuilder.MANIFEST_FILE);
        Files.writeString(manifest, Files.readString(manifest).replace(r.manifest().schemaHash(), "0".repeat(64)));
        var e = assertThrows(UserInputException.class, () -> DatasetStore.load(ws, "BTC", Timeframe.M5));
        assertTrue(e.getMessage().contains("feature definition changed"), e.getMessage());
        assertEquals(false, DatasetStore.isCurrent(ws, "BTC", Timeframe.M5));
        Dataset rebuilt = DatasetBuilder.loadOrBuild(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT, QUIET);
        assertEquals(r.manifest().rows(), rebuilt.rows());
        assertEquals(true, DatasetStore.isCurrent(ws, "BTC", Timeframe.M5));
    }

    @Test
    void missingDatasetNamesTheFix(@TempDir Path home) {
        var e = assertThrows(UserInputException.class, () -> DatasetStore.load(Workspace.at(home), "BTC", Timeframe.H1));
        assertTrue(e.getMessage().contains("msb dataset build --tf 1h"), e.getMessage());
    }

    @Test
    void finerThanStoredExitsTwoAndAllSkipsWithReasons(@TempDir Path home) {
        Bars hours = msb.data.Resampler.resample(SyntheticBars.minutes(100_000, 2), 4 * 3600).bars();
        Workspace ws = workspaceWith(home, "four", hours);
        var e = assertThrows(UserInputException.class,
                () -> DatasetBuilder.build(ws, "BTC", Timeframe.H1, DatasetBuilder.Options.DEFAULT, QUIET));
        assertTrue(e.getMessage().contains("finer than the stored bars"), e.getMessage());
        DatasetBuilder.AllResult all = DatasetBuilder.buildAll(ws, "BTC", DatasetBuilder.Options.DEFAULT, QUIET);
        assertEquals(List.of(Timeframe.H12, Timeframe.H24), all.built().stream().map(DatasetBuilder.Result::tf).toList());
        assertEquals(List.of(Timeframe.M5, Timeframe.H1), List.copyOf(all.skipped().keySet()));
    }

    @Test
    void incompleteBucketsAreDroppedCountedAndGapsReported(@TempDir Path home) {
        Bars m = SyntheticBars.minutes(20_000, 6);
        // remove 7 minutes in the middle: one 5m bucket loses bars (two if it straddles), leaving a gap
        int cut = 10_002;
        Bars holed = concat(m.slice(0, cut), m.slice(cut + 7, m.size()));
        Workspace ws = workspaceWith(home, "holed", holed);
        DatasetManifest man = DatasetBuilder.build(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT, QUIET).manifest();
        assertTrue(man.droppedIncompleteBuckets() >= 2, "dropped " + man.droppedIncompleteBuckets());
        assertEquals(1, man.gaps().count());
        assertEquals(1, man.gaps().first().size());
    }

    static Bars concat(Bars a, Bars b) {
        int n = a.size() + b.size();
        long[] ts = new long[n];
        double[][] c = new double[5][n];
        double[][] ac = {a.open(), a.high(), a.low(), a.close(), a.volume()}, bc = {b.open(), b.high(), b.low(), b.close(), b.volume()};
        System.arraycopy(a.ts(), 0, ts, 0, a.size());
        System.arraycopy(b.ts(), 0, ts, a.size(), b.size());
        for (int k = 0; k < 5; k++) {
            System.arraycopy(ac[k], 0, c[k], 0, a.size());
            System.arraycopy(bc[k], 0, c[k], a.size(), b.size());
        }
        return new Bars(a.intervalSec(), ts, c[0], c[1], c[2], c[3], c[4]);
    }
}
