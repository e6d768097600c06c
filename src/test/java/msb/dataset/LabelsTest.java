package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void fixedThresholdInBps() {
        LabelSpec spec = LabelSpec.fixed(1, 10);
        double thr = Labels.threshold(spec, new double[]{100, 100.2}, 0);
        assertEquals(0.001, thr, 1e-18);
        assertEquals(Labels.UP, Labels.label(0.0011, thr));
        assertEquals(Labels.NEUTRAL, Labels.label(0.001, thr));
        assertEquals(Labels.NEUTRAL, Labels.label(-0.001, thr));
        assertEquals(Labels.DOWN, Labels.label(-0.0011, thr));
    }

    @Test
    void adaptiveThresholdIsKTimesTheSampleStdOfReturnsUpToT() {
        double[] close = {100, 101, 99, 102, 102, 50};
        LabelSpec spec = LabelSpec.adaptive(1, 0.5, 3);
        double r1 = 99 / 101.0 - 1, r2 = 102 / 99.0 - 1, r3 = 0;
        double m = (r1 + r2 + r3) / 3;
        double sd = Math.sqrt(((r1 - m) * (r1 - m) + (r2 - m) * (r2 - m) + (r3 - m) * (r3 - m)) / 2);
        assertEquals(0.5 * sd, Labels.threshold(spec, close, 4), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Labels.threshold(spec, close, 2));
    }

    @Test
    void horizonForwardReturn() {
        double[] close = {100, 110, 121};
        assertEquals(0.21, Labels.forwardReturn(close, 0, 2), 1e-12);
    }

    @Test
    void specValidatesWithTheBadValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> LabelSpec.adaptive(1, 0.5, 500));
        assertEquals(true, e.getMessage().contains("500"));
        assertThrows(IllegalArgumentException.class, () -> LabelSpec.fixed(0, 10));
        assertThrows(IllegalArgumentException.class, () -> LabelSpec.fixed(1, Double.NaN));
    }

    /** The builder's thresholds read returns computed once per series: the same doubles as the definition's. */
    @Test
    void precomputedReturnsGiveTheSameThresholdsBitForBit() {
        java.util.Random r = new java.util.Random(15);
        double[] close = new double[3000];
        close[0] = 30000;
        for (int i = 1; i < close.length; i++) close[i] = Math.round(close[i - 1] * Math.exp(r.nextGaussian() * 0.002) * 100) / 100.0;
        double[] returns = Labels.returns(close);
        for (LabelSpec spec : new LabelSpec[]{LabelSpec.DEFAULT, LabelSpec.adaptive(3, 0.8, 7), LabelSpec.adaptive(1, 0.5, 2)}) {
            for (int t = spec.volWindowBars(); t < close.length; t++) {
                assertEquals(Double.doubleToLongBits(Labels.threshold(spec, close, t)),
                        Double.doubleToLongBits(Labels.threshold(spec, close, returns, t)), "bar " + t + " of " + spec);
            }
        }
    }
}
