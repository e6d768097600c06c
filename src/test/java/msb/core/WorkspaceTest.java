package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
    private static final Path HOME = Path.of("some/msb-home").toAbsolutePath(); // paths only: nothing is written
    private final Workspace ws = Workspace.at(HOME);

    @Test
    void layoutIsUnderHome() {
        assertEquals(HOME.resolve("datasets/raw/BTC"), ws.rawDir("BTC"));
        assertEquals(HOME.resolve("datasets/BTC/24h"), ws.datasetDir("BTC", Timeframe.H24));
        assertEquals(HOME.resolve("models/ETH-PERP/5m"), ws.modelsDir("ETH-PERP", Timeframe.M5));
        assertEquals(HOME.resolve("state/BTC/1h"), ws.stateDir("BTC", Timeframe.H1));
    }

    @Test
    void symbolsThatEscapeTheTreeAreRefused() {
        for (String bad : new String[]{"../x", "a/b", "..", "", " BTC", "BTC\u0000", "x".repeat(40)}) {
            var e = assertThrows(UserInputException.class, () -> ws.modelsDir(bad, Timeframe.M5), bad);
            assertEquals(true, e.getMessage().contains("is not a symbol"), e.getMessage());
        }
    }
}
