package msb.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import msb.data.Bars;
import org.junit.jupiter.api.Test;

/** The window primitives the features share, against hand-computed values. */
class RollingWindowTest {

    private static RollingWindow of(int capacity, double... xs) {
        RollingWindow w = new RollingWindow(capacity);
        for (double x : xs) w.add(x);
        return w;
    }

    @Test
    void sampleStdUsesDivisorNMinusOneOverTheNewestValues() {
        RollingWindow w = of(4, 100, 1, 2, 3, 4); // 100 has left the window
        // mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 3
        assertEquals(Math.sqrt(5.0 / 3), w.sampleStd(4), 1e-15);
        assertEquals(Math.sqrt(0.5), w.sampleStd(2), 1e-15); // 3, 4
        assertEquals(10.0, w.sum(4));
        assertEquals(3.5, w.mean(2));
        assertEquals(4.0, w.ago(0));
        assertEquals(1.0, w.ago(3));
    }

    @Test
    void aConstantWindowHasExactlyZeroStd() {
        assertEquals(0.0, of(50, new double[50]).sampleStd(50));
        double[] same = new double[50];
        java.util.Arrays.fill(same, 0.1);
        assertEquals(0.0, of(50, same).sampleStd(50));
    }

    @Test
    void pearsonCorrelationAndTheConstantCase() {
        RollingWindow x = of(5, 1, 2, 3, 4, 5), y = of(5, 2, 4, 6, 8, 10), z = of(5, 5, 4, 3, 2, 1);
        assertEquals(1.0, x.correlation(y, 5), 1e-15);
        assertEquals(-1.0, x.correlation(z, 5), 1e-15);
        // x = 1,2,3 ; w = 1,3,2: sxy = (-1)(-1) + 0 + (1)(0) = 1, sxx = 2, sww = 2 -> 0.5
        assertEquals(0.5, of(3, 1, 2, 3).correlation(of(3, 1, 3, 2), 3), 1e-15);
        assertEquals(0.0, x.correlation(of(5, 7, 7, 7, 7, 7), 5));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        RollingMedian m = new RollingMedian(4);
        for (double v : new double[]{9, 1, 5, 3, 7}) m.add(v); // 9 has left: 1, 5, 3, 7
        assertEquals(4.0, m.median());
        m.add(100); // 5, 3, 7, 100
        assertEquals(6.0, m.median());
        RollingMedian odd = new RollingMedian(3);
        for (double v : new double[]{2, 2, 1}) odd.add(v);
        assertEquals(2.0, odd.median());
    }

    @Test
    void aFlatMarketGivesZerosNeverNaN() {
        int n = 150;
        long[] ts = new long[n];
        double[] p = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = 60L * (i + 1);
            p[i] = 100;
        }
        FeatureMatrix m = FeatureEngine.compute(new Bars(60, ts, p, p, p, p, v));
        for (int i = 111; i < n; i++) {
            for (int j = 0; j < m.schema().width(); j++) {
                double x = m.row(i)[j];
                String name = m.schema().columns().get(j);
                // zero volume: volume / mean - 1 = 0 - 1 and close x 0 / 0 - 1 = 0 - 1 (ratios are 0)
                double want = name.equals("volume_intensity") || name.equals("vwap_momentum") ? -1.0 : 0.0;
                assertEquals(want, x, name + " at bar " + i);
            }
        }
    }
}
