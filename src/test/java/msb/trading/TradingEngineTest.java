package msb.trading;

import static msb.trading.Fixture.DAY0;
import static msb.trading.Fixture.H;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import msb.signal.DirectionCounts;
import org.junit.jupiter.api.Test;

class TradingEngineTest {
    private static final double EPS = 1e-9;

    @Test
    void maxHoldingExitFlattensALongDespiteCooldown() {
        List<EngineEvent> ev = new ArrayList<>();
        GuardConfig cooldown = Fixture.looseGuards().withCooldownBars(100);
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), new ExitConfig(2, 0, 0, 0.1, false), cooldown,
                Fixture.noCosts()), ev);
        e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5));      // enter: target 0.5 x 10k = 50 @ 100
        assertEquals(0.0, e.positionQty());
        e.onBar(Fixture.ctx(DAY0 + 2 * H, 100, 102, 0.5));  // filled at this open
        assertEquals(50, e.positionQty(), EPS);
        e.onBar(Fixture.ctx(DAY0 + 3 * H, 102, 103, 0.5));  // held 2 bars: exit
        e.onBar(Fixture.ctx(DAY0 + 4 * H, 104, 104, 0.5));  // flattened at this open; re-entry in cooldown
        assertEquals(0.0, e.positionQty());
        assertEquals(1, e.roundTrips().size());
        RoundTrip t = e.roundTrips().getFirst();
        assertEquals("long", t.side());
        assertEquals(DAY0 + H, t.entryTs());
        assertEquals(DAY0 + 3 * H, t.exitTs());
        assertEquals(50 * 4.0, t.pnlUsd(), EPS);
        assertEquals(new DirectionCounts(1, 1), e.orders());
        assertEquals(10_200, e.equityUsd(), EPS);
        assertTrue(e.blocked().get(Guards.COOLDOWN).total() >= 1);
    }

    @Test
    void stopLossFlattensAShort() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), new ExitConfig(0, 100, 0, 0.1, false),
                Fixture.looseGuards().withMinPositionChangeFrac(0.1), Fixture.noCosts()), ev);
        e.onBar(Fixture.ctx(DAY0 + H, 100, 100, -0.5));
        e.onBar(Fixture.ctx(DAY0 + 2 * H, 100, 100.5, -0.5));  // short 50 @ 100; -50 bps
        assertEquals(-50, e.positionQty(), EPS);
        e.onBar(Fixture.ctx(DAY0 + 3 * H, 100.5, 101, -0.5));  // -100 bps: at the stop, exit
        e.onBar(Fixture.ctx(DAY0 + 4 * H, 101, 101, 0.0));
        assertEquals(0.0, e.positionQty());
        RoundTrip t = e.roundTrips().getFirst();
        assertEquals("short", t.side());
        assertEquals(-50.0, t.pnlUsd(), EPS);
        assertTrue(Fixture.of(ev, EngineEvent.Decision.class).stream().anyMatch(d -> d.action().equals("exit_stop_loss")));
    }

    @Test
    void reversalSendsCloseThenOpenAndMaxOrdersPerBarCanStopTheOpen() {
        for (int maxOrders : new int[] {1, 2}) {
            List<EngineEvent> ev = new ArrayList<>();
            GuardConfig g = Fixture.looseGuards().withMaxOrdersPerBar(maxOrders);
            TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), g, Fixture.noCosts()), ev);
            e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5));
            e.onBar(Fixture.ctx(DAY0 + 2 * H, 100, 100, -0.5));   // filled long; reverse decided
            e.onBar(Fixture.ctx(DAY0 + 3 * H, 100, 100, 0.0));
            assertEquals(1, e.roundTrips().size());
            if (maxOrders == 2) {
                assertEquals(-50, e.positionQty(), EPS);
                assertEquals(new DirectionCounts(1, 2), e.orders());
            } else {
                assertEquals(0.0, e.positionQty(), "the close went out, the open was the second order of the bar");
                assertEquals(new DirectionCounts(0, 1), e.blocked().get(Guards.MAX_ORDERS));
            }
        }
    }

    @Test
    void bothDirectionsTradeWhenSignalsAreBalanced() {
        TradingEngine e = Fixture.warmed(StrategyConfig.defaults(Fixture.TF), new ArrayList<>());
        double price = 100;
        for (int i = 1; i <= 120; i++) {
            double s = (i / 6) % 2 == 0 ? 0.4 : -0.4;
            double next = price * (1 + 0.001 * Math.sin(i));
            e.onBar(Fixture.ctx(DAY0 + i * H, price, next, s));
            price = next;
        }
        assertTrue(e.orders().buy() > 3 && e.orders().sell() > 3, "orders " + e.orders());
        assertTrue(Math.abs(e.signals().buy() - e.signals().sell()) <= 6, "signals " + e.signals());
        assertTrue(e.roundTrips().stream().anyMatch(t -> t.side().equals("long")));
        assertTrue(e.roundTrips().stream().anyMatch(t -> t.side().equals("short")));
    }

    @Test
    void consensusWithAlwaysPositiveMoodBlocksEverySellAndSaysSo() {
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(true), Fixture.noExits(), Fixture.looseGuards(),
                Fixture.noCosts()), new ArrayList<>());
        for (int i = 1; i <= 40; i++) {
            double s = i % 2 == 0 ? 0.3 : -0.3;
            e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100, s).withCohort(Double.NaN, Double.NaN, 0.5));
        }
        assertEquals(new DirectionCounts(20, 0), e.signals());
        assertEquals(new DirectionCounts(1, 0), e.orders());
        assertEquals(new DirectionCounts(0, 20), e.blocked().get("no_consensus"));
        assertEquals(1, e.blocked().size(), "nothing else blocked: " + e.blocked());
    }

    @Test
    void withoutConsensusTheSameInputsSell() {
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), Fixture.looseGuards(),
                Fixture.noCosts()), new ArrayList<>());
        for (int i = 1; i <= 40; i++) {
            double s = i % 2 == 0 ? 0.3 : -0.3;
            e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100, s).withCohort(Double.NaN, Double.NaN, 0.5));
        }
        assertEquals(new DirectionCounts(20, 20), e.signals());
        assertTrue(e.orders().sell() >= 20, "orders " + e.orders());
    }

    @Test
    void guardsAreCountedPerDirection() {
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(),
                Fixture.looseGuards().withMaxSpreadBps(5), Fixture.noCosts()), new ArrayList<>());
        for (int i = 1; i <= 6; i++) {
            e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100, i <= 4 ? 0.5 : -0.5).withMarket(Double.NaN, 5.5));
        }
        assertEquals(new DirectionCounts(4, 2), e.blocked().get(Guards.SPREAD));
        assertEquals(DirectionCounts.ZERO, e.orders());
    }

    @Test
    void dailyStopFiresAtItsThresholdFlattensAndResetsAtMidnight() {
        double stop = 0.0625; // exact in binary: the loss at the stop is exactly 625 USD
        double[] closes = {87.5 + 1e-6, 87.5, 87.5 - 1e-6};
        boolean[] fires = {false, true, true};
        for (int k = 0; k < closes.length; k++) {
            List<EngineEvent> ev = new ArrayList<>();
            TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(),
                    Fixture.looseGuards().withDailyLossStopFrac(stop), Fixture.noCosts()), ev);
            e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5));            // long 50 @ 100 at the next open
            e.onBar(Fixture.ctx(DAY0 + 2 * H, 100, closes[k], 0.5));  // loss 50 x (100 - close)
            assertEquals(fires[k], e.halted(), "close " + closes[k]);
            if (!fires[k]) continue;
            assertEquals(1, Fixture.of(ev, EngineEvent.Alert.class).stream().filter(a -> a.kind().equals("daily_stop")).count());
            e.onBar(Fixture.ctx(DAY0 + 3 * H, 88, 88, 0.5));          // flattened at this open; entries blocked
            assertEquals(0.0, e.positionQty());
            assertEquals(1, e.roundTrips().size());
            for (int h = 4; h <= 24; h++) e.onBar(Fixture.ctx(DAY0 + h * H, 88, 88, 0.5));
            assertTrue(e.halted(), "still halted on the bar closing at 00:00 (it opened at 23:00)");
            assertEquals(0.0, e.positionQty());
            assertEquals(22, e.blocked().get(Guards.DAILY_STOP).buy());
            e.onBar(Fixture.ctx(DAY0 + 25 * H, 88, 88, 0.5));         // first bar of the next UTC day
            assertFalse(e.halted());
            e.onBar(Fixture.ctx(DAY0 + 26 * H, 88, 88, 0.5));
            assertTrue(e.positionQty() > 0, "trading resumed");
        }
    }

    @Test
    void driftHaltRefusesAScaleUpButLetsAReductionThrough() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), Fixture.looseGuards(),
                Fixture.noCosts()), ev);
        e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5));       // enter: target 50 @ 100
        e.onBar(Fixture.ctx(DAY0 + 2 * H, 100, 100, 0.5));   // filled
        assertEquals(50, e.positionQty(), EPS);
        e.haltEntries("drift");
        e.onBar(Fixture.ctx(DAY0 + 3 * H, 100, 100, 0.8));   // scale-up to 80: refused
        e.onBar(Fixture.ctx(DAY0 + 4 * H, 100, 100, 0.2));   // reduce to 20: allowed
        e.onBar(Fixture.ctx(DAY0 + 5 * H, 100, 100, -0.5));  // reversal: the close runs, the short side is refused
        e.onBar(Fixture.ctx(DAY0 + 6 * H, 100, 100, 0.0));
        assertEquals(0.0, e.positionQty(), EPS, "reduced to 20, then closed; the short was not opened");
        List<Double> sizes = Fixture.of(ev, EngineEvent.Order.class).stream().map(EngineEvent.Order::qty).toList();
        assertEquals(3, sizes.size(), "entry, reduction, close: " + sizes);
        assertEquals(30, sizes.get(1), EPS);
        assertTrue(e.blocked().containsKey(TradingEngine.DRIFT_HALT));
    }

    @Test
    void liveMidFillsAtOnce() {
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), Fixture.looseGuards(),
                new PaperConfig(10_000, 0, 10, 0, 0)), new ArrayList<>());
        e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5).withLiveMid(100.2).withReceivedAt(DAY0 + H + 3));
        assertEquals(50, e.positionQty(), EPS);
        assertEquals(100.2 * 1.001, e.avgEntryPrice(), EPS);
        assertTrue(e.pendingOrders().isEmpty());
    }

    @Test
    void shadowModeDecidesButSendsNothing() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), Fixture.looseGuards(),
                Fixture.noCosts()), ev);
        for (int i = 1; i <= 4; i++) e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100, i % 2 == 0 ? 0.5 : -0.5).shadow());
        assertEquals(new DirectionCounts(2, 2), e.signals());
        assertEquals(DirectionCounts.ZERO, e.orders());
        assertEquals(new DirectionCounts(2, 2), e.blocked().get("shadow"));
        assertEquals(0.0, e.positionQty());
        assertEquals(4, Fixture.of(ev, EngineEvent.Decision.class).size());
        assertTrue(Fixture.of(ev, EngineEvent.Order.class).isEmpty());
    }

    @Test
    void oneDirectionalAlertFiresOnceAfterTheWindow() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), Fixture.looseGuards(),
                Fixture.noCosts()), ev);
        for (int i = 1; i <= 12; i++) e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100, 0.5));
        List<EngineEvent.Alert> alerts = Fixture.of(ev, EngineEvent.Alert.class);
        assertEquals(1, alerts.size());
        assertEquals("one_directional", alerts.getFirst().kind());
        assertEquals(DAY0 + 5 * H, alerts.getFirst().ts(), "window of 5 decisions");
    }

    @Test
    void warmupBlocksUntilTheVolatilityWindowIsFull() {
        TradingEngine e = new TradingEngine(Fixture.TF, Fixture.cfg(Fixture.gate(false), Fixture.noExits(),
                Fixture.looseGuards(), Fixture.noCosts()), null);
        for (int i = 1; i <= 4; i++) e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100, 0.5));
        assertEquals(new DirectionCounts(3, 0), e.blocked().get(Guards.WARMUP));
        assertEquals(new DirectionCounts(1, 0), e.orders());
    }

    @Test
    void barsMustMoveForward() {
        TradingEngine e = Fixture.warmed(StrategyConfig.defaults(Fixture.TF), new ArrayList<>());
        e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5));
        assertThrows(IllegalArgumentException.class, () -> e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5)));
    }

    @Test
    void roundTripThroughTheEngineHandComputedWithFeesSlippageAndFunding() {
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), new ExitConfig(1, 0, 0, 0.1, false),
                Fixture.looseGuards(), new PaperConfig(10_000, 5, 10, 0, 0)), new ArrayList<>());
        e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5).withMarket(0.0001, Double.NaN));  // target 5000 USD = 50
        e.onBar(Fixture.ctx(DAY0 + 2 * H, 100, 104, 0.5).withMarket(0.0001, Double.NaN)); // buy 50 @ 100.1; held 1: exit
        e.onBar(Fixture.ctx(DAY0 + 3 * H, 106, 106, 0.0).withMarket(0.0001, Double.NaN)); // sell 50 @ 105.894
        RoundTrip t = e.roundTrips().getFirst();
        double gross = 50 * (106 * 0.999 - 100 * 1.001);
        double fees = 50 * 100.1 * 0.0005 + 50 * 105.894 * 0.0005;
        double funding = 50 * 104 * 0.0001;                 // one 1h bar held, marked at its close
        assertEquals(gross, t.grossPnlUsd(), EPS);
        assertEquals(fees, t.feesUsd(), EPS);
        assertEquals(funding, t.fundingUsd(), EPS);
        assertEquals(284.03015, t.pnlUsd(), 1e-8);
        assertEquals(10_000 + 284.03015, e.equityUsd(), 1e-8);
        assertEquals(284.03015, e.realizedPnlUsd(), 1e-8);
    }

    @Test
    void aBarWithoutProbabilitiesStillFillsAndExitsButDecidesNothing() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), new ExitConfig(1, 0, 0, 0.1, false),
                Fixture.looseGuards(), Fixture.noCosts()), ev);
        e.onBar(Fixture.ctx(DAY0 + H, 100, 100, 0.5));
        e.onBar(BarContext.replay(Fixture.bar(DAY0 + 2 * H, 101, 101), null, null)); // filled; max hold exit
        assertEquals(50, e.positionQty(), EPS);
        e.onBar(BarContext.replay(Fixture.bar(DAY0 + 3 * H, 102, 102), null, null));
        assertEquals(0.0, e.positionQty());
        assertEquals(50.0, e.roundTrips().getFirst().pnlUsd(), EPS); // 50 bought at 101, sold at 102
        assertEquals(new DirectionCounts(1, 0), e.signals());
        assertEquals(TradingEngine.NO_SIGNAL, Fixture.of(ev, EngineEvent.Decision.class).getLast().mode());
    }

    @Test
    void holdingInTheDecidedDirectionIsNotCountedAsBlocked() {
        List<EngineEvent> ev = new ArrayList<>();
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(),
                Fixture.looseGuards().withMinPositionChangeFrac(0.1).withCooldownBars(2), Fixture.noCosts()), ev);
        for (int i = 1; i <= 10; i++) e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100 + 0.1 * i, 0.5));
        assertEquals(new DirectionCounts(1, 0), e.orders());
        assertTrue(e.blocked().isEmpty(), "re-sizes below the minimum change are holds: " + e.blocked());
        assertTrue(Fixture.of(ev, EngineEvent.Decision.class).stream()
                .anyMatch(d -> d.action().equals("scale_blocked_" + Guards.MIN_CHANGE)));
    }
}
