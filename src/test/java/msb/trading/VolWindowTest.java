package msb.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The incremental volatility window gives bit for bit the standard deviation computed afresh from its closes. */
class VolWindowTest {
    private static final int WINDOW_BARS = 20;

    @Test
    void everyReadEqualsTheFreshComputationAndARestoredWindowGoesOnTheSame() {
        SplittableRandom rnd = new SplittableRandom(5);
        VolWindow w = new VolWindow(WINDOW_BARS);
        List<Double> closes = new ArrayList<>();
        double price = 30_000;
        VolWindow restored = null;
        for (int i = 0; i < 500; i++) {
            price *= Math.exp(rnd.nextGaussian() * 0.002);
            closes.add(price);
            w.add(price);
            if (restored != null) restored.add(price);
            double want = fresh(closes);
            assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(w.perBarStd()), "bar " + i);
            assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(w.perBarStd()), "second read of bar " + i);
            if (restored != null) assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(restored.perBarStd()), "restored, bar " + i);
            if (i == 137) restored = VolWindow.restore(WINDOW_BARS, w.oldestFirst());
        }
        assertTrue(w.ready());
    }

    /** The definition: sample std of the last WINDOW_BARS log returns, summed oldest first; NaN until full. */
    private static double fresh(List<Double> closes) {
        if (closes.size() < WINDOW_BARS + 1) return Double.NaN;
        List<Double> c = closes.subList(closes.size() - WINDOW_BARS - 1, closes.size());
        double[] r = new double[WINDOW_BARS];
        double mean = 0;
        for (int i = 0; i < WINDOW_BARS; i++) {
            r[i] = Math.log(c.get(i + 1) / c.get(i));
            mean += r[i];
        }
        mean /= WINDOW_BARS;
        double ss = 0;
        for (double x : r) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (WINDOW_BARS - 1));
    }
}
