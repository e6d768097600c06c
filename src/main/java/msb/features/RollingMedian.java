package msb.features;

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
            int k = lowerBound(ring[pos]); // the oldest value is there: sorted[k] == ring[pos]
            System.arraycopy(sorted, k + 1, sorted, k, size - k - 1);
            size--;
        }
        int k = lowerBound(x);
        System.arraycopy(sorted, k, sorted, k + 1, size - k);
        sorted[k] = x;
        size++;
        ring[pos] = x;
        pos = pos + 1 == capacity ? 0 : pos + 1;
    }

    /**
     * First index whose value is >= x. Plain comparisons: values are never NaN here, and -0.0 == 0.0 is
     * harmless for a median (Arrays.binarySearch would compare bit patterns, more slowly).
     */
    private int lowerBound(double x) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public boolean full() { return size == capacity; }

    public double median() {
        if (size == 0) throw new IllegalStateException("median of an empty window");
        int m = size / 2;
        return (size & 1) == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
