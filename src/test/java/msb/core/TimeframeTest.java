package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import msb.model.Hyperparameters;
import msb.signal.SignalThresholds;
import msb.trading.StrategyConfig;
import org.junit.jupiter.api.Test;

class TimeframeTest {
    private static final double EXACT = 0.0;

    @Test
    void standardLabelsPrintAsBeforeAndParseToTheConstants() {
        assertEquals(List.of("5m", "1h", "12h", "24h"), List.of(Timeframe.values()).stream().map(Timeframe::label).toList());
        assertSame(Timeframe.M5, Timeframe.parse("5m"));
        assertSame(Timeframe.H1, Timeframe.parse(" 1H "));
        assertSame(Timeframe.H12, Timeframe.parse("12h"));
        assertSame(Timeframe.H24, Timeframe.parse("24h"));
        assertSame(Timeframe.H24, Timeframe.parse("1d"), "24h and 1d are the same timeframe");
        assertSame(Timeframe.H1, Timeframe.parse("60m"));
        assertEquals("5m, 1h, 12h, 24h", Timeframe.names());
        assertEquals("1d", Timeframe.H24.exchangeInterval());
        assertEquals("24h", Timeframe.H24.toString());
    }

    @Test
    void anyLengthThatDividesADayOrIsWholeDays() {
        assertEquals("15m", Timeframe.parse("15m").label());
        assertEquals(1_800, Timeframe.parse("30m").seconds());
        assertEquals("2h", Timeframe.parse("120m").label());
        assertEquals("4h", Timeframe.parse("4h").label());
        assertEquals(Timeframe.parse("4h"), Timeframe.parse("240m"), "equal by length");
        assertEquals(Timeframe.parse("4h").hashCode(), Timeframe.parse("240m").hashCode());
        assertEquals("2d", Timeframe.parse("48h").label());
        assertEquals("7d", Timeframe.parse("7d").label());
        assertEquals("2d", Timeframe.parse("2d").exchangeInterval());
        for (String bad : List.of("7m", "5h", "25h", "36h", "0m", "30s", "4x", "", "h", "1.5h")) {
            assertThrows(IllegalArgumentException.class, () -> Timeframe.parse(bad), bad);
        }
    }

    @Test
    void annualisationFollowsTheLength() {
        assertEquals(365.0 * 6, Timeframe.parse("4h").barsPerYear(), EXACT);
        assertEquals(365.0 * 96, Timeframe.parse("15m").barsPerYear(), EXACT);
        assertEquals(365.0, Timeframe.parse("1d").barsPerYear(), EXACT);
        assertEquals(365.0 / 7, Timeframe.parse("7d").barsPerYear(), 1e-12);
    }

    @Test
    void newTimeframesTakeTheirNearestStandardOnesDefaults() {
        assertSame(Timeframe.M5, Timeframe.parse("15m").nearestStandard(), "15m is 3x 5m, 4x short of 1h");
        assertSame(Timeframe.H1, Timeframe.parse("30m").nearestStandard());
        assertSame(Timeframe.H1, Timeframe.parse("2h").nearestStandard());
        assertSame(Timeframe.H12, Timeframe.parse("4h").nearestStandard(), "4h is 4x 1h, 3x short of 12h");
        assertSame(Timeframe.H24, Timeframe.parse("7d").nearestStandard());
        assertTrue(Timeframe.H12.isStandard() && !Timeframe.parse("4h").isStandard());

        assertEquals(0.08, SignalThresholds.sMin(Timeframe.parse("15m")), EXACT);
        assertEquals(0.10, SignalThresholds.sMin(Timeframe.parse("4h")), EXACT);
        assertEquals(Hyperparameters.defaults(Timeframe.H12), Hyperparameters.defaults(Timeframe.parse("4h")));
        assertEquals(Hyperparameters.defaults(Timeframe.H1), Hyperparameters.defaults(Timeframe.parse("2h")));

        // strategy scales: the move per bar grows with sqrt(time) from the nearest standard timeframe, the
        // holding limit keeps its wall-clock length: 12h -> 180 bps, 14 bars (7 days); 4h -> 105 bps, 42 bars
        StrategyConfig four = StrategyConfig.defaults(Timeframe.parse("4h"));
        assertEquals(105.0, four.bandit().priorStdBps(), EXACT);
        assertEquals(42, four.exits().maxHoldingBars());
        StrategyConfig h12 = StrategyConfig.defaults(Timeframe.H12);
        assertEquals(180.0, h12.bandit().priorStdBps(), EXACT);
        assertEquals(14, h12.exits().maxHoldingBars());
    }
}
