package msb.model;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import msb.core.UserInputException;
import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A fitted Smile classifier (gradient boosting, random forest, logistic regression) over one scaled row.
 * Persistence is Java serialization read back through an allow-list filter, so a planted file cannot
 * instantiate anything outside the Smile model classes.
 */
public final class SmileModel implements ProbaModel {
    /** The classes a GBM, RF or LR model graph holds, within caps on depth, references, arrays and bytes. */
    static final ObjectInputFilter ALLOW_LIST = ModelFileFilter.INSTANCE;

    private final Classifier<?> classifier;
    private final StructType schema;
    /** The same GBM as flat arrays (a row scored without a Tuple); null for other models. */
    private final FlatGbm flat;

    private SmileModel(Classifier<?> classifier, StructType schema) {
        if (!classifier.isSoft()) throw new IllegalArgumentException("classifier gives no probabilities");
        this.classifier = classifier;
        this.schema = schema;
        // only a 3-class model maps its trees one to one onto DOWN/NEUTRAL/UP; any other keeps Smile's own predict
        this.flat = classifier instanceof GradientTreeBoost g && schema != null && g.trees().length == Labels.CLASSES
                ? FlatGbm.of(g, schema).orElse(null) : null;
    }

    static SmileModel ofRowClassifier(Classifier<double[]> c) { return new SmileModel(c, null); }

    static SmileModel ofFrameClassifier(DataFrameClassifier c, int features) {
        return new SmileModel(c, DataFrame.of(new double[1][features], featureNames(features)).schema());
    }

    static String[] featureNames(int p) {
        String[] names = new String[p];
        for (int j = 0; j < p; j++) names[j] = "f" + j;
        return names;
    }

    @Override public int historyRows() { return 1; }

    @Override
    @SuppressWarnings("unchecked")
    public double[][] predict(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][Labels.CLASSES];
        for (int i = 0; i < rows.length; i++) {
            if (flat != null) {
                flat.predict(x[rows[i]], out[i]);
            } else if (schema == null) {
                ((Classifier<double[]>) classifier).predict(x[rows[i]], out[i]);
            } else {
                ((Classifier<Tuple>) classifier).predict(Tuple.of(schema, x[rows[i]]), out[i]);
            }
        }
        return out;
    }

    /** Smile's own prediction for one row, bypassing the flat evaluator (the reference FlatGbmTest compares with). */
    @SuppressWarnings("unchecked")
    double[] smilePredict(double[] row) {
        double[] out = new double[Labels.CLASSES];
        if (schema == null) ((Classifier<double[]>) classifier).predict(row, out);
        else ((Classifier<Tuple>) classifier).predict(Tuple.of(schema, row), out);
        return out;
    }

    boolean flattened() { return flat != null; }

    void save(Path file) {
        try {
            smile.io.Write.object((Serializable) classifier, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model saved by {@link #save}; {@code frameFeatures} > 0 for tree models (their tuple width). */
    static SmileModel load(Path file, int frameFeatures) {
        Object o;
        try {
            o = smile.io.Read.object(file, ALLOW_LIST);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new UserInputException(file + ": not a Smile model this version can read (" + e.getMessage()
                    + "); retrain with `msb train`", e);
        }
        if (o instanceof DataFrameClassifier d && frameFeatures > 0) return ofFrameClassifier(d, frameFeatures);
        if (o instanceof smile.classification.LogisticRegression lr && frameFeatures == 0) {
            return ofRowClassifier(lr);
        }
        throw new UserInputException(file + ": holds a " + o.getClass().getName() + ", not the expected model kind");
    }
}
