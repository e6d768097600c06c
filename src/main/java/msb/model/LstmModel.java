package msb.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import msb.core.UserInputException;

/**
 * An LSTM over the last {@code windowRows} scaled feature vectors (DJL, PyTorch engine, CPU), classifying
 * the newest row. The params file holds weights only; the block is rebuilt in code from the options.
 * Holds native memory: close it.
 */
public final class LstmModel implements ProbaModel, AutoCloseable {
    static final String ENGINE = "PyTorch";
    static final String PARAMS_PREFIX = "lstm";
    private static final int PREDICT_BATCH = 1024;

    static {
        // One intra-op and one inter-op thread: the network is small, and OpenMP worker threads spin-wait,
        // which on 2 shared cores made an epoch ~30x slower than a single thread. Also keeps results
        // independent of the machine's core count. An explicit -D setting wins.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        // DJL probes for CUDA and logs a harmless WARN on every CPU-only machine; keep stderr for real news.
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        }
    }

    /** Threads whose PyTorch state {@link #engine()} has set (see there). */
    private static final ThreadLocal<Boolean> PREPARED = ThreadLocal.withInitial(() -> false);

    private final Model model;
    private final LstmOptions options;
    private final int features;

    private LstmModel(Model model, LstmOptions options, int features) {
        this.model = model;
        this.options = options;
        this.features = features;
    }

    private static SequentialBlock block(LstmOptions o) {
        return new SequentialBlock()
                .add(LSTM.builder().setStateSize(o.hiddenSize()).setNumLayers(1).optBatchFirst(true)
                        .optReturnState(false).build())
                .add(list -> new NDList(list.singletonOrThrow().get(":, -1, :")))
                .add(Linear.builder().setUnits(Labels.CLASSES).build());
    }

    /**
     * Starts loading the PyTorch engine (about a second of native library loading and operator registration)
     * on a background thread, so that it overlaps the dataset load instead of delaying the first LSTM fit. The
     * fit waits for it; a failure here is left for the fit's own load to report.
     */
    public static void preloadEngine() {
        Thread.ofPlatform().name("msb-torch-load").daemon(true).start(() -> {
            try {
                Engine.getEngine(ENGINE);
            } catch (RuntimeException | Error e) {
                // the fit loads again and reports it
            }
        });
    }

    /**
     * The engine, with this thread's PyTorch state set as the engine sets it on the thread that loads it: grad
     * mode off and the intra-op thread count (both thread-local in PyTorch). Without it a thread other than the
     * loading one ran the default OpenMP thread count (spin-waiting workers on a shared machine), so the LSTM
     * can be fitted and used on any thread whichever thread loaded the engine.
     */
    static Engine engine() {
        Engine engine = Engine.getEngine(ENGINE);
        if (!PREPARED.get()) {
            JniUtils.setGradMode(false);
            JniUtils.setNumThreads(Integer.getInteger("ai.djl.pytorch.num_threads", 1));
            PREPARED.set(true);
        }
        return engine;
    }

    /** Flattened [n, window, p] sequences ending at each of {@code rows}; rows before 0 repeat row 0. */
    static float[] sequences(double[][] x, int[] rows, int from, int to, int window, int p) {
        float[] out = new float[(to - from) * window * p];
        int k = 0;
        for (int i = from; i < to; i++) {
            int end = rows[i];
            for (int t = end - window + 1; t <= end; t++) {
                double[] r = x[Math.max(0, t)];
                for (int j = 0; j < p; j++) out[k++] = (float) r[j];
            }
        }
        return out;
    }

    /**
     * Fits on the sequences ending at {@code rows} with labels {@code y} (class indices). {@code sampleOrder}
     * draws which of them each epoch visits (balanced or plain), seeded; {@code epochDone} reports progress.
     */
    public static LstmModel fit(double[][] x, int[] rows, int[] y, LstmOptions o, long seed, boolean balanced,
                                IntConsumer epochDone) {
        Engine engine = engine();
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        int p = x[rows[0]].length;
        Model model = Model.newInstance("lstm", ENGINE);
        model.setBlock(block(o));
        var cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) o.learningRate())).build());
        SplittableRandom rnd = new SplittableRandom(seed);
        BalancedSampler sampler = new BalancedSampler(y);
        try (Trainer trainer = model.newTrainer(cfg)) {
            trainer.initialize(new Shape(1, o.windowRows(), p));
            int[] order = new int[rows.length];
            for (int epoch = 0; epoch < o.epochs(); epoch++) {
                int[] pick = balanced ? sampler.draw(rows.length, rnd) : shuffled(rows.length, rnd);
                for (int i = 0; i < pick.length; i++) order[i] = rows[pick[i]];
                for (int start = 0; start < order.length; start += o.batchSize()) {
                    int end = Math.min(order.length, start + o.batchSize());
                    float[] labels = new float[end - start];
                    for (int i = start; i < end; i++) labels[i - start] = y[pick[i]];
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray data = m.create(sequences(x, order, start, end, o.windowRows(), p),
                                new Shape(end - start, o.windowRows(), p));
                        NDArray label = m.create(labels);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(new NDList(data));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(label), pred);
                            gc.backward(loss);
                        }
                        trainer.step();
                    }
                }
                epochDone.accept(epoch + 1);
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new LstmModel(model, o, p);
    }

    private static int[] shuffled(int n, SplittableRandom rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
        return a;
    }

    @Override public int historyRows() { return options.windowRows(); }

    @Override
    public double[][] predict(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        int w = options.windowRows();
        engine();
        try (Predictor<float[], float[]> predictor = model.newPredictor(new Logits(w, features))) {
            for (int start = 0; start < rows.length; start += PREDICT_BATCH) {
                int end = Math.min(rows.length, start + PREDICT_BATCH);
                float[] logits = predictor.predict(sequences(x, rows, start, end, w, features));
                for (int i = start; i < end; i++) out[i] = softmax(logits, (i - start) * Labels.CLASSES);
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("LSTM prediction failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static double[] softmax(float[] z, int off) {
        double max = Math.max(z[off], Math.max(z[off + 1], z[off + 2]));
        double[] p = new double[Labels.CLASSES];
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(z[off + k] - max);
            s += p[k];
        }
        for (int k = 0; k < p.length; k++) p[k] /= s;
        return p;
    }

    /** Writes the weights as {@code lstm-0000.params} into {@code dir}; returns the file. */
    Path save(Path dir) {
        engine();
        try {
            model.save(dir, PARAMS_PREFIX);
            Path f = dir.resolve(PARAMS_PREFIX + "-0000.params");
            if (!Files.exists(f)) throw new IOException("DJL did not write " + f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the LSTM into " + dir + ": " + e.getMessage(), e);
        }
    }

    static LstmModel load(Path dir, LstmOptions o, int features) {
        engine();
        Model model = Model.newInstance("lstm", ENGINE);
        model.setBlock(block(o));
        try {
            model.load(dir, PARAMS_PREFIX);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new UserInputException(dir.resolve(PARAMS_PREFIX + "-0000.params") + ": cannot load the LSTM weights ("
                    + e.getMessage() + "); retrain with `msb train`", e);
        }
        return new LstmModel(model, o, features);
    }

    @Override public void close() { model.close(); }

    /** Flat float sequences in, flat logits out; NDArrays live only in the predictor's context. */
    private record Logits(int window, int features) implements Translator<float[], float[]> {
        /** The input is already a whole batch: no extra batch dimension. */
        @Override
        public ai.djl.translate.Batchifier getBatchifier() { return null; }

        @Override
        public NDList processInput(TranslatorContext ctx, float[] flat) {
            int n = flat.length / (window * features);
            return new NDList(ctx.getNDManager().create(flat, new Shape(n, window, features)));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().toFloatArray();
        }
    }
}
