package msb.model;

import static org.junit.jupiter.api.Assertions.*;

import msb.signal.Probs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    @TempDir Path home;

    static final PrintStream ERR = new PrintStream(new ByteArrayOutputStream());

    static TrainResult train(Workspace ws, Timeframe tf, Dataset ds, ModelKind kind, long seed, boolean promote, long clockSec) {
        var opts = TrainOptions.defaults().withModel(kind).withSeed(seed).withQuiet(true).withPromote(promote)
                .withHyperparameters(SyntheticDatasets.fast(tf));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(clockSec), ZoneOffset.UTC);
        return Training.train(ws, "BTC", tf, new TrainingData(ds, null, "synthetic"), opts, ERR, clock);
    }

    @Test
    void logregOnLearnableDataPassesEveryGateAndIsPromoted() {
        var ws = Workspace.at(home);
        var r = train(ws, Timeframe.H24, SyntheticDatasets.make(Timeframe.H24, 3000, 1, 1.5), ModelKind.LOGREG, 1, true, 1_700_000_000);
        assertEquals(java.util.List.of(), r.failedGates(), ArtifactStore.verifiedManifest(r.runDir()).gates().toString());
        assertTrue(r.promoted());
        assertEquals(r.runDir(), ArtifactStore.latest(ws, "BTC", Timeframe.H24).orElseThrow());
        try (var a = ArtifactStore.loadFor(r.runDir(), Timeframe.H24, "BTC", SyntheticDatasets.COLUMNS)) {
            assertEquals("24h", a.manifest().tf());
            assertEquals("logreg", a.manifest().model());
            assertTrue(a.manifest().files().containsKey("logreg.ser"));
            assertTrue(Files.list(ws.runsDir()).findAny().isPresent(), "a run record is written");
            var ds = SyntheticDatasets.make(Timeframe.H24, 3000, 1, 1.5);
            for (int i = 0; i < ds.rows(); i++) {
                var sp = ds.split()[i];
                String expected = sp == msb.dataset.Split.PURGED || sp == msb.dataset.Split.EMBARGO ? "purged_or_embargo" : sp.label();
                assertEquals(expected, a.manifest().splitOf(ds.ts()[i]), "row " + i);
                assertEquals(ds.ts()[i] <= a.manifest().splits().get("val").lastTs(), a.manifest().seenInFitting(ds.ts()[i]), "row " + i);
            }
            assertEquals("out_of_sample", a.manifest().splitOf(ds.ts()[ds.rows() - 1] + 86_400));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void alwaysUpIsRefusedAndLeavesLatestUnchanged() throws Exception {
        var ws = Workspace.at(home);
        var ds = SyntheticDatasets.make(Timeframe.H24, 3000, 1, 1.5);
        var good = train(ws, Timeframe.H24, ds, ModelKind.LOGREG, 1, true, 1_700_000_000);
        assertTrue(good.promoted());
        Path latest = ws.modelsDir("BTC", Timeframe.H24).resolve(ArtifactStore.LATEST);
        byte[] before = Files.readAllBytes(latest);
        var bad = train(ws, Timeframe.H24, ds, ModelKind.ALWAYS_UP, 1, true, 1_700_000_100);
        assertFalse(bad.promoted());
        assertTrue(bad.failedGates().containsAll(java.util.List.of(msb.signal.Verdicts.DIRECTION_SKILL, msb.signal.Verdicts.INERT,
                msb.signal.Verdicts.ONE_SIDED)), bad.failedGates().toString());
        assertArrayEquals(before, Files.readAllBytes(latest));
        assertTrue(Files.isDirectory(bad.runDir()), "the rejected run is kept");
        assertEquals(java.util.List.of(good.runDir(), bad.runDir()), ArtifactStore.runs(ws, "BTC", Timeframe.H24));
        try (var a = ArtifactStore.load(bad.runDir())) {
            assertFalse(a.promoted());
            assertEquals(1.0, a.predictor().predict(new double[][]{ds.x()[0]}).up());
        }
    }

    @Test
    void noPromoteRecordsGatesButNeverTouchesLatest() {
        var ws = Workspace.at(home);
        var r = train(ws, Timeframe.H24, SyntheticDatasets.make(Timeframe.H24, 3000, 1, 1.5), ModelKind.LOGREG, 1, false, 1_700_000_000);
        assertTrue(r.failedGates().isEmpty());
        assertFalse(r.promoted());
        assertTrue(ArtifactStore.latest(ws, "BTC", Timeframe.H24).isEmpty());
    }

    @Test
    void a218RowDatasetIsRefusedBeforeFitting() {
        var ws = Workspace.at(home);
        var r = train(ws, Timeframe.H12, SyntheticDatasets.make(Timeframe.H12, 312, 1, 1.5), ModelKind.STACK, 1, true, 1_700_000_000);
        assertEquals(java.util.List.of(msb.signal.Verdicts.MIN_TRAIN_ROWS), r.failedGates());
        var m = ArtifactStore.verifiedManifest(r.runDir());
        assertEquals(218, m.trainRows());
        assertFalse(m.fitted());
        assertTrue(m.gates().get(msb.signal.Verdicts.MIN_TRAIN_ROWS).detail().contains("218"));
        var e = assertThrows(UserInputException.class, () -> ArtifactStore.load(r.runDir()));
        assertTrue(e.getMessage().contains("min_train_rows"), e.getMessage());
        assertTrue(ArtifactStore.latest(ws, "BTC", Timeframe.H12).isEmpty());
    }

    @Test
    void aDatasetOfAnotherTimeframeIsRefused() {
        var ws = Workspace.at(home);
        var r = train(ws, Timeframe.H24, SyntheticDatasets.make(Timeframe.H12, 3000, 1, 1.5), ModelKind.LOGREG, 1, true, 1_700_000_000);
        assertEquals(java.util.List.of(msb.signal.Verdicts.TIMEFRAME), r.failedGates());
        assertTrue(ArtifactStore.verifiedManifest(r.runDir()).gates().get(msb.signal.Verdicts.TIMEFRAME).detail().contains("12h"));
    }

    @Test
    void loadForAnotherTimeframeOrSchemaNamesBothSides() {
        var ws = Workspace.at(home);
        var r = train(ws, Timeframe.H24, SyntheticDatasets.make(Timeframe.H24, 3000, 1, 1.5), ModelKind.ALWAYS_DOWN, 1, true, 1_700_000_000);
        var e = assertThrows(UserInputException.class, () -> ArtifactStore.loadFor(r.runDir(), Timeframe.M5, "BTC", null));
        assertTrue(e.getMessage().contains("24h model") && e.getMessage().contains("this runner is 5m"), e.getMessage());
        var c = assertThrows(UserInputException.class, () -> ArtifactStore.loadFor(r.runDir(), Timeframe.H24, "BTC", java.util.List.of("a")));
        assertTrue(c.getMessage().contains("[a]") && c.getMessage().contains("ret_1"), c.getMessage());
        var s = assertThrows(UserInputException.class, () -> ArtifactStore.loadFor(r.runDir(), Timeframe.H24, "ETH", null));
        assertTrue(s.getMessage().contains("BTC") && s.getMessage().contains("ETH"), s.getMessage());
    }

    @Test
    void tamperedModelFileOrManifestIsRefusedOnLoad() throws Exception {
        var ws = Workspace.at(home);
        var r = train(ws, Timeframe.H24, SyntheticDatasets.make(Timeframe.H24, 3000, 1, 1.5), ModelKind.LOGREG, 1, true, 1_700_000_000);
        ArtifactStore.load(r.runDir()).close();

        Path model = r.runDir().resolve("logreg.ser");
        byte[] orig = Files.readAllBytes(model);
        byte[] bad = orig.clone();
        bad[bad.length - 3] ^= 1;
        Files.write(model, bad);
        var e = assertThrows(UserInputException.class, () -> ArtifactStore.load(r.runDir()));
        assertTrue(e.getMessage().contains("logreg.ser"), e.getMessage());
        Files.write(model, orig);

        Path planted = r.runDir().resolve("lstm-0001.params");
        Files.writeString(planted, "weights");
        var u = assertThrows(UserInputException.class, () -> ArtifactStore.load(r.runDir()));
        assertTrue(u.getMessage().contains("lstm-0001.params"), u.getMessage());
        Files.delete(planted);

        Path manifest = r.runDir().resolve(ArtifactManifest.FILE);
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\"tf\" : \"24h\"", "\"tf\" : \"5m\""));
        var m = assertThrows(UserInputException.class, () -> ArtifactStore.load(r.runDir()));
        assertTrue(m.getMessage().contains("manifest.json"), m.getMessage());
        assertThrows(UserInputException.class, () -> ArtifactStore.latest(ws, "BTC", Timeframe.H24));
    }

    @Test
    void serializedModelsAreReadThroughAnAllowList() throws Exception {
        Path f = home.resolve("evil.ser");
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(f))) {
            out.writeObject(new java.util.concurrent.atomic.AtomicLong(7));
        }
        assertThrows(UserInputException.class, () -> SmileModel.load(f, 0));
    }

    @Test
    void sameSeedGivesTheSamePredictionsAfterSaveAndLoadAndTheBmaIsADifferentOpinion() {
        var ws = Workspace.at(home);
        var ds = SyntheticDatasets.make(Timeframe.H24, 1500, 5, 1.0);
        var a = train(ws, Timeframe.H24, ds, ModelKind.STACK, 3, false, 1_700_000_000);
        var b = train(ws, Timeframe.H24, ds, ModelKind.STACK, 3, false, 1_700_000_000);
        assertNotEquals(a.runDir(), b.runDir());
        int[] test = ds.rowsOf(msb.dataset.Split.TEST);
        try (var la = ArtifactStore.load(a.runDir()); var lb = ArtifactStore.load(b.runDir())) {
            Probs[] pa = la.predictRows(ds.x(), test), pb = lb.predictRows(ds.x(), test);
            ProbAsserts.assertProbsClose(pa, pb, "same seed, same rows");
            Probs[] bma = la.bmaRows(ds.x(), test).orElseThrow();
            assertFalse(java.util.Arrays.equals(pa, bma), "BMA differs from the stack");
            int last = test[test.length - 1], hist = la.predictor().historyRows();
            double[][] recent = java.util.Arrays.copyOfRange(ds.x(), last - hist + 1, last + 1);
            ProbAsserts.assertProbsClose(new Probs[]{pa[pa.length - 1]}, new Probs[]{la.predictor().predict(recent)},
                    "single-bar form equals the batch form");
            assertEquals(4, la.manifest().bmaWeights().size());
        }
    }
}
