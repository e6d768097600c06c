package msb.experiment;

import java.util.ArrayList;
import java.util.List;
import msb.core.UserInputException;

/**
 * Cuts a dataset's rows into walk-forward folds. Honesty: every fitted row {@code i} (train or validation)
 * satisfies {@code i + purgeBars + embargoBars < testFrom}, with {@code purgeBars >= } the label horizon, so no
 * fitted label reaches into the test window; the same gap separates train from validation.
 */
public final class WalkForwardPlan {
    /** A last test window shorter than this is dropped (too few rows for a metric). */
    public static final int MIN_TEST_ROWS = 10;
    /** Fewer train or validation rows than this in a fold is a spec error. */
    public static final int MIN_PART_ROWS = 30;

    private WalkForwardPlan() {}

    public static List<Fold> folds(int rows, int labelHorizonBars, WalkForwardSpec spec, String where) {
        int purge = spec.purgeBars(labelHorizonBars);
        int gap = purge + spec.embargoBars();
        int k = spec.refitEveryBars();
        List<Fold> out = new ArrayList<>();
        for (int testFrom = spec.trainBars() + gap, i = 0; testFrom < rows; testFrom += k, i++) {
            int testTo = Math.min(rows, testFrom + k);
            if (testTo - testFrom < MIN_TEST_ROWS) break;
            int fitTo = testFrom - gap;
            int fitFrom = spec.window() == WalkForwardSpec.Window.ROLLING ? fitTo - spec.trainBars() : 0;
            int valRows = (int) Math.floor((fitTo - fitFrom) * spec.valFrac());
            int valFrom = fitTo - valRows;
            int trainTo = valFrom - gap;
            if (valRows < MIN_PART_ROWS || trainTo - fitFrom < MIN_PART_ROWS) {
                throw new UserInputException(where + ": walk_forward.train_bars " + spec.trainBars() + " with val_frac "
                        + spec.valFrac() + " and a purge + embargo of " + gap + " rows leaves " + Math.max(0, trainTo - fitFrom)
                        + " train and " + valRows + " validation rows (at least " + MIN_PART_ROWS + " each); raise train_bars");
            }
            out.add(new Fold(i, fitFrom, trainTo, valFrom, fitTo, testFrom, testTo));
        }
        if (out.isEmpty()) {
            throw new UserInputException(where + ": the dataset has " + rows + " rows; walk_forward.train_bars "
                    + spec.trainBars() + " + a purge + embargo of " + gap + " rows leaves no test window; lower train_bars");
        }
        if (spec.maxFolds() > 0 && out.size() > spec.maxFolds()) {
            List<Fold> last = out.subList(out.size() - spec.maxFolds(), out.size());
            List<Fold> renumbered = new ArrayList<>();
            for (int j = 0; j < last.size(); j++) {
                Fold f = last.get(j);
                renumbered.add(new Fold(j, f.fitFrom(), f.trainTo(), f.valFrom(), f.fitTo(), f.testFrom(), f.testTo()));
            }
            return List.copyOf(renumbered);
        }
        return List.copyOf(out);
    }
}
