package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.data.Bars;
import msb.signal.DirectionCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRunnerTest {
    private static final long T0 = 1_700_000_100L;
    private final Bars bars = Fakes.bars(1_000, T0);
    private final java.util.function.LongPredicate fitted = ts -> ts <= T0 + 300L * 399;

    private LiveRunner runner(Path dir, int checkpointEvery, boolean shadow, String artifact, List<Alert> alerts) {
        var setup = new LiveRunner.Setup(Timeframe.M5, "BTC", artifact, "replay", shadow, shadow ? List.of("lift") : List.of(),
                fitted, checkpointEvery);
        return new LiveRunner(setup, new Fakes.Features(5), new Fakes.Predictor(3), null, new Fakes.Trader(shadow),
                new StateStore(dir), alerts::add, LiveClock.SYSTEM);
    }

    /** Runs (or resumes) to at most maxBars more bars, as the CLI does. */
    private StatusDoc runChunk(Path dir, int checkpointEvery, long maxBars) throws Exception {
        LiveRunner r = runner(dir, checkpointEvery, false, "art-1", new ArrayList<>());
        Long last = r.open();
        if (last != null) r.prime(bars, null, last);
        return r.run(new ReplayFeed(bars, null, Speed.MAX, LiveClock.SYSTEM), maxBars, null);
    }

    @Test
    void uninterruptedRunTradesBothSidesAndSplitsInSampleBars(@TempDir Path dir) throws Exception {
        StatusDoc s = runChunk(dir, 50, Long.MAX_VALUE);
        assertEquals(1_000, s.barsProcessed());
        assertTrue(s.finished());
        assertTrue(s.orders().buy() > 0 && s.orders().sell() > 0, "orders on both sides: " + s.orders());
        assertTrue(s.roundTrips().size() > 2);
        assertEquals(400, s.inSample().bars(), "bars inside the fitted range");
        assertEquals(600, s.outOfSample().bars());
        assertEquals(s.equity() - 10_000, s.inSample().pnl() + s.outOfSample().pnl(), 1e-6);
        assertEquals(Json.pretty(s), Json.pretty(new StateStore(dir).status()), "status reads the final checkpoint");
        String render = StatusReport.render(s);
        assertTrue(render.contains("out-of-sample bars") && render.contains("cooldown"), render);
    }

    @Test
    void resumingInChunksEqualsOneRun(@TempDir Path a, @TempDir Path b) throws Exception {
        StatusDoc whole = runChunk(a, 50, Long.MAX_VALUE);
        StatusDoc part = null;
        for (long chunk : new long[]{137, 3, 250, 1, Long.MAX_VALUE}) part = runChunk(b, 50, chunk);
        assertEquals(Json.pretty(whole), Json.pretty(part));
        assertEquals(Files.readString(a.resolve("events.jsonl")), Files.readString(b.resolve("events.jsonl")));
    }

    @Test
    void crashAfterCheckpointWithTornLogResumesExactly(@TempDir Path a, @TempDir Path b, @TempDir Path saved) throws Exception {
        StatusDoc whole = runChunk(a, 100, Long.MAX_VALUE);
        runChunk(b, 100, 200);
        Files.copy(b.resolve("state.json"), saved.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING);
        runChunk(b, 100, 55); // bars 201..255 logged, then "crash": the checkpoint at 255 is lost
        Files.copy(saved.resolve("state.json"), b.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(b.resolve("events.jsonl"), "{\"seq\":99999,\"bar_ts\":1,\"ty", StandardOpenOption.APPEND);
        StatusDoc resumed = runChunk(b, 100, Long.MAX_VALUE);
        assertEquals(Json.pretty(whole), Json.pretty(resumed));
        List<String> lines = Files.readAllLines(b.resolve("events.jsonl"));
        assertEquals(Files.readAllLines(a.resolve("events.jsonl")), lines);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i + 1, Json.mapper().readTree(lines.get(i)).get("seq").asLong(), "seq without gaps or repeats");
        }
    }

    @Test
    void shadowModeDecidesButNeverOrders(@TempDir Path dir) throws Exception {
        LiveRunner r = runner(dir, 100, true, "art-1", new ArrayList<>());
        r.open();
        StatusDoc s = r.run(new ReplayFeed(bars, null, Speed.MAX, LiveClock.SYSTEM), Long.MAX_VALUE, null);
        assertEquals("shadow", s.mode());
        assertEquals(DirectionCounts.ZERO, s.orders());
        assertTrue(s.signals().total() > 0);
        assertEquals(List.of("lift"), s.failedGates());
        assertTrue(Files.readString(dir.resolve("events.jsonl")).contains("\"decision\""));
    }

    @Test
    void stateOfAnotherArtifactIsRefused(@TempDir Path dir) throws Exception {
        runChunk(dir, 100, 10);
        LiveRunner other = runner(dir, 100, false, "art-2", new ArrayList<>());
        var e = assertThrows(UserInputException.class, other::open);
        assertTrue(e.getMessage().contains("art-1") && e.getMessage().contains("art-2"), e.getMessage());
    }

    @Test
    void engineAlertsReachTheOperatorTheLogAndTheStatus(@TempDir Path dir) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        // a steadily rising series: the fake model signals BUY on (almost) every bar
        List<msb.data.Bar> up = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double c = 100 * Math.pow(1.002, i + 1);
            up.add(new msb.data.Bar(T0 + 300L * i, c / 1.002, c, c / 1.002, c, 1));
        }
        var setup = new LiveRunner.Setup(Timeframe.M5, "BTC", "art-1", "replay", false, List.of(), fitted, 100);
        var trader = new EngineTrader(Timeframe.M5, msb.trading.StrategyConfig.defaults(Timeframe.M5), false);
        LiveRunner r = new LiveRunner(setup, new Fakes.Features(5), new Fakes.Predictor(3), null, trader, new StateStore(dir),
                alerts::add, LiveClock.SYSTEM);
        r.open();
        StatusDoc s = r.run(new ReplayFeed(Bars.of(300, up), null, Speed.MAX, LiveClock.SYSTEM), Long.MAX_VALUE, null);
        assertEquals(1, alerts.stream().filter(a -> a.kind().equals("one_directional")).count(), alerts.toString());
        assertEquals(alerts, s.alerts());
        assertTrue(Files.readString(dir.resolve("events.jsonl")).contains("one_directional"));
        assertNotEquals(0, s.signals().buy());
    }
}
