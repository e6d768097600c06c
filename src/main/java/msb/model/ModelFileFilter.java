package msb.model;

import java.io.ObjectInputFilter;
import java.util.Map;
import java.util.Set;

/**
 * What a Smile model file may hold when read back: only the classes a GBM, RF or logistic regression graph
 * holds (found by recording real deserializations), within caps on nesting depth, references, array length
 * and bytes. The JDK containers those graphs hold (a HashMap of column names, a list of formula terms) are
 * allowed only near the top, where real models keep them: a container whose hashCode runs while it is read
 * (a HashMap key) could otherwise nest two shared references per level and cost 2^depth work (a 3.7 KB file
 * of nested HashMaps ran at 100% CPU for ever). Anything else is refused before it is instantiated.
 */
final class ModelFileFilter implements ObjectInputFilter {
    /** The deepest tree rf.max_depth and gbm.max_depth accept; a tree level nests the file one level deeper. */
    static final int MAX_TREE_DEPTH = 100;
    /** Tree levels plus the model, formula and schema objects above the root node (a real RF reads 8 + depth). */
    static final int MAX_DEPTH = MAX_TREE_DEPTH + 20;
    static final long MAX_REFERENCES = 20_000_000;
    static final long MAX_ARRAY_LENGTH = 50_000_000;
    static final long MAX_BYTES = 1L << 30;
    /** JDK containers and the deepest level they may appear at (real models: HashMap 3, ArrayList and Object[] 6). */
    private static final int MAX_CONTAINER_DEPTH = 10;
    private static final Set<String> CONTAINERS = Set.of("java.util.HashMap", "java.util.ArrayList", "java.lang.Object",
            "java.util.Map$Entry");
    /** Value classes whose hashCode does not recurse: allowed at any depth. */
    private static final Set<String> VALUES = Set.of("java.lang.Enum", "java.lang.Integer", "java.lang.Number",
            "java.lang.Double", "java.lang.String");
    private static final Set<String> SMILE = Set.of("smile.classification.AbstractClassifier",
            "smile.classification.GradientTreeBoost", "smile.classification.RandomForest",
            "smile.classification.RandomForest$Model", "smile.classification.DecisionTree",
            "smile.classification.LogisticRegression", "smile.classification.LogisticRegression$Multinomial",
            "smile.classification.LogisticRegression$Binomial", "smile.regression.RegressionTree",
            "smile.data.formula.Formula", "smile.data.formula.Variable", "smile.data.formula.Term", "smile.util.IntSet",
            "smile.validation.ClassificationMetrics");
    private static final Map<String, String> SMILE_PACKAGES = Map.of("smile.model.cart.", "tree nodes",
            "smile.data.type.", "column types");

    static final ModelFileFilter INSTANCE = new ModelFileFilter();

    private ModelFileFilter() {}

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > MAX_ARRAY_LENGTH
                || info.streamBytes() > MAX_BYTES) {
            return Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) return Status.UNDECIDED; // a limits-only check, passed above
        while (c.isArray()) c = c.getComponentType();
        if (c.isPrimitive()) return Status.ALLOWED;
        String name = c.getName();
        if (CONTAINERS.contains(name)) return info.depth() <= MAX_CONTAINER_DEPTH ? Status.ALLOWED : Status.REJECTED;
        if (VALUES.contains(name) || SMILE.contains(name)) return Status.ALLOWED;
        for (String pkg : SMILE_PACKAGES.keySet()) {
            if (name.startsWith(pkg) && name.indexOf('.', pkg.length()) < 0) return Status.ALLOWED;
        }
        return Status.REJECTED;
    }
}
