package msb.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import msb.core.Timeframe;
import org.junit.jupiter.api.Test;

/** Every guard just below, at and just above its threshold. */
class GuardsTest {
    private static final long T = Fixture.DAY0;
    private static final long H = Fixture.H;
    /** 2^-13 per hour: exactly 1.220703125 bps per hour, so "at" is exact. */
    private static final double FUNDING_AT = Math.scalb(1.0, -13);
    private static final double FUNDING_MAX_BPS = 1.220703125;

    private static Guards guards(boolean netEdge) {
        StrategyConfig d = StrategyConfig.defaults(Timeframe.H1);
        // fee 39.0625 bps: round trip 78.125 bps, exactly the edge of 1/64 per-bar vol x s_model 0.5
        return new Guards(Timeframe.H1, d.withExits(new ExitConfig(0, 0, 0, 0.1, netEdge))
                .withSizing(new SizingConfig(10_000, 1, 0.5, 0.1, 50))
                .withGuards(d.guards().withMaxSpreadBps(5.0).withMaxFundingBpsPerHour(FUNDING_MAX_BPS).withMinPositionChangeFrac(0.1)
                        .withCooldownBars(3).withDailyLossStopFrac(0.05).withMaxOrdersPerBar(2).withMaxBarAgeBars(2))
                .withPaper(new PaperConfig(10_000, 39.0625, 0, 0, 0)).withAlerts(new AlertConfig(50, 200, 0.2)));
    }

    /** A long entry of 50 @ 100 (5000 USD) that passes every guard. */
    private static Guards.Input ok() {
        return new Guards.Input(T, T, false, 50, 0, 100, 0, 0, -1, 1.0 / 64, 0.5 + 1e-6, 0);
    }

    private static String blocked(Guards g, Guards.Input in) {
        Guards.Verdict v = g.check(in);
        return v == null ? null : v.guard();
    }

    private static Guards.Input with(Guards.Input b, long receivedAt, boolean halted, double targetQty, double currentQty,
                                     double spread, double funding, long lastFill, double sModel, int orders) {
        return new Guards.Input(b.barTs(), receivedAt, halted, targetQty, currentQty, b.price(), spread, funding, lastFill,
                b.perBarVol(), sModel, orders);
    }

    @Test
    void baselinePasses() {
        assertNull(blocked(guards(true), ok()));
    }

    @Test
    void staleData() {
        Guards g = guards(false);
        Guards.Input b = ok();
        assertNull(blocked(g, with(b, T + 2 * H - 1, false, 50, 0, 0, 0, -1, 0.5, 0)));
        assertNull(blocked(g, with(b, T + 2 * H, false, 50, 0, 0, 0, -1, 0.5, 0)));
        assertEquals(Guards.STALE_DATA, blocked(g, with(b, T + 2 * H + 1, false, 50, 0, 0, 0, -1, 0.5, 0)));
    }

    @Test
    void spread() {
        Guards g = guards(false);
        Guards.Input b = ok();
        assertNull(blocked(g, with(b, T, false, 50, 0, 4.999, 0, -1, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, 50, 0, 5.0, 0, -1, 0.5, 0)));
        assertEquals(Guards.SPREAD, blocked(g, with(b, T, false, 50, 0, 5.001, 0, -1, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, 50, 0, Double.NaN, 0, -1, 0.5, 0)), "unknown spread passes");
        assertNull(blocked(g, with(b, T, false, 40, 50, 9.0, 0, -1, 0.5, 0)), "reducing exposure is not spread-gated");
    }

    @Test
    void fundingAgainstThePosition() {
        Guards g = guards(false);
        Guards.Input b = ok();
        assertNull(blocked(g, with(b, T, false, 50, 0, 0, FUNDING_AT * 0.999, -1, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, 50, 0, 0, FUNDING_AT, -1, 0.5, 0)));
        assertEquals(Guards.FUNDING, blocked(g, with(b, T, false, 50, 0, 0, FUNDING_AT * 1.001, -1, 0.5, 0)));
        // the same rate pays a short: no block; a short facing negative funding is blocked
        assertNull(blocked(g, with(b, T, false, -50, 0, 0, FUNDING_AT * 1.001, -1, 0.5, 0)));
        assertEquals(Guards.FUNDING, blocked(g, with(b, T, false, -50, 0, 0, -FUNDING_AT * 1.001, -1, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, -50, 0, 0, -FUNDING_AT, -1, 0.5, 0)));
    }

    @Test
    void cooldownBars() {
        Guards g = guards(false);
        Guards.Input b = ok();
        assertEquals(Guards.COOLDOWN, blocked(g, with(b, T, false, 50, 0, 0, 0, T - 2 * H, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, 50, 0, 0, 0, T - 3 * H, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, 50, 0, 0, 0, T - 4 * H, 0.5, 0)));
    }

    @Test
    void netEdge() {
        Guards g = guards(true);
        Guards.Input b = ok();
        assertEquals(Guards.NET_EDGE, blocked(g, with(b, T, false, 50, 0, 0, 0, -1, 0.4999, 0)));
        assertEquals(Guards.NET_EDGE, blocked(g, with(b, T, false, 50, 0, 0, 0, -1, 0.5, 0)), "edge must exceed 0");
        assertNull(blocked(g, with(b, T, false, 50, 0, 0, 0, -1, 0.5001, 0)));
        assertNull(blocked(guards(false), with(b, T, false, 50, 0, 0, 0, -1, 0.0, 0)), "off unless configured");
    }

    @Test
    void minPositionChange() {
        Guards g = guards(false);
        Guards.Input b = ok(); // min change 0.1 x 10,000 = 1,000 USD = 10 @ 100
        assertEquals(Guards.MIN_CHANGE, blocked(g, with(b, T, false, 59.99, 50, 0, 0, -1, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, 60, 50, 0, 0, -1, 0.5, 0)));
        assertNull(blocked(g, with(b, T, false, 60.01, 50, 0, 0, -1, 0.5, 0)));
    }

    @Test
    void maxOrdersPerBar() {
        Guards g = guards(false);
        Guards.Input b = ok();
        assertNull(blocked(g, with(b, T, false, 50, 0, 0, 0, -1, 0.5, 1)));
        assertEquals(Guards.MAX_ORDERS, blocked(g, with(b, T, false, 50, 0, 0, 0, -1, 0.5, 2)));
        assertEquals(Guards.MAX_ORDERS, blocked(g, with(b, T, false, 50, 0, 0, 0, -1, 0.5, 3)));
    }

    @Test
    void haltedAndWarmup() {
        Guards g = guards(false);
        Guards.Input b = ok();
        assertEquals(Guards.DAILY_STOP, blocked(g, with(b, T, true, 50, 0, 0, 0, -1, 0.5, 0)));
        assertEquals(Guards.WARMUP, blocked(g, with(b, T, false, Double.NaN, 0, 0, 0, -1, 0.5, 0)));
    }
}
