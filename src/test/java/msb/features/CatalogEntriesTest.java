package msb.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import msb.bench.SyntheticBars;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.FundingSeries;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every catalog entry (the 17 defaults, the calendar and each parameterised kind, with windows longer than
 * the old 50-bar cap): batch = bar by bar bit for bit, no look-ahead, warm-up = first defined row.
 */
class CatalogEntriesTest {
    /** One column of every kind, windows up to 672 bars (28 days of 1h bars). */
    static final List<String> ENTRIES = List.of("mom_1", "mom_3", "mr_ema20_z", "rv_1h", "regime_high_vol", "gk_volatility",
            "jump_magnitude", "volume_intensity", "price_efficiency", "price_volume_corr", "vwap_momentum", "depth_proxy",
            "funding_rate", "funding_momentum_1h", "hour_of_day", "day_of_week", "ret_1", "ret_24", "ret_672", "rv_24",
            "rv_ratio_24_168", "rv_ratio_24_672", "range_pos_168", "range_pos_672", "funding_z_168", "funding_chg_24",
            "ofi_1", "ofi_24", "S_top", "S_bot", "flow_diff", "xret_ETH_1", "xret_ETH_168", "xspread_ETH_24", "xspread_SOL_1");

    /** Synthetic 1h bars with a taker-buy column (a share of volume that moves with the bar's direction). */
    static Bars bars(int n, long seed) {
        Bars b = SyntheticBars.minutes(n, seed);
        double[] tb = new double[n];
        for (int i = 0; i < n; i++) {
            double share = 0.5 + 0.4 * Math.tanh(50 * (b.close()[i] / b.open()[i] - 1));
            tb[i] = share * b.volume()[i];
        }
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) ts[i] = 1_600_000_000L + 3_600L * (i + 1);
        return new Bars(3_600, ts, b.open(), b.high(), b.low(), b.close(), b.volume(), tb);
    }

    /** Funding settling every 8 h with a drifting rate, known from before the first bar. */
    static FundingSeries funding(Bars b) {
        int n = b.size() / 8 + 2;
        long[] ts = new long[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = b.firstTs() - 3_600 + 8 * 3_600L * i;
            r[i] = 1e-5 * Math.sin(i / 7.0) + 2e-6 * (i % 3);
        }
        return new FundingSeries(ts, r);
    }

    /** Cohort signals changing every 3 h, known from before the first bar. */
    static CohortSignals cohorts(Bars b) {
        int n = b.size() / 3 + 2;
        long[] ts = new long[n];
        double[] top = new double[n], bot = new double[n], mood = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = b.firstTs() - 3_600 + 3 * 3_600L * i;
            top[i] = Math.sin(i / 5.0);
            bot[i] = Math.cos(i / 3.0) / 2;
        }
        return new CohortSignals(ts, top, bot, mood);
    }

    /** Another symbol's bars on the same closes, with a different path. */
    static Map<String, Bars> cross(Bars b) {
        Map<String, Bars> out = new HashMap<>();
        for (String sym : List.of("ETH", "SOL")) {
            Bars o = SyntheticBars.minutes(b.size(), sym.hashCode());
            out.put(sym, new Bars(b.intervalSec(), b.ts(), o.open(), o.high(), o.low(), o.close(), o.volume()));
        }
        return out;
    }

    static FeatureSchema schema(List<String> cols) {
        return FeatureSet.ofColumns(cols).schema(true, true);
    }

    static double[] crossAt(Map<String, Bars> x, FeatureSchema s, int i) {
        if (!s.hasCross()) return null;
        return s.crossSymbols().stream().mapToDouble(sym -> x.get(sym).close()[i]).toArray();
    }

    @Test
    void batchEqualsBarByBarBitForBitForEveryEntry() {
        Bars b = bars(1_500, 11);
        FundingSeries f = funding(b);
        CohortSignals co = cohorts(b);
        Map<String, Bars> x = cross(b);
        for (String col : ENTRIES) {
            FeatureSchema s = schema(List.of(col));
            FeatureMatrix batch = FeatureEngine.compute(b, f, co, x, s);
            FeatureEngine live = new FeatureEngine(s);
            int rows = 0;
            for (int i = 0; i < b.size(); i++) {
                int k = co.indexAt(b.ts(i));
                double[] row = live.update(new FeatureInput(b.ts(i), b.open()[i], b.high()[i], b.low()[i], b.close()[i],
                        b.volume()[i], f.rateAt(b.ts(i)), co.sTop()[k], co.sBot()[k], b.takerBuyOrNull()[i], crossAt(x, s, i)));
                if (batch.row(i) == null) {
                    assertNull(row, col + " bar " + i);
                    continue;
                }
                rows++;
                assertEquals(Double.doubleToRawLongBits(batch.row(i)[0]), Double.doubleToRawLongBits(row[0]), col + " bar " + i);
                assertTrue(Double.isFinite(row[0]), col + " finite at bar " + i);
            }
            assertEquals(b.size() - s.warmupBars(), rows, col);
        }
    }

    @Test
    void crossAssetEntriesAgainstHandValues() {
        Bars b = bars(30, 2);
        Map<String, Bars> x = cross(b);
        FeatureSchema s = schema(List.of("xret_ETH_3", "xspread_ETH_3", "ret_3"));
        assertEquals(List.of("ETH"), s.crossSymbols());
        FeatureMatrix m = FeatureEngine.compute(b, null, null, x, s);
        double[] e = x.get("ETH").close(), c = b.close();
        assertNull(m.row(2));
        for (int i = 3; i < b.size(); i++) {
            assertEquals(e[i] / e[i - 3] - 1, m.row(i)[0], 0.0);
            assertEquals((c[i] / c[i - 3] - 1) - (e[i] / e[i - 3] - 1), m.row(i)[1], 1e-15);
        }
    }

    @Test
    void noLookAheadForEveryEntry() {
        Bars b = bars(1_000, 5);
        FundingSeries f = funding(b);
        int t = 800;
        // bars after t changed (prices, volumes, taker share) and funding after t's close changed
        double[] o = b.open().clone(), h = b.high().clone(), l = b.low().clone(), c = b.close().clone(), v = b.volume().clone(),
                tb = b.takerBuyOrNull().clone();
        for (int i = t + 1; i < b.size(); i++) {
            o[i] *= 1.3; h[i] *= 1.5; l[i] *= 1.1; c[i] *= 1.2; v[i] = v[i] * 3 + 1; tb[i] = v[i];
        }
        Bars changed = new Bars(3_600, b.ts(), o, h, l, c, v, tb);
        double[] rates = f.ratePerHour().clone();
        for (int k = 0; k < rates.length; k++) if (f.ts()[k] > b.ts(t)) rates[k] = 0.01;
        FundingSeries fChanged = new FundingSeries(f.ts(), rates);
        CohortSignals co = cohorts(b);
        double[] top = co.sTop().clone(), bot = co.sBot().clone();
        for (int k = 0; k < top.length; k++) if (co.ts()[k] > b.ts(t)) { top[k] = 9; bot[k] = -9; }
        CohortSignals coChanged = new CohortSignals(co.ts(), top, bot, new double[top.length]);
        Map<String, Bars> x = cross(b), xChanged = new HashMap<>();
        for (var e : x.entrySet()) {
            double[] xc = e.getValue().close().clone();
            for (int i = t + 1; i < xc.length; i++) xc[i] *= 0.7;
            Bars eb = e.getValue();
            xChanged.put(e.getKey(), new Bars(eb.intervalSec(), eb.ts(), eb.open(), eb.high(), eb.low(), xc, eb.volume()));
        }
        FeatureSchema s = schema(ENTRIES);
        FeatureMatrix before = FeatureEngine.compute(b, f, co, x, s), after = FeatureEngine.compute(changed, fChanged, coChanged, xChanged, s);
        for (int i = s.warmupBars(); i <= t; i++) {
            for (int j = 0; j < s.width(); j++) {
                assertEquals(Double.doubleToRawLongBits(before.row(i)[j]), Double.doubleToRawLongBits(after.row(i)[j]),
                        s.columns().get(j) + " at bar " + i + " read a later bar");
            }
        }
        boolean moved = false;
        for (int j = 0; j < s.width(); j++) moved |= before.row(t + 1)[j] != after.row(t + 1)[j];
        assertTrue(moved, "the perturbation is visible from bar t+1 on");
    }

    @Test
    void warmUpIsDerivedFromTheWindowsAndAddsUpThroughComposition() {
        assertEquals(111, FeatureCatalog.byName("regime_high_vol").warmupBars(), "rv over 12 returns (first at 12) + median of 100");
        assertEquals(12, FeatureCatalog.byName("rv_1h").warmupBars());
        assertEquals(672, FeatureCatalog.byName("ret_672").warmupBars(), "close 672 bars back");
        assertEquals(672, FeatureCatalog.byName("rv_ratio_24_672").warmupBars(), "672 returns");
        assertEquals(671, FeatureCatalog.byName("range_pos_672").warmupBars());
        assertEquals(24, FeatureCatalog.byName("funding_chg_24").warmupBars());
        assertEquals(167, FeatureCatalog.byName("funding_z_168").warmupBars());
        assertEquals(0, FeatureCatalog.byName("hour_of_day").warmupBars());
        assertEquals(111, FeatureSchema.of(false, false).warmupBars(), "the default set's warm-up as before");
        assertEquals(new Window(new Series.RealizedVol(12), 100, true).firstBar(), 111);
        assertEquals(672, schema(List.of("mom_1", "ret_672", "rv_24")).warmupBars(), "a schema's warm-up is its longest");
        // the first row is exactly at the warm-up: one bar earlier the window is not full
        Bars b = bars(700, 3);
        FeatureMatrix m = FeatureEngine.compute(b, null, null, schema(List.of("ret_672")));
        assertNull(m.row(671));
        assertNotNull(m.row(672));
        assertEquals(b.close()[672] / b.close()[0] - 1, m.row(672)[0], 0.0);
    }

    @Test
    void columnNamesSpellTheParametersAndTheHashCoversThem() {
        assertEquals("ret_168", FeatureCatalog.byName("ret_168").name());
        assertEquals("rv_ratio_24_168", FeatureCatalog.byName("rv_ratio_24_168").name());
        for (String bad : List.of("ret_0", "ret_07", "ret_", "rv_ratio_168_24", "rv_ratio_24", "foo_3", "ofi_1_2", "hour")) {
            assertThrows(IllegalArgumentException.class, () -> FeatureCatalog.byName(bad), bad);
        }
        assertNotEquals(schema(List.of("ret_24")).schemaHash(), schema(List.of("ret_168")).schemaHash());
        assertNotEquals(schema(List.of("ret_24", "rv_24")).schemaHash(), schema(List.of("rv_24", "ret_24")).schemaHash(), "order counts");
        assertThrows(IllegalArgumentException.class, () -> FeatureSchema.ofColumns(List.of("ret_24", "ret_24"), List.of()));
        // the default set: same columns and hash whether built as the default or read back from its columns
        FeatureSchema d = FeatureSchema.of(false, false);
        assertEquals(d.schemaHash(), FeatureSchema.ofColumns(d.columns(), d.absentInputs()).schemaHash());
        assertEquals(d.schemaHash(), FeatureSet.DEFAULT.schema(false, false).schemaHash());
        assertEquals(List.of("mom_1", "mom_3", "mr_ema20_z", "rv_1h", "regime_high_vol", "gk_volatility", "jump_magnitude",
                "volume_intensity", "price_efficiency", "price_volume_corr", "vwap_momentum", "depth_proxy"), d.columns());
    }

    @Test
    void inputsTheSchemaNeedsAreRefusedWhenMissing() {
        FeatureEngine e = new FeatureEngine(schema(List.of("ofi_1")));
        var ex = assertThrows(IllegalArgumentException.class,
                () -> e.update(new FeatureInput(60, 1, 1, 1, 1, 1, Double.NaN, Double.NaN, Double.NaN)));
        assertTrue(ex.getMessage().contains("taker-buy"), ex.getMessage());
        FeatureEngine fz = new FeatureEngine(schema(List.of("funding_z_24")));
        assertThrows(IllegalArgumentException.class, () -> fz.update(new FeatureInput(60, 1, 1, 1, 1, 1, Double.NaN, 0, 0, 1)));
        // another symbol's bar missing at t: refused, never carried forward
        FeatureEngine xe = new FeatureEngine(schema(List.of("xret_ETH_1")));
        ex = assertThrows(IllegalArgumentException.class, () -> xe.update(new FeatureInput(60, 1, 1, 1, 1, 1, 0, 0, 0, 1)));
        assertTrue(ex.getMessage().contains("no close of [ETH]"), ex.getMessage());
        Bars b = bars(50, 1);
        Map<String, Bars> gap = new HashMap<>();
        Bars eth = cross(b).get("ETH");
        gap.put("ETH", eth.slice(0, 20));
        ex = assertThrows(IllegalArgumentException.class, () -> FeatureEngine.compute(b, null, null, gap, schema(List.of("xret_ETH_1"))));
        assertTrue(ex.getMessage().contains("ts=" + b.ts(20)), ex.getMessage());
    }

    /** Names of the catalog's kinds, so a new kind without an entry above fails here. */
    @Test
    void everyKindHasAnEntryAbove() {
        List<String> missing = new ArrayList<>();
        for (FeatureCatalog.Kind k : FeatureCatalog.Kind.values()) {
            if (ENTRIES.stream().noneMatch(c -> c.startsWith(k.prefix() + "_") && FeatureCatalog.byName(c).getClass()
                    == FeatureCatalog.byName(k.column(k.params() == 1 ? new int[]{2} : new int[]{2, 3})).getClass())) {
                missing.add(k.prefix());
            }
        }
        for (Feature f : FeatureCatalog.defaults()) if (!ENTRIES.contains(f.name())) missing.add(f.name());
        for (Feature f : FeatureCatalog.calendar()) if (!ENTRIES.contains(f.name())) missing.add(f.name());
        assertEquals(List.of(), missing);
    }
}
