package msb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import msb.core.UserInputException;
import msb.data.Bars;

/**
 * Reads the benchmark's input: a CSV {@code ts,open,high,low,close,volume} with ts = bar close in unix
 * seconds (the layout {@code gen_1m.py} writes and the pandas reference reads). Plain decimals are parsed
 * without allocation: digits to a long, then one division by an exact power of ten, which rounds exactly
 * as {@link Double#parseDouble} does; anything else falls back to {@code parseDouble}. Large files are cut
 * at a line end and the two halves parsed on two threads. Each bad row is refused with its line number.
 */
public final class MinuteCsv {
    private static final String HEADER = "ts,open,high,low,close,volume";
    private static final int PARALLEL_MIN_BYTES = 1 << 20;
    private static final double[] POW10 = new double[19];
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private MinuteCsv() {}

    public static Bars read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file; pass an existing 1m CSV with --in");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        int pos = 0;
        while (pos < b.length && b[pos] != '\n') pos++;
        String header = new String(b, 0, pos, StandardCharsets.UTF_8).strip().replace("\uFEFF", "");
        if (!header.equals(HEADER)) {
            throw new UserInputException(file + " line 1: header is '" + header + "', expected " + HEADER);
        }
        int start = Math.min(b.length, pos + 1);
        boolean parallel = b.length - start >= PARALLEL_MIN_BYTES && Runtime.getRuntime().availableProcessors() >= 2;
        int mid = b.length;
        if (parallel) {
            mid = start + (b.length - start) / 2;
            while (mid < b.length && b[mid - 1] != '\n') mid++;
        }
        // row slots: one per line start (an upper bound; blank lines leave a slot unused)
        int firstSlots = lineStarts(b, start, mid), secondSlots = lineStarts(b, mid, b.length);
        long[] ts = new long[firstSlots + secondSlots];
        double[][] cols = new double[5][firstSlots + secondSlots];
        Chunk first = new Chunk(b, start, mid, ts, cols, 0);
        Chunk second = new Chunk(b, mid, b.length, ts, cols, firstSlots);
        if (parallel) {
            CompletableFuture<Void> later = CompletableFuture.runAsync(second::parse);
            first.parseOrExplain(file, 0);
            try {
                later.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Chunk.BadRow bad) throw bad.at(file, first.lines);
                throw e;
            }
        } else {
            first.parseOrExplain(file, 0);
            second.parseOrExplain(file, first.lines);
        }
        int n = first.n + second.n;
        if (n == 0) throw new UserInputException(file + ": no rows after the header");
        if (first.n > 0 && second.n > 0 && ts[firstSlots] <= ts[first.n - 1]) {
            throw new UserInputException(file + " line " + (first.lines + second.firstRowLine + 1) + ": ts " + ts[firstSlots]
                    + " is not after the previous row's " + ts[first.n - 1] + "; fix or drop the row");
        }
        if (first.n < firstSlots) { // blank lines: close the hole between the two parts
            System.arraycopy(ts, firstSlots, ts, first.n, second.n);
            for (double[] c : cols) System.arraycopy(c, firstSlots, c, first.n, second.n);
        }
        return new Bars(60, trim(ts, n), trim(cols[0], n), trim(cols[1], n), trim(cols[2], n), trim(cols[3], n),
                trim(cols[4], n));
    }

    /** Number of lines that start in [from, to): one plus the line feeds before the last byte. */
    private static int lineStarts(byte[] b, int from, int to) {
        if (from >= to) return 0;
        int count = 1, i = from, end = to - 1;
        // eight bytes at a time: a byte of x is zero exactly where the input byte is a line feed
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
            count += Long.bitCount(~(t | x | 0x7F7F7F7F7F7F7F7FL));
        }
        for (; i < end; i++) if (b[i] == '\n') count++;
        return count;
    }

    private static long[] trim(long[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }

    private static double[] trim(double[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }

    /** Rows of the byte range [from, to), which starts at a line start, stored from slot {@code offset}. */
    private static final class Chunk {
        final byte[] b;
        final int from, to, offset;
        final long[] ts;
        final double[][] cols;
        int n;
        /** Lines consumed, blank ones included. */
        int lines;
        /** Line (1-based, within the chunk) of the first row. */
        int firstRowLine;

        Chunk(byte[] b, int from, int to, long[] ts, double[][] cols, int offset) {
            this.b = b;
            this.from = from;
            this.to = to;
            this.ts = ts;
            this.cols = cols;
            this.offset = offset;
        }

        /** A refused row; {@code line} counts from the chunk start (1 = its first line). */
        static final class BadRow extends RuntimeException {
            final int line;

            BadRow(int line, String why) {
                super(why, null, false, false);
                this.line = line;
            }

            UserInputException at(Path file, int linesBefore) {
                return new UserInputException(file + " line " + (linesBefore + line + 1) + ": " + getMessage()
                        + "; fix or drop the row");
            }
        }

        /** Cursor of {@link #number()}: the byte after the last one it consumed. */
        private int cur;

        /** One pass over the bytes: fields are parsed where they stand, no second scan of the line. */
        void parse() {
            double[] field = new double[5];
            int p = from;
            while (p < to) {
                lines++;
                if (b[p] == '\n') { // blank line
                    p++;
                    continue;
                }
                if (b[p] == '\r' && (p + 1 == to || b[p + 1] == '\n')) {
                    p += 2;
                    continue;
                }
                long t = 0;
                int q = p;
                while (q < to) {
                    int d = b[q] - '0';
                    if (d < 0 || d > 9) break;
                    t = t * 10 + d;
                    q++;
                }
                if (q == p || q - p > 18 || (q < to && b[q] != ',')) throw new BadRow(lines, "ts is not a whole number of seconds");
                cur = q;
                for (int k = 0; k < 5; k++) {
                    if (cur >= to || b[cur] != ',') throw new BadRow(lines, "expected 6 columns");
                    cur++;
                    field[k] = number();
                }
                if (cur < to && b[cur] == '\r') cur++;
                if (cur < to && b[cur] != '\n') throw new BadRow(lines, "expected 6 columns");
                p = cur + 1;
                if (n > 0 && t <= ts[offset + n - 1]) {
                    throw new BadRow(lines, "ts " + t + " is not after the previous row's " + ts[offset + n - 1]);
                }
                int slot = offset + n;
                double o = field[0], h = field[1], l = field[2], c = field[3], v = field[4];
                if (!(l > 0) || h < l || o < l || o > h || c < l || c > h || !(v >= 0)) {
                    throw new BadRow(lines, "prices must be positive with low <= open, close <= high and volume >= 0");
                }
                if (n == 0) firstRowLine = lines;
                ts[slot] = t;
                cols[0][slot] = o;
                cols[1][slot] = h;
                cols[2][slot] = l;
                cols[3][slot] = c;
                cols[4][slot] = v;
                n++;
            }
        }

        /** The number starting at {@code cur}, up to the next ',', CR, LF or the end; moves {@code cur} past it. */
        private double number() {
            int start = cur, i = cur;
            long m = 0;
            int digits = 0, frac = -1;
            boolean plain = true;
            for (; i < to; i++) {
                int c = b[i];
                if (c >= '0' && c <= '9') {
                    m = m * 10 + (c - '0');
                    digits++;
                    if (frac >= 0) frac++;
                } else if (c == '.' && frac < 0) {
                    frac = 0;
                } else if (c == ',' || c == '\n' || c == '\r') {
                    break;
                } else {
                    plain = false;
                }
            }
            cur = i;
            if (!plain || digits == 0 || digits > 15 || frac == 0) return slow(start, i);
            return frac < 0 ? (double) m : m / POW10[frac];
        }

        private double slow(int from, int to) {
            String s = new String(b, from, to - from, StandardCharsets.US_ASCII);
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new BadRow(lines, "'" + s + "' is not a number");
            }
            if (!Double.isFinite(v)) throw new BadRow(lines, "'" + s + "' is not a finite number");
            return v;
        }

        void parseOrExplain(Path file, int linesBefore) {
            try {
                parse();
            } catch (BadRow e) {
                throw e.at(file, linesBefore);
            }
        }
    }
}
