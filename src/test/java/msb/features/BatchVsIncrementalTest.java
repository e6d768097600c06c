package msb.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import msb.data.Bars;
import msb.data.Resampler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The batch path and the bar-by-bar path give bit-identical rows on real data. */
@Tag("realdata")
class BatchVsIncrementalTest {

    /** cobra0506/BTCUSDT_5m.csv: timestamp (bar open, "yyyy-MM-dd HH:mm:ss+00:00"),open,high,low,close,volume. */
    static Bars cobra5m() throws IOException {
        String dir = System.getProperty("msb.shared.data", "");
        Path file = Path.of(dir, "cobra0506", "BTCUSDT_5m.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "real data absent: " + file + " (set -Dmsb.shared.data)");
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        long[] ts = new long[n];
        double[][] cols = new double[5][n];
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
        for (int i = 0; i < n; i++) {
            String[] p = lines.get(i + 1).split(",");
            ts[i] = OffsetDateTime.parse(p[0], f).toEpochSecond() + 300;
            for (int k = 0; k < 5; k++) cols[k][i] = Double.parseDouble(p[k + 1]);
        }
        return new Bars(300, ts, cols[0], cols[1], cols[2], cols[3], cols[4]);
    }

    @Test
    void bitIdenticalOnBinance5mAnd1h() throws IOException {
        Bars five = cobra5m();
        for (Bars b : new Bars[]{five, Resampler.resample(five, 3600).bars()}) {
            FeatureMatrix batch = FeatureEngine.compute(b);
            FeatureEngine live = new FeatureEngine(FeatureSchema.of(false, false));
            int rows = 0;
            for (int i = 0; i < b.size(); i++) {
                double[] row = live.update(FeatureInput.of(b.get(i)));
                if (batch.row(i) == null) {
                    assertNull(row);
                    continue;
                }
                rows++;
                for (int j = 0; j < row.length; j++) {
                    assertEquals(Double.doubleToRawLongBits(batch.row(i)[j]), Double.doubleToRawLongBits(row[j]),
                            "bar " + i + " column " + batch.schema().columns().get(j));
                    assertEquals(true, Double.isFinite(row[j]), "finite at bar " + i);
                }
            }
            assertEquals(b.size() - 111, rows);
        }
    }
}
