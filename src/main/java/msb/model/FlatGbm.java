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
    /** Per node: the input column tested (-1 for a leaf), the threshold (or the leaf's output) and children. */
    private final int[] column;
    private final double[] value;
    private final int[] trueChild;
    private final int[] falseChild;
    /** roots[c][t]: the root node of tree t of class c (k > 2), or of the single binary ensemble (c = 0). */
    private final int[][] roots;
    private final int k;
    private final double b;
    private final double shrinkage;

    private FlatGbm(int[] column, double[] value, int[] trueChild, int[] falseChild, int[][] roots, int k,
                    double b, double shrinkage) {
        this.column = column;
        this.value = value;
        this.trueChild = trueChild;
        this.falseChild = falseChild;
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
                int root = nodes.add(tree.root(), tree.schema(), input);
                if (root < 0) return Optional.empty();
                roots[c][t] = root;
            }
        }
        double b = k == 2 ? readDouble(gbm, GradientTreeBoost.class, "b") : 0.0;
        double shrinkage = readDouble(gbm, GradientTreeBoost.class, "shrinkage");
        return Optional.of(new FlatGbm(nodes.column(), nodes.value(), nodes.trueChild(), nodes.falseChild(), roots,
                k, b, shrinkage));
    }

    /** Class probabilities of one row into {@code out} (length k), as {@code GradientTreeBoost.predict(Tuple, double[])}. */
    void predict(double[] row, double[] out) {
        if (k == 2) {
            double y = b;
            for (int root : roots[0]) y += shrinkage * leaf(root, row);
            out[0] = 1.0 / (1.0 + Math.exp(2 * y));
            out[1] = 1.0 - out[0];
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            out[c] = 0.0;
            for (int root : roots[c]) out[c] += shrinkage * leaf(root, row);
            if (out[c] > max) max = out[c];
        }
        double sum = 0.0;
        for (int c = 0; c < k; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < k; c++) out[c] /= sum;
    }

    private double leaf(int node, double[] row) {
        int n = node;
        // OrdinalNode: x <= threshold goes to the true child; NaN compares false and goes to the false child
        while (column[n] >= 0) n = row[column[n]] <= value[n] ? trueChild[n] : falseChild[n];
        return value[n];
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
        private double[] value = new double[256];
        private int[] trueChild = new int[256];
        private int[] falseChild = new int[256];
        private int size;

        /** Index of the added subtree's root, or -1 if it holds a node kind that is not flattened. */
        int add(Node node, StructType treeSchema, StructType input) {
            int at = size++;
            grow();
            if (node instanceof RegressionNode leaf) {
                column[at] = -1;
                value[at] = leaf.output();
                return at;
            }
            if (!(node instanceof OrdinalNode split)) return -1;
            int col = input.indexOf(treeSchema.field(split.feature()).name());
            if (col < 0) return -1;
            column[at] = col;
            try {
                value[at] = ORDINAL_VALUE.getDouble(split);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read an OrdinalNode threshold", e);
            }
            int t = add(split.trueChild(), treeSchema, input);
            if (t < 0) return -1;
            int f = add(split.falseChild(), treeSchema, input);
            if (f < 0) return -1;
            trueChild[at] = t;
            falseChild[at] = f;
            return at;
        }

        private void grow() {
            if (size <= column.length) return;
            int n = column.length * 2;
            column = java.util.Arrays.copyOf(column, n);
            value = java.util.Arrays.copyOf(value, n);
            trueChild = java.util.Arrays.copyOf(trueChild, n);
            falseChild = java.util.Arrays.copyOf(falseChild, n);
        }

        int[] column() { return java.util.Arrays.copyOf(column, size); }
        double[] value() { return java.util.Arrays.copyOf(value, size); }
        int[] trueChild() { return java.util.Arrays.copyOf(trueChild, size); }
        int[] falseChild() { return java.util.Arrays.copyOf(falseChild, size); }
    }
}
