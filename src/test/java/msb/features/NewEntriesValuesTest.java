package msb.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's parameterised and calendar entries against values worked out by hand. */
class NewEntriesValuesTest {
    private static final double EPS = 1e-12;

    /**
     * Five 1h bars closing 2024-01-01 (a Monday) 01:00 .. 05:00 UTC: closes 100, 110, 99, 99, 108.9; highs
     * 101, 112, 110, 99, 110; lows 99, 100, 98, 99, 99; volumes 10, 20, 0, 5, 30 with taker buys 6, 5, 0,
     * 5, 30; funding 1, 2, 2, 4, 8 (x 1e-4 per hour).
     */
    private static FeatureContext tiny(List<String> cols) {
        FeatureContext ctx = new FeatureContext(cols.stream().map(FeatureCatalog::byName).toList());
        double[][] bars = { // o, h, l, c, v, funding, takerBuy
                {100, 101, 99, 100, 10, 1e-4, 6},
                {100, 112, 100, 110, 20, 2e-4, 5},
                {110, 110, 98, 99, 0, 2e-4, 0},
                {99, 99, 99, 99, 5, 4e-4, 5},
                {99, 110, 99, 108.9, 30, 8e-4, 30}};
        long monday = 1_704_067_200L; // 2024-01-01T00:00:00Z
        for (int i = 0; i < bars.length; i++) {
            double[] b = bars[i];
            ctx.advance(new FeatureInput(monday + 3_600L * (i + 1), b[0], b[1], b[2], b[3], b[4], b[5], Double.NaN, Double.NaN, b[6]));
        }
        return ctx;
    }

    private static double value(String col) {
        return FeatureCatalog.byName(col).value(tiny(List.of(col)));
    }

    @Test
    void returnsOverNBars() {
        assertEquals(0.1, value("ret_1"), EPS);            // 108.9 / 99
        assertEquals(-0.01, value("ret_3"), EPS);          // 108.9 / 110
        assertEquals(0.089, value("ret_4"), EPS);          // 108.9 / 100
    }

    @Test
    void realisedVolatilityAndItsRatio() {
        // returns: +0.1, -0.1, 0, +0.1
        assertEquals(Math.sqrt(0.0 + 0.01), value("rv_2"), EPS);
        // per-bar variance over 2: (0 + 0.01) / 2 = 0.005; over 4: 0.03 / 4 = 0.0075
        assertEquals(Math.sqrt(0.005 / 0.0075), value("rv_ratio_2_4"), EPS);
    }

    @Test
    void rangePositionFromMinusOneToPlusOne() {
        // last 3 bars: max high 110, min low 98: (2 x 108.9 - 110 - 98) / 12 = 0.8166..
        assertEquals((2 * 108.9 - 110 - 98) / 12, value("range_pos_3"), EPS);
        // last bar alone: high 110, low 99
        assertEquals((2 * 108.9 - 110 - 99) / 11, value("range_pos_1"), EPS);
    }

    @Test
    void orderFlowImbalance() {
        assertEquals(1.0, value("ofi_1"), EPS);                         // 30 of 30 bought by takers
        assertEquals((2 * 35.0 - 35) / 35, value("ofi_3"), EPS);        // 0 + 5 + 30 of 0 + 5 + 30
        assertEquals((2 * 46.0 - 65) / 65, value("ofi_5"), EPS);        // 46 of 65
        FeatureContext flat = tiny(List.of("ofi_1"));
        flat.advance(new FeatureInput(1_704_067_200L + 6 * 3_600, 1, 1, 1, 1, 0, 1e-4, Double.NaN, Double.NaN, 0));
        assertEquals(0.0, FeatureCatalog.byName("ofi_1").value(flat), 0.0, "no volume: 0, never NaN");
    }

    @Test
    void fundingZScoreAndChange() {
        assertEquals(8e-4 - 2e-4, value("funding_chg_3"), EPS);
        // last 3: 2, 4, 8 (x 1e-4): mean 14/3, sample std sqrt(((2-14/3)^2 + (4-14/3)^2 + (8-14/3)^2) / 2)
        double mean = 14.0 / 3, sd = Math.sqrt((Math.pow(2 - mean, 2) + Math.pow(4 - mean, 2) + Math.pow(8 - mean, 2)) / 2);
        assertEquals((8 - mean) / sd, value("funding_z_3"), 1e-9);
        FeatureContext constant = new FeatureContext(List.of(FeatureCatalog.byName("funding_z_2")));
        for (int i = 1; i <= 2; i++) constant.advance(new FeatureInput(3_600L * i, 1, 1, 1, 1, 1, 1e-4, 0, 0, 1));
        assertEquals(0.0, FeatureCatalog.byName("funding_z_2").value(constant), 0.0, "constant funding: 0");
    }

    @Test
    void calendarOfTheBarsLastSecond() {
        // the last bar closes 05:00 Monday: it covers 04:00-05:00
        assertEquals(4.0, value("hour_of_day"), 0.0);
        assertEquals(0.0, value("day_of_week"), 0.0);
        FeatureContext c = new FeatureContext(FeatureCatalog.calendar());
        c.advance(new FeatureInput(1_704_067_200L, 1, 1, 1, 1, 1, 0, 0, 0)); // closes Monday 00:00: Sunday 23:00-24:00
        assertEquals(23.0, FeatureCatalog.byName("hour_of_day").value(c), 0.0);
        assertEquals(6.0, FeatureCatalog.byName("day_of_week").value(c), 0.0);
    }
}
