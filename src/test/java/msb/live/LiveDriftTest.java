package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.data.Bar;
import msb.data.Bars;
import msb.features.FeatureDistribution;
import msb.features.TrainDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift in the live loop: a replay whose features are shifted by k TRAIN standard deviations from a given bar
 * alerts per feature and, past the halt level, stops new orders; the same replay unshifted (the control) never
 * alerts and keeps ordering.
 */
class LiveDriftTest {
    private static final long T0 = 1_700_000_100L;
    private static final int BARS = 3_000;
    private static final int TRAIN_BARS = 1_500;
    private static final int SHIFT_FROM_BAR = 2_000;
    private static final double SHIFT_SIGMAS = 4;
    private static final List<String> COLUMNS = List.of("ret", "ema_ret");
    private static final DriftConfig ALERT_ONLY = new DriftConfig(200, 0.2, 0);
    private static final DriftConfig HALTING = new DriftConfig(200, 0.2, 0.5);

    private final Bars bars = Fakes.bars(BARS, T0);
    private final TrainDistribution train;
    private final double[] sigma;

    LiveDriftTest() {
        Fakes.Features f = new Fakes.Features(5);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < TRAIN_BARS; i++) {
            double[] r = f.update(bars.get(i), MarketContext.replay(null, bars.ts(i)));
            if (r != null) rows.add(r.clone());
        }
        double[][] x = rows.toArray(double[][]::new);
        int[] idx = new int[x.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        train = TrainDistribution.of("train", COLUMNS, x, idx, FeatureDistribution.DEFAULT_BINS);
        sigma = new double[COLUMNS.size()];
        for (int j = 0; j < sigma.length; j++) {
            double s = 0, ss = 0;
            for (double[] r : x) { s += r[j]; ss += r[j] * r[j]; }
            sigma[j] = Math.sqrt(ss / x.length - (s / x.length) * (s / x.length));
        }
    }

    /** The fake features, shifted by SHIFT_SIGMAS standard deviations from SHIFT_FROM_BAR on when {@code shifted}. */
    private FeatureStep features(boolean shifted) {
        Fakes.Features inner = new Fakes.Features(5);
        long from = bars.ts(SHIFT_FROM_BAR);
        return (bar, market) -> {
            double[] r = inner.update(bar, market);
            if (r == null || !shifted || bar.tsClose() < from) return r;
            double[] out = r.clone();
            for (int j = 0; j < out.length; j++) out[j] += SHIFT_SIGMAS * sigma[j];
            return out;
        };
    }

    private LiveRunner runner(Path dir, boolean shifted, DriftConfig drift, Trader trader, List<Alert> alerts, int checkpointEvery) {
        var setup = new LiveRunner.Setup(Timeframe.M5, "BTC", "art-1", "replay", false, List.of(), ts -> false, checkpointEvery);
        LiveRunner r = new LiveRunner(setup, features(shifted), new Fakes.Predictor(3), null, trader, new StateStore(dir),
                alerts::add, LiveClock.SYSTEM);
        r.monitorDrift(new DriftMonitor(train, COLUMNS, drift));
        return r;
    }

    private static EngineTrader engine() {
        return new EngineTrader(Timeframe.M5, msb.trading.StrategyConfig.defaults(Timeframe.M5), false);
    }

    private StatusDoc replay(LiveRunner r) throws Exception {
        r.open();
        return r.run(new ReplayFeed(bars, null, Speed.MAX, LiveClock.SYSTEM), Long.MAX_VALUE, null);
    }

    private static List<JsonNode> events(Path dir, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            JsonNode n = Json.mapper().readTree(line);
            if (n.get("type").asText().equals(type)) out.add(n);
        }
        return out;
    }

    @Test
    void theUnshiftedReplayNeverAlertsAndKeepsOrdering(@TempDir Path dir) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        StatusDoc s = replay(runner(dir, false, HALTING, engine(), alerts, 1_000));
        assertEquals(List.of(), alerts.stream().filter(a -> a.kind().startsWith("feature_drift") || a.kind().startsWith("drift")).toList());
        assertFalse(s.halted());
        assertEquals(200, s.drift().filledBars());
        assertTrue(s.drift().maxPsi() < HALTING.alertPsi(), s.drift().toString());
        long entriesAfterShiftBar = events(dir, "order").stream()
                .filter(o -> o.get("bar_ts").asLong() >= bars.ts(SHIFT_FROM_BAR) && !o.get("data").get("reason").asText().startsWith("exit_"))
                .count();
        assertTrue(entriesAfterShiftBar > 0, "the control keeps opening positions after bar " + SHIFT_FROM_BAR);
        assertFalse(s.blocked().containsKey(msb.trading.TradingEngine.DRIFT_HALT));
    }

    @Test
    void aShiftAlertsPerFeatureAndPastTheHaltLevelStopsNewOrders(@TempDir Path dir) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        StatusDoc s = replay(runner(dir, true, HALTING, engine(), alerts, 1_000));
        List<Alert> drift = alerts.stream().filter(a -> a.kind().equals(DriftMonitor.FEATURE_DRIFT)).toList();
        assertEquals(2, drift.size(), "one alert per feature, not one per bar: " + drift);
        assertTrue(drift.get(0).message().contains("ret") && drift.stream().allMatch(a -> a.barTs() >= bars.ts(SHIFT_FROM_BAR)), drift.toString());
        List<Alert> halts = alerts.stream().filter(a -> a.kind().equals(DriftMonitor.DRIFT_HALT)).toList();
        assertEquals(1, halts.size(), alerts.toString());
        long haltTs = halts.getFirst().barTs();
        for (JsonNode o : events(dir, "order")) {
            if (o.get("bar_ts").asLong() > haltTs) {
                assertTrue(o.get("data").get("reason").asText().startsWith("exit_"), "only exits after the halt: " + o);
            }
        }
        assertTrue(s.halted() && s.drift().halted(), "the shift lasts to the end: still halted");
        assertTrue(s.blocked().containsKey(msb.trading.TradingEngine.DRIFT_HALT), "refused orders are counted: " + s.blocked());
        assertTrue(events(dir, "alert").stream().anyMatch(a -> a.get("data").get("kind").asText().equals(DriftMonitor.DRIFT_HALT)));
        assertTrue(StatusReport.render(s).contains("HALTED for drift"), StatusReport.render(s));
        assertEquals(2, s.drift().featuresAtAlert());
    }

    @Test
    void withoutAHaltLevelAShiftOnlyAlerts(@TempDir Path dir) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        StatusDoc s = replay(runner(dir, true, ALERT_ONLY, engine(), alerts, 1_000));
        assertEquals(2, alerts.stream().filter(a -> a.kind().equals(DriftMonitor.FEATURE_DRIFT)).count(), alerts.toString());
        assertFalse(s.halted());
        assertFalse(s.blocked().containsKey(msb.trading.TradingEngine.DRIFT_HALT));
    }

    @Test
    void resumingInChunksEqualsOneRunWithDrift(@TempDir Path a, @TempDir Path b) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        StatusDoc whole = replay(runner(a, true, HALTING, engine(), alerts, 500));
        StatusDoc part = null;
        for (long chunk : new long[]{2_100, 37, 150, Long.MAX_VALUE}) {
            LiveRunner r = runner(b, true, HALTING, engine(), new ArrayList<>(), 500);
            Long last = r.open();
            if (last != null) r.prime(bars, null, last);
            part = r.run(new ReplayFeed(bars, null, Speed.MAX, LiveClock.SYSTEM), chunk, null);
        }
        assertEquals(Json.pretty(whole), Json.pretty(part));
        assertEquals(Files.readString(a.resolve("events.jsonl")), Files.readString(b.resolve("events.jsonl")));
        assertTrue(alerts.stream().anyMatch(x -> x.kind().equals(DriftMonitor.DRIFT_HALT)), "the run halts: " + alerts);
    }
    @Test
    void aResumeWithAnotherHaltLevelIsRefusedLikeAnotherConfig(@TempDir Path dir) throws Exception {
        LiveRunner first = runner(dir, true, HALTING, engine(), new ArrayList<>(), 500);
        first.open();
        first.run(new ReplayFeed(bars, null, Speed.MAX, LiveClock.SYSTEM), 300, null);
        for (DriftConfig other : List.of(ALERT_ONLY, new DriftConfig(200, 0.2, 0.8))) {
            var e = assertThrows(msb.core.UserInputException.class, () -> runner(dir, true, other, engine(), new ArrayList<>(), 500).open(),
                    "halt " + other.haltPsi());
            assertTrue(e.getMessage().contains("--drift-halt-psi") && e.getMessage().contains("--state-dir"), e.getMessage());
        }
        // the alert level and window do not decide orders: they may change on a resume
        Long last = runner(dir, true, new DriftConfig(300, 0.3, HALTING.haltPsi()), engine(), new ArrayList<>(), 500).open();
        assertTrue(last != null, "resumed from the checkpoint");
    }
}
