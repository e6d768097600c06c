package msb.model;

import java.util.SplittableRandom;

/**
 * Class-balanced resampling: each draw picks a class uniformly, then a row of that class uniformly (with
 * replacement), so every class weighs the same in the fit whatever its share. Seeded by the caller.
 */
final class BalancedSampler {
    private final int[][] byClass;

    BalancedSampler(int[] y) {
        int[] c = Labels.counts(y);
        byClass = new int[Labels.CLASSES][];
        int[] k = new int[Labels.CLASSES];
        for (int j = 0; j < Labels.CLASSES; j++) byClass[j] = new int[c[j]];
        for (int i = 0; i < y.length; i++) byClass[y[i]][k[y[i]]++] = i;
    }

    /** {@code n} positions into the label array, class-balanced; absent classes are skipped. */
    int[] draw(int n, SplittableRandom rnd) {
        int present = 0;
        for (int[] b : byClass) if (b.length > 0) present++;
        int[][] live = new int[present][];
        int q = 0;
        for (int[] b : byClass) if (b.length > 0) live[q++] = b;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int[] b = live[rnd.nextInt(live.length)];
            out[i] = b[rnd.nextInt(b.length)];
        }
        return out;
    }
}
