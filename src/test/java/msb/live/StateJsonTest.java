package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import msb.core.Json;
import msb.core.Timeframe;
import msb.data.Bar;
import msb.signal.Probs;
import msb.trading.StrategyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** state.json as the checkpoint writer makes it is byte for byte what Json.line gives the same state (engine as a tree). */
class StateJsonTest {
    private static final long T0 = 1_700_000_100L;

    /** Trades on random probabilities until it has closed at least {@code trips} round trips. */
    private static int trade(EngineTrader t, SplittableRandom rnd, int from, int trips) {
        int i = from;
        double px = 100;
        while (t.roundTrips().size() < trips) {
            double next = px * Math.exp(0.01 * rnd.nextGaussian());
            Bar b = new Bar(T0 + 300L * i, px, Math.max(px, next) * 1.001, Math.min(px, next) * 0.999, next, 1 + rnd.nextDouble());
            double up = rnd.nextDouble(), down = (1 - up) * rnd.nextDouble();
            t.onBar(new LiveBar(b, new Probs(down, 1 - up - down, up), null, MarketContext.UNKNOWN, b.tsClose()), (ts, type, d) -> { });
            px = next;
            i++;
        }
        return i;
    }

    private static RunnerState state(Trader t, long bars) {
        StatusDoc status = new StatusDoc("5m", "BTC", "models/BTC/5m/r1", "paper", "replay", bars, T0 + 300 * bars, t.position(),
                t.equity(), t.realizedPnl(), t.signals(), t.orders(), t.roundTrips(), t.blocked(), false, false, Map.of(),
                List.of(new Alert(T0, "a\u00e9\"\\", "m\u20ac\n")), SplitPnl.ZERO, new SplitPnl(3, -1.5), null, List.of("g"), false,
                t.moodSource(), t.funnel(), null, null);
        return new RunnerState(RunnerState.VERSION, "5m", "BTC", "models/BTC/5m/r1", "replay", "cfg", bars, T0 + 300 * bars,
                1234, 99, t.snapshot(), AlertMonitor.State.initial(), SplitPnl.ZERO, new SplitPnl(3, -1.5), status, null);
    }

    /** The general way: the engine as a tree, and (version 2) the status without the trips the engine holds. */
    private static String reference(RunnerState s) {
        return Json.line(s.withStatus(s.status().withRoundTrips(List.of()), true)) + "\n";
    }

    /** A version 1 file: every round trip in the engine and in the status. */
    private static String version1(RunnerState s) {
        return Json.line(new RunnerState(1, s.tf(), s.symbol(), s.artifact(), s.source(), s.strategyConfig(), s.barsProcessed(),
                s.lastBarTs(), s.eventLogBytes(), s.eventSeq(), s.engine(), s.alerts(), s.inSample(), s.outOfSample(), s.status(),
                s.drift())).replace(",\"round_trips_in_engine\":false}", "}") + "\n";
    }

    @Test
    void checkpointsWithTheCachedRoundTripsEqualTheGeneralSerialisation() {
        EngineTrader t = new EngineTrader(Timeframe.M5, StrategyConfig.defaults(Timeframe.M5), false);
        SplittableRandom rnd = new SplittableRandom(7);
        StateJson.Trips trips = new StateJson.Trips();
        int bar = 0;
        for (int k = 1; k <= 4; k++) { // each checkpoint adds trips to the cached ones
            bar = trade(t, rnd, bar, 5 * k);
            RunnerState s = state(t, bar);
            String made = new String(StateJson.bytes(s, t.snapshotValue(), trips), StandardCharsets.UTF_8);
            assertEquals(reference(s), made, "checkpoint " + k);
        }
        assertTrue(t.roundTrips().size() >= 20);
        // another trader's trips (a restored engine: equal trips, other objects) are written from scratch
        EngineTrader other = new EngineTrader(Timeframe.M5, StrategyConfig.defaults(Timeframe.M5), false);
        other.restore(t.snapshot());
        RunnerState s = state(other, bar);
        assertEquals(reference(s), new String(StateJson.bytes(s, other.snapshotValue(), trips), StandardCharsets.UTF_8));
        // and a trader with none
        EngineTrader fresh = new EngineTrader(Timeframe.M5, StrategyConfig.defaults(Timeframe.M5), false);
        RunnerState empty = state(fresh, 0);
        assertEquals(reference(empty), new String(StateJson.bytes(empty, fresh.snapshotValue(), trips), StandardCharsets.UTF_8));
    }

    @Test
    void aVersion2StateLoadsAsTheVersion1FileOfTheSameRun(@TempDir Path dir) throws Exception {
        EngineTrader t = new EngineTrader(Timeframe.M5, StrategyConfig.defaults(Timeframe.M5), false);
        int bars = trade(t, new SplittableRandom(3), 0, 6);
        RunnerState s = state(t, bars);
        StateStore store = new StateStore(dir.resolve("v2"));
        store.save(s, t.snapshotValue(), new StateJson.Trips());
        String v2 = Files.readString(store.stateFile());
        assertTrue(v2.startsWith("{\"version\":2,") && v2.contains("\"round_trips\":[],") && v2.endsWith(",\"round_trips_in_engine\":true}\n"), v2);
        StateStore old = new StateStore(dir.resolve("v1"));
        Files.createDirectories(old.dir());
        Files.writeString(old.stateFile(), version1(s));
        assertTrue(Files.size(old.stateFile()) > Files.size(store.stateFile()) + 6 * 200, "each trip is stored once");
        RunnerState back = store.load().orElseThrow(), expected = old.load().orElseThrow();
        assertEquals(6, back.status().roundTrips().size());
        assertEquals(Json.line(expected.status()), Json.line(back.status()));
        assertEquals(Json.line(expected.engine()), Json.line(back.engine()));
        assertEquals(Json.line(expected.withStatus(expected.status(), false)).replace("\"version\":1,", "\"version\":2,"), Json.line(back));
        // status --json prints what it printed from a version 1 file
        assertEquals(Json.pretty(expected.status()), Json.pretty(store.status()));
    }

    @Test
    void aTraderWhoseSnapshotHoldsNoTripsKeepsThemInTheStatus(@TempDir Path dir) {
        Fakes.Trader t = new Fakes.Trader(false);
        RunnerState s = state(t, 0);
        StateStore store = new StateStore(dir);
        store.save(s, t.snapshotValue(), new StateJson.Trips());
        assertEquals(Json.line(s), Json.line(store.load().orElseThrow()));
    }
}
