package msb.features;

/**
 * The last {@code capacity} values of a series, readable as one contiguous slice: each value is written
 * twice (at {@code pos} and {@code pos + capacity}) so that the newest n values always sit at
 * {@code [end - n, end)} of the backing array and window loops run over a plain array.
 */
public final class RollingWindow {
    private final int capacity;
    private final double[] buf;
    private int pos;
    private long count;

    public RollingWindow(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
        this.buf = new double[2 * capacity];
    }

    public void add(double x) {
        buf[pos] = x;
        buf[pos + capacity] = x;
        pos = pos + 1 == capacity ? 0 : pos + 1;
        count++;
    }

    /** How many values were ever added. */
    public long count() { return count; }

    /** True when at least n values were added. */
    public boolean has(int n) { return count >= n; }

    /** The value added {@code ago} steps back (0 = newest). */
    public double ago(int ago) {
        return buf[pos + capacity - 1 - ago];
    }

    private int start(int n) {
        if (n > capacity || n > count) {
            throw new IllegalStateException("window of " + n + " needs " + n + " values, has " + Math.min(count, capacity));
        }
        return pos + capacity - n;
    }

    public double sum(int n) {
        int s = start(n);
        double sum = 0;
        for (int i = s; i < s + n; i++) sum += buf[i];
        return sum;
    }

    public double mean(int n) { return sum(n) / n; }

    public double sumOfSquares(int n) {
        int s = start(n);
        double sum = 0;
        for (int i = s; i < s + n; i++) sum += buf[i] * buf[i];
        return sum;
    }

    /**
     * Sample standard deviation (divisor n - 1) of the newest n values, two-pass for accuracy. Exactly 0
     * when all n values are equal (the rounded mean of equal values can differ from them in the last bit,
     * which would leave a tiny non-zero std and turn "ratio over zero std is 0" into a huge ratio).
     */
    public double sampleStd(int n) {
        int s = start(n);
        double mean = 0, first = buf[s];
        boolean constant = true;
        for (int i = s; i < s + n; i++) {
            mean += buf[i];
            constant &= buf[i] == first;
        }
        if (constant) return 0.0;
        mean /= n;
        double ss = 0;
        for (int i = s; i < s + n; i++) {
            double d = buf[i] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    /** Pearson correlation of the newest n values of this and {@code other}; 0 if either is constant. */
    public double correlation(RollingWindow other, int n) {
        int s = start(n), t = other.start(n);
        double mx = 0, my = 0, x0 = buf[s], y0 = other.buf[t];
        boolean xConstant = true, yConstant = true;
        for (int i = 0; i < n; i++) {
            mx += buf[s + i];
            my += other.buf[t + i];
            xConstant &= buf[s + i] == x0;
            yConstant &= other.buf[t + i] == y0;
        }
        if (xConstant || yConstant) return 0.0;
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = buf[s + i] - mx, dy = other.buf[t + i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double den = Math.sqrt(sxx * syy);
        return den == 0 ? 0.0 : sxy / den;
    }

    /** Sum of a[i] * b[i] over the newest n values of both windows. */
    public double dot(RollingWindow other, int n) {
        int s = start(n), t = other.start(n);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += buf[s + i] * other.buf[t + i];
        return sum;
    }

    /** Largest of the newest n values. */
    public double max(int n) {
        int s = start(n);
        double m = buf[s];
        for (int i = s + 1; i < s + n; i++) if (buf[i] > m) m = buf[i];
        return m;
    }

    /** Smallest of the newest n values. */
    public double min(int n) {
        int s = start(n);
        double m = buf[s];
        for (int i = s + 1; i < s + n; i++) if (buf[i] < m) m = buf[i];
        return m;
    }
}
