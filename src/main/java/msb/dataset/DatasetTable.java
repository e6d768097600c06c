package msb.dataset;

import java.util.ArrayList;
import java.util.List;
import msb.core.Table;

/**
 * A dataset as a {@link Table} (the Parquet export of {@code dataset show --parquet}): the columns of its CSV form
 * ({@link DatasetCsv}: ts, features in schema order, label, split) after a {@code time} column, the bar close
 * as a UTC timestamp, so pandas reads it as a datetime.
 */
public final class DatasetTable {
    private DatasetTable() {}

    public static Table of(Dataset d) {
        int n = d.rows();
        long[] ms = new long[n];
        long[] label = new long[n];
        String[] split = new String[n];
        for (int i = 0; i < n; i++) {
            ms[i] = d.ts()[i] * 1000;
            label[i] = d.label()[i];
            split[i] = d.split()[i].label();
        }
        List<Table.Column> cols = new ArrayList<>();
        cols.add(new Table.Times("time", ms));
        cols.add(new Table.Longs("ts", d.ts().clone()));
        for (int k = 0; k < d.columns().size(); k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = d.x()[i][k];
            cols.add(new Table.Doubles(d.columns().get(k), v));
        }
        cols.add(new Table.Longs("label", label));
        cols.add(new Table.Strings("split", split));
        return new Table(cols);
    }
}
