package msb.research;

import java.time.Instant;
import msb.dataset.Dataset;
import msb.dataset.DatasetManifest;
import msb.dataset.Split;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A built dataset: its manifest (provenance, label definition, splits, class shares) and its rows.
 *
 * @param manifest the dataset's manifest.json
 * @param data     the rows, verified against the manifest's sha256
 */
public record ResearchDataset(DatasetManifest manifest, Dataset data) {
    /** Columns of {@link #table()} before the features. */
    public static final java.util.List<String> LEADING_COLUMNS = java.util.List.of("ts", "split", "label", "close", "fwd_return");

    /**
     * One row per labelled bar: {@code ts} (bar close, UTC), {@code split} (train, val, test, purged, embargo),
     * {@code label} (-1/0/1), {@code close}, {@code fwd_return}, then every feature column in schema order, unscaled.
     */
    public Table table() {
        Dataset d = data;
        int n = d.rows();
        Instant[] ts = new Instant[n];
        String[] split = new String[n];
        for (int i = 0; i < n; i++) {
            ts[i] = Instant.ofEpochSecond(d.ts()[i]);
            split[i] = d.split()[i].label();
        }
        Table t = Table.create(d.symbol() + " " + d.tf().label() + " dataset",
                InstantColumn.create("ts", ts), StringColumn.create("split", split), IntColumn.create("label", d.label()),
                DoubleColumn.create("close", d.close()), DoubleColumn.create("fwd_return", d.fwdReturn()));
        for (int j = 0; j < d.columns().size(); j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = d.x()[i][j];
            t.addColumns(DoubleColumn.create(d.columns().get(j), col));
        }
        return t;
    }

    /** Rows and class shares per split, as the manifest records them. */
    public Table classShares() {
        var parts = manifest.classShares();
        StringColumn split = StringColumn.create("split");
        IntColumn rows = IntColumn.create("rows");
        DoubleColumn down = DoubleColumn.create("down_frac"), neutral = DoubleColumn.create("neutral_frac"), up = DoubleColumn.create("up_frac");
        for (Split s : Split.values()) {
            var c = parts.get(s.label());
            if (c == null) continue;
            split.append(s.label());
            rows.append(c.rows());
            down.append(c.down());
            neutral.append(c.neutral());
            up.append(c.up());
        }
        return Table.create("class shares per split", split, rows, down, neutral, up);
    }

    @Override
    public String toString() {
        return manifest.symbol() + " " + manifest.tf() + ": " + manifest.rows() + " rows x " + manifest.columns().size()
                + " features, " + Instant.ofEpochSecond(manifest.range().firstTs()) + " .. " + Instant.ofEpochSecond(manifest.range().lastTs())
                + ", label " + manifest.labelDefinition();
    }
}
