package msb.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CSV form of a dataset (CONTRACT.md {@code dataset show}): header {@code ts,<columns>,label,split};
 * ts in unix seconds; values via {@link Double#toString} (the shortest text that reads back to the same
 * double); label -1/0/1; split in lower case.
 */
public final class DatasetCsv {
    private static final int ROWS_PER_BLOCK = 4096;

    private DatasetCsv() {}

    public static String header(Dataset d) {
        return "ts," + String.join(",", d.columns()) + ",label,split\n";
    }

    /** Rows [from, to) as ASCII bytes, no header. */
    public static byte[] rows(Dataset d, int from, int to) {
        return text(d, from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Rows [from, to) as text, no header. */
    public static String text(Dataset d, int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * (20 + 22 * d.columns().size()));
        for (int i = from; i < to; i++) {
            sb.append(d.ts()[i]);
            for (double v : d.x()[i]) sb.append(',').append(v);
            sb.append(',').append(d.label()[i]).append(',').append(d.split()[i].label()).append('\n');
        }
        return sb.toString();
    }

    /** The whole dataset, header first, in blocks so that memory stays small. */
    public static void write(Dataset d, OutputStream out) {
        try {
            out.write(header(d).getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < d.rows(); i += ROWS_PER_BLOCK) out.write(rows(d, i, Math.min(d.rows(), i + ROWS_PER_BLOCK)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dataset CSV: " + e.getMessage(), e);
        }
    }

    /** The whole dataset to a character stream (e.g. the command line's stdout writer). */
    public static void write(Dataset d, Appendable out) {
        try {
            out.append(header(d));
            for (int i = 0; i < d.rows(); i += ROWS_PER_BLOCK) out.append(text(d, i, Math.min(d.rows(), i + ROWS_PER_BLOCK)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dataset CSV: " + e.getMessage(), e);
        }
    }
}
