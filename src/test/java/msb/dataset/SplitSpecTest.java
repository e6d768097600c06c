package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Purge and embargo boundaries of the chronological split. */
class SplitSpecTest {

    private static String pattern(Split[] s) {
        StringBuilder b = new StringBuilder();
        for (Split x : s) b.append(switch (x) { case TRAIN -> 'T'; case VAL -> 'V'; case TEST -> 'S'; case PURGED -> 'p'; case EMBARGO -> 'e'; });
        return b.toString();
    }

    @Test
    void purgesHorizonRowsAtTheEndOfTrainAndValAndEmbargoesTheStartOfValAndTest() {
        // 20 rows at 60/20/20: train 0..11, val 12..15, test 16..19; h = 2, embargo 1
        Split[] s = new SplitSpec(0.6, 0.2, 0.2, 1).assign(20, 2);
        assertEquals("TTTTTTTTTTpp" + "eVpp" + "eSSS", pattern(s));
    }

    @Test
    void defaultsAreSixtyTwentyTwentyWithATwelveBarEmbargo() {
        Split[] s = SplitSpec.DEFAULT.assign(1000, 1);
        assertEquals(Split.TRAIN, s[598]);
        assertEquals(Split.PURGED, s[599]);
        for (int i = 600; i < 612; i++) assertEquals(Split.EMBARGO, s[i]);
        assertEquals(Split.VAL, s[612]);
        assertEquals(Split.VAL, s[798]);
        assertEquals(Split.PURGED, s[799]);
        for (int i = 800; i < 812; i++) assertEquals(Split.EMBARGO, s[i]);
        assertEquals(Split.TEST, s[812]);
        assertEquals(Split.TEST, s[999]);
    }

    @Test
    void noTrainRowsLabelReachesIntoValidation() {
        int h = 5;
        Split[] s = new SplitSpec(0.7, 0.15, 0.15, 3).assign(500, h);
        int lastTrain = -1, firstVal = -1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == Split.TRAIN) lastTrain = i;
            if (s[i] == Split.VAL && firstVal < 0) firstVal = i;
        }
        assertEquals(true, lastTrain + h < firstVal, "train row " + lastTrain + " + h must end before val row " + firstVal);
    }

    @Test
    void tinyDatasetsDoNotFail() {
        assertEquals("", pattern(SplitSpec.DEFAULT.assign(0, 1)));
        assertEquals(3, SplitSpec.DEFAULT.assign(3, 1).length);
    }

    @Test
    void badFractionsAreRefusedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SplitSpec(0.5, 0.2, 0.2, 0));
        assertEquals(true, e.getMessage().contains("sum to 1"));
        assertThrows(IllegalArgumentException.class, () -> new SplitSpec(0.6, 0.2, 0.2, -1));
    }
}
