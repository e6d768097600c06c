package msb.trading;

/** A fixed-capacity ring of ints (recent decision directions, recent eligibility flags). */
final class IntRing {
    private final int[] values;
    private int size;
    private int head;

    IntRing(int capacity) { this.values = new int[capacity]; }

    void add(int v) {
        values[head] = v;
        head = (head + 1) % values.length;
        if (size < values.length) size++;
    }

    int capacity() { return values.length; }

    boolean full() { return size == values.length; }

    boolean allEqual() {
        int[] v = oldestFirst();
        for (int x : v) if (x != v[0]) return false;
        return true;
    }

    long sum() {
        long s = 0;
        for (int i = 0; i < size; i++) s += values[(head - 1 - i + 2 * values.length) % values.length];
        return s;
    }

    int[] oldestFirst() {
        int[] out = new int[size];
        int start = (head - size + values.length) % values.length;
        for (int i = 0; i < size; i++) out[i] = values[(start + i) % values.length];
        return out;
    }

    static IntRing restore(int capacity, int[] oldestFirst) {
        IntRing r = new IntRing(capacity);
        int from = Math.max(0, oldestFirst.length - capacity);
        for (int i = from; i < oldestFirst.length; i++) r.add(oldestFirst[i]);
        return r;
    }
}
