package msb.model;

import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.model.cart.SplitRule;
import smile.util.IterativeAlgorithmController;
import java.util.function.IntConsumer;

/** Static fits of the Smile base learners on given rows (class indices 0/1/2), seeded. */
public final class SmileLearners {
    private static final Formula FORMULA = Formula.lhs("y");

    private SmileLearners() {}

    private static DataFrame frame(double[][] x, int[] rows, int[] y) {
        int p = x[rows[0]].length;
        double[][] sub = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) sub[i] = x[rows[i]];
        return DataFrame.of(sub, SmileModel.featureNames(p)).merge(new DataFrame(new IntVector("y", y)));
    }

    private static void requireAllClasses(int[] y, String learner) {
        int[] c = Labels.counts(y);
        for (int k = 0; k < c.length; k++) {
            if (c[k] == 0) {
                throw new msb.core.UserInputException(learner + ": its training rows hold no " + (k - 1)
                        + " label; every class DOWN/NEUTRAL/UP must occur: use a longer history or another label threshold");
            }
        }
    }

    /** Reports each finished tree to {@code treesDone} on the fitting thread(s). */
    private static final class TreeCounter<T> extends IterativeAlgorithmController<T> {
        private final IntConsumer treesDone;
        private int done;

        TreeCounter(IntConsumer treesDone) { this.treesDone = treesDone; }

        @Override
        public synchronized void submit(T status) { treesDone.accept(++done); }
    }

    public static SmileModel gbm(double[][] x, int[] rows, int[] y, GbmOptions o, long seed, IntConsumer treesDone) {
        requireAllClasses(y, "gbm");
        MathEx.setSeed(seed); // GBM row subsampling draws from Smile's global generator
        var opts = new GradientTreeBoost.Options(o.trees(), o.maxDepth(), o.maxNodes(), o.nodeSize(),
                o.shrinkage(), o.subsample(), null, new TreeCounter<>(treesDone));
        return SmileModel.ofFrameClassifier(GradientTreeBoost.fit(FORMULA, frame(x, rows, y), opts), x[rows[0]].length);
    }

    public static SmileModel rf(double[][] x, int[] rows, int[] y, RfOptions o, long seed, IntConsumer treesDone) {
        requireAllClasses(y, "rf");
        int p = x[rows[0]].length;
        int mtry = o.mtry() == 0 ? Math.max(1, (int) Math.floor(Math.sqrt(p))) : Math.min(o.mtry(), p);
        long[] seeds = new long[o.trees()];
        var rnd = new java.util.SplittableRandom(seed);
        for (int i = 0; i < seeds.length; i++) seeds[i] = rnd.nextLong();
        var opts = new RandomForest.Options(o.trees(), mtry, SplitRule.GINI, o.maxDepth(), o.maxNodes(),
                o.nodeSize(), o.subsample(), null, seeds, new TreeCounter<>(treesDone));
        return SmileModel.ofFrameClassifier(withoutTimings(RandomForest.fit(FORMULA, frame(x, rows, y), opts)), p);
    }

    /**
     * The same forest with the wall-clock fit and score times Smile records in every tree's out-of-bag
     * metrics (and the forest's) set to 0: they were the only bytes in which two fits of the same data and
     * seed differed, so rf.ser hashed differently run to run. Predictions are untouched.
     */
    static RandomForest withoutTimings(RandomForest rf) {
        RandomForest.Model[] in = rf.models();
        RandomForest.Model[] out = new RandomForest.Model[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = new RandomForest.Model(in[i].tree(), withoutTimings(in[i].metrics()), in[i].weight());
        }
        return new RandomForest(rf.formula(), rf.numClasses(), out, withoutTimings(rf.metrics()), rf.importance(),
                new smile.util.IntSet(rf.classes()));
    }

    /** A copy of the record with fitTime and scoreTime 0 (every other component kept, whatever Smile adds). */
    static smile.validation.ClassificationMetrics withoutTimings(smile.validation.ClassificationMetrics m) {
        if (m == null) return null;
        try {
            var components = smile.validation.ClassificationMetrics.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                String name = components[i].getName();
                values[i] = name.equals("fitTime") || name.equals("scoreTime") ? 0.0 : components[i].getAccessor().invoke(m);
            }
            return smile.validation.ClassificationMetrics.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy Smile's ClassificationMetrics: " + e, e);
        }
    }

    public static SmileModel logreg(double[][] x, int[] rows, int[] y, LogregOptions o) {
        requireAllClasses(y, "logreg");
        double[][] sub = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) sub[i] = x[rows[i]];
        var opts = new LogisticRegression.Options(o.lambda(), o.tolerance(), o.maxIter());
        return SmileModel.ofRowClassifier(LogisticRegression.multinomial(sub, y, opts));
    }
}
