package msb.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import msb.bench.SyntheticBars;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.dataset.DatasetBuilder;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import org.junit.jupiter.api.Test;

/** Changing any bar after t leaves every feature at t, and the split membership at t, unchanged. */
class LookAheadTest {

    /** The series with every bar after {@code t} replaced by unrelated random bars. */
    static Bars scrambledAfter(Bars b, int t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] o = b.open().clone(), h = b.high().clone(), l = b.low().clone(), c = b.close().clone(), v = b.volume().clone();
        for (int i = t + 1; i < b.size(); i++) {
            o[i] = 100 + rnd.nextDouble() * 1000;
            c[i] = 100 + rnd.nextDouble() * 1000;
            h[i] = Math.max(o[i], c[i]) * (1 + rnd.nextDouble() * 0.1);
            l[i] = Math.min(o[i], c[i]) * (1 - rnd.nextDouble() * 0.1);
            v[i] = rnd.nextDouble() * 100;
        }
        return new Bars(b.intervalSec(), b.ts().clone(), o, h, l, c, v);
    }

    @Test
    void featuresAndSplitsAtTIgnoreLaterBars() {
        Bars b = SyntheticBars.minutes(600, 11);
        var base = DatasetBuilder.compute(b, null, null, Timeframe.M5, "T", LabelSpec.DEFAULT, SplitSpec.DEFAULT).dataset();
        FeatureMatrix fm = FeatureEngine.compute(b);
        for (int t : new int[]{111, 112, 200, 333, 480, 598}) {
            Bars changed = scrambledAfter(b, t, t);
            FeatureMatrix fc = FeatureEngine.compute(changed);
            for (int i = 111; i <= t; i++) assertArrayEquals(fm.row(i), fc.row(i), "features of bar " + i + " after changing bars > " + t);
            var other = DatasetBuilder.compute(changed, null, null, Timeframe.M5, "T", LabelSpec.DEFAULT, SplitSpec.DEFAULT).dataset();
            assertEquals(base.rows(), other.rows());
            for (int r = 0; r < base.rows() && base.ts()[r] <= b.ts(t); r++) {
                assertEquals(base.split()[r], other.split()[r], "split of row " + r);
                assertArrayEquals(base.x()[r], other.x()[r]);
            }
        }
    }

    @Test
    void adaptiveThresholdUsesNoReturnAfterT() {
        Bars b = SyntheticBars.minutes(300, 5);
        int t = 150;
        Bars changed = scrambledAfter(b, t, 99);
        LabelSpec spec = LabelSpec.DEFAULT;
        assertEquals(msb.dataset.Labels.threshold(spec, b.close(), t), msb.dataset.Labels.threshold(spec, changed.close(), t));
    }
}
