package msb.model;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import msb.core.Parallel;
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
        Map<LearnerKind, Future<ProbaModel>> finals = new LinkedHashMap<>();
        try {
            // every fit is submitted before any is awaited: folds and final learners run side by side
            List<LearnerKind> learners = kind.learners();
            int fitCount = learners.size() * (kind == ModelKind.STACK ? hp.stack().oofFolds() + 1 : 1);
            long steps = 0;
            for (LearnerKind l : learners) {
                steps += (long) stepsOf(l) * fitCount / learners.size();
                timings.put(l.id(), 0L); // learners in their fixed order, whichever fit finishes first
            }
            // closed in reverse: the fits stop (or finish) before the bar draws its last line
            try (Progress bar = Progress.start(err, fitCount == 1 ? learners.getFirst().id() + "/final"
                         : kind.id() + " (" + fitCount + " fits)", steps, quiet);
                 LearnerFits fits = new LearnerFits()) {
                OutOfFold oof = kind == ModelKind.STACK ? submitFolds(fits, bar, ds, xs, train) : null;
                for (LearnerKind l : learners) {
                    finals.put(l, submitFit(fits, bar, l, ds, xs, train, "final", m -> m));
                }
                fits.runCallerFits();
                if (oof != null) meta = fitMeta(ds, oof);
                for (LearnerKind l : learners) bases.put(l, Parallel.join(finals.get(l)));
            }
            Pipeline uncalibrated = new Pipeline(kind, scaler, bases, meta, null, Map.of(), Map.of());
            List<double[][]> baseVal = uncalibrated.baseProbs(xs, val);
            double[][] rawVal = uncalibrated.raw(baseVal, val.length);
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
                int at = 0;
                for (var e : bases.entrySet()) {
                    double[][] raw = baseVal.get(at++);
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
        } catch (RuntimeException | Error e) {
            // the fits have all stopped (LearnerFits.close); a finished LSTM holds native memory
            for (Future<ProbaModel> f : finals.values()) {
                if (f.state() == Future.State.SUCCESS && f.resultNow() instanceof LstmModel l) l.close();
            }
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

    /** The out-of-fold probabilities being computed: per fold block, per learner; and the rows they score. */
    private record OutOfFold(int[] rows, List<List<Future<double[][]>>> blocks) {}

    /**
     * Purged walk-forward folds inside TRAIN: TRAIN is cut into oofFolds+1 contiguous blocks; block k
     * (k >= 1) is scored by learners fitted on the blocks before it minus the last foldPurgeRows rows. The
     * meta model is fitted on those out-of-fold probabilities only.
     */
    private OutOfFold submitFolds(LearnerFits fits, Progress bar, Dataset ds, double[][] xs, int[] train) {
        int folds = hp.stack().oofFolds();
        int purge = hp.stack().foldPurgeRows();
        int blocks = folds + 1;
        int firstOof = train.length / blocks;
        List<List<Future<double[][]>>> scored = new ArrayList<>();
        for (int k = 1; k < blocks; k++) {
            int start = (int) ((long) train.length * k / blocks);
            int end = (int) ((long) train.length * (k + 1) / blocks);
            int fitEnd = Math.max(0, start - purge);
            int[] fitRows = Arrays.copyOf(train, fitEnd);
            int[] predRows = Arrays.copyOfRange(train, start, end);
            List<Future<double[][]>> block = new ArrayList<>();
            for (LearnerKind l : ModelKind.STACK.learners()) {
                block.add(submitFit(fits, bar, l, ds, xs, fitRows, "fold" + k, m -> {
                    try {
                        return m.predict(xs, predRows);
                    } finally {
                        if (m instanceof LstmModel lm) lm.close();
                    }
                }));
                observer.scored(l.id() + "/fold" + k, predRows);
            }
            scored.add(block);
        }
        return new OutOfFold(Arrays.copyOfRange(train, firstOof, train.length), scored);
    }

    private SmileModel fitMeta(Dataset ds, OutOfFold oof) {
        int[] oofRows = oof.rows();
        int learners = ModelKind.STACK.learners().size();
        List<double[][]> probs = new ArrayList<>();
        for (int b = 0; b < learners; b++) probs.add(new double[oofRows.length][]);
        int at = 0;
        for (List<Future<double[][]>> block : oof.blocks()) {
            int n = 0;
            for (int b = 0; b < learners; b++) {
                double[][] p = Parallel.join(block.get(b));
                System.arraycopy(p, 0, probs.get(b), at, p.length);
                n = p.length;
            }
            at += n;
        }
        long t0 = System.nanoTime();
        double[][] z = Pipeline.metaInput(probs, oofRows.length);
        int[] all = new int[oofRows.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        SmileModel meta = SmileLearners.logreg(z, all, Labels.indices(ds.label(), oofRows), hp.logreg());
        observer.fitted("meta", oofRows);
        timings.put("meta", ms(t0));
        return meta;
    }

    private int stepsOf(LearnerKind l) {
        return switch (l) {
            case GBM -> hp.gbm().trees();
            case RF -> hp.rf().trees();
            case LSTM -> hp.lstm().epochs();
            case LOGREG -> 1;
        };
    }

    /**
     * Fixes a fit's name, seed and rows (recorded here, in submission order) and submits it; {@code then}
     * runs on the fit's thread with the fitted model. Trees and epochs advance the shared {@code bar}.
     */
    private <T> Future<T> submitFit(LearnerFits fits, Progress bar, LearnerKind l, Dataset ds, double[][] xs, int[] rows,
                                    String stage, java.util.function.Function<ProbaModel, T> then) {
        String name = l.id() + "/" + stage;
        long s = componentSeed(name);
        seeds.put(name, s);
        observer.fitted(name, rows);
        int[] y = Labels.indices(ds.label(), rows);
        return fits.submit(l, () -> {
            long t0 = System.nanoTime();
            int[] last = {0};
            IntConsumer progress = done -> {
                synchronized (bar) {
                    for (; last[0] < done; last[0]++) bar.step();
                }
            };
            ProbaModel m = fitLearner(l, xs, rows, y, s, progress);
            progress.accept(stepsOf(l));
            synchronized (timings) {
                timings.merge(l.id(), ms(t0), Long::sum);
            }
            return then.apply(m);
        });
    }

    private ProbaModel fitLearner(LearnerKind l, double[][] xs, int[] rows, int[] y, long s, IntConsumer progress) {
        if (l == LearnerKind.LSTM) {
            return LstmModel.fit(xs, rows, y, hp.lstm(), s, hp.stack().balancedSampling(), progress);
        }
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
        return switch (l) {
            case GBM -> SmileLearners.gbm(xs, fitRows, fitY, hp.gbm(), s, progress);
            case RF -> SmileLearners.rf(xs, fitRows, fitY, hp.rf(), s, progress);
            case LOGREG -> SmileLearners.logreg(xs, fitRows, fitY, hp.logreg());
            case LSTM -> throw new IllegalStateException("unreachable");
        };
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
