package msb.live;

/** The last {@code size} feature rows, copied, handed to the predictor oldest first. */
final class RowWindow {
    private final double[][] rows;
    private int start;
    private int count;

    RowWindow(int size) {
        if (size < 1) throw new IllegalArgumentException("history rows must be >= 1, got " + size);
        rows = new double[size][];
    }

    void push(double[] row) {
        int slot;
        if (count < rows.length) {
            slot = (start + count++) % rows.length;
        } else {
            slot = start;
            start = (start + 1) % rows.length;
        }
        double[] dst = rows[slot];
        if (dst == null || dst.length != row.length) rows[slot] = dst = new double[row.length];
        System.arraycopy(row, 0, dst, 0, row.length);
    }

    boolean full() { return count == rows.length; }

    /** A fresh outer array over the stored rows (predictors must not keep or modify them). */
    double[][] oldestFirst() {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) out[i] = rows[(start + i) % rows.length];
        return out;
    }
}
