package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-asset features read the other symbol's stored series that covers the bars: a finer file of another
 * period (ETH 5m of an earlier year beside the ETH 1h file that overlaps) must not shadow it.
 */
class CrossSourceChoiceTest {
    private static final long HOUR_SEC = 3_600, FIVE_MIN_SEC = 300;

    @Test
    void theOverlappingSeriesIsReadNotTheFinest(@TempDir Path home) throws Exception {
        long start = 1_600_000_000L / HOUR_SEC * HOUR_SEC;
        Path btc = csv(home.resolve("btc-1h.csv"), start, HOUR_SEC, 600, 1);
        Path eth = csv(home.resolve("eth-1h.csv"), start, HOUR_SEC, 600, 2);
        Path ethOld = csv(home.resolve("eth-5m-old.csv"), start - 400 * 86_400L, FIVE_MIN_SEC, 3_000, 3);
        for (String[] a : new String[][]{{btc.toString(), "BTC"}, {eth.toString(), "ETH"}, {ethOld.toString(), "ETH"}}) {
            StringWriter err = new StringWriter();
            assertEquals(0, CliRun.execute(new StringWriter(), err, "--home", home.toString(), "data", "import", "--in", a[0],
                    "--symbol", a[1]), err.toString());
        }
        Path f = home.resolve("features.yaml");
        Files.writeString(f, "features: [default, {xret: {symbol: ETH, bars: [1]}}]\n");
        StringWriter err = new StringWriter();
        assertEquals(0, CliRun.execute(new StringWriter(), err, "--home", home.toString(), "dataset", "build", "--tf", "1h",
                "--features", f.toString()), err.toString());
        DatasetManifest m = DatasetStore.manifest(Workspace.at(home), "BTC", Timeframe.H1);
        assertTrue(m.source().files().containsKey("cross/ETH/eth-1h.bars"), "the overlapping ETH 1h series was read: " + m.source().files());
        assertEquals(0, m.barsWithoutCross(), "every BTC bar has its ETH bar");
    }

    private static Path csv(Path file, long firstOpenTs, long stepSec, int n, long seed) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder b = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double close = 1_000;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = open * Math.exp(0.005 * rnd.nextGaussian());
            b.append(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.4f,%.4f,%d%n", firstOpenTs + i * stepSec, open,
                    Math.max(open, close) * 1.001, Math.min(open, close) * 0.999, close, 100 + rnd.nextInt(50)));
        }
        return Files.writeString(file, b.toString());
    }
}
