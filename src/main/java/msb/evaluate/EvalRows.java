package msb.evaluate;

import java.util.Arrays;
import msb.core.Timeframe;
import msb.dataset.Dataset;

/**
 * The rows under evaluation, in order (normally a dataset's test split): their dataset row numbers, bar close
 * times, closes, labels, forward returns, and the crowd mood the decision logic sees (0 without cohort data).
 * {@code prevClose} is the close of the bar before each row, for the previous-bar-sign baseline.
 */
public record EvalRows(Timeframe tf, int[] datasetRows, long[] ts, double[] close, double[] prevClose, int[] label,
                       double[] fwdReturn, double[] mood) {
    public EvalRows {
        int n = datasetRows.length;
        if (n == 0) throw new IllegalArgumentException("no rows to evaluate");
        if (ts.length != n || close.length != n || prevClose.length != n || label.length != n
                || fwdReturn.length != n || mood.length != n) {
            throw new IllegalArgumentException("evaluated row columns differ in length");
        }
    }

    public int size() { return datasetRows.length; }

    /** Rows {@code rows} of a dataset (chronological), with mood 0. Row 0 of the dataset has no previous close. */
    public static EvalRows of(Dataset ds, int[] rows) {
        int n = rows.length;
        long[] ts = new long[n];
        double[] close = new double[n], prev = new double[n], fwd = new double[n];
        int[] label = new int[n];
        for (int k = 0; k < n; k++) {
            int r = rows[k];
            ts[k] = ds.ts()[r];
            close[k] = ds.close()[r];
            prev[k] = r > 0 ? ds.close()[r - 1] : Double.NaN;
            label[k] = ds.label()[r];
            fwd[k] = ds.fwdReturn()[r];
        }
        return new EvalRows(ds.tf(), rows.clone(), ts, close, prev, label, fwd, new double[n]);
    }

    public EvalRows withMood(double[] moodPerRow) {
        return new EvalRows(tf, datasetRows, ts, close, prevClose, label, fwdReturn, Arrays.copyOf(moodPerRow, size()));
    }
}
