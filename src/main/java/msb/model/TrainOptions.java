package msb.model;

import msb.dataset.LabelSpec;

/**
 * Settings of one {@code msb train} run.
 *
 * @param hyperparameters null for the timeframe's defaults
 * @param promote         false (--no-promote): gates are recorded, LATEST.json is never touched
 * @param experiment      name of the experiment file, recorded in the run record (null when none)
 * @param labelDefinition label definition requested by an experiment file (null: the stored dataset's own);
 *                        a different one recomputes the dataset in memory from the stored bars
 */
public record TrainOptions(ModelKind model, long seed, Hyperparameters hyperparameters, boolean promote, boolean quiet,
                           String experiment, LabelSpec labelDefinition) {
    public static final long DEFAULT_SEED = 42;

    public TrainOptions {
        if (model == null) throw new IllegalArgumentException("model kind missing");
    }

    public static TrainOptions defaults() {
        return new TrainOptions(ModelKind.STACK, DEFAULT_SEED, null, true, false, null, null);
    }

    public TrainOptions withModel(ModelKind m) { return new TrainOptions(m, seed, hyperparameters, promote, quiet, experiment, labelDefinition); }

    public TrainOptions withSeed(long s) { return new TrainOptions(model, s, hyperparameters, promote, quiet, experiment, labelDefinition); }

    public TrainOptions withHyperparameters(Hyperparameters h) { return new TrainOptions(model, seed, h, promote, quiet, experiment, labelDefinition); }

    public TrainOptions withPromote(boolean p) { return new TrainOptions(model, seed, hyperparameters, p, quiet, experiment, labelDefinition); }

    public TrainOptions withExperiment(String name, LabelSpec label) { return new TrainOptions(model, seed, hyperparameters, promote, quiet, name, label); }

    /** The same options with the signal the verdicts judge and the artifact acts on (centred or raw). */
    public TrainOptions withSignal(msb.signal.SignalMode m, msb.core.Timeframe tf) {
        Hyperparameters h = hyperparameters != null ? hyperparameters : Hyperparameters.defaults(tf);
        return withHyperparameters(new Hyperparameters(h.gbm(), h.rf(), h.logreg(), h.lstm(), h.stack(), h.gates().withSignal(m)));
    }

    public TrainOptions withQuiet(boolean q) { return new TrainOptions(model, seed, hyperparameters, promote, q, experiment, labelDefinition); }
}
