package msb.features;

import java.util.Arrays;

/**
 * Median of the last {@code capacity} values, kept as a sorted array beside a ring of arrival order:
 * each step removes the oldest value and inserts the newest by binary search (O(capacity) moves, no sort).
 * An even count gives the mean of the middle two (SPEC section 3).
 */
public final class RollingMedian {
    private final int capacity;
    private final double[] ring;
    private final double[] sorted;
    private int pos;
    private int size;

    public RollingMedian(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
        this.ring = new double[capacity];
        this.sorted = new double[capacity];
    }

    public void add(double x) {
        if (Double.isNaN(x)) throw new IllegalArgumentException("median window cannot take NaN");
        if (size == capacity) {
            double old = ring[pos];
            int k = Arrays.binarySearch(sorted, 0, size, old);
            System.arraycopy(sorted, k + 1, sorted, k, size - k - 1);
            size--;
        }
        int k = Arrays.binarySearch(sorted, 0, size, x);
        if (k < 0) k = -k - 1;
        System.arraycopy(sorted, k, sorted, k + 1, size - k);
        sorted[k] = x;
        size++;
        ring[pos] = x;
        pos = pos + 1 == capacity ? 0 : pos + 1;
    }

    public boolean full() { return size == capacity; }

    public double median() {
        if (size == 0) throw new IllegalStateException("median of an empty window");
        int m = size / 2;
        return (size & 1) == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
