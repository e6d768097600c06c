package msb.model;

import java.lang.reflect.Field;
import java.util.Optional;
import smile.classification.GradientTreeBoost;
import smile.data.type.StructType;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

/**
 * The trees of a fitted Smile {@link GradientTreeBoost}, walked once into flat arrays so a row of doubles is
 * scored without a Tuple per row and per tree (Smile's own predict wraps the row, maps it through the formula
 * and follows node objects; that was the model's whole cost in the replay loop). Same arithmetic in the same
 * order as Smile's predict, so the probabilities are equal to it (FlatGbmTest). Only ordinal splits on double
 * columns are flattened: {@link #of} gives empty for anything else and the caller keeps Smile's predict.
 */
final class FlatGbm {
    /**
     * Per node: the input column tested, the threshold, and its children at {@code child[2n]} (x <= threshold) and
     * {@code child[2n + 1]} (greater, or NaN). A leaf tests column 0 and has itself as both children, so every tree
     * can be walked a fixed {@link #steps} times; its output is {@code leafValue[n]}.
     */
    private final int[] column;
    private final double[] threshold;
    private final int[] child;
    private final double[] leafValue;
    /** The depth of the deepest tree: walking any tree this many steps ends on its leaf. */
    private final int steps;
    /** roots[c][t]: the root node of tree t of class c (k > 2), or of the single binary ensemble (c = 0). */
    private final int[][] roots;
    private final int k;
    private final double b;
    private final double shrinkage;

    private FlatGbm(Builder nodes, int[][] roots, int k, double b, double shrinkage) {
        this.column = java.util.Arrays.copyOf(nodes.column, nodes.size);
        this.threshold = java.util.Arrays.copyOf(nodes.threshold, nodes.size);
        this.child = java.util.Arrays.copyOf(nodes.child, 2 * nodes.size);
        this.leafValue = java.util.Arrays.copyOf(nodes.leafValue, nodes.size);
        this.steps = nodes.maxDepth;
        this.roots = roots;
        this.k = k;
        this.b = b;
        this.shrinkage = shrinkage;
    }

    /** The flattened model, or empty when it holds a split this evaluator does not reproduce (then use Smile's). */
    static Optional<FlatGbm> of(GradientTreeBoost gbm, StructType input) {
        RegressionTree[][] trees = gbm.trees();
        int k = trees.length == 1 ? 2 : trees.length;
        Builder nodes = new Builder();
        int[][] roots = new int[trees.length][];
        for (int c = 0; c < trees.length; c++) {
            roots[c] = new int[trees[c].length];
            for (int t = 0; t < trees[c].length; t++) {
                RegressionTree tree = trees[c][t];
                int root = nodes.add(tree.root(), tree.schema(), input, 0);
                if (root < 0) return Optional.empty();
                roots[c][t] = root;
            }
        }
        double b = k == 2 ? readDouble(gbm, GradientTreeBoost.class, "b") : 0.0;
        double shrinkage = readDouble(gbm, GradientTreeBoost.class, "shrinkage");
        return Optional.of(new FlatGbm(nodes, roots, k, b, shrinkage));
    }

    /** Class probabilities of one row into {@code out} (length k), as {@code GradientTreeBoost.predict(Tuple, double[])}. */
    void predict(double[] row, double[] out) {
        if (k == 2) {
            out[0] = 1.0 / (1.0 + Math.exp(2 * sum(b, roots[0], row)));
            out[1] = 1.0 - out[0];
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            out[c] = sum(0.0, roots[c], row);
            if (out[c] > max) max = out[c];
        }
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < k; c++) out[c] /= sum;
    }

    /**
     * {@code start + shrinkage * leaf} over the trees in order (Smile's order, so the sum is bit for bit the same).
     * Four trees are walked side by side: each step of one is a chain of dependent loads, and a branch on the
     * comparison would be mispredicted about half the time, so the child is picked by index arithmetic and four
     * independent chains keep the core busy.
     */
    private double sum(double start, int[] trees, double[] row) {
        double y = start;
        int t = 0;
        for (; t + 4 <= trees.length; t += 4) {
            int n0 = trees[t], n1 = trees[t + 1], n2 = trees[t + 2], n3 = trees[t + 3];
            for (int s = 0; s < steps; s++) {
                n0 = next(n0, row);
                n1 = next(n1, row);
                n2 = next(n2, row);
                n3 = next(n3, row);
            }
            y += shrinkage * leafValue[n0];
            y += shrinkage * leafValue[n1];
            y += shrinkage * leafValue[n2];
            y += shrinkage * leafValue[n3];
        }
        for (; t < trees.length; t++) {
            int n = trees[t];
            for (int s = 0; s < steps; s++) n = next(n, row);
            y += shrinkage * leafValue[n];
        }
        return y;
    }

    /** OrdinalNode: x <= threshold goes to the true child; NaN compares false and goes to the false child. */
    private int next(int n, double[] row) {
        return child[2 * n + (row[column[n]] <= threshold[n] ? 0 : 1)];
    }

    private static final Field ORDINAL_VALUE = field(OrdinalNode.class, "value");

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true); // Smile exposes no getter for the split threshold
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Smile version has no " + owner.getName() + "." + name, e);
        }
    }

    private static double readDouble(Object o, Class<?> owner, String name) {
        try {
            return field(owner, name).getDouble(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + owner.getName() + "." + name, e);
        }
    }

    /** Growable node arrays; a tree is added depth first. */
    private static final class Builder {
        private int[] column = new int[256];
        private double[] threshold = new double[256];
        private int[] child = new int[512];
        private double[] leafValue = new double[256];
        private int size;
        private int maxDepth;

        /** Index of the added subtree's root, or -1 if it holds a node kind that is not flattened. */
        int add(Node node, StructType treeSchema, StructType input, int depth) {
            int at = size++;
            grow();
            if (node instanceof RegressionNode leaf) {
                column[at] = 0;
                child[2 * at] = at;
                child[2 * at + 1] = at;
                leafValue[at] = leaf.output();
                maxDepth = Math.max(maxDepth, depth);
                return at;
            }
            if (!(node instanceof OrdinalNode split)) return -1;
            int col = input.indexOf(treeSchema.field(split.feature()).name());
            if (col < 0) return -1;
            column[at] = col;
            try {
                threshold[at] = ORDINAL_VALUE.getDouble(split);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read an OrdinalNode threshold", e);
            }
            int t = add(split.trueChild(), treeSchema, input, depth + 1);
            if (t < 0) return -1;
            int f = add(split.falseChild(), treeSchema, input, depth + 1);
            if (f < 0) return -1;
            child[2 * at] = t;
            child[2 * at + 1] = f;
            return at;
        }

        private void grow() {
            if (size <= column.length) return;
            int n = column.length * 2;
            column = java.util.Arrays.copyOf(column, n);
            threshold = java.util.Arrays.copyOf(threshold, n);
            child = java.util.Arrays.copyOf(child, 2 * n);
            leafValue = java.util.Arrays.copyOf(leafValue, n);
        }
    }
}
