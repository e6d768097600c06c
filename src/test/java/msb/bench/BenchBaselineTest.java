package msb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchBaselineTest {
    private static final double TOLERANCE = 1e-12;

    private static BenchBaseline run(double barsPerSec, double p99Ms) {
        return new BenchBaseline("live gbm 200000 bars", null)
                .with("bars_per_s", barsPerSec, "bars/s", true)
                .with("p99_ms", p99Ms, "ms", false);
    }

    @Test
    void throughputDropAndLatencyRiseBothCountAsWorse() {
        List<BenchBaseline.Change> c = run(80_000, 0.032).compare(run(100_000, 0.030));
        assertEquals(0.20, c.get(0).worseFrac(), TOLERANCE);
        assertEquals(0.2 / 3, c.get(1).worseFrac(), 1e-9);
        List<BenchBaseline.Change> worse = BenchBaseline.regressions(c, BenchBaseline.DEFAULT_MAX_WORSE_FRAC);
        assertEquals(List.of("bars_per_s"), worse.stream().map(BenchBaseline.Change::name).toList());
    }

    @Test
    void improvementsAndSmallNoiseAreNoRegression() {
        List<BenchBaseline.Change> c = run(95_000, 0.020).compare(run(100_000, 0.030));
        assertTrue(c.get(0).worseFrac() > 0 && c.get(0).worseFrac() < 0.10);
        assertTrue(c.get(1).worseFrac() < 0);
        assertTrue(BenchBaseline.regressions(c, 0.10).isEmpty());
        assertTrue(c.get(1).describe().contains("better by"), c.get(1).describe());
    }

    @Test
    void anotherBenchNeverCompares() {
        BenchBaseline other = new BenchBaseline("live stack 20000 bars", null).with("bars_per_s", 1, "bars/s", true);
        assertThrows(IllegalArgumentException.class, () -> run(1, 1).compare(other));
    }

    @Test
    void figuresOnlyOneRunHasAreLeftOut() {
        BenchBaseline old = new BenchBaseline("live gbm 200000 bars", null).with("bars_per_s", 100_000, "bars/s", true);
        List<BenchBaseline.Change> c = run(50_000, 9).compare(old);
        assertEquals(1, c.size());
        assertEquals("bars_per_s", c.get(0).name());
    }

    @Test
    void savedFileReadsBackEqual(@TempDir Path dir) {
        Path file = dir.resolve("base.json");
        BenchBaseline b = run(123_456, 0.25);
        Json.write(file, b);
        assertTrue(Files.isRegularFile(file));
        BenchBaseline back = Json.read(file, BenchBaseline.class);
        assertEquals(b, back);
        assertTrue(back.compare(b).stream().allMatch(ch -> ch.worseFrac() == 0));
    }
}
