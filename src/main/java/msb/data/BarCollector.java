package msb.data;

import java.util.Arrays;
import msb.core.UserInputException;

/**
 * Collects parsed rows, checks each one as it comes (finite numbers, prices > 0, high >= low, open and
 * close inside [low, high], volume >= 0, strictly increasing time) and finally infers the interval and
 * stamps every bar at its close. Every refusal names the file, the row's location and the fix.
 */
final class BarCollector {
    /** How an input names a row: "line 12" for text, "record 3 (line 40)" for JSON. */
    enum Locator { LINE, RECORD }

    /** Whether the collected timestamps are bar open times (shifted by the interval at the end) or close times. */
    enum Stamp { OPEN, CLOSE }

    static final double MIN_PRICE = Bars.MIN_PRICE, MAX_PRICE = Bars.MAX_PRICE, MAX_VOLUME = Bars.MAX_VOLUME;

    private final String file;
    private final Locator locator;
    private final Stamp stamp;
    private int n;
    private long[] ts;
    private int[] line;
    private double[] o, h, l, c, v;
    /**
     * Taker-buy base volume, kept only while every row has one (Binance klines): allocated by the first row
     * that has one and dropped by the first that has none, so layouts without the column never carry it.
     */
    private double[] tb;
    private boolean allTakerBuy = true;
    private final int expectedRows;
    /** Where this collector's rows start in its arrays: 0, or a piece's place in arrays shared with the file's other pieces. */
    private final int base;
    private static final int FIRST_CAPACITY = 1024;
    /** Distinct steps counted without sorting when inferring the interval. */
    private static final int DISTINCT_STEPS = 64;

    BarCollector(String file, Locator locator, Stamp stamp) { this(file, locator, stamp, FIRST_CAPACITY); }

    /**
     * @param expectedRows the likely row count (e.g. the data lines of a text file): past the first rows the
     *                     arrays take this size at once, and when it is exact {@link #finish} hands them over
     *                     without copying them
     */
    BarCollector(String file, Locator locator, Stamp stamp, int expectedRows) {
        this.file = file;
        this.locator = locator;
        this.stamp = stamp;
        this.expectedRows = expectedRows;
        this.base = 0;
        // a file that fails in its first rows (hostile input) never pays for the expected size: the first
        // growth jumps to it instead
        int cap = Math.max(16, Math.min(FIRST_CAPACITY, expectedRows));
        ts = new long[cap];
        line = new int[cap];
        o = new double[cap]; h = new double[cap]; l = new double[cap]; c = new double[cap]; v = new double[cap];
    }

    /**
     * Collectors for consecutive pieces of one text file, each filled on its own thread: piece k writes its rows
     * into arrays shared by all from {@code bases[k]} (the piece's first line's place among the data lines), so
     * that {@link #join} copies nothing when no line is missing. No taker-buy column: generic CSV has none.
     */
    static BarCollector[] pieces(String file, Stamp stamp, int[] bases, int rows) {
        long[] ts = new long[rows];
        int[] line = new int[rows];
        double[] o = new double[rows], h = new double[rows], l = new double[rows], c = new double[rows], v = new double[rows];
        BarCollector[] out = new BarCollector[bases.length];
        for (int k = 0; k < bases.length; k++) out[k] = new BarCollector(file, stamp, bases[k], ts, line, o, h, l, c, v);
        return out;
    }

    private BarCollector(String file, Stamp stamp, int base, long[] ts, int[] line, double[] o, double[] h, double[] l,
                         double[] c, double[] v) {
        this.file = file;
        this.locator = Locator.LINE;
        this.stamp = stamp;
        this.base = base;
        this.expectedRows = ts.length;
        this.ts = ts; this.line = line; this.o = o; this.h = h; this.l = l; this.c = c; this.v = v;
    }

    /**
     * The pieces' rows as one collector, refusing what the file read in one pass would have refused first: a
     * piece's own refusal ({@code failures[k]}, rows before it collected) comes after its first row's step from
     * the previous piece, and before anything in later pieces.
     */
    static BarCollector join(BarCollector[] pieces, RuntimeException[] failures) {
        BarCollector all = pieces[0];
        int n = 0;
        for (int k = 0; k < pieces.length; k++) {
            BarCollector p = pieces[k];
            if (p.n > 0 && n > 0 && p.ts[p.base] <= all.ts[n - 1]) {
                throw all.orderError(p.line[p.base], n + 1, p.ts[p.base], n - 1);
            }
            // a piece with fewer rows than lines before this one: close the hole (a piece of only trailing
            // blank lines has no rows, and a base past the arrays' end)
            if (p.n > 0 && p.base != n) {
                for (Object col : new Object[]{all.ts, all.line, all.o, all.h, all.l, all.c, all.v}) {
                    System.arraycopy(col, p.base, col, n, p.n);
                }
            }
            n += p.n;
            if (failures[k] != null) throw failures[k];
        }
        all.n = n;
        all.allTakerBuy = false;
        all.tb = null;
        return all;
    }

    int size() { return n; }

    String where(int lineNo, int record) {
        return locator == Locator.LINE ? file + " line " + lineNo
                : file + " record " + record + (lineNo > 0 ? " (line " + lineNo + ")" : "");
    }

    UserInputException error(int lineNo, int record, String what) {
        return new UserInputException(where(lineNo, record) + ": " + what);
    }

    /** Checks a value read for {@code field}: it must be finite. */
    double finite(double value, String field, int lineNo, int record) {
        if (!Double.isFinite(value)) {
            throw error(lineNo, record, field + " is " + value + ", not a finite number; drop the row or re-export");
        }
        return value;
    }

    void add(int lineNo, long tsSec, double open, double high, double low, double close, double volume) {
        add(lineNo, tsSec, open, high, low, close, volume, Double.NaN);
    }

    /** A row with the taker-buy base volume (NaN: the row has none); it must lie in [0, volume]. */
    void add(int lineNo, long tsSec, double open, double high, double low, double close, double volume, double takerBuy) {
        int record = n + 1;
        if (!Double.isNaN(takerBuy) && !(takerBuy >= 0 && takerBuy <= volume)) {
            throw error(lineNo, record, "taker-buy volume " + takerBuy + " is outside [0, volume " + volume
                    + "]; fix the row or re-export");
        }
        finite(open, "open", lineNo, record);
        finite(high, "high", lineNo, record);
        finite(low, "low", lineNo, record);
        finite(close, "close", lineNo, record);
        finite(volume, "volume", lineNo, record);
        if (!(low > 0) || !(open > 0) || !(close > 0) || !(high > 0)) {
            String f = !(open > 0) ? "open" : !(high > 0) ? "high" : !(low > 0) ? "low" : "close";
            double x = f.equals("open") ? open : f.equals("high") ? high : f.equals("low") ? low : close;
            throw error(lineNo, record, f + " is " + x + "; prices must be > 0: drop the row or re-export");
        }
        if (low < MIN_PRICE || high > MAX_PRICE) {
            throw error(lineNo, record, (low < MIN_PRICE ? "low " + low : "high " + high) + " is outside the plausible"
                    + " price range [" + MIN_PRICE + ", " + MAX_PRICE + "]; fix the row (a unit or exponent slip?)");
        }
        if (volume > MAX_VOLUME) {
            throw error(lineNo, record, "volume " + volume + " is above " + MAX_VOLUME + ", not a plausible volume; fix the row");
        }
        if (high < low) throw error(lineNo, record, "high " + high + " < low " + low + "; fix the row or re-export");
        if (open < low || open > high) {
            throw error(lineNo, record, "open " + open + " is outside [low " + low + ", high " + high
                    + "]; fix the row or re-export");
        }
        if (close < low || close > high) {
            throw error(lineNo, record, "close " + close + " is outside [low " + low + ", high " + high
                    + "]; fix the row or re-export");
        }
        if (volume < 0) throw error(lineNo, record, "volume is " + volume + "; volume must be >= 0: fix the row");
        int at = base + n;
        if (n > 0 && tsSec <= ts[at - 1]) throw orderError(lineNo, record, tsSec, at - 1);
        if (at == ts.length) grow();
        ts[at] = tsSec; line[at] = lineNo; o[at] = open; h[at] = high; l[at] = low; c[at] = close; v[at] = volume;
        if (allTakerBuy) {
            if (Double.isNaN(takerBuy)) {
                allTakerBuy = false;
                tb = null;
            } else {
                if (tb == null) tb = new double[ts.length]; // only at the first row: a later one would have dropped it
                tb[n] = takerBuy;
            }
        }
        n++;
    }

    /** A time not after the row at index {@code prev} (the {@code prev + 1}-th collected). */
    private UserInputException orderError(int lineNo, int record, long tsSec, int prev) {
        String where = locator == Locator.LINE ? "line " + line[prev] : "record " + (prev + 1);
        return error(lineNo, record, tsSec == ts[prev]
                ? "time " + Intervals.iso(tsSec) + " repeats " + where + "; remove the duplicate row"
                : "time " + Intervals.iso(tsSec) + " is earlier than " + where + " (" + Intervals.iso(ts[prev])
                        + "); sort the file by time and remove overlaps");
    }

    private void grow() {
        if (base > 0) throw new IllegalStateException("a piece has more rows than lines");
        int cap = expectedRows > ts.length ? expectedRows : ts.length * 2;
        ts = Arrays.copyOf(ts, cap); line = Arrays.copyOf(line, cap);
        o = Arrays.copyOf(o, cap); h = Arrays.copyOf(h, cap); l = Arrays.copyOf(l, cap);
        c = Arrays.copyOf(c, cap); v = Arrays.copyOf(v, cap);
        if (tb != null) tb = Arrays.copyOf(tb, cap);
    }

    /**
     * The bars, stamped at their close. {@code intervalSec} > 0 is the known interval (from the format or
     * an option); 0 means infer it as the most common step. Every step must be a whole number of intervals.
     */
    Bars finish(long intervalSec) {
        if (n == 0) throw new UserInputException(file + " has no data rows; nothing to import (export it again)");
        long interval = intervalSec > 0 ? intervalSec : inferInterval();
        for (int i = 1; i < n; i++) {
            long step = ts[i] - ts[i - 1];
            if (step % interval != 0) {
                throw error(line[i], i + 1, "step of " + step + " s from the previous row is not a whole number of "
                        + Intervals.label(interval) + " bars; the file mixes intervals or has misaligned times");
            }
        }
        // the collector is done with its arrays: when sized exactly they become the bars' own (no 48 MB copy per 1M)
        long[] out = ts.length == n ? ts : Arrays.copyOf(ts, n);
        if (stamp == Stamp.OPEN) for (int i = 0; i < n; i++) out[i] += interval;
        return new Bars(interval, out, exact(o), exact(h), exact(l), exact(c), exact(v), allTakerBuy ? exact(tb) : null);
    }

    private double[] exact(double[] col) {
        return col.length == n ? col : Arrays.copyOf(col, n);
    }

    private long inferInterval() {
        if (n < 2) {
            throw new UserInputException(file + " has a single bar, so its interval cannot be inferred;"
                    + " pass --interval (e.g. --interval 1h)");
        }
        // a series has a handful of distinct steps (its interval and some gaps): counted in a small table;
        // a sort (the most common step by runs) only for the rare file with many
        long[] value = new long[DISTINCT_STEPS];
        int[] count = new int[DISTINCT_STEPS];
        int distinct = 0, hit = 0;
        for (int i = 1; i < n && distinct >= 0; i++) {
            long step = ts[i] - ts[i - 1];
            if (distinct == 0 || value[hit] != step) {
                hit = 0;
                while (hit < distinct && value[hit] != step) hit++;
                if (hit == distinct) {
                    if (distinct == DISTINCT_STEPS) { distinct = -1; break; }
                    value[distinct++] = step;
                }
            }
            count[hit]++;
        }
        if (distinct > 0) {
            int best = 0;
            for (int k = 1; k < distinct; k++) {
                if (count[k] > count[best] || count[k] == count[best] && value[k] < value[best]) best = k; // ties: the shortest, as by runs
            }
            return value[best];
        }
        long[] steps = new long[n - 1];
        for (int i = 1; i < n; i++) steps[i - 1] = ts[i] - ts[i - 1];
        Arrays.sort(steps);
        long best = steps[0];
        int bestRun = 0;
        for (int i = 0; i < steps.length; ) {
            int j = i;
            while (j < steps.length && steps[j] == steps[i]) j++;
            if (j - i > bestRun) { bestRun = j - i; best = steps[i]; }
            i = j;
        }
        return best;
    }
}
