package msb.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import msb.bench.SyntheticBars;
import msb.data.Bars;
import msb.features.defs.DepthProxy;
import msb.features.defs.FlowDiff;
import msb.features.defs.BarReturn;
import msb.features.defs.FundingMinusMean;
import msb.features.defs.FundingRate;
import msb.features.defs.GkVolatility;
import msb.features.defs.PriceEfficiency;
import msb.features.defs.SBot;
import msb.features.defs.STop;
import msb.features.defs.VwapMomentum;
import msb.features.defs.RealizedVol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each feature against hand-computed values (small windows) or a plain re-statement (long windows). */
class FeatureValuesTest {
    private static final double EPS = 1e-12;

    /** Bars 100, 110, 99, 99, 108.9 with hand-picked highs, lows, volumes, funding and cohort signals. */
    private static FeatureContext tiny() {
        FeatureContext ctx = new FeatureContext();
        double[][] bars = { // o, h, l, c, v, funding, sTop, sBot
                {100, 101, 99, 100, 10, 0.0001, 0.5, -0.25},
                {100, 112, 100, 110, 20, 0.0002, 0.25, 0.5},
                {110, 110, 98, 99, 0, 0.0003, -0.5, 0.0},
                {99, 99, 99, 99, 5, 0.0004, 0.0, 0.0},
                {99, 110, 99, 108.9, 30, 0.0005, 0.75, 0.25}};
        for (int i = 0; i < bars.length; i++) {
            double[] b = bars[i];
            ctx.advance(new FeatureInput(1000 + 60L * i, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]));
        }
        return ctx;
    }

    @Test
    void momentumIsTheOneAndThreeBarReturn() {
        FeatureContext ctx = tiny();
        assertEquals(108.9 / 99 - 1, new BarReturn("mom_1", 1).value(ctx), EPS); // 0.1
        assertEquals(0.1, new BarReturn("mom_1", 1).value(ctx), 1e-12);
        assertEquals(108.9 / 110 - 1, new BarReturn("mom_3", 3).value(ctx), EPS); // -0.01
        assertEquals(-0.01, new BarReturn("mom_3", 3).value(ctx), 1e-12);
    }

    @Test
    void garmanKlassOfTheLastBar() {
        FeatureContext ctx = tiny();
        double hl = Math.log(110 / 99.0), co = Math.log(108.9 / 99);
        assertEquals(Math.sqrt(0.5 * hl * hl - (2 * Math.log(2) - 1) * co * co), new GkVolatility().value(ctx), EPS);
        // 0.5*0.0111 - 0.386*0.00908 = 0.002047: sqrt = 0.04524
        assertEquals(0.04524, new GkVolatility().value(ctx), 1e-4);
    }

    @Test
    void efficiencyAndDepthUseTheRangeOverClose() {
        FeatureContext ctx = tiny();
        double range = (110 - 99) / 108.9;
        assertEquals(0.1 / range, new PriceEfficiency().value(ctx), 1e-12); // 0.99
        assertEquals(0.99, new PriceEfficiency().value(ctx), 1e-12);
        assertEquals(Math.log1p(30) / range, new DepthProxy().value(ctx), 1e-12);
    }

    @Test
    void aFlatBarGivesZeroNotInfinity() {
        FeatureContext ctx = new FeatureContext();
        ctx.advance(new FeatureInput(60, 99, 100, 98, 99, 1, 0, 0, 0));
        ctx.advance(new FeatureInput(120, 100, 100, 100, 100, 5, 0, 0, 0));
        assertEquals(0.0, new PriceEfficiency().value(ctx));
        assertEquals(0.0, new DepthProxy().value(ctx));
        assertEquals(0.0, new GkVolatility().value(ctx));
    }

    @Test
    void fundingAndCohortInputsPassThrough() {
        FeatureContext ctx = tiny();
        assertEquals(0.0005, new FundingRate().value(ctx));
        assertEquals(0.75, new STop().value(ctx));
        assertEquals(0.25, new SBot().value(ctx));
        assertEquals(0.5, new FlowDiff().value(ctx));
    }

    @Test
    void fundingMomentumIsRateMinusItsTwelveBarMean() {
        FeatureContext ctx = new FeatureContext();
        for (int i = 0; i < 12; i++) ctx.advance(new FeatureInput(60L * (i + 1), 100, 101, 99, 100, 1, 0.0001 * (i + 1), 0, 0));
        // rates 1..12 (x 1e-4): mean 6.5e-4, last 12e-4
        assertEquals(0.00055, new FundingMinusMean("funding_momentum_1h", 12).value(ctx), 1e-15);
    }

    @Test
    void vwapAndRealizedVolOverTwelveBars() {
        FeatureContext ctx = new FeatureContext();
        double[] closes = {100, 101, 100, 102, 101, 103, 102, 104, 103, 105, 104, 106, 105};
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            ctx.advance(new FeatureInput(60L * (i + 1), c, c + 1, c - 1, c, i == 12 ? 0 : 2, Double.NaN, Double.NaN, Double.NaN));
        }
        // bars 1..12: volume 2 on bars 1..11, 0 on bar 12; VWAP = mean close of bars 1..11 = 1126/11
        double vwap = (101 + 100 + 102 + 101 + 103 + 102 + 104 + 103 + 105 + 104 + 106) / 11.0;
        assertEquals(105 / vwap - 1, new VwapMomentum().value(ctx), 1e-12);
        double ss = 0;
        for (int t = 1; t <= 12; t++) ss += Math.pow(closes[t] / closes[t - 1] - 1, 2);
        assertEquals(Math.sqrt(ss), new RealizedVol("rv_1h", 12).value(ctx), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mom_1", "mom_3", "mr_ema20_z", "rv_1h", "regime_high_vol", "gk_volatility", "jump_magnitude",
            "volume_intensity", "price_efficiency", "price_volume_corr", "vwap_momentum", "depth_proxy"})
    void longWindowFeaturesMatchAPlainRestatement(String name) {
        Bars b = SyntheticBars.minutes(400, 42);
        FeatureMatrix m = FeatureEngine.compute(b);
        for (int t = 111; t < b.size(); t++) {
            double want = NaiveFeatures.value(name, b, t);
            assertEquals(want, m.value(t, name), 1e-9 * Math.max(1, Math.abs(want)), name + " at bar " + t);
        }
    }

    @Test
    void regimeFlagTurnsOnWhenVolatilityDoubles() {
        int n = 160;
        long[] ts = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            double step = i < 140 ? 0.001 : 0.02; // calm, then a burst of 20x larger moves
            double next = p * (1 + (i % 2 == 0 ? step : -step));
            ts[i] = 60L * (i + 1);
            o[i] = p; c[i] = next; h[i] = Math.max(p, next) * 1.0001; l[i] = Math.min(p, next) * 0.9999; v[i] = 1;
            p = next;
        }
        FeatureMatrix m = FeatureEngine.compute(new Bars(60, ts, o, h, l, c, v));
        assertEquals(0.0, m.value(139, "regime_high_vol"));
        assertEquals(1.0, m.value(150, "regime_high_vol"));
    }

    @Test
    void firstRowIsBarIndex111() {
        Bars b = SyntheticBars.minutes(200, 3);
        FeatureEngine e = new FeatureEngine(FeatureSchema.of(false, false));
        for (int i = 0; i < b.size(); i++) {
            double[] row = e.update(FeatureInput.of(b.get(i)));
            if (i < 111) assertNull(row, "bar " + i);
            else assertNotNull(row, "bar " + i);
        }
    }

    @Test
    void schemaLeavesOutAbsentInputsAndHashesNamesAndVersions() {
        FeatureSchema none = FeatureSchema.of(false, false), all = FeatureSchema.of(true, true);
        assertEquals(12, none.width());
        assertEquals(List.of("funding", "cohorts"), none.absentInputs());
        assertEquals(17, all.width());
        assertEquals(List.of(), all.absentInputs());
        assertEquals(List.of("mom_1", "mom_3", "mr_ema20_z", "rv_1h", "regime_high_vol", "gk_volatility", "jump_magnitude",
                "volume_intensity", "price_efficiency", "price_volume_corr", "vwap_momentum", "depth_proxy", "funding_rate",
                "funding_momentum_1h", "S_top", "S_bot", "flow_diff"), all.columns());
        assertEquals(111, none.warmupBars());
        assertEquals(none.schemaHash(), FeatureSchema.ofColumns(none.columns(), none.absentInputs()).schemaHash());
        org.junit.jupiter.api.Assertions.assertNotEquals(none.schemaHash(), all.schemaHash());
        org.junit.jupiter.api.Assertions.assertNotEquals(none.schemaHash(), FeatureSchema.of(true, false).schemaHash());
    }

    @Test
    void aMissingNeededInputIsRefusedNotZeroFilled() {
        FeatureEngine e = new FeatureEngine(FeatureSchema.of(true, false));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> e.update(new FeatureInput(60, 1, 1, 1, 1, 1, Double.NaN, Double.NaN, Double.NaN)));
    }
}
