package msb.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The CSV form of a dataset (CONTRACT.md {@code dataset show}): header {@code ts,<columns>,label,split};
 * ts in unix seconds; values via {@link Double#toString} (shortest text that reads back to the same
 * double); label -1/0/1; split in lower case.
 */
public final class DatasetCsv {
    private DatasetCsv() {}

    public static void write(Dataset d, Appendable out) {
        try {
            StringBuilder line = new StringBuilder(256);
            line.append("ts");
            for (String c : d.columns()) line.append(',').append(c);
            line.append(",label,split\n");
            out.append(line);
            for (int i = 0; i < d.rows(); i++) {
                line.setLength(0);
                line.append(d.ts()[i]);
                for (double v : d.x()[i]) line.append(',').append(v);
                line.append(',').append(d.label()[i]).append(',').append(d.split()[i].label()).append('\n');
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dataset CSV: " + e.getMessage(), e);
        }
    }
}
