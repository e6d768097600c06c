package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import msb.core.UserInputException;
import msb.dataset.Split;
import org.junit.jupiter.api.Test;

class WalkForwardPlanTest {
    static WalkForwardSpec spec(WalkForwardSpec.Window w, int train, int every, int embargo, int max) {
        return new WalkForwardSpec(w, train, every, 0.2, null, embargo, max);
    }

    /** Every fitted row's label window ends before the test window starts, with the embargo on top. */
    @Test
    void foldsAreHonest() {
        int h = 3, embargo = 7;
        for (WalkForwardSpec.Window w : WalkForwardSpec.Window.values()) {
            List<Fold> folds = WalkForwardPlan.folds(2000, h, spec(w, 500, 200, embargo, 0), "t");
            assertEquals(8, folds.size(), w + ": (2000 - 510) / 200 rounded up, last window >= 10 rows");
            int prevTestTo = -1;
            for (Fold f : folds) {
                Split[] s = f.splits(2000, h);
                for (int i = 0; i < s.length; i++) {
                    if (s[i] == Split.TRAIN || s[i] == Split.VAL) {
                        assertTrue(i + h + embargo < f.testFrom(), "fold " + f.index() + " row " + i + " too close to the test window");
                    }
                    if (s[i] == Split.TRAIN) assertTrue(i + h + embargo < f.valFrom(), "train row " + i + " too close to validation");
                    if (s[i] == Split.TEST) assertTrue(i >= f.testFrom() && i < f.testTo());
                }
                assertEquals(h, countFrom(s, f.fitTo(), Split.PURGED), "purge rows before the test window");
                assertEquals(embargo, countFrom(s, f.fitTo() + h, Split.EMBARGO), "embargo rows before the test window");
                if (prevTestTo >= 0) assertEquals(prevTestTo, f.testFrom(), "test windows tile the rows");
                prevTestTo = f.testTo();
                if (w == WalkForwardSpec.Window.ROLLING) assertEquals(500, f.fitTo() - f.fitFrom());
                else assertEquals(0, f.fitFrom());
            }
            assertEquals(2000, folds.getLast().testTo());
        }
    }

    private static int countFrom(Split[] s, int from, Split kind) {
        int n = 0;
        for (int i = from; i < s.length && s[i] == kind; i++) n++;
        return n;
    }

    @Test
    void purgeNeverShorterThanTheHorizonAndMaxFoldsKeepsTheLatest() {
        WalkForwardSpec s = new WalkForwardSpec(WalkForwardSpec.Window.EXPANDING, 300, 100, 0.25, 1, 0, 3);
        assertEquals(5, s.purgeBars(5), "a purge below the label horizon would leak");
        List<Fold> folds = WalkForwardPlan.folds(1000, 5, s, "t");
        assertEquals(3, folds.size());
        assertEquals(1000, folds.getLast().testTo());
        assertEquals(List.of(0, 1, 2), folds.stream().map(Fold::index).toList());
    }

    @Test
    void tooShortDatasetOrWindowIsASpecError() {
        var e = assertThrows(UserInputException.class,
                () -> WalkForwardPlan.folds(400, 1, spec(WalkForwardSpec.Window.ROLLING, 400, 100, 12, 0), "experiments/x.yaml"));
        assertTrue(e.getMessage().startsWith("experiments/x.yaml: the dataset has 400 rows"), e.getMessage());
        var e2 = assertThrows(UserInputException.class,
                () -> WalkForwardPlan.folds(4000, 1, spec(WalkForwardSpec.Window.ROLLING, 60, 100, 12, 0), "experiments/x.yaml"));
        assertTrue(e2.getMessage().contains("raise train_bars"), e2.getMessage());
    }
}
