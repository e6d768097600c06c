package msb.model;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import msb.core.Progress;
import msb.core.UserInputException;
import msb.dataset.Dataset;
import msb.dataset.Split;
import msb.signal.SignalSpec;

/**
 * Fits a model kind on a dataset (SPEC sections 4 and 5). Scaler, base learners and the meta model see
 * TRAIN rows only; the meta model sees only out-of-fold base probabilities from purged walk-forward folds;
 * calibrators see VAL rows only; TEST rows are never read.
 */
public final class StackTrainer {
    private final Hyperparameters hp;
    private final long seed;
    private final boolean quiet;
    private final FitObserver observer;
    private final PrintStream err;
    private final Map<String, Long> seeds = new LinkedHashMap<>();
    private final Map<String, Long> timings = new LinkedHashMap<>();

    /** {@code err}: where the learners' progress goes (the command's error stream); nothing with {@code quiet}. */
    public StackTrainer(Hyperparameters hp, long seed, boolean quiet, FitObserver observer, PrintStream err) {
        this.hp = hp;
        this.seed = seed;
        this.quiet = quiet;
        this.observer = observer;
        this.err = err;
    }

    public FitResult fit(Dataset ds, ModelKind kind) {
        int[] train = ds.rowsOf(Split.TRAIN);
        int[] val = ds.rowsOf(Split.VAL);
        if (val.length < hp.stack().calibrationFolds()) {
            throw new UserInputException("the " + ds.tf() + " dataset has " + val.length + " validation rows; at least "
                    + hp.stack().calibrationFolds() + " are needed to calibrate and judge a model; import a longer history");
        }
        int[] yVal = Labels.indices(ds.label(), val);
        if (kind.constant()) {
            Pipeline p = Pipeline.constant(kind);
            double[][] raw = p.raw(null, val);
            return new FitResult(p, val, constantScores(raw, yVal), null, "none", seeds, timings);
        }
        long t0 = System.nanoTime();
        Standardizer scaler = Standardizer.fit(ds.x(), train);
        observer.fitted("scaler", train);
        double[][] xs = scaler.apply(ds.x());
        timings.put("scaler", ms(t0));

        Map<LearnerKind, ProbaModel> bases = new LinkedHashMap<>();
        SmileModel meta = null;
        Map<LearnerKind, Calibration> baseCals = new LinkedHashMap<>();
        Map<LearnerKind, Double> bmaWeights = new LinkedHashMap<>();
        double[][] bmaVal = null;
        try {
            if (kind == ModelKind.STACK) {
                meta = fitMeta(ds, xs, train);
            }
            for (LearnerKind l : kind.learners()) {
                bases.put(l, fitLearner(l, ds, xs, train, "final", ds.label()));
            }
            Pipeline uncalibrated = new Pipeline(kind, scaler, bases, meta, null, Map.of(), Map.of());
            double[][] rawVal = uncalibrated.raw(xs, val);
            for (LearnerKind l : kind.learners()) observer.scored(l.id() + "/final", val);

            long tc = System.nanoTime();
            Calibration.Method method = Calibration.methodFor(yVal, hp.stack().minCalibrationRowsPerClass());
            int folds = hp.stack().calibrationFolds(), minPerClass = hp.stack().minCalibrationRowsPerClass();
            ForwardChain.Result chained = ForwardChain.chain(rawVal, yVal, folds, minPerClass, true);
            double crossCorr = ForwardChain.crossFittedDriftCorrelation(rawVal, yVal, folds, minPerClass);
            Calibration shipped = Calibration.fit(rawVal, yVal, method);
            observer.fitted("calibration", val);
            SignalSpec spec = SignalSpec.of(hp.gates().signal(), ForwardChain.meanSModel(shipped.apply(rawVal)));
            ValidationScores scores = new ValidationScores(rawVal, chained.index(), chained.probs(), chained.drift(), spec,
                    new ValidationScores.CalibrationEvidence(crossCorr, chained.driftCorrelation(), folds));
            timings.put("calibration", ms(tc));

            if (kind == ModelKind.STACK) {
                long tb = System.nanoTime();
                List<double[][]> cf = new ArrayList<>();
                for (var e : bases.entrySet()) {
                    double[][] raw = e.getValue().predict(xs, val);
                    cf.add(crossFit(raw, yVal, method, "bma-calibration/" + e.getKey().id()));
                    baseCals.put(e.getKey(), Calibration.fit(raw, yVal, method));
                    observer.fitted("bma-calibration/" + e.getKey().id(), val);
                }
                double[] w = pseudoBmaWeights(cf, yVal);
                int b = 0;
                for (LearnerKind l : bases.keySet()) bmaWeights.put(l, w[b++]);
                bmaVal = new double[val.length][Labels.CLASSES];
                for (int k = 0; k < cf.size(); k++) {
                    for (int i = 0; i < val.length; i++) for (int c = 0; c < 3; c++) bmaVal[i][c] += w[k] * cf.get(k)[i][c];
                }
                timings.put("bma", ms(tb));
            }
            Pipeline p = new Pipeline(kind, scaler, bases, meta, shipped, baseCals, bmaWeights);
            return new FitResult(p, val, scores, bmaVal, method.name().toLowerCase(), seeds, timings);
        } catch (RuntimeException e) {
            for (ProbaModel m : bases.values()) if (m instanceof LstmModel l) l.close();
            throw e;
        }
    }

    /** A constant model has no calibrator: its chained rows are its raw rows, centred by the mean before them. */
    private ValidationScores constantScores(double[][] raw, int[] y) {
        int folds = hp.stack().calibrationFolds();
        ForwardChain.Result c = ForwardChain.chain(raw, y, folds, hp.stack().minCalibrationRowsPerClass(), false);
        SignalSpec spec = SignalSpec.of(hp.gates().signal(), ForwardChain.meanSModel(raw));
        return new ValidationScores(raw, c.index(), c.probs(), c.drift(), spec, new ValidationScores.CalibrationEvidence(Double.NaN, Double.NaN, folds));
    }

    /**
     * Purged walk-forward folds inside TRAIN: TRAIN is cut into oofFolds+1 contiguous blocks; block k
     * (k >= 1) is scored by learners fitted on the blocks before it minus the last foldPurgeRows rows. The
     * meta model is fitted on those out-of-fold probabilities only.
     */
    private SmileModel fitMeta(Dataset ds, double[][] xs, int[] train) {
        int folds = hp.stack().oofFolds();
        int purge = hp.stack().foldPurgeRows();
        int blocks = folds + 1;
        int firstOof = train.length / blocks;
        int[] oofRows = Arrays.copyOfRange(train, firstOof, train.length);
        List<LearnerKind> learners = ModelKind.STACK.learners();
        List<double[][]> oof = new ArrayList<>();
        for (int b = 0; b < learners.size(); b++) oof.add(new double[oofRows.length][]);
        for (int k = 1; k < blocks; k++) {
            int start = (int) ((long) train.length * k / blocks);
            int end = (int) ((long) train.length * (k + 1) / blocks);
            int fitEnd = Math.max(0, start - purge);
            int[] fitRows = Arrays.copyOf(train, fitEnd);
            int[] predRows = Arrays.copyOfRange(train, start, end);
            for (int b = 0; b < learners.size(); b++) {
                LearnerKind l = learners.get(b);
                ProbaModel m = fitLearner(l, ds, xs, fitRows, "fold" + k, ds.label());
                try {
                    double[][] p = m.predict(xs, predRows);
                    observer.scored(l.id() + "/fold" + k, predRows);
                    System.arraycopy(p, 0, oof.get(b), start - firstOof, p.length);
                } finally {
                    if (m instanceof LstmModel lm) lm.close();
                }
            }
        }
        long t0 = System.nanoTime();
        double[][] z = Pipeline.metaInput(oof, oofRows.length);
        int[] all = new int[oofRows.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        SmileModel meta = SmileLearners.logreg(z, all, Labels.indices(ds.label(), oofRows), hp.logreg());
        observer.fitted("meta", oofRows);
        timings.put("meta", ms(t0));
        return meta;
    }

    private ProbaModel fitLearner(LearnerKind l, Dataset ds, double[][] xs, int[] rows, String stage, int[] labels) {
        String name = l.id() + "/" + stage;
        long s = componentSeed(name);
        seeds.put(name, s);
        observer.fitted(name, rows);
        int[] y = Labels.indices(labels, rows);
        long t0 = System.nanoTime();
        ProbaModel m;
        if (l == LearnerKind.LSTM) {
            try (Progress bar = Progress.start(err, name, hp.lstm().epochs(), quiet)) {
                m = LstmModel.fit(xs, rows, y, hp.lstm(), s, hp.stack().balancedSampling(), bar::advanceTo);
            }
        } else {
            int[] fitRows = rows;
            int[] fitY = y;
            if (hp.stack().balancedSampling()) {
                int[] pick = new BalancedSampler(y).draw(rows.length, new SplittableRandom(s));
                fitRows = new int[pick.length];
                fitY = new int[pick.length];
                for (int i = 0; i < pick.length; i++) {
                    fitRows[i] = rows[pick[i]];
                    fitY[i] = y[pick[i]];
                }
            }
            int steps = switch (l) {
                case GBM -> hp.gbm().trees();
                case RF -> hp.rf().trees();
                default -> 1;
            };
            try (Progress bar = Progress.start(err, name, steps, quiet)) {
                IntConsumer onTree = done -> {
                    synchronized (bar) { bar.advanceTo(done); }
                };
                m = switch (l) {
                    case GBM -> SmileLearners.gbm(xs, fitRows, fitY, hp.gbm(), s, onTree);
                    case RF -> SmileLearners.rf(xs, fitRows, fitY, hp.rf(), s, onTree);
                    case LOGREG -> SmileLearners.logreg(xs, fitRows, fitY, hp.logreg());
                    case LSTM -> throw new IllegalStateException("unreachable");
                };
                bar.advanceTo(steps);
            }
        }
        timings.merge(l.id(), ms(t0), Long::sum);
        return m;
    }

    /** Each fold of VAL scored by a calibrator fitted on the other folds (contiguous folds). */
    private double[][] crossFit(double[][] raw, int[] y, Calibration.Method method, String name) {
        int n = raw.length, k = hp.stack().calibrationFolds();
        double[][] out = new double[n][];
        for (int f = 0; f < k; f++) {
            int start = (int) ((long) n * f / k), end = (int) ((long) n * (f + 1) / k);
            double[][] fitP = new double[n - (end - start)][];
            int[] fitY = new int[fitP.length];
            int q = 0;
            for (int i = 0; i < n; i++) {
                if (i >= start && i < end) continue;
                fitP[q] = raw[i];
                fitY[q++] = y[i];
            }
            Calibration c = Calibration.fit(fitP, fitY, method);
            for (int i = start; i < end; i++) out[i] = c.apply(raw[i]);
        }
        return out;
    }

    /**
     * Pseudo-BMA+ (Yao et al. 2018): weights proportional to exp(n * weighted mean log-likelihood) on
     * Bayesian-bootstrap reweightings of the VAL rows, averaged. Plain exp(total log-likelihood) puts all
     * weight on one learner; the bootstrap keeps a real mix when learners are close.
     */
    private double[] pseudoBmaWeights(List<double[][]> probs, int[] y) {
        int m = probs.size(), n = y.length;
        double[][] ll = new double[m][n];
        for (int b = 0; b < m; b++) {
            for (int i = 0; i < n; i++) ll[b][i] = Math.log(Math.max(msb.signal.Metrics.LOG_LOSS_EPS, probs.get(b)[i][y[i]]));
        }
        long s = componentSeed("bma");
        seeds.put("bma", s);
        SplittableRandom rnd = new SplittableRandom(s);
        double[] w = new double[m];
        int draws = hp.stack().bmaBootstrapDraws();
        double[] alpha = new double[n];
        double[] elpd = new double[m];
        for (int d = 0; d < draws; d++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                alpha[i] = -Math.log(1 - rnd.nextDouble());
                sum += alpha[i];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < m; b++) {
                double e = 0;
                for (int i = 0; i < n; i++) e += alpha[i] / sum * ll[b][i];
                elpd[b] = n * e;
                max = Math.max(max, elpd[b]);
            }
            double z = 0;
            for (int b = 0; b < m; b++) z += Math.exp(elpd[b] - max);
            for (int b = 0; b < m; b++) w[b] += Math.exp(elpd[b] - max) / z / draws;
        }
        return w;
    }

    private long componentSeed(String name) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (char c : name.toCharArray()) h = (h ^ c) * 0x100000001B3L;
        return h ^ (h >>> 29);
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }
}
