package msb.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import msb.data.BarImporter;
import msb.data.Bars;
import org.junit.jupiter.api.Test;

/**
 * Import bounds prices to [1e-12, 1e12] and volumes to 1e18 so that no feature is ever NaN or infinite:
 * the most hostile series those bounds let through (prices jumping between the extremes, volumes at the
 * cap and at zero, flat stretches) must give finite features on every row.
 */
class ExtremeInputTest {
    @Test void theMostExtremeImportableSeriesGivesFiniteFeatures() {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Random rnd = new Random(7);
        double[] prices = {1e-12, 1e12, 1e-12 * 3, 5e11, 1};
        for (int i = 0; i < 3000; i++) {
            double o, c;
            if (i % 500 < 100) { o = c = 42; } // a flat stretch: zero variance everywhere
            else { o = prices[rnd.nextInt(prices.length)]; c = prices[rnd.nextInt(prices.length)]; }
            double v = i % 3 == 0 ? 0 : i % 3 == 1 ? 1e18 : 1e-9;
            csv.append(1_600_000_000L + i * 300L).append(',').append(o).append(',').append(Math.max(o, c)).append(',')
                    .append(Math.min(o, c)).append(',').append(c).append(',').append(v).append('\n');
        }
        Bars bars = BarImporter.read("extreme.csv", csv.toString().getBytes(StandardCharsets.UTF_8), BarImporter.Options.auto()).bars();
        FeatureMatrix m = FeatureEngine.compute(bars);
        int rows = 0;
        for (int i = m.firstRow(); i < bars.size(); i++) {
            double[] row = m.rows()[i];
            for (int j = 0; j < row.length; j++) {
                int col = j, at = i;
                assertTrue(Double.isFinite(row[j]), () -> "bar " + at + " feature " + m.schema().columns().get(col) + " = " + row[col]);
            }
            rows++;
        }
        assertTrue(rows > 2000, "rows checked: " + rows);
    }
}
