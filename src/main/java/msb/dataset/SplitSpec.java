package msb.dataset;

/**
 * Chronological train / validation / test split of the labelled rows, by fractions that sum to 1. The
 * last h rows of train and of validation are PURGED (their labels reach into the next part), and the
 * first {@code embargoBars} rows of validation and of test are EMBARGO (a gap so that serially correlated
 * rows do not straddle two parts). h comes from the label's horizon.
 *
 * <p>Defaults ({@link #DEFAULT}): 60 / 20 / 20 and a 12-bar embargo (the longest "short" window of the
 * feature set: rv_1h and vwap_momentum look back 12 bars).
 */
public record SplitSpec(double trainFrac, double valFrac, double testFrac, int embargoBars) {
    public static final SplitSpec DEFAULT = new SplitSpec(0.6, 0.2, 0.2, 12);

    public SplitSpec {
        check("trainFrac", trainFrac);
        check("valFrac", valFrac);
        check("testFrac", testFrac);
        if (trainFrac == 0) throw new IllegalArgumentException("split trainFrac must be > 0");
        if (Math.abs(trainFrac + valFrac + testFrac - 1) > 1e-9) {
            throw new IllegalArgumentException("split fractions must sum to 1, got " + trainFrac + " + " + valFrac
                    + " + " + testFrac);
        }
        if (embargoBars < 0) throw new IllegalArgumentException("split embargoBars must be >= 0, got " + embargoBars);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("split " + name + " must be in [0, 1], got " + v);
    }

    /**
     * Split membership of {@code rows} chronological rows. Depends only on the row count, the fractions,
     * the horizon and the embargo, never on values.
     */
    public Split[] assign(int rows, int horizonBars) {
        int nTrain = (int) Math.floor(rows * trainFrac);
        int nVal = (int) Math.floor(rows * valFrac);
        if (testFrac == 0) nVal = rows - nTrain;
        Split[] out = new Split[rows];
        fill(out, 0, nTrain, Split.TRAIN, 0, nTrain < rows ? horizonBars : 0);
        fill(out, nTrain, nTrain + nVal, Split.VAL, embargoBars, nTrain + nVal < rows ? horizonBars : 0);
        fill(out, nTrain + nVal, rows, Split.TEST, embargoBars, 0);
        return out;
    }

    /**
     * Split membership of one symbol's chronological rows of a pooled dataset, by time instead of by count: rows
     * closing before {@code valFromTs} are TRAIN, before {@code testFromTs} VAL, the rest TEST; the purge and the
     * embargo are then applied within this series (its last h TRAIN and VAL rows, its first embargo VAL and TEST
     * rows), so that the cut-offs are common to every symbol and the gaps are each symbol's own.
     */
    public Split[] assignAt(long[] ts, long valFromTs, long testFromTs, int horizonBars) {
        if (testFromTs < valFromTs) throw new IllegalArgumentException("the test cut-off precedes the validation cut-off");
        int rows = ts.length, nTrain = 0, nTrainVal = 0;
        while (nTrain < rows && ts[nTrain] < valFromTs) nTrain++;
        nTrainVal = nTrain;
        while (nTrainVal < rows && ts[nTrainVal] < testFromTs) nTrainVal++;
        Split[] out = new Split[rows];
        fill(out, 0, nTrain, Split.TRAIN, 0, nTrain < rows ? horizonBars : 0);
        fill(out, nTrain, nTrainVal, Split.VAL, embargoBars, nTrainVal < rows ? horizonBars : 0);
        fill(out, nTrainVal, rows, Split.TEST, embargoBars, 0);
        return out;
    }

    /** Marks [from, to) as part, its first {@code embargo} rows EMBARGO and its last {@code purge} PURGED. */
    private static void fill(Split[] out, int from, int to, Split part, int embargo, int purge) {
        int purgeFrom = Math.max(from, to - purge);
        int embargoTo = Math.min(purgeFrom, from + embargo);
        for (int i = from; i < to; i++) {
            out[i] = i < embargoTo ? Split.EMBARGO : i >= purgeFrom ? Split.PURGED : part;
        }
    }
}
