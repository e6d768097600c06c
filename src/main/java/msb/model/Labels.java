package msb.model;

import msb.signal.Probs;

/** Mapping between labels -1/0/1 (DOWN/NEUTRAL/UP) and class indices 0/1/2 used by the learners. */
public final class Labels {
    public static final int CLASSES = 3;

    private Labels() {}

    public static int index(int label) {
        if (label < -1 || label > 1) throw new IllegalArgumentException("label must be -1, 0 or 1, got " + label);
        return label + 1;
    }

    public static int[] indices(int[] labels, int[] rows) {
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) y[i] = index(labels[rows[i]]);
        return y;
    }

    /** The -1/0/1 labels of the chosen rows. */
    public static int[] of(int[] labels, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = labels[rows[i]];
        return out;
    }

    public static Probs probs(double[] p) { return Probs.normalised(p[0], p[1], p[2]); }

    /** Class counts of the given class indices. */
    public static int[] counts(int[] y) {
        int[] c = new int[CLASSES];
        for (int v : y) c[v]++;
        return c;
    }
}
