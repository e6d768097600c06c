package msb.model;

import msb.signal.Metrics;

/** Forward-chained and cross-fitted calibration of VAL scores (see {@link ValidationScores}). */
final class ForwardChain {
    private ForwardChain() {}

    /** Fold boundaries of n rows in k contiguous folds. */
    static int start(int n, int k, int f) { return (int) ((long) n * f / k); }

    /**
     * @param raw   uncalibrated VAL probabilities
     * @param y     VAL class indices 0/1/2
     * @param folds contiguous folds
     * @param minRowsPerClass isotonic from this many fitting rows per class, sigmoid below
     * @param calibrate       false for a constant model, which has no calibrator: its rows pass through as they are
     */
    static Result chain(double[][] raw, int[] y, int folds, int minRowsPerClass, boolean calibrate) {
        int n = raw.length;
        int first = start(n, folds, 1);
        int m = n - first;
        int[] index = new int[m];
        double[][] probs = new double[m][];
        double[] drift = new double[m];
        double[] foldDrift = new double[folds - 1], foldMean = new double[folds - 1];
        for (int f = 1; f < folds; f++) {
            int s = start(n, folds, f), e = start(n, folds, f + 1);
            double[][] fitP = java.util.Arrays.copyOfRange(raw, 0, s);
            int[] fitY = java.util.Arrays.copyOfRange(y, 0, s);
            Calibration c = calibrate ? Calibration.fit(fitP, fitY, Calibration.methodFor(fitY, minRowsPerClass)) : null;
            double ref = meanSModel(c == null ? fitP : c.apply(fitP));
            double sum = 0;
            for (int i = s; i < e; i++) {
                index[i - first] = i;
                probs[i - first] = c == null ? raw[i] : c.apply(raw[i]);
                drift[i - first] = ref;
                sum += probs[i - first][2] - probs[i - first][0];
            }
            foldMean[f - 1] = sum / Math.max(1, e - s);
            foldDrift[f - 1] = labelDrift(y, s, e);
        }
        return new Result(index, probs, drift, Metrics.pearson(foldDrift, foldMean));
    }

    /** Contiguous cross-fitting (each fold calibrated on all the others); the correlation of fold drift with fold mean. */
    static double crossFittedDriftCorrelation(double[][] raw, int[] y, int folds, int minRowsPerClass) {
        int n = raw.length;
        double[] foldDrift = new double[folds], foldMean = new double[folds];
        for (int f = 0; f < folds; f++) {
            int s = start(n, folds, f), e = start(n, folds, f + 1);
            double[][] fitP = new double[n - (e - s)][];
            int[] fitY = new int[fitP.length];
            int q = 0;
            for (int i = 0; i < n; i++) {
                if (i >= s && i < e) continue;
                fitP[q] = raw[i];
                fitY[q++] = y[i];
            }
            Calibration c = Calibration.fit(fitP, fitY, Calibration.methodFor(fitY, minRowsPerClass));
            double sum = 0;
            for (int i = s; i < e; i++) {
                double[] p = c.apply(raw[i]);
                sum += p[2] - p[0];
            }
            foldMean[f] = sum / Math.max(1, e - s);
            foldDrift[f] = labelDrift(y, s, e);
        }
        return Metrics.pearson(foldDrift, foldMean);
    }

    /** The reference drift of calibrated rows: their mean s_model. */
    static double meanSModel(double[][] p) { return p.length == 0 ? 0 : Metrics.mean(Metrics.sModel(p)); }

    /** UP share minus DOWN share of class indices y[s..e). */
    private static double labelDrift(int[] y, int s, int e) {
        double d = 0;
        for (int i = s; i < e; i++) d += y[i] == 2 ? 1 : y[i] == 0 ? -1 : 0;
        return d / Math.max(1, e - s);
    }

    record Result(int[] index, double[][] probs, double[] drift, double driftCorrelation) {}
}
