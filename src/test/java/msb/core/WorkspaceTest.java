package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
    private final Workspace ws = Workspace.at(Path.of("/tmp/msb-home"));

    @Test
    void layoutIsUnderHome() {
        assertEquals(Path.of("/tmp/msb-home/datasets/raw/BTC"), ws.rawDir("BTC"));
        assertEquals(Path.of("/tmp/msb-home/datasets/BTC/24h"), ws.datasetDir("BTC", Timeframe.H24));
        assertEquals(Path.of("/tmp/msb-home/models/ETH-PERP/5m"), ws.modelsDir("ETH-PERP", Timeframe.M5));
        assertEquals(Path.of("/tmp/msb-home/state/BTC/1h"), ws.stateDir("BTC", Timeframe.H1));
    }

    @Test
    void symbolsThatEscapeTheTreeAreRefused() {
        for (String bad : new String[]{"../x", "a/b", "..", "", " BTC", "BTC\u0000", "x".repeat(40)}) {
            var e = assertThrows(UserInputException.class, () -> ws.modelsDir(bad, Timeframe.M5), bad);
            assertEquals(true, e.getMessage().contains("is not a symbol"), e.getMessage());
        }
    }
}
