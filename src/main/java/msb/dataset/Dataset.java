package msb.dataset;

import java.util.List;
import msb.core.Timeframe;

/**
 * A built per-timeframe dataset in memory: one row per bar that has a full feature window and a label.
 * Rows are chronological; {@code x[row]} holds the feature values in {@code columns} order, unscaled.
 * {@code label} is -1/0/1 (DOWN/NEUTRAL/UP); {@code fwdReturn} is the forward return the label was cut
 * from; {@code close} is the bar's close. Arrays are owned by this object: callers must not mutate them.
 *
 * @param tf          timeframe of every row
 * @param symbol      market symbol, e.g. BTC
 * @param columns     feature names in schema order
 * @param schemaHash  hash of feature names and definition versions
 * @param ts          bar close time, unix seconds UTC
 * @param x           feature matrix [row][column]
 * @param label       -1, 0 or 1
 * @param split       train / val / test / purged / embargo
 * @param close       close price of the row's bar
 * @param fwdReturn   close[t+h] / close[t] - 1
 * @param sha256      hash of the stored dataset file this was read from (provenance for artifacts)
 */
public record Dataset(Timeframe tf, String symbol, List<String> columns, String schemaHash, long[] ts,
                      double[][] x, int[] label, Split[] split, double[] close, double[] fwdReturn,
                      String sha256) {
    public Dataset {
        int n = ts.length;
        if (x.length != n || label.length != n || split.length != n || close.length != n || fwdReturn.length != n) {
            throw new IllegalArgumentException("dataset column lengths differ");
        }
        columns = List.copyOf(columns);
    }

    public int rows() { return ts.length; }

    /** The same rows with another split per row (a walk-forward fold's, a pool member's). */
    public Dataset withSplit(Split[] other) {
        return new Dataset(tf, symbol, columns, schemaHash, ts, x, label, other, close, fwdReturn, sha256);
    }

    /** Row indices of one split, in order. */
    public int[] rowsOf(Split s) {
        int count = 0;
        for (Split v : split) if (v == s) count++;
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < split.length; i++) if (split[i] == s) out[k++] = i;
        return out;
    }
}
