package msb.trading;

import java.util.Arrays;

/**
 * The last closes, for realized volatility: sample standard deviation of the last {@code windowBars}
 * log returns. Restorable from its closes, oldest first.
 */
final class VolWindow {
    private final int windowBars;
    private final double[] closes;
    /** logReturns[i]: log(closes[i] / the close before it), made once per close instead of once per read. */
    private final double[] logReturns;
    private int size;
    private int head;
    /** {@link #perBarStd} of the current window, computed on its first read after a close (the engine reads it twice). */
    private double std = Double.NaN;
    private boolean stdKnown;

    VolWindow(int windowBars) {
        this.windowBars = windowBars;
        this.closes = new double[windowBars + 1];
        this.logReturns = new double[windowBars + 1];
    }

    void add(double close) {
        if (size > 0) logReturns[head] = Math.log(close / closes[(head - 1 + closes.length) % closes.length]);
        closes[head] = close;
        head = (head + 1) % closes.length;
        if (size < closes.length) size++;
        stdKnown = false;
    }

    boolean ready() { return size == closes.length; }

    /** Per-bar standard deviation of log returns; NaN until the window is full. */
    double perBarStd() {
        if (!ready()) return Double.NaN;
        if (stdKnown) return std;
        // the same sums in the same order (oldest return first) as over a fresh oldest-first copy of the closes
        int first = (head + 1) % closes.length; // the window is full: head holds the oldest close, returns follow it
        double mean = 0;
        for (int i = 0; i < windowBars; i++) mean += logReturns[(first + i) % closes.length];
        mean /= windowBars;
        double ss = 0;
        for (int i = 0; i < windowBars; i++) {
            double x = logReturns[(first + i) % closes.length];
            ss += (x - mean) * (x - mean);
        }
        std = Math.sqrt(ss / (windowBars - 1));
        stdKnown = true;
        return std;
    }

    double[] oldestFirst() {
        double[] out = new double[size];
        int start = (head - size + closes.length) % closes.length;
        for (int i = 0; i < size; i++) out[i] = closes[(start + i) % closes.length];
        return out;
    }

    static VolWindow restore(int windowBars, double[] oldestFirst) {
        VolWindow w = new VolWindow(windowBars);
        double[] tail = oldestFirst.length > windowBars + 1
                ? Arrays.copyOfRange(oldestFirst, oldestFirst.length - windowBars - 1, oldestFirst.length) : oldestFirst;
        for (double c : tail) w.add(c);
        return w;
    }
}
