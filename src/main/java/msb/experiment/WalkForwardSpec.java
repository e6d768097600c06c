package msb.experiment;

/**
 * Walk-forward settings of an experiment. Each fold fits on rows strictly before its test window and is
 * re-fitted every {@code refitEveryBars} rows (the test window's length). The fit window is the last
 * {@code trainBars} rows before the gap ({@link Window#ROLLING}) or every row from the start
 * ({@link Window#EXPANDING}, first fold {@code trainBars} long). Within the fit window the last
 * {@code valFrac} is the validation part (calibration and gates), separated from the train part by the
 * same purge + embargo as the test window is from the fit window.
 *
 * @param purgeBarsOrNull rows dropped before each test (or validation) window so that no fitted row's label
 *                        reaches into it; null = the label horizon
 * @param embargoBars     further rows dropped after the purge (serially correlated features)
 * @param maxFolds        at most this many folds (the last ones are kept: the most recent data); 0 = no limit
 */
public record WalkForwardSpec(Window window, int trainBars, int refitEveryBars, double valFrac, Integer purgeBarsOrNull,
                              int embargoBars, int maxFolds) {
    public enum Window { ROLLING, EXPANDING }

    public WalkForwardSpec {
        if (window == null) throw new IllegalArgumentException("window must be rolling or expanding");
        if (trainBars < 50) throw new IllegalArgumentException("train_bars must be >= 50, got " + trainBars);
        if (refitEveryBars < 10) throw new IllegalArgumentException("refit_every_bars must be >= 10, got " + refitEveryBars);
        if (!(valFrac > 0 && valFrac < 0.9)) throw new IllegalArgumentException("val_frac must be in (0, 0.9), got " + valFrac);
        if (purgeBarsOrNull != null && purgeBarsOrNull < 0) {
            throw new IllegalArgumentException("purge_bars must be >= 0, got " + purgeBarsOrNull);
        }
        if (embargoBars < 0) throw new IllegalArgumentException("embargo_bars must be >= 0, got " + embargoBars);
        if (maxFolds < 0) throw new IllegalArgumentException("max_folds must be >= 0 (0 = no limit), got " + maxFolds);
    }

    /** The purge in rows for a label horizon: the spec's, or the horizon itself. */
    public int purgeBars(int labelHorizonBars) {
        return purgeBarsOrNull == null ? labelHorizonBars : Math.max(purgeBarsOrNull, labelHorizonBars);
    }
}
