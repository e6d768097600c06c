package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Workspace;
import msb.data.CliRun;
import org.junit.jupiter.api.Assumptions;

/** Real-data CLI tests' common start: the shared Coinbase BTC 4h bars imported and built into a 24h dataset. */
final class CoinbaseWorkspace {
    static final String FILE = "Coinbase-BTC-USD-PT4H-20160518_20251028.json";

    private CoinbaseWorkspace() {}

    /**
     * Skips the calling test when {@code msb.shared.data} does not hold the file; otherwise runs
     * {@code data import} and {@code dataset build --tf 24h} in {@code home} (both must exit 0).
     */
    static Workspace with24hDataset(Path home) {
        String shared = System.getProperty("msb.shared.data");
        Path file = shared == null ? null : Path.of(shared, "ta4j", FILE);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "shared Coinbase BTC 4h file not found (msb.shared.data=" + shared + "); skipping the real-data test");
        assertEquals(0, CliRun.run(home, "data", "import", "--in", file.toString()).code());
        assertEquals(0, CliRun.run(home, "dataset", "build", "--tf", "24h").code());
        return Workspace.at(home);
    }
}
