package msb.model;

/**
 * Sees which dataset rows each fitted component was fitted on and which rows it scored for a later stage.
 * The trainer reports every fit, so tests can prove that out-of-fold and validation-only rules hold.
 */
public interface FitObserver {
    FitObserver NONE = new FitObserver() {
        @Override public void fitted(String component, int[] rows) {}

        @Override public void scored(String component, int[] rows) {}
    };

    /** {@code component} (e.g. "gbm/fold2", "meta", "calibration") was fitted on these dataset rows. */
    void fitted(String component, int[] rows);

    /** {@code component}'s predictions on these dataset rows feed a later fit (meta model or calibrator). */
    void scored(String component, int[] rows);
}
