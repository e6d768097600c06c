package msb.trading;

import static msb.trading.Fixture.DAY0;
import static msb.trading.Fixture.H;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import msb.signal.DirectionCounts;
import org.junit.jupiter.api.Test;

/** The engine's decision funnel reconciles: decisions = blocked + held + ordered per side, and so on. */
class FunnelCountsTest {
    @Test
    void everyDecisionEndsInExactlyOneOutcome() {
        GuardConfig cooldown = Fixture.looseGuards().withCooldownBars(3);
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), new ExitConfig(5, 0, 0, 0.3, false), cooldown,
                Fixture.noCosts()), new ArrayList<>());
        Random rnd = new Random(7);
        double price = 100;
        for (int i = 1; i <= 400; i++) {
            double next = price * (1 + 0.01 * rnd.nextGaussian());
            double s = Math.max(-0.75, Math.min(0.75, 0.4 * rnd.nextGaussian()));
            e.onBar(Fixture.ctx(DAY0 + i * H, price, next, s));
            price = next;
        }
        FunnelCounts f = e.funnel();
        assertEquals(e.signals(), f.decisions(), "the decisions of the funnel are the engine's signals counter");
        assertTrue(f.held().total() > 0 && f.ordered().total() > 0 && f.blocked().total() > 0, f.toString());
        for (Side side : Side.values()) {
            long guards = e.blocked().entrySet().stream().filter(x -> !TradingEngine.gateRefusal(x.getKey()))
                    .mapToLong(x -> side == Side.BUY ? x.getValue().buy() : x.getValue().sell()).sum();
            assertEquals(side == Side.BUY ? f.blocked().buy() : f.blocked().sell(), guards, "guard blocks are the blocked decisions");
        }
        long exits = e.orders().total() - f.ordered().total();
        assertTrue(exits > 0, "max-hold exits and reversal closes are orders that are not decisions");
        assertEquals(f.modelSignals().total(), f.refusedByGate().total() + f.decisions().total(),
                "gate mode: every model signal is refused by the gate or decided");
    }

    @Test
    void aHeldPositionIsAStepNotABlock() {
        TradingEngine e = Fixture.warmed(Fixture.cfg(Fixture.gate(false), Fixture.noExits(), Fixture.looseGuards(),
                Fixture.noCosts()), new ArrayList<>());
        for (int i = 1; i <= 5; i++) e.onBar(Fixture.ctx(DAY0 + i * H, 100, 100, 0.5));
        FunnelCounts f = e.funnel();
        assertEquals(new DirectionCounts(5, 0), f.decisions());
        assertEquals(new DirectionCounts(1, 0), f.ordered(), "one entry");
        assertEquals(new DirectionCounts(4, 0), f.held(), "then the long is held: no order needed");
        assertEquals(DirectionCounts.ZERO, f.blocked());
        assertEquals(f, TradingEngine.restore(Fixture.TF, e.config(), e.snapshot(), null).funnel(), "snapshots carry the funnel");
    }

    @Test
    void theSentenceNamesEveryStep() {
        assertEquals("BUY : 120 model signals, 20 refused by the gate (below_min 20); 100 decisions = 10 blocked (cooldown 10) + 60 held + 30 ordered",
                FunnelCounts.line("BUY", 120, 20, "below_min 20", 100, 10, "cooldown 10", 60, 30));
    }
}
