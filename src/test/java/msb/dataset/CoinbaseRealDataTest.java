package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coinbase BTC 4h (shared/data/ta4j) imports and builds 12h, 24h and 4h datasets; 1h exits 2. */
@Tag("realdata")
class CoinbaseRealDataTest {

    @Test
    void coinbase4hBuilds12h24hAnd4hAndRefuses1h(@TempDir Path home) {
        Path file = Path.of(System.getProperty("msb.shared.data", ""), "ta4j", "Coinbase-BTC-USD-PT4H-20160518_20251028.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "real data absent: " + file + " (set -Dmsb.shared.data)");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "data", "import", "--in", file.toString()), err.toString());

        out = new StringWriter();
        err = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "dataset", "build", "--tf", "all"), err.toString());
        assertTrue(out.toString().contains("built 12h"), out.toString());
        assertTrue(out.toString().contains("built 24h"), out.toString());
        assertTrue(out.toString().contains("skipped 5m: 5m is finer than the stored bars"), out.toString());
        assertTrue(out.toString().contains("skipped 1h: 1h is finer than the stored bars"), out.toString());
        Workspace ws = Workspace.at(home);
        DatasetManifest m12 = DatasetStore.manifest(ws, "BTC", Timeframe.H12);
        DatasetManifest m24 = DatasetStore.manifest(ws, "BTC", Timeframe.H24);
        assertTrue(m12.rows() > 6500, "12h rows " + m12.rows());
        assertTrue(m24.rows() > 3200, "24h rows " + m24.rows());
        assertTrue(m12.gaps().count() > 0 || m12.droppedIncompleteBuckets() > 0, "the 4h file has gaps");
        assertEquals(12, m24.columns().size());
        assertEquals(m24.rows(), DatasetStore.load(ws, "BTC", Timeframe.H24).rows());

        // the file's own timeframe, which is not one of the standard four
        out = new StringWriter();
        err = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "dataset", "build", "--tf", "4h"), err.toString());
        assertTrue(out.toString().contains("built 4h"), out.toString());
        DatasetManifest m4 = DatasetStore.manifest(ws, "BTC", Timeframe.parse("4h"));
        assertEquals("4h", m4.tf());
        assertEquals(14_400, m4.bars().intervalSec());
        assertEquals(0, m4.droppedIncompleteBuckets(), "4h bars from 4h bars: nothing to resample");
        assertTrue(m4.rows() > 20_000, "4h rows " + m4.rows());
        assertTrue(home.resolve("datasets/BTC/4h/manifest.json").toFile().isFile());

        err = new StringWriter();
        assertEquals(2, CliRun.execute(new StringWriter(), err, "--home", home.toString(), "dataset", "build", "--tf", "1h"));
        assertTrue(err.toString().contains("1h is finer than the stored bars"), err.toString());
        assertTrue(!err.toString().contains("Exception"), err.toString());
    }
}
