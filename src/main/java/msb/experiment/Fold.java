package msb.experiment;

import java.util.Arrays;
import msb.dataset.Split;

/**
 * One walk-forward fold over a dataset's rows, as half-open row ranges in chronological order:
 * TRAIN {@code [fitFrom, trainTo)}, VAL {@code [valFrom, fitTo)}, TEST {@code [testFrom, testTo)}. The rows
 * between the parts are purged and embargoed; rows after the test window are not part of the fold.
 */
public record Fold(int index, int fitFrom, int trainTo, int valFrom, int fitTo, int testFrom, int testTo) {
    public Fold {
        if (!(0 <= fitFrom && fitFrom < trainTo && trainTo <= valFrom && valFrom < fitTo && fitTo <= testFrom
                && testFrom < testTo)) {
            throw new IllegalArgumentException("fold " + index + " ranges out of order: train [" + fitFrom + ", " + trainTo
                    + "), val [" + valFrom + ", " + fitTo + "), test [" + testFrom + ", " + testTo + ")");
        }
    }

    public int trainRows() { return trainTo - fitFrom; }

    public int valRows() { return fitTo - valFrom; }

    public int testRows() { return testTo - testFrom; }

    /**
     * The split of every dataset row for this fold: the gaps before VAL and TEST are PURGED for their first
     * {@code purgeBars} rows and EMBARGO for the rest; rows outside the fold are PURGED (never fitted or scored).
     */
    public Split[] splits(int rows, int purgeBars) {
        if (testTo > rows) throw new IllegalArgumentException("fold " + index + " ends at row " + testTo + " of " + rows);
        Split[] s = new Split[rows];
        Arrays.fill(s, Split.PURGED);
        Arrays.fill(s, fitFrom, trainTo, Split.TRAIN);
        gap(s, trainTo, valFrom, purgeBars);
        Arrays.fill(s, valFrom, fitTo, Split.VAL);
        gap(s, fitTo, testFrom, purgeBars);
        Arrays.fill(s, testFrom, testTo, Split.TEST);
        return s;
    }

    private static void gap(Split[] s, int from, int to, int purgeBars) {
        for (int i = from; i < to; i++) s[i] = i - from < purgeBars ? Split.PURGED : Split.EMBARGO;
    }

    /** Dataset row numbers of the test window. */
    public int[] testRowNumbers() {
        int[] r = new int[testRows()];
        for (int i = 0; i < r.length; i++) r[i] = testFrom + i;
        return r;
    }
}
