package msb.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import msb.core.Json;
import msb.features.FeatureDistribution;
import msb.features.Psi;
import msb.features.TrainDistribution;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    /** Values copied or restored, not recomputed, compare bit for bit. */
    private static final double EXACT = 0.0;

    /** The ring buffer re-sums the same terms batch PSI sums; only the order of additions could differ. */
    static final double INCREMENTAL_VS_BATCH_TOLERANCE_PSI = 1e-12;
    static final List<String> COLUMNS = List.of("a", "b", "c");

    private static TrainDistribution train(long seed) {
        return train(seed, FeatureDistribution.DEFAULT_BINS);
    }

    private static TrainDistribution train(long seed, int bins) {
        Random r = new Random(seed);
        double[][] x = new double[5_000][];
        int[] rows = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[]{r.nextGaussian(), r.nextDouble(), r.nextInt(4)};
            rows[i] = i;
        }
        return TrainDistribution.of("train", COLUMNS, x, rows, bins);
    }

    /** Rows whose first feature's mean walks away from TRAIN and back; the others stay put. */
    private static List<double[]> stream(int n, long seed, double shiftSigma) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double mean = shiftSigma * Math.sin(Math.PI * i / n);
            out.add(new double[]{mean + r.nextGaussian(), r.nextDouble(), r.nextInt(4)});
        }
        return out;
    }

    @Test
    void incrementalPsiEqualsBatchPsiOverTheSameWindow() {
        TrainDistribution t = train(1);
        int window = 150;
        DriftMonitor m = new DriftMonitor(t, COLUMNS, new DriftConfig(window, 0.2, 0));
        List<double[]> rows = stream(1_200, 2, 2.0);
        for (int i = 0; i < rows.size(); i++) {
            m.onRow(i, rows.get(i));
            double[] psi = m.psi();
            if (i + 1 < window) {
                assertTrue(Double.isNaN(psi[0]), "no PSI while the window fills");
                continue;
            }
            for (int j = 0; j < COLUMNS.size(); j++) {
                double[] last = new double[window];
                for (int k = 0; k < window; k++) last[k] = rows.get(i - window + 1 + k)[j];
                assertEquals(Psi.of(t.features().get(COLUMNS.get(j)), last), psi[j], INCREMENTAL_VS_BATCH_TOLERANCE_PSI,
                        "feature " + COLUMNS.get(j) + " at row " + i);
            }
        }
        assertEquals(window, m.filledBars());
    }

    @Test
    void aFeatureAlertsOncePerExcursionAndTheOthersNever() {
        TrainDistribution t = train(1);
        DriftMonitor m = new DriftMonitor(t, COLUMNS, new DriftConfig(200, 0.2, 0));
        Random r = new Random(5);
        List<Alert> alerts = new ArrayList<>();
        long ts = 0;
        // calm, shifted by 3 sigma, calm long enough to re-arm, shifted again
        for (int[] phase : new int[][]{{600, 0}, {600, 3}, {1_000, 0}, {600, 3}}) {
            for (int i = 0; i < phase[0]; i++) {
                alerts.addAll(m.onRow(ts++, new double[]{phase[1] + r.nextGaussian(), r.nextDouble(), r.nextInt(4)}));
            }
        }
        assertEquals(2, alerts.size(), alerts.toString());
        for (Alert a : alerts) {
            assertEquals(DriftMonitor.FEATURE_DRIFT, a.kind());
            assertTrue(a.message().startsWith("feature a:"), a.message());
        }
        assertTrue(alerts.get(0).barTs() >= 600 && alerts.get(1).barTs() >= 2_200, alerts.toString());
        assertFalse(m.halted(), "no halt level: never halts");
    }

    @Test
    void theHaltStartsAtItsLevelAndEndsBelowHalfOfIt() {
        TrainDistribution t = train(1);
        DriftMonitor m = new DriftMonitor(t, COLUMNS, new DriftConfig(200, 0.2, 0.5));
        Random r = new Random(6);
        List<String> kinds = new ArrayList<>();
        long ts = 0;
        for (int[] phase : new int[][]{{400, 0}, {400, 4}, {800, 0}}) {
            for (int i = 0; i < phase[0]; i++) {
                for (Alert a : m.onRow(ts++, new double[]{phase[1] + r.nextGaussian(), r.nextDouble(), r.nextInt(4)})) kinds.add(a.kind());
                if (phase[1] == 4 && i == phase[0] - 1) {
                    assertTrue(m.halted(), "halted at the end of the shift");
                    assertTrue(m.haltReason().contains("feature a") && m.haltReason().contains("drift_halt_psi 0.500"), m.haltReason());
                    assertTrue(m.status().halted() && m.status().maxPsi() >= 0.5, m.status().toString());
                }
            }
        }
        assertEquals(List.of(DriftMonitor.FEATURE_DRIFT, DriftMonitor.DRIFT_HALT, DriftMonitor.DRIFT_RESUMED), kinds);
        assertFalse(m.halted());
    }

    @Test
    void aWindowOfAnotherArtifactStartsAfreshInsteadOfThrowing() throws Exception {
        DriftConfig cfg = new DriftConfig(120, 0.2, 0.4);
        DriftMonitor old = new DriftMonitor(train(1), COLUMNS, cfg, "run-old");
        List<double[]> rows = stream(300, 3, 3.0);
        for (int i = 0; i < 200; i++) old.onRow(i, rows.get(i));
        assertTrue(old.halted(), "the old window halts: " + old.status());
        var state = Json.mapper().readValue(Json.pretty(old.state()), DriftMonitor.State.class);
        assertEquals("run-old", state.runId());
        TrainDistribution fewerBins = train(7, 3);
        DriftMonitor swapped = new DriftMonitor(fewerBins, COLUMNS, cfg, "run-new");
        assertFalse(swapped.restore(state), "another artifact's window is not restored");
        assertEquals(0, swapped.filledBars());
        assertFalse(swapped.halted(), "nor its halt");
        // a state file written before windows named their artifact: bins beyond the new ones start afresh too
        var legacy = new DriftMonitor.State(state.features(), state.binsOldestFirst(), state.alerted(), state.halted(),
                state.haltReason(), null);
        DriftMonitor fromLegacy = new DriftMonitor(fewerBins, COLUMNS, cfg, "run-new");
        assertFalse(fromLegacy.restore(legacy));
        assertEquals(0, fromLegacy.filledBars());
        for (int i = 0; i < 150; i++) fromLegacy.onRow(i, rows.get(i));
        assertEquals(120, fromLegacy.filledBars(), "the fresh window fills and is judged");
        DriftMonitor same = new DriftMonitor(train(1), COLUMNS, cfg, "run-old");
        assertTrue(same.restore(state), "its own artifact's window is restored");
        assertArrayEquals(old.psi(), same.psi(), EXACT);
        assertTrue(same.halted());
    }

    @Test
    void aRestoredMonitorContinuesExactly() throws Exception {
        TrainDistribution t = train(1);
        DriftConfig cfg = new DriftConfig(120, 0.2, 0.4);
        DriftMonitor whole = new DriftMonitor(t, COLUMNS, cfg);
        DriftMonitor first = new DriftMonitor(t, COLUMNS, cfg);
        List<double[]> rows = stream(900, 3, 3.0);
        List<Alert> a = new ArrayList<>();
        List<Alert> b = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            a.addAll(whole.onRow(i, rows.get(i)));
            b.addAll(first.onRow(i, rows.get(i)));
        }
        // through JSON, as the checkpoint stores it
        var state = Json.mapper().readValue(Json.pretty(first.state()), DriftMonitor.State.class);
        DriftMonitor resumed = new DriftMonitor(t, COLUMNS, cfg);
        resumed.restore(state);
        for (int i = 500; i < rows.size(); i++) {
            a.addAll(whole.onRow(i, rows.get(i)));
            b.addAll(resumed.onRow(i, rows.get(i)));
            assertArrayEquals(whole.psi(), resumed.psi(), EXACT);
        }
        assertEquals(a, b);
        assertEquals(whole.status(), resumed.status());
        assertTrue(a.stream().anyMatch(x -> x.kind().equals(DriftMonitor.DRIFT_HALT)), "the stream exercises the halt: " + a);
    }

    @Test
    void aStoredHaltIsDroppedWhenResumedWithoutAHaltLevel() {
        TrainDistribution t = train(1);
        DriftMonitor halting = new DriftMonitor(t, COLUMNS, new DriftConfig(120, 0.2, 0.4));
        Random r = new Random(9);
        for (int i = 0; i < 400; i++) halting.onRow(i, new double[]{4 + r.nextGaussian(), r.nextDouble(), r.nextInt(4)});
        assertTrue(halting.halted());
        DriftMonitor noHalt = new DriftMonitor(t, COLUMNS, new DriftConfig(120, 0.2, 0));
        noHalt.restore(halting.state());
        assertFalse(noHalt.halted());
        assertFalse(noHalt.status().halted());
        DriftMonitor stillHalting = new DriftMonitor(t, COLUMNS, new DriftConfig(120, 0.2, 0.4));
        stillHalting.restore(halting.state());
        assertEquals(halting.haltReason(), stillHalting.haltReason());
    }
}
