package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import msb.core.Hashing;
import msb.core.Timeframe;
import msb.data.Bar;
import msb.data.CohortSignals;
import msb.signal.Probs;
import msb.trading.CohortInputs;
import msb.trading.EngineEvent;
import msb.trading.StrategyConfig;
import org.junit.jupiter.api.Test;

class EngineTraderCohortTest {
    private static final StrategyConfig CFG = StrategyConfig.defaults(Timeframe.M5);
    private static final long T0 = 1_700_000_100L;

    private static CohortSignals moods(double mood) {
        return new CohortSignals(new long[]{T0, T0 + 600}, new double[]{0.2, 0.3}, new double[]{-0.2, -0.3},
                new double[]{mood, mood / 2});
    }

    @Test
    void theEngineSeesTheCohortRowAtOrBeforeEachBarClose() {
        EngineTrader t = new EngineTrader(Timeframe.M5, CFG, false, CohortInputs.of(moods(0.8), Timeframe.M5));
        List<Double> seen = new ArrayList<>();
        EventSink sink = (ts, type, data) -> { if (data instanceof EngineEvent.Decision d) seen.add(d.mood()); };
        for (int i = 0; i < 4; i++) {
            Bar b = new Bar(T0 - 300 + 300L * i, 100, 101, 99, 100, 1);
            t.onBar(new LiveBar(b, new Probs(0.2, 0.6, 0.2), null, MarketContext.UNKNOWN, b.tsClose()), sink);
        }
        // closes T0-300 (no row yet), T0, T0+300 (still the T0 row), T0+600
        assertEquals(List.of(0.0, 0.8, 0.8, 0.4), seen);
        assertEquals(CohortInputs.of(moods(0.8), Timeframe.M5).describe(), t.moodSource());
    }

    @Test
    void theRunnersIdentityCoversTheCohortDataAndIsUnchangedWithoutIt() {
        String plain = new EngineTrader(Timeframe.M5, CFG, false).configId();
        assertEquals(Hashing.sha256(CFG.toJson()), plain, "states written before cohort inputs existed still resume");
        String a = new EngineTrader(Timeframe.M5, CFG, false, CohortInputs.of(moods(0.8), Timeframe.M5)).configId();
        String b = new EngineTrader(Timeframe.M5, CFG, false, CohortInputs.of(moods(0.6), Timeframe.M5)).configId();
        assertNotEquals(plain, a);
        assertNotEquals(a, b, "other cohort data is another run");
        assertEquals(a, new EngineTrader(Timeframe.M5, CFG, false, CohortInputs.of(moods(0.8), Timeframe.M5)).configId());
    }
}
