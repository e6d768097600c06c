package msb.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import msb.core.Timeframe;
import msb.data.Bar;
import msb.data.CohortSignals;
import msb.signal.Probs;
import org.junit.jupiter.api.Test;

class CohortInputsTest {
    private static final CohortSignals SIGNALS = new CohortSignals(new long[]{3_600, 7_200, 10_800},
            new double[]{0.1, 0.2, 0.3}, new double[]{-0.1, -0.2, -0.3}, new double[]{0.5, -0.5, 0.7});

    private static BarContext at(long closeTs) {
        return BarContext.replay(new Bar(closeTs, 100, 101, 99, 100, 1), new Probs(0.3, 0.4, 0.3), null);
    }

    @Test
    void aBarGetsTheLatestRowAtOrBeforeItsCloseNeverALaterOne() {
        CohortInputs c = CohortInputs.of(SIGNALS, Timeframe.H1);
        BarContext exact = c.apply(at(7_200));
        assertEquals(-0.5, exact.mood());
        assertEquals(0.2, exact.sTop());
        assertEquals(-0.2, exact.sBot());
        BarContext between = c.apply(at(10_799));
        assertEquals(-0.5, between.mood(), "the row at 10800 is not known yet at 10799");
        BarContext before = c.apply(at(3_599));
        assertEquals(0.0, before.mood());
        assertTrue(Double.isNaN(before.sTop()) && Double.isNaN(before.sBot()));
    }

    @Test
    void aRowOlderThanADayIsStaleAndGivesMoodZero() {
        CohortInputs c = CohortInputs.of(SIGNALS, Timeframe.H1);
        assertEquals(0.7, c.apply(at(10_800 + 86_400)).mood());
        assertEquals(0.0, c.apply(at(10_800 + 86_401)).mood());
        assertEquals(-1, c.indexAt(10_800 + 86_401));
    }

    @Test
    void withoutCohortDataMoodIsZeroAndSaidSo() {
        CohortInputs none = CohortInputs.of(null, Timeframe.H1);
        assertFalse(none.present());
        BarContext ctx = none.apply(at(7_200).withCohort(0.4, 0.4, 0.9));
        assertEquals(0.0, ctx.mood());
        assertTrue(Double.isNaN(ctx.sTop()));
        assertEquals("none (no cohort data)", none.describe());
        assertTrue(CohortInputs.of(SIGNALS, Timeframe.H1).describe().startsWith("cohort data (3 rows"));
    }
}
