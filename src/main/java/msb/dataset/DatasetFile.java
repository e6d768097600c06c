package msb.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.core.AtomicFiles;
import msb.core.ColumnSink;
import msb.core.Hashing;
import msb.core.Timeframe;
import msb.core.UserInputException;

/**
 * The binary form of a dataset's rows: loads with bulk reads, no parsing. Column names, schema hash, tf and
 * symbol live in {@code manifest.json}, which also carries this file's sha256.
 * Layout (little-endian): magic "MSBDSET1", int version, int rows, int cols, then ts[rows] (long),
 * label[rows] (byte), split[rows] (byte, Split ordinal), close[rows], fwdReturn[rows], then each feature
 * column in schema order (double[rows] each).
 */
public final class DatasetFile {
    public static final String NAME = "dataset.bin";
    private static final byte[] MAGIC = "MSBDSET1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 8 + 4 + 4 + 4;
    /** Feature columns gathered per walk over the rows when writing. */
    private static final int COLUMNS_PER_WALK = 4;

    private DatasetFile() {}

    /**
     * Writes atomically and returns the sha256 of the bytes written. Rows stream through one small buffer,
     * hashed as they go: the file is never held twice in memory nor read back to hash it.
     */
    static String write(Path file, long[] ts, double[][] x, int[] label, Split[] split, double[] close, double[] fwd,
                        int cols) {
        int n = ts.length;
        long size = HEADER_BYTES + (long) n * (8 + 1 + 1 + 8 + 8 + 8L * cols);
        if (size > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("dataset too large: " + size + " bytes");
        String[] sha = new String[1];
        AtomicFiles.write(file, out -> {
            ColumnSink w = new ColumnSink(out);
            w.room(HEADER_BYTES).put(MAGIC).putInt(VERSION).putInt(n).putInt(cols);
            w.longs(ts);
            byte[] b = new byte[label.length];
            for (int i = 0; i < b.length; i++) b[i] = (byte) label[i];
            w.bytes(b);
            b = new byte[split.length];
            for (int i = 0; i < b.length; i++) b[i] = (byte) split[i].ordinal();
            w.bytes(b);
            w.doubles(close);
            w.doubles(fwd);
            // the rows are stored by column: a few columns are gathered per walk over the rows (each walk reads
            // every row from memory, as the rows are scattered over the heap), then written in order
            double[][] group = new double[Math.min(cols, COLUMNS_PER_WALK)][n];
            for (int j0 = 0; j0 < cols; j0 += group.length) {
                int g = Math.min(group.length, cols - j0);
                for (int i = 0; i < n; i++) {
                    double[] row = x[i];
                    for (int k = 0; k < g; k++) group[k][i] = row[j0 + k];
                }
                for (int k = 0; k < g; k++) w.doubles(group[k]);
            }
            w.flush();
            sha[0] = w.sha256();
        });
        return sha[0];
    }

    /**
     * Reads a dataset file and checks it against the manifest's sha256 before decoding a single row.
     */
    public static Dataset read(Path file, Timeframe tf, String symbol, List<String> columns, String schemaHash,
                               String expectedSha256) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        String sha = Hashing.sha256(bytes);
        if (expectedSha256 != null && !sha.equals(expectedSha256)) {
            throw new UserInputException(file + ": sha256 " + sha + " does not match manifest.json's " + expectedSha256
                    + "; rebuild it with `msb dataset build --tf " + tf.label() + " --symbol " + symbol + "`");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        if (bytes.length < HEADER_BYTES) throw corrupt(file, tf, symbol, "shorter than its header");
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) throw corrupt(file, tf, symbol, "not an msb dataset file");
        int version = buf.getInt();
        if (version != VERSION) throw corrupt(file, tf, symbol, "version " + version + ", this msb reads " + VERSION);
        int n = buf.getInt(), cols = buf.getInt();
        if (cols != columns.size()) {
            throw corrupt(file, tf, symbol, cols + " feature columns but manifest.json lists " + columns.size());
        }
        if (n < 0 || bytes.length != HEADER_BYTES + (long) n * (26 + 8L * cols)) {
            throw corrupt(file, tf, symbol, "size does not match " + n + " rows x " + cols + " columns");
        }
        long[] ts = new long[n];
        int[] label = new int[n];
        Split[] split = new Split[n];
        double[] close = new double[n], fwd = new double[n];
        double[][] x = new double[n][cols];
        Split[] parts = Split.values();
        for (int i = 0; i < n; i++) ts[i] = buf.getLong();
        for (int i = 0; i < n; i++) label[i] = buf.get();
        for (int i = 0; i < n; i++) split[i] = parts[buf.get()];
        for (int i = 0; i < n; i++) close[i] = buf.getDouble();
        for (int i = 0; i < n; i++) fwd[i] = buf.getDouble();
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < n; i++) x[i][j] = buf.getDouble();
        }
        return new Dataset(tf, symbol, columns, schemaHash, ts, x, label, split, close, fwd, sha);
    }

    private static UserInputException corrupt(Path file, Timeframe tf, String symbol, String why) {
        return new UserInputException(file + ": " + why + "; rebuild it with `msb dataset build --tf " + tf.label()
                + " --symbol " + symbol + "`");
    }
}
