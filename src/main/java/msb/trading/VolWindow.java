package msb.trading;

import java.util.Arrays;

/**
 * The last closes, for realized volatility: sample standard deviation of the last {@code windowBars}
 * log returns. Restorable from its closes, oldest first.
 */
final class VolWindow {
    private final int windowBars;
    private final double[] closes;
    private int size;
    private int head;

    VolWindow(int windowBars) {
        this.windowBars = windowBars;
        this.closes = new double[windowBars + 1];
    }

    void add(double close) {
        closes[head] = close;
        head = (head + 1) % closes.length;
        if (size < closes.length) size++;
    }

    boolean ready() { return size == closes.length; }

    /** Per-bar standard deviation of log returns; NaN until the window is full. */
    double perBarStd() {
        if (!ready()) return Double.NaN;
        double[] c = oldestFirst();
        double[] r = new double[windowBars];
        double mean = 0;
        for (int i = 0; i < windowBars; i++) {
            r[i] = Math.log(c[i + 1] / c[i]);
            mean += r[i];
        }
        mean /= windowBars;
        double ss = 0;
        for (double x : r) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (windowBars - 1));
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
