package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import msb.core.Json;
import msb.core.Timeframe;
import msb.data.CliRun;
import msb.live.Fakes;
import msb.live.LiveClock;
import msb.live.LiveRunner;
import msb.live.ReplayFeed;
import msb.live.Speed;
import msb.live.StateStore;
import msb.live.StatusDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    static CliRun msb(String... args) {
        return CliRun.runArgs(args);
    }

    private static StatusDoc runFake(Path stateDir) throws Exception {
        var setup = new LiveRunner.Setup(Timeframe.M5, "BTC", "/models/BTC/5m/run-1", "replay", false, List.of(),
                ts -> false, 100);
        LiveRunner r = new LiveRunner(setup, new Fakes.Features(5), new Fakes.Predictor(2), null, new Fakes.Trader(false),
                new StateStore(stateDir), a -> { }, LiveClock.SYSTEM);
        r.open();
        return r.run(new ReplayFeed(Fakes.bars(600, 1_700_000_100L), null, Speed.MAX, LiveClock.SYSTEM), Long.MAX_VALUE, null);
    }

    @Test
    void jsonHasTheContractFieldsAndMatchesTheRun(@TempDir Path home) throws Exception {
        Path dir = home.resolve("state/BTC/5m");
        StatusDoc s = runFake(dir);
        CliRun r = msb("--home", home.toString(), "status", "--json"); // no --state-dir: the most recent runner
        assertEquals(0, r.code(), r.err());
        JsonNode n = Json.mapper().readTree(r.out());
        Set<String> fields = new TreeSet<>();
        n.fieldNames().forEachRemaining(fields::add);
        for (String f : List.of("tf", "artifact", "mode", "bars_processed", "last_bar_ts", "position", "equity",
                "realized_pnl", "signals", "orders", "round_trips", "blocked", "halted", "flips", "alerts")) {
            assertTrue(fields.contains(f), "missing " + f + " in " + fields);
        }
        assertEquals("5m", n.get("tf").asText());
        assertEquals("paper", n.get("mode").asText());
        assertEquals(600, n.get("bars_processed").asLong());
        assertEquals(s.lastBarTs().longValue(), n.get("last_bar_ts").asLong());
        assertEquals(s.orders().buy(), n.get("orders").get("buy").asLong());
        assertEquals(s.signals().sell(), n.get("signals").get("sell").asLong());
        assertEquals(s.roundTrips().size(), n.get("round_trips").size());
        assertTrue(n.get("round_trips").get(0).has("exit_ts"));
        assertTrue(n.get("blocked").get("cooldown").has("buy") && n.get("blocked").get("cooldown").has("sell"));
        assertFalse(n.get("halted").asBoolean());
        assertEquals(s.equity(), n.get("equity").asDouble(), 0);
        assertEquals(Json.pretty(s), r.out(), "status prints the runner's final status exactly");
    }

    @Test
    void humanTableAndMonitorFrame(@TempDir Path dir) throws Exception {
        runFake(dir);
        CliRun t = msb("status", "--state-dir", dir.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("bars processed") && t.out().contains("600") && t.out().contains("cooldown"), t.out());
        CliRun m = msb("monitor", "--state-dir", dir.toString(), "--once");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("funnel") && m.out().contains("signals") && m.out().contains("recent events"), m.out());
        assertTrue(m.out().contains(" decision "), "tail of the event log: " + m.out());
    }

    @Test
    void noRunnerIsExit2NamingTheFix(@TempDir Path home) {
        CliRun r = msb("--home", home.toString(), "status");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("run-live"), r.err());
    }
}
