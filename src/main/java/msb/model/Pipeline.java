package msb.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted model in memory: scaler, base learners, optional meta logistic regression and calibration; the
 * BMA second opinion for the stack. Batch prediction over raw (unscaled) feature rows. Closes the LSTM.
 */
public final class Pipeline implements AutoCloseable {
    private final ModelKind kind;
    private final Standardizer scaler;
    private final Map<LearnerKind, ProbaModel> bases;
    private final SmileModel meta;
    private final Calibration calibration;
    private final Map<LearnerKind, Calibration> baseCalibrations;
    private final Map<LearnerKind, Double> bmaWeights;

    Pipeline(ModelKind kind, Standardizer scaler, Map<LearnerKind, ProbaModel> bases, SmileModel meta,
             Calibration calibration, Map<LearnerKind, Calibration> baseCalibrations, Map<LearnerKind, Double> bmaWeights) {
        this.kind = kind;
        this.scaler = scaler;
        this.bases = new LinkedHashMap<>(bases);
        this.meta = meta;
        this.calibration = calibration;
        this.baseCalibrations = new LinkedHashMap<>(baseCalibrations);
        this.bmaWeights = new LinkedHashMap<>(bmaWeights);
        if (!kind.constant() && (scaler == null || this.bases.isEmpty())) {
            throw new IllegalArgumentException(kind + " needs a scaler and base learners");
        }
        if (kind == ModelKind.STACK && meta == null) throw new IllegalArgumentException("stack needs a meta model");
    }

    static Pipeline constant(ModelKind kind) {
        return new Pipeline(kind, null, Map.of(), null, null, Map.of(), Map.of());
    }

    public ModelKind kind() { return kind; }

    Standardizer scaler() { return scaler; }

    Map<LearnerKind, ProbaModel> bases() { return bases; }

    SmileModel meta() { return meta; }

    Calibration calibration() { return calibration; }

    Map<LearnerKind, Calibration> baseCalibrations() { return baseCalibrations; }

    Map<LearnerKind, Double> bmaWeights() { return bmaWeights; }

    public boolean hasBma() { return !bmaWeights.isEmpty(); }

    public int historyRows() {
        int h = 1;
        for (ProbaModel m : bases.values()) h = Math.max(h, m.historyRows());
        return h;
    }

    /** Meta-model input: log of each base learner's probabilities, learners in stack order. */
    static double[][] metaInput(List<double[][]> baseProbs, int n) {
        double[][] z = new double[n][baseProbs.size() * Labels.CLASSES];
        for (int b = 0; b < baseProbs.size(); b++) {
            double[][] p = baseProbs.get(b);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < Labels.CLASSES; c++) {
                    z[i][b * Labels.CLASSES + c] = Math.log(Math.max(1e-6, p[i][c]));
                }
            }
        }
        return z;
    }

    /** Uncalibrated output on already scaled rows. */
    double[][] raw(double[][] xs, int[] rows) {
        if (kind.constant()) {
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) out[i] = kind.constantProbs();
            return out;
        }
        if (kind != ModelKind.STACK) return bases.values().iterator().next().predict(xs, rows);
        return raw(baseProbs(xs, rows), rows.length);
    }

    /** Each base learner's probabilities of {@code rows} (already scaled), in stack order. */
    List<double[][]> baseProbs(double[][] xs, int[] rows) {
        List<double[][]> probs = new ArrayList<>();
        for (ProbaModel m : bases.values()) probs.add(m.predict(xs, rows));
        return probs;
    }

    /**
     * Uncalibrated output of {@code n} rows from the base learners' probabilities of them (learners in stack
     * order), for a caller that needs those probabilities too (the trainer's BMA weights) and predicts once.
     */
    double[][] raw(List<double[][]> baseProbs, int n) {
        if (kind != ModelKind.STACK) return baseProbs.getFirst();
        double[][] z = metaInput(baseProbs, n);
        int[] all = new int[n];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return meta.predict(z, all);
    }

    double[][] scale(double[][] x) { return scaler == null ? x : scaler.apply(x); }

    /** The final (calibrated) probabilities for {@code rows} of a raw feature matrix. */
    public double[][] predict(double[][] x, int[] rows) {
        double[][] r = raw(scale(x), rows);
        return calibration == null ? r : calibration.apply(r);
    }

    /** The BMA second opinion: calibrated base probabilities weighted by their validation likelihood. */
    public double[][] predictBma(double[][] x, int[] rows) {
        if (!hasBma()) throw new IllegalStateException(kind + " has no BMA output");
        double[][] xs = scale(x);
        double[][] out = new double[rows.length][Labels.CLASSES];
        for (var e : bases.entrySet()) {
            double w = bmaWeights.get(e.getKey());
            double[][] p = baseCalibrations.get(e.getKey()).apply(e.getValue().predict(xs, rows));
            for (int i = 0; i < rows.length; i++) for (int c = 0; c < 3; c++) out[i][c] += w * p[i][c];
        }
        return out;
    }

    @Override
    public void close() {
        for (ProbaModel m : bases.values()) if (m instanceof AutoCloseable c) closeQuietly(c);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // native memory release failure at shutdown: nothing useful to do
        }
    }
}
