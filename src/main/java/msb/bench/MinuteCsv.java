package msb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import msb.core.UserInputException;
import msb.data.Bars;

/**
 * Reads the benchmark's input: a CSV {@code ts,open,high,low,close,volume} with ts = bar close in unix
 * seconds (the layout {@code gen_1m.py} writes and the pandas reference reads). Plain decimals are parsed
 * without allocation: digits to a long, then one division by an exact power of ten, which rounds exactly
 * as {@link Double#parseDouble} does; anything else falls back to {@code parseDouble}. Each bad row is
 * refused with its line number.
 */
public final class MinuteCsv {
    private static final double[] POW10 = new double[19];

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
        String header = new String(b, 0, pos, java.nio.charset.StandardCharsets.UTF_8).strip().replace("\uFEFF", "");
        if (!header.equals("ts,open,high,low,close,volume")) {
            throw new UserInputException(file + " line 1: header is '" + header + "', expected ts,open,high,low,close,volume");
        }
        pos++;
        int cap = Math.max(16, b.length / 40);
        long[] ts = new long[cap];
        double[][] cols = new double[5][cap];
        int n = 0, line = 1;
        double[] field = new double[5];
        while (pos < b.length) {
            line++;
            int end = pos;
            while (end < b.length && b[end] != '\n') end++;
            int stop = end > pos && b[end - 1] == '\r' ? end - 1 : end;
            if (stop == pos) { pos = end + 1; continue; }
            if (n == ts.length) {
                ts = java.util.Arrays.copyOf(ts, n * 2);
                for (int k = 0; k < 5; k++) cols[k] = java.util.Arrays.copyOf(cols[k], n * 2);
            }
            int p = pos, k = -1;
            long t = 0;
            while (p < stop && b[p] != ',') {
                int d = b[p] - '0';
                if (d < 0 || d > 9) throw bad(file, line, "ts is not a whole number of seconds");
                t = t * 10 + d;
                p++;
            }
            if (p == pos) throw bad(file, line, "ts is empty");
            for (k = 0; k < 5; k++) {
                if (p >= stop || b[p] != ',') throw bad(file, line, "expected 6 columns");
                int s = ++p;
                while (p < stop && b[p] != ',') p++;
                field[k] = number(b, s, p, file, line);
            }
            if (p != stop) throw bad(file, line, "expected 6 columns");
            if (n > 0 && t <= ts[n - 1]) throw bad(file, line, "ts " + t + " is not after the previous row's " + ts[n - 1]);
            if (!(field[2] > 0) || field[1] < field[2] || field[0] < field[2] || field[0] > field[1]
                    || field[3] < field[2] || field[3] > field[1] || field[4] < 0) {
                throw bad(file, line, "prices must be positive with low <= open, close <= high and volume >= 0");
            }
            ts[n] = t;
            for (k = 0; k < 5; k++) cols[k][n] = field[k];
            n++;
            pos = end + 1;
        }
        if (n == 0) throw new UserInputException(file + ": no rows after the header");
        return new Bars(60, java.util.Arrays.copyOf(ts, n), java.util.Arrays.copyOf(cols[0], n),
                java.util.Arrays.copyOf(cols[1], n), java.util.Arrays.copyOf(cols[2], n),
                java.util.Arrays.copyOf(cols[3], n), java.util.Arrays.copyOf(cols[4], n));
    }

    private static double number(byte[] b, int from, int to, Path file, int line) {
        long m = 0;
        int digits = 0, frac = -1;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '.' && frac < 0) {
                frac = 0;
            } else if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (frac >= 0) frac++;
            } else {
                return slow(b, from, to, file, line);
            }
        }
        if (digits == 0 || digits > 15 || frac == 0) return slow(b, from, to, file, line);
        return frac < 0 ? (double) m : m / POW10[frac];
    }

    private static double slow(byte[] b, int from, int to, Path file, int line) {
        String s = new String(b, from, to - from, java.nio.charset.StandardCharsets.US_ASCII);
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw bad(file, line, "'" + s + "' is not a finite number");
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, "'" + s + "' is not a number");
        }
    }

    private static UserInputException bad(Path file, int line, String why) {
        return new UserInputException(file + " line " + line + ": " + why + "; fix or drop the row");
    }
}
