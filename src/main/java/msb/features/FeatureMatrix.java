package msb.features;

/**
 * Features of a whole bar series, aligned to bar indices: {@code rows[i]} is the row of bar i in schema
 * column order, null for bars inside the warm-up ({@code i < schema.warmupBars()}). Arrays are owned by
 * this object: callers must not mutate them.
 *
 * @param ts bar close times, unix seconds (the series' own array)
 */
public record FeatureMatrix(FeatureSchema schema, long[] ts, double[][] rows) {
    public FeatureMatrix {
        if (ts.length != rows.length) throw new IllegalArgumentException("ts and rows lengths differ");
    }

    public int bars() { return ts.length; }

    /** Index of the first bar that has a row (= warmupBars), or bars() if the series is too short. */
    public int firstRow() { return Math.min(schema.warmupBars(), ts.length); }

    /** The row of bar i, or null inside the warm-up. */
    public double[] row(int i) { return rows[i]; }

    public double value(int bar, String column) {
        int j = schema.columns().indexOf(column);
        if (j < 0) throw new IllegalArgumentException("no column '" + column + "' in " + schema.columns());
        double[] r = rows[bar];
        return r == null ? Double.NaN : r[j];
    }
}
