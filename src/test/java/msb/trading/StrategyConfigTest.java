package msb.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyConfigTest {
    @Test
    void defaultsPerTimeframeAreSafe() {
        for (Timeframe tf : Timeframe.values()) {
            StrategyConfig c = StrategyConfig.defaults(tf);
            assertFalse(c.gate().requireConsensus(), "consensus off by default");
            assertFalse(c.gate().flipMood() || c.gate().flipModel(), "no flips by default");
            assertTrue(c.gate().allowModelOnlyWhenMoodNeutral(), "with no cohort data mood is 0: the model must act alone");
            assertEquals(StrategyConfig.liveSMin(tf), c.gate().sMin());
            assertEquals(StrategyConfig.Mode.GATE, c.mode());
        }
        for (Timeframe tf : Timeframe.values()) {
            assertEquals(msb.signal.SignalThresholds.sMin(tf), StrategyConfig.liveSMin(tf), "one S_MIN per timeframe");
            assertTrue(StrategyConfig.liveSMin(tf) > 0 && StrategyConfig.liveSMin(tf) < 0.5);
        }
    }

    @Test
    void jsonRoundTrip() throws Exception {
        StrategyConfig c = StrategyConfig.defaults(Timeframe.H12);
        String json = c.toJson();
        assertTrue(json.contains("\"S_MIN\"") && json.contains("\"max_spread_bps\"") && json.contains("\"mode\" : \"gate\""), json);
        assertEquals(c, Json.mapper().readValue(json, StrategyConfig.class));
    }

    @Test
    void yamlAndJsonOverlayTheDefaults(@TempDir Path dir) throws Exception {
        Path y = dir.resolve("s.yaml");
        Files.writeString(y, "mode: bandit\nguards:\n  max_spread_bps: 3.5\ngate:\n  require_consensus: true\n");
        StrategyConfig c = StrategyConfig.load(y, Timeframe.H1);
        StrategyConfig d = StrategyConfig.defaults(Timeframe.H1);
        assertEquals(StrategyConfig.Mode.BANDIT, c.mode());
        assertEquals(3.5, c.guards().maxSpreadBps());
        assertTrue(c.gate().requireConsensus());
        assertEquals(d.gate().sMin(), c.gate().sMin());
        assertEquals(d.paper(), c.paper());

        Path j = dir.resolve("s.json");
        Files.writeString(j, "{\"exits\":{\"stop_loss_bps\":42}}");
        assertEquals(42, StrategyConfig.load(j, Timeframe.H1).exits().stopLossBps());
    }

    @Test
    void badFilesNameTheField(@TempDir Path dir) throws Exception {
        Path y = dir.resolve("s.yaml");
        Files.writeString(y, "guards:\n  max_spread: 3\n");
        UserInputException e = assertThrows(UserInputException.class, () -> StrategyConfig.load(y, Timeframe.H1));
        assertTrue(e.getMessage().contains("s.yaml line 2: field 'guards.max_spread' is unknown; did you mean 'max_spread_bps'?"),
                e.getMessage());

        Files.writeString(y, "mode: gate\nexit:\n  max_holding_bars: 3\n");
        e = assertThrows(UserInputException.class, () -> StrategyConfig.load(y, Timeframe.H1));
        assertTrue(e.getMessage().contains("s.yaml line 2: field 'exit' is unknown; did you mean 'exits'?"), e.getMessage());

        Files.writeString(y, "guards:\n  cooldown_bars: soon\n");
        e = assertThrows(UserInputException.class, () -> StrategyConfig.load(y, Timeframe.H1));
        assertTrue(e.getMessage().contains("line 2: field 'guards.cooldown_bars': 'soon' is not a whole number"), e.getMessage());

        Files.writeString(y, "guards:\n  max_spread_bps: -1\n");
        e = assertThrows(UserInputException.class, () -> StrategyConfig.load(y, Timeframe.H1));
        assertTrue(e.getMessage().contains("max_spread_bps"), e.getMessage());

        Files.writeString(y, "mode: yolo\n");
        e = assertThrows(UserInputException.class, () -> StrategyConfig.load(y, Timeframe.H1));
        assertTrue(e.getMessage().contains("mode"), e.getMessage());

        e = assertThrows(UserInputException.class, () -> StrategyConfig.load(dir.resolve("none.yaml"), Timeframe.H1));
        assertTrue(e.getMessage().contains("none.yaml"), e.getMessage());
    }
}
